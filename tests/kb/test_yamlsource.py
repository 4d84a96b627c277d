"""Strict YAML reading: positions, duplicate keys, dates kept as text, booleans kept visible."""

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
