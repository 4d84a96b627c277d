"""Strict YAML reading that remembers where every value stands in the file.

Safe loading only; no anchors or aliases (they expand exponentially); duplicate keys are problems (PyYAML would silently keep the last one);
dates stay ISO strings so the validator can check them; every key and value keeps its line
and column so an error can point an editor at the exact place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from kb.problems import Problem, format_field

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}


class _AliasFound(Exception):
    """An anchor (&name) or alias (*name) in a law file, found before anything is built from it."""

    def __init__(self, mark, what: str) -> None:
        super().__init__(what)
        self.mark = mark
        self.what = what


# libyaml's parser (about ten times faster) when PyYAML was built with it; it keeps line and column.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """A safe loader that does not turn dates into datetime objects."""


def _refuse_anchors(text: str) -> None:
    """Stop at the first anchor or alias, reading parser events only: nothing is composed or expanded.

    A few nested aliases expand exponentially (320 bytes took seconds; a little more, minutes).
    """
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _AliasFound(event.start_mark, f"the alias '*{event.anchor}'")
        if getattr(event, "anchor", None) is not None:
            raise _AliasFound(event.start_mark, f"the anchor '&{event.anchor}'")


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class SourceMap:
    """Line and column (1-based) of every value and every mapping key, by value path."""

    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def value(self, path: tuple) -> tuple[int, int]:
        """Where the value at `path` stands, or its nearest ancestor when it is missing."""
        path = tuple(path)
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def key(self, path: tuple) -> tuple[int, int]:
        """Where the key naming `path` stands (falls back to the value's place)."""
        return self.keys.get(tuple(path)) or self.value(path)


@dataclass
class ParsedYaml:
    """The data of one YAML document, where its parts stand, and what was wrong with it."""

    data: object
    source_map: SourceMap
    problems: list[Problem]


def parse_yaml(text: str, path: str) -> ParsedYaml:
    """Parse one YAML document strictly, collecting syntax errors and duplicate keys as problems."""
    loader = _StrictLoader(text)
    try:
        _refuse_anchors(text)
        node = loader.get_single_node()
    except _AliasFound as found:
        message = f"{found.what} is not allowed: law files write every value out in full (no anchors '&' or aliases '*')"
        return ParsedYaml(None, SourceMap(), [Problem(path, found.mark.line + 1, found.mark.column + 1, "", message, "yaml-alias")])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"the file is not valid YAML: {exc.problem or exc.context}"
        return ParsedYaml(None, SourceMap(), [Problem(path, line, column, "", message, "yaml-syntax")])
    except yaml.YAMLError as exc:
        return ParsedYaml(None, SourceMap(), [Problem(path, 1, 1, "", f"the file is not valid YAML: {exc}", "yaml-syntax")])
    finally:
        loader.dispose()
    if node is None:
        return ParsedYaml(None, SourceMap(), [Problem(path, 1, 1, "", "the file is empty", "empty-file")])
    builder = _Builder(loader, path)
    data = builder.build(node, ())
    return ParsedYaml(data, builder.source_map, builder.problems)


class _Builder:
    """Turn a composed node tree into plain Python values, recording positions on the way."""

    def __init__(self, loader: yaml.SafeLoader, path: str) -> None:
        self.loader = loader
        self.path = path
        self.source_map = SourceMap()
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, at: tuple):
        place = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.source_map.values[at] = place
        if node.tag not in _PLAIN_TAGS:
            message = f"the tag '{node.tag}' is not allowed: law files hold plain text, numbers, lists and mappings"
            self.problems.append(Problem(self.path, *place, format_field(at), message, "yaml-tag"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, at + (index,)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, at: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            key_place = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if isinstance(key, bool):
                # An unquoted yes/no/on/off key: keep the word as written, and say how to fix it.
                written = key_node.value
                message = f'the key {written} is read by YAML as {str(key).lower()}; put it in quotes: "{written}"'
                self.problems.append(Problem(self.path, *key_place, format_field(at + (written,)), message, "bool-key"))
                key = written
            elif not isinstance(key, str):
                key = str(key)
            if key in result:
                first_line = self.source_map.keys[at + (key,)][0]
                self.problems.append(
                    Problem(
                        self.path,
                        *key_place,
                        format_field(at + (key,)),
                        f"the key '{key}' appears twice in this mapping (first on line {first_line}); keep one",
                        "duplicate-key",
                    )
                )
                continue
            self.source_map.keys[at + (key,)] = key_place
            result[key] = self.build(value_node, at + (key,))
        return result
