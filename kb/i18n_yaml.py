"""Babel extractor for the texts kept as data: question texts, help, answers and labels.

`make messages` uses it (see babel.cfg) so that translators see these strings in the same
catalogue as the templates'. Ids, fact names, conditions and codes are not text and are skipped.
"""

from __future__ import annotations

import yaml

# Keys whose values are codes or structure, never words a reader sees.
SKIP_KEYS = {"id", "fact", "facts", "kind", "step", "show_if", "fear_facts", "languages", "when", "values_are"}


def _walk(node, key=None):
    if key in SKIP_KEYS:
        return
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:str" and key is not None and node.value.strip() and not node.value.strip().isidentifier():
            yield node.start_mark.line + 1, " ".join(node.value.split())
        elif node.tag == "tag:yaml.org,2002:str" and key is not None and " " not in node.value and node.value[:1].isupper():
            yield node.start_mark.line + 1, node.value  # one-word labels: "Stalking", "Yes"
    elif isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            yield from _walk(value, name.value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item, key)


def extract(fileobj, keywords, comment_tags, options):
    """Yield (line, function, message, comments) for every reader-facing string in a YAML file."""
    root = yaml.compose(fileobj.read().decode("utf-8"))
    for line, text in _walk(root):
        yield line, "_", text, []
