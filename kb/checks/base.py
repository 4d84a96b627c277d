"""The rule registry: every check the validator runs is a Rule with an id, a level and a summary.

yamllint's way: each rule is a small unit that knows its own id and level, and the checks yield
Problems through it. The registry is the one list the docs test reads, so a rule added without an
entry in docs/contributing-laws.md fails the test suite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

from kb.problems import Problem, format_field
from kb.yamlsource import SourceMap

ERROR, WARNING = "error", "warning"

_REGISTRY: dict[str, Rule] = {}


@dataclass(frozen=True)
class Rule:
    """One check: its id (what editors search for), its level, and what it means in a line."""

    id: str
    summary: str
    level: str = ERROR
    area: str = "law files"

    def at(self, path: str, line: int, column: int, field: str, message: str) -> Problem:
        """Make a problem of this rule at an explicit place."""
        return Problem(path, line, column, field, message, self.id, self.level)


def register(rule_id: str, summary: str, level: str = ERROR, area: str = "law files") -> Rule:
    """Add a rule to the registry (once per id) and return it."""
    if level not in (ERROR, WARNING):
        raise ValueError(f"rule {rule_id}: level must be {ERROR!r} or {WARNING!r}, not {level!r}")
    existing = _REGISTRY.get(rule_id)
    rule = Rule(rule_id, summary, level, area)
    if existing is not None and existing != rule:
        raise ValueError(f"rule {rule_id} is registered twice with different definitions")
    _REGISTRY[rule_id] = rule
    return rule


def unregister(rule_id: str) -> None:
    """Remove a rule (tests use this to show the docs check catches an undocumented rule)."""
    _REGISTRY.pop(rule_id, None)


def registry() -> MappingProxyType:
    """Every registered rule, by id (read-only)."""
    return MappingProxyType(_REGISTRY)


def level_of(rule_id: str) -> str:
    """The level of a rule id; unknown ids count as errors, the safe side."""
    rule = _REGISTRY.get(rule_id)
    return rule.level if rule else ERROR


def documented_rule_ids(docs_text: str) -> set[str]:
    """The rule ids that have a row in a Markdown table of rules (`| `rule-id` | ...`)."""
    ids = set()
    for cell in re.findall(r"^\| ((?:`[a-zA-Z-]+`(?: / )?)+)[^|`]*\|", docs_text, re.MULTILINE):
        ids |= set(re.findall(r"`([a-zA-Z-]+)`", cell))
    return ids


def undocumented(docs_text: str) -> list[str]:
    """The registered rule ids that the docs do not explain, sorted."""
    return sorted(set(_REGISTRY) - documented_rule_ids(docs_text))


@dataclass
class FileData:
    """One parsed, schema-valid file: its data, where things stand, its display path, and the stored
    statute texts its laws cite (by section id; a law file's only)."""

    path: str
    data: dict
    source_map: SourceMap
    texts: dict = field(default_factory=dict)

    def problem(self, at: tuple, message: str, rule: Rule, key: bool = False) -> Problem:
        """Make a problem of `rule` pointing at the value (or key) at path `at`."""
        line, column = self.source_map.key(at) if key else self.source_map.value(at)
        return rule.at(self.path, line, column, format_field(at), message)
