"""Unit tests of the pure engine: conditions, element judgements, flow skipping, answer checking."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kb.loader import load
from wizard.answers import check_answers
from wizard.assess import LIKELY, POSSIBLE, UNLIKELY, assess, assess_law
from wizard.conditions import evaluate, facts_in
from wizard.flow import asked_questions, effective_answers, load_flow, next_question, progress

FIXTURES = Path(__file__).parent.parent / "fixtures" / "laws"
FIXTURE_KB = load([FIXTURES]).kb
REAL_KB = load().kb
FLOW = load_flow()

YES, NO, UNSURE = "yes", "no", "unsure"


@pytest.mark.parametrize(
    "condition, answers, expected",
    [
        ({"fact": "threatened", "is": "yes"}, {"threatened": YES}, True),
        ({"fact": "threatened", "is": "yes"}, {"threatened": NO}, False),
        ({"fact": "threatened", "is": "yes"}, {"threatened": UNSURE}, None),
        ({"fact": "threatened", "is": "yes"}, {}, None),
        ({"fact": "relationship", "in": ["partner_or_ex", "dating"]}, {"relationship": "dating"}, True),
        ({"fact": "relationship", "in": ["partner_or_ex", "dating"]}, {"relationship": "unknown"}, None),
        ({"all": [{"fact": "a", "is": "yes"}, {"fact": "b", "is": "yes"}]}, {"a": YES, "b": NO}, False),
        ({"all": [{"fact": "a", "is": "yes"}, {"fact": "b", "is": "yes"}]}, {"a": YES}, None),
        ({"all": [{"fact": "a", "is": "yes"}, {"fact": "b", "is": "yes"}]}, {"a": YES, "b": YES}, True),
        ({"any": [{"fact": "a", "is": "yes"}, {"fact": "b", "is": "yes"}]}, {"a": NO}, None),
        ({"any": [{"fact": "a", "is": "yes"}, {"fact": "b", "is": "yes"}]}, {"a": NO, "b": YES}, True),
        ({"any": [{"fact": "a", "is": "yes"}, {"fact": "b", "is": "yes"}]}, {"a": NO, "b": NO}, False),
        ({"not": {"fact": "a", "is": "yes"}}, {"a": NO}, True),
        ({"not": {"fact": "a", "is": "yes"}}, {}, None),
    ],
)
def test_conditions_use_three_valued_logic(condition, answers, expected):
    assert evaluate(condition, answers) is expected


def test_facts_in_collects_nested_facts():
    condition = {"all": [{"fact": "a", "is": "yes"}, {"any": [{"fact": "b", "is": "yes"}, {"not": {"fact": "c", "is": "no"}}]}]}
    assert facts_in(condition) == {"a", "b", "c"}


def _result(law_id: str, answers: dict) -> object:
    law = FIXTURE_KB.law(law_id)
    return assess_law(law, answers, "because")


def test_pattern_law_is_unlikely_after_one_incident_and_says_why():
    result = _result("us-ca-stalking", {"incidents": "one", "threatened": YES, "afraid_for_safety": YES})
    assert result.status == UNLIKELY
    assert [e.element for e in result.ruled_out_by] == ["conduct"]
    assert "needs a pattern (2 or more acts)" in result.ruled_out_by[0].reason


def test_every_element_met_is_likely_and_intent_is_only_explained():
    result = _result("us-ca-stalking", {"incidents": "several", "threatened": YES, "afraid_for_safety": YES})
    assert result.status == LIKELY
    intent = [e for e in result.elements if e.element == "intent"][0]
    assert intent.decisive is False and intent.status == "unknown"
    assert intent.reason == "The person must have meant to cause fear, distress or harm, or to harass."  # this law's own need
    from wizard.elements import INTENT_NOTE

    assert "Only the other person knows what they meant" in INTENT_NOTE  # said once per page, not on every law


def test_relationship_decides_protection_orders():
    assert (
        _result("us-ca-restraining-order", {"incidents": "several", "emotional_distress": YES, "relationship": "stranger"}).status == LIKELY
    )


def test_reasonable_person_fear_is_not_ruled_out_by_the_persons_own_no():
    law = REAL_KB.law("us-ny-stalking")
    result = assess_law(law, {"incidents": "several", "afraid_for_safety": NO, "emotional_distress": NO}, "")
    fear = [e for e in result.elements if e.element == "fear"][0]
    assert fear.status == "unknown" and "reasonable person" in fear.reason


def test_requirement_no_question_can_settle_keeps_a_law_possible():
    law = REAL_KB.law("us-protection-order-violation")
    result = assess_law(law, {"incidents": "several", "threatened": YES}, "")
    assert result.status == POSSIBLE
    assert any("cannot tell" in e.reason for e in result.open_questions)


def test_candidate_laws_include_parent_and_other_jurisdiction_once():
    results = assess(REAL_KB, "us-ca", {"jurisdiction": "us-ca", "other_jurisdiction": "us-tx"})
    ids = [r.law.id for r in results]
    assert len(ids) == len(set(ids))
    assert {"us-ca-stalking", "us-stalking", "us-tx-stalking"} <= set(ids)
    because = {r.law.id: r.applies_because for r in results}
    assert "Texas" in because["us-tx-stalking"] and "everywhere in the country" in because["us-stalking"]


def test_assessment_is_deterministic():
    answers = {"incidents": "several", "threatened": UNSURE, "relationship": "dating"}
    first = assess(REAL_KB, "us-ny", answers)
    assert [(r.law.id, r.status) for r in first] == [(r.law.id, r.status) for r in assess(REAL_KB, "us-ny", answers)]


RANK = {UNLIKELY: 0, POSSIBLE: 1, LIKELY: 2}
YES_NO_FACTS = ["threatened", "afraid_for_safety", "emotional_distress", "intimate_images", "tracked_or_monitored", "shared_personal_info"]


@pytest.mark.parametrize("jurisdiction", ["us-ca", "us-tx", "us-ny", "us-pa"])
@pytest.mark.parametrize("fact", YES_NO_FACTS)
def test_unsure_never_makes_a_law_less_likely_than_yes(jurisdiction, fact):
    base = {"incidents": "several", "relationship": "partner_or_ex", "contacted_directly": YES}
    with_yes = {r.law.id: r.status for r in assess(REAL_KB, jurisdiction, {**base, fact: YES})}
    with_unsure = {r.law.id: r.status for r in assess(REAL_KB, jurisdiction, {**base, fact: UNSURE})}
    with_no = {r.law.id: r.status for r in assess(REAL_KB, jurisdiction, {**base, fact: NO})}
    for law_id in with_yes:
        assert RANK[with_unsure[law_id]] >= min(RANK[with_yes[law_id]], RANK[with_no[law_id]])
        assert RANK[with_unsure[law_id]] >= RANK[with_no[law_id]], law_id


def test_flow_starts_with_the_country_then_its_region():
    assert next_question(FLOW, REAL_KB, {}).id == "country"
    assert next_question(FLOW, REAL_KB, {"country": "us"}).id == "region"
    assert next_question(FLOW, REAL_KB, {"country": "gb"}).id == "region"


def test_a_country_with_only_national_law_skips_the_region_step():
    answers = effective_answers(REAL_KB, {"country": "ie"})
    assert answers["jurisdiction"] == "ie"
    assert next_question(FLOW, REAL_KB, answers).id == "other_elsewhere"


def test_the_country_step_is_implied_when_only_one_country_has_laws():
    only_us = load([FIXTURES]).kb
    assert next_question(FLOW, only_us, {}).id == "region"


def test_flow_skips_questions_no_candidate_law_uses():
    answers = {"country": "us", "jurisdiction": "us-ca", "other_elsewhere": "no"}
    ids = [q.id for q in asked_questions(FLOW, REAL_KB, answers)]
    assert "minor" not in ids and "told_to_stop" not in ids
    assert ids[:4] == ["country", "region", "other_elsewhere", "what_happened"]
    pennsylvania = {"country": "us", "jurisdiction": "us-pa", "other_elsewhere": "no"}
    assert [q.id for q in asked_questions(FLOW, REAL_KB, pennsylvania)][-1] == "minor"


def test_other_jurisdiction_is_only_asked_when_the_person_lives_elsewhere():
    where = {"country": "us", "jurisdiction": "us-ca"}
    assert next_question(FLOW, REAL_KB, {**where, "other_elsewhere": "yes"}).id == "other_jurisdiction"
    assert next_question(FLOW, REAL_KB, {**where, "other_elsewhere": "no"}).id == "what_happened"


@pytest.mark.parametrize("jurisdiction", sorted(REAL_KB.jurisdictions))
def test_every_jurisdiction_reaches_results_in_at_most_ten_questions(jurisdiction):
    answers: dict[str, str] = {}
    asked = 0
    country = REAL_KB.jurisdiction(jurisdiction).country
    while (question := next_question(FLOW, REAL_KB, answers)) is not None:
        asked += 1
        for key in question.keys:
            answers[key] = {"country": country, "jurisdiction": jurisdiction, "other_elsewhere": "yes", "other_jurisdiction": "us"}.get(
                key, "unsure"
            )
        assert asked <= 10
    assert asked <= 10


def test_progress_counts_the_questions_that_will_be_asked():
    answers = effective_answers(REAL_KB, {"country": "us", "jurisdiction": "us-ca", "other_elsewhere": "no"})
    question = next_question(FLOW, REAL_KB, answers)
    number, total = progress(FLOW, REAL_KB, answers, question)
    assert (number, total) == (4, len(asked_questions(FLOW, REAL_KB, answers)))


@pytest.mark.parametrize(
    "raw, field, words",
    [
        ({"incidnts": "one"}, "incidnts", "is not a fact we know"),
        ({"incidents": "twice"}, "incidents", "'twice' is not an answer to 'incidents'"),
        ({"incidents": True}, "incidents", "must be text"),
        ({"jurisdiction": "us-zz"}, "jurisdiction", "'us-zz' is not an answer"),
    ],
)
def test_bad_answers_name_the_field(raw, field, words):
    answers, errors = check_answers(raw, REAL_KB)
    assert answers == {} and errors[0].field == field and words in errors[0].message


def test_allowed_values_are_listed_for_closed_facts():
    _, errors = check_answers({"relationship": "boss"}, REAL_KB)
    assert errors[0].allowed == ("partner_or_ex", "family_or_household", "dating", "acquaintance", "stranger", "unknown")


def test_every_fact_accepts_unsure_or_unknown():
    from kb.vocabulary import facts

    for name, fact in facts().items():
        if fact.values:
            assert {"unsure", "unknown"} & set(fact.values), name


def test_no_combination_of_core_answers_breaks_the_engine():
    for incidents, threatened, relationship in itertools.product(
        ["one", "several", "unsure"], [YES, NO, UNSURE], ["partner_or_ex", "stranger", "unknown"]
    ):
        results = assess(REAL_KB, "us-ca", {"incidents": incidents, "threatened": threatened, "relationship": relationship})
        assert results and all(r.status in RANK for r in results)
