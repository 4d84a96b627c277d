"""Tests that keep the docs honest: every rule, field and command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.checks import registry
from kb.checks.base import documented_rule_ids, register, undocumented, unregister
from kb.schema import law_file_schema, text_front_matter_schema
from web.cli import laws

DOCS = Path(__file__).parent.parent / "docs"
CONTRIBUTING = (DOCS / "contributing-laws.md").read_text(encoding="utf-8")
FORMAT = (DOCS / "law-file-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", sorted(registry()))
def test_every_registered_rule_is_explained_for_maintainers(rule):
    assert rule in documented_rule_ids(CONTRIBUTING), f"add a row for `{rule}` to the rules table in docs/contributing-laws.md"


def test_an_undocumented_rule_fails_the_docs_check():
    register("made-up-rule", "a rule nobody documented")
    try:
        assert undocumented(CONTRIBUTING) == ["made-up-rule"]
    finally:
        unregister("made-up-rule")
    assert undocumented(CONTRIBUTING) == []


def test_every_documented_rule_exists():
    """A row for a rule that no longer exists would send an editor looking for nothing."""
    assert documented_rule_ids(CONTRIBUTING) <= set(registry())


def test_every_rule_id_used_in_code_is_registered():
    code = "".join(p.read_text(encoding="utf-8") for p in (Path(__file__).parent.parent / "kb").rglob("*.py"))
    used = set(re.findall(r'register\(\s*"([a-z]+(?:-[a-z]+)+)"', code)) | set(re.findall(r'Problem\([^)]*"([a-z]+(?:-[a-z]+)+)"\)', code))
    assert used and used <= set(registry())


def _schema_fields() -> set[str]:
    schema = law_file_schema()
    fields = set(schema["properties"])
    for definition in ("law", "elements", "path", "quote"):
        fields |= set(schema["$defs"][definition]["properties"])
    fields |= set(text_front_matter_schema()["properties"])
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


def test_documented_paths_example_is_valid_and_anchored(tmp_path):
    from kb.loader import load

    complete = re.search(r"## A complete example\n\n```yaml\n(.*?)```", FORMAT, re.DOTALL).group(1)
    section = FORMAT.split("## A law written as paths, with its text", 1)[1]
    text_file = re.search(r"```text\n(.*?)```", section, re.DOTALL).group(1)
    law = re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)
    (tmp_path / "us" / "ca").mkdir(parents=True)
    (tmp_path / "us" / "ca" / "pen-653m.txt").write_text(text_file, encoding="utf-8")
    (tmp_path / "us" / "ca.yaml").write_text(complete.rstrip() + "\n\n" + law, encoding="utf-8")
    federal = (Path(__file__).parent / "fixtures" / "laws" / "us" / "us.yaml").read_text(encoding="utf-8")
    (tmp_path / "us" / "us.yaml").write_text(federal.replace('"2026-01-10"', '"2026-11-24"'), encoding="utf-8")
    result = load([tmp_path])
    assert [p.format() for p in result.problems if p.severity == "error"] == []
    example = result.kb.law("us-ca-annoying-communications")
    assert [path.id for path in example.paths] == ["threat", "repeated"]
    assert example.anchored
