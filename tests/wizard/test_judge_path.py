"""A path judged in one pass: its status and how many deciding elements are met, and the order of paths."""

from __future__ import annotations

import pytest

from kb.model import Fear
from wizard.assess import LIKELY, POSSIBLE, UNLIKELY, judge_path
from wizard.elements import MET, NOT_MET, UNKNOWN, ElementResult
from wizard.facts_used import _fear_facts


def element(status: str, decisive: bool = True) -> ElementResult:
    return ElementResult("conduct", "How many incidents", status, "why", decisive=decisive)


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ((MET, MET), (LIKELY, 2)),
        ((MET, UNKNOWN), (POSSIBLE, 1)),
        ((MET, NOT_MET, UNKNOWN), (UNLIKELY, 1)),
        ((NOT_MET, MET, MET), (UNLIKELY, 2)),
        ((), (LIKELY, 0)),
    ],
)
def test_status_and_met_count_come_from_deciding_elements(statuses, expected):
    assert judge_path(tuple(element(status) for status in statuses)) == expected


def test_an_explained_element_never_decides_nor_counts():
    # Intent is unknown and explained only: the path still fits, and it is not counted as met.
    assert judge_path((element(MET), element(UNKNOWN, decisive=False))) == (LIKELY, 1)
    assert judge_path((element(MET), element(MET, decisive=False))) == (LIKELY, 1)


def test_fear_facts_are_kept_per_kind_of_fear_and_cannot_be_changed():
    fear = Fear(("safety", "emotional_distress"), "actual")
    first = _fear_facts(fear)
    assert first == {"afraid_for_safety", "emotional_distress"}
    assert isinstance(first, frozenset)
    assert _fear_facts(Fear(("safety", "emotional_distress"), "actual")) is first
    assert _fear_facts(Fear(("safety",), "none")) == frozenset()


def test_the_fear_key_is_the_same_whether_or_not_the_caller_passes_the_facts():
    from kb.loader import load
    from wizard.elements import fear_key
    from wizard.facts_used import fear_facts

    kb = load().kb
    paths = [path for law in kb.jurisdiction("us-ca").laws for path in law.paths if fear_facts(path.elements)]
    assert paths
    for answers in (
        {},
        {"afraid_for_safety": "yes"},
        {"afraid_for_safety": "no", "emotional_distress": "no"},
        {"emotional_distress": "unsure"},
    ):
        for path in paths:
            assert fear_key(path.elements, answers, fear_facts(path.elements)) == fear_key(path.elements, answers)
