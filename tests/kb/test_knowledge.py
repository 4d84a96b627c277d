"""Look-ups of the knowledge base that are worked out once per knowledge base."""

from __future__ import annotations

from kb.loader import load

KB = load().kb


def test_children_are_each_jurisdictions_direct_children_a_to_z():
    for parent in [None, *KB.jurisdictions]:
        expected = sorted((j for j in KB.jurisdictions.values() if j.parent == parent), key=lambda j: j.name)
        assert KB.children(parent) == expected
    assert [j.id for j in KB.children("us")][:2] == ["us-al", "us-ak"]
    assert KB.children("us-ca") == []


def test_children_cannot_be_changed_through_the_returned_list():
    regions = KB.children("au")
    regions.clear()
    assert KB.children("au")


def test_countries_name_each_group_in_browsing_order():
    assert KB.countries() == {code: name for code, name, _ in KB.by_country()}
    assert next(iter(KB.countries())) == "us"
