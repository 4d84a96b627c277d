"""Strict YAML reading: positions, duplicate keys, dates kept as text, booleans kept visible."""

import time

import pytest

from kb.yamlsource import parse_yaml


def test_positions_of_values_and_keys_are_one_based():
    parsed = parse_yaml("id: us\nlaws:\n  - title: Stalking\n", "f.yaml")
    assert parsed.source_map.value(("laws", 0, "title")) == (3, 12)
    assert parsed.source_map.key(("laws", 0, "title")) == (3, 5)


def test_missing_path_falls_back_to_nearest_ancestor():
    parsed = parse_yaml("laws:\n  - title: Stalking\n", "f.yaml")
    assert parsed.source_map.value(("laws", 0, "citation")) == (2, 5)


def test_dates_stay_text_and_yes_becomes_a_visible_boolean():
    parsed = parse_yaml('date: 2026-01-02\nanswer: yes\nquoted: "yes"\n', "f.yaml")
    assert parsed.data == {"date": "2026-01-02", "answer": True, "quoted": "yes"}


def test_duplicate_key_is_a_problem_naming_both_lines():
    parsed = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [p.format() for p in parsed.problems] == [
        "f.yaml:3:1: error: a: the key 'a' appears twice in this mapping (first on line 1); keep one (duplicate-key)"
    ]
    assert parsed.data == {"a": 1, "b": 2}


def test_empty_file_is_a_problem():
    assert [p.rule for p in parse_yaml("", "f.yaml").problems] == ["empty-file"]


def test_unsafe_tags_are_refused():
    parsed = parse_yaml("a: !!python/object/apply:os.system ['true']\n", "f.yaml")
    assert [p.format() for p in parsed.problems] == [
        "f.yaml:1:4: error: a: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed: "
        "law files hold plain text, numbers, lists and mappings (yaml-tag)"
    ]


def _laughs(levels: int) -> str:
    """The 'billion laughs': each level lists the one before nine times."""
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text, where, what",
    [
        ("id: us\nname: &n United States\nshort: *n\n", (2, 7), "the anchor '&n'"),
        ("id: us\nlaws:\n  - &law {id: x}\n", (3, 5), "the anchor '&law'"),
        ("id: us\nname: *missing\n", (2, 7), "the alias '*missing'"),
        (_laughs(9), (1, 5), "the anchor '&a0'"),
    ],
    ids=["anchor-and-alias", "anchor-on-a-law", "alias-alone", "billion-laughs"],
)
def test_anchors_and_aliases_are_refused_before_anything_expands(text, where, what):
    started = time.perf_counter()
    parsed = parse_yaml(text, "f.yaml")
    assert time.perf_counter() - started < 0.5  # 9 levels would take minutes and gigabytes if expanded
    assert parsed.data is None
    assert [(p.rule, (p.line, p.column)) for p in parsed.problems] == [("yaml-alias", where)]
    assert parsed.problems[0].message.startswith(f"{what} is not allowed")


def test_a_law_file_with_an_alias_fails_with_file_and_line(law_dir):
    from kb.loader import load

    path = law_dir / "us" / "ca.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("conduct: pattern", "conduct: &c pattern"), encoding="utf-8")
    (problem,) = load([law_dir]).problems
    assert problem.rule == "yaml-alias" and problem.path.endswith("us/ca.yaml") and problem.line == 19
