"""Tests that keep the docs honest: every rule, field and command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.rules import RULES
from kb.schema import law_file_schema
from web.cli import laws

DOCS = Path(__file__).parent.parent / "docs"
CONTRIBUTING = (DOCS / "contributing-laws.md").read_text(encoding="utf-8")
FORMAT = (DOCS / "law-file-format.md").read_text(encoding="utf-8")
SOURCE_RULES = {"yaml-syntax", "yaml-tag", "yaml-alias", "duplicate-key", "empty-file", "encoding", "file-missing"}
SCHEMA_RULES = {
    "schema-enum",
    "schema-type",
    "schema-required",
    "schema-unknown-field",
    "schema-pattern",
    "schema-minLength",
    "schema-minItems",
}


@pytest.mark.parametrize("rule", sorted(set(RULES) | SOURCE_RULES | SCHEMA_RULES))
def test_every_rule_id_is_explained_for_maintainers(rule):
    assert f"`{rule}`" in CONTRIBUTING


def test_every_rule_id_used_in_code_is_listed():
    code = "".join(p.read_text(encoding="utf-8") for p in (Path(__file__).parent.parent / "kb").glob("*.py"))
    used = set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"\)?\s*\)?$', code, re.MULTILINE)) | set(re.findall(r'rule="?([a-z-]+)', code))
    documented = set(re.findall(r"^\| `([a-zA-Z-]+)`", CONTRIBUTING, re.MULTILINE))
    assert {r for r in used if r in RULES or r in SOURCE_RULES} <= documented


def _schema_fields() -> set[str]:
    schema = law_file_schema()
    fields = set(schema["properties"])
    for definition in ("law", "elements"):
        fields |= set(schema["$defs"][definition]["properties"])
    fields |= set(schema["$defs"]["law"]["properties"]["penalty"]["properties"])
    fields |= set(schema["$defs"]["law"]["properties"]["checked"]["properties"])
    fields |= set(schema["properties"]["resources"]["items"]["properties"])
    return fields


@pytest.mark.parametrize("field", sorted(_schema_fields()))
def test_every_schema_field_is_documented(field):
    assert f"`{field}`" in FORMAT


@pytest.mark.parametrize("command", sorted(laws.commands))
def test_every_cli_command_is_documented(command):
    assert f"laws {command}" in CONTRIBUTING


def test_documented_example_is_a_valid_law_file(tmp_path):
    from kb.loader import load

    example = re.search(r"## A complete example\n\n```yaml\n(.*?)```", FORMAT, re.DOTALL).group(1)
    (tmp_path / "us").mkdir()
    (tmp_path / "us" / "ca.yaml").write_text(example, encoding="utf-8")
    (tmp_path / "us" / "us.yaml").write_text(
        (Path(__file__).parent / "fixtures" / "laws" / "us" / "us.yaml")
        .read_text(encoding="utf-8")
        .replace('"2026-01-10"', '"2026-11-24"'),
        encoding="utf-8",
    )
    result = load([tmp_path])
    assert [p.format() for p in result.problems] == []
