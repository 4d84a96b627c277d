"""Laws with alternative paths: each path judged on its own; the law takes its best path's status."""

from __future__ import annotations

import pytest

from kb.conditions import Condition
from kb.describe import condition_text, intent_text, relationship_text
from kb.model import build_law
from wizard.assess import LIKELY, POSSIBLE, UNLIKELY, assess_law
from wizard.facts_used import facts_used

NO_FEAR = {"kinds": ["none"], "test": "none"}
CHECKED = {"date": "2026-12-07", "source": "https://example.org/text"}


def _law(paths: list[dict], kind: str = "crime") -> object:
    raw = {
        "id": "xx-law",
        "title": "A law",
        "citation": "Test § 1",
        "url": "https://example.org/law",
        "kind": kind,
        "topics": ["stalking"],
        "summary": "A law for testing the judging of paths, in plain words of our own.",
        "paths": [{"pinpoint": "(a)", **path} for path in paths],
        "penalty": {"class": "misdemeanor", "detail": "Up to 1 year."},
        "checked": CHECKED,
    }
    return build_law(raw, "xx")


def _elements(**overrides) -> dict:
    base = {"conduct": "pattern", "min_acts": 2, "intent": "specific", "fear": NO_FEAR, "credible_threat": False, "electronic": "general"}
    return base | overrides


STALKING = _law(
    [
        {"id": "basic", "label": "Stalking", "elements": _elements(fear={"kinds": ["safety"], "test": "reasonable_person"})},
        {
            "id": "aggravated",
            "label": "Aggravated stalking: with a credible threat",
            "elements": _elements(fear={"kinds": ["safety"], "test": "reasonable_person"}, credible_threat=True),
            "penalty": {"class": "felony", "detail": "Up to 5 years."},
        },
    ]
)
HARASSMENT = _law(
    [
        {"id": "threat", "label": "One threatening message", "elements": _elements(conduct="single", intent="none", credible_threat=True)},
        {"id": "calls", "label": "Repeated calls", "elements": _elements()},
    ]
)
ORDER = _law(
    [
        {"id": "stalking", "label": "Stalking", "elements": _elements(relationship="any")},
        {
            "id": "sexual-assault",
            "label": "One sexual assault",
            "elements": _elements(
                conduct="single", intent="general", relationship="any", requires=[{"describe": "You were sexually assaulted"}]
            ),
            "pinpoint": "(b)",
        },
    ],
    kind="protection_order",
)
DATING_ORDER = _law(
    [
        {
            "id": "abuse",
            "label": "Domestic abuse",
            "elements": _elements(
                conduct="single",
                intent="general",
                relationship=[
                    "partner_or_ex",
                    {"who": "dating", "when": {"any": [{"fact": "minor", "is": "yes"}, {"fact": "child_in_common", "is": "yes"}]}},
                ],
            ),
        }
    ],
    kind="protection_order",
)


def _statuses(result) -> dict[str, str]:
    return {p.path.id: p.status for p in result.paths}


def test_one_threatening_message_meets_the_threat_path_though_the_other_path_needs_a_pattern():
    result = assess_law(HARASSMENT, {"incidents": "one", "threatened": "yes"}, "")
    assert result.status == LIKELY
    assert _statuses(result) == {"threat": LIKELY, "calls": UNLIKELY}
    assert result.best.path.id == "threat"
    assert [p.path.id for p in result.ruled_out_paths] == ["calls"]


def test_a_pattern_without_a_threat_fits_the_basic_form_and_rules_out_the_aggravated_one():
    result = assess_law(STALKING, {"incidents": "several", "threatened": "no", "afraid_for_safety": "yes"}, "")
    assert result.status == LIKELY
    assert _statuses(result) == {"basic": LIKELY, "aggravated": UNLIKELY}
    ruled_out = result.ruled_out_paths[0]
    assert ruled_out.label == "Aggravated stalking: with a credible threat"
    assert [e.element for e in ruled_out.ruled_out_by] == ["credible_threat"]
    assert "you said there was none" in ruled_out.ruled_out_by[0].reason


def test_a_law_is_unlikely_only_when_every_path_is_ruled_out():
    result = assess_law(HARASSMENT, {"incidents": "one", "threatened": "no"}, "")
    assert result.status == UNLIKELY and set(_statuses(result).values()) == {UNLIKELY}


def test_an_order_for_one_sexual_assault_stays_open_after_a_single_incident():
    result = assess_law(ORDER, {"incidents": "one", "relationship": "stranger"}, "")
    assert _statuses(result) == {"sexual-assault": POSSIBLE, "stalking": UNLIKELY}
    assert result.status == POSSIBLE
    reasons = [e.reason for e in result.best.open_questions]
    assert any("You were sexually assaulted" in reason for reason in reasons)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"relationship": "dating", "minor": "no", "child_in_common": "no"}, UNLIKELY),
        ({"relationship": "dating", "minor": "yes", "child_in_common": "no"}, LIKELY),
        ({"relationship": "dating", "minor": "no", "child_in_common": "yes"}, LIKELY),
        ({"relationship": "dating", "minor": "no", "child_in_common": "unsure"}, POSSIBLE),
        ({"relationship": "dating"}, POSSIBLE),
        ({"relationship": "partner_or_ex"}, LIKELY),
        ({"relationship": "stranger"}, UNLIKELY),
    ],
)
def test_dating_partners_qualify_only_on_the_condition_the_text_sets(answers, expected):
    result = assess_law(DATING_ORDER, answers | {"incidents": "one"}, "")
    assert result.status == expected
    reason = next(e.reason for e in result.elements if e.element == "relationship")
    if answers["relationship"] == "dating" and expected != LIKELY:
        assert "only when: you are under 18 or you and the person have a child together" in reason


def test_the_facts_a_law_reads_include_every_path_and_condition():
    assert facts_used(DATING_ORDER) == {"relationship", "minor", "child_in_common"}
    assert facts_used(HARASSMENT) == {"incidents", "threatened"}


def test_the_law_level_elements_sum_up_the_paths():
    assert HARASSMENT.elements.conduct == "either" and HARASSMENT.elements.min_acts == 2
    assert HARASSMENT.elements.credible_threat is False  # not needed on every path
    assert STALKING.elements.fear.kinds == ("safety",) and STALKING.elements.fear.test == "reasonable_person"
    assert ORDER.elements.relationship == ("any",)


def test_intent_forms_read_as_alternatives_or_as_all_together():
    any_of = _law([{"id": "a", "label": "A", "elements": _elements(intent={"any_of": ["specific", "knowledge"]})}]).paths[0].elements
    all_of = _law([{"id": "a", "label": "A", "elements": _elements(intent={"all_of": ["general", "specific"]})}]).paths[0].elements
    assert intent_text(any_of).startswith("Any one of these is enough: the person must have meant")
    assert "; or it is enough that the person knew" in intent_text(any_of)
    assert intent_text(all_of).startswith("All of these together: only the acts themselves")
    assert all_of.intent_mode == "all_of" and any_of.intent_mode == "any_of"


def test_conditions_are_hashable_values_that_round_trip():
    raw = {"any": [{"fact": "minor", "is": "yes"}, {"not": {"fact": "relationship", "in": ["stranger", "unknown"]}}]}
    condition = Condition.from_raw(raw)
    assert condition.to_raw() == raw
    assert hash(condition) == hash(Condition.from_raw(raw))
    assert condition.facts() == {"minor", "relationship"}
    assert condition_text(condition) == (
        "you are under 18 or not: how you know the person: a stranger, or someone you only know online or not sure who it is"
    )


def test_the_relationship_line_names_the_condition():
    text = relationship_text(DATING_ORDER.paths[0].elements)
    assert text.startswith("Only: a partner or ex (you were married")
    assert "someone you are dating or used to date (only when: you are under 18 or you and the person have a child together)" in text


FAMILY_ORDER = build_law(
    {
        "id": "xx-family-order",
        "title": "A family order",
        "citation": "Test § 2",
        "url": "https://example.org/law",
        "kind": "protection_order",
        "topics": ["domestic_violence"],
        "summary": "An order for partners and for relatives who live with you, in plain words of our own.",
        "paths": [
            {
                "id": "abuse",
                "label": "Abuse",
                "pinpoint": "(a)",
                "elements": _elements(
                    conduct="single",
                    intent="general",
                    relationship=[
                        "partner_or_ex",
                        {"who": "family_or_household", "describe": "you live with them now, or did in the past year"},
                    ],
                ),
            }
        ],
        "penalty": {"class": "civil", "detail": "A court order."},
        "checked": CHECKED,
        "translations": {
            "es": {
                "title": "Una orden familiar",
                "summary": "Una orden para parejas y familiares que viven con usted.",
                "paths": {
                    "abuse": {
                        "label": "Abuso",
                        "relationship": {"family_or_household": "vive con esa persona ahora, o vivió en el último año"},
                    }
                },
            }
        },
    },
    "xx",
)


def test_a_condition_no_question_can_tell_keeps_only_that_relationship_open():
    family = assess_law(FAMILY_ORDER, {"incidents": "one", "relationship": "family_or_household"}, "")
    partner = assess_law(FAMILY_ORDER, {"incidents": "one", "relationship": "partner_or_ex"}, "")
    assert family.status == POSSIBLE and partner.status == LIKELY
    reason = next(e.reason for e in family.elements if e.element == "relationship")
    assert "open only when: you live with them now, or did in the past year. We do not know that yet." in reason
    assert facts_used(FAMILY_ORDER) == {"relationship"}


def test_the_words_of_such_a_condition_are_translated():
    path = FAMILY_ORDER.paths[0]
    assert FAMILY_ORDER.condition_text_for(path, "family_or_household", "es") == "vive con esa persona ahora, o vivió en el último año"
    assert FAMILY_ORDER.condition_text_for(path, "family_or_household", "en") == "you live with them now, or did in the past year"
    assert FAMILY_ORDER.condition_text_for(path, "partner_or_ex", "es") is None


def test_a_mark_on_all_paths_shows_on_every_element_of_every_path():
    from dataclasses import replace

    from kb.model import Unconfirmed

    marked = replace(STALKING, unconfirmed=(Unconfirmed("paths", "the penalty subsection was not seen"),), written_as_paths=True)
    assert marked.is_unconfirmed("paths[1].elements.conduct") and marked.is_unconfirmed("paths")
    assert not marked.is_unconfirmed("penalty")
    one = replace(STALKING, unconfirmed=(Unconfirmed("paths[0].elements.min_acts", "repeatedly is not defined"),))
    assert one.is_unconfirmed("paths[0].elements") and not one.is_unconfirmed("paths[1].elements.min_acts")


def test_a_no_to_serious_distress_does_not_rule_out_a_law_that_counts_alarm_or_annoyance():
    """The questions ask about fear for safety and serious distress; alarm or annoyance is less, so two
    'no' answers leave a path that counts it open, while a path needing serious distress is ruled out."""
    from dataclasses import replace

    from kb.model import Fear
    from wizard.elements import MET, NOT_MET, UNKNOWN, fear_key, fear_result

    def fear(elements, answers):
        return fear_result(elements, fear_key(elements, answers))

    answers = {"afraid_for_safety": "no", "emotional_distress": "no"}
    base = DATING_ORDER.paths[0].elements
    alarm = replace(base, fear=Fear(kinds=("alarm_or_annoyance",), test="actual"))
    distress = replace(base, fear=Fear(kinds=("emotional_distress",), test="actual"))
    assert fear(alarm, answers).status == UNKNOWN and fear(alarm, answers).key == "lesser_effect"
    assert fear(distress, answers).status == NOT_MET
    assert fear(alarm, {"emotional_distress": "yes"}).status == MET
