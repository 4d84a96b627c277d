"""Every element result a reader can get is one the results page writes ahead.

The results page writes each law's element rows once per language, for every key a path can reach
(wizard.elements.every_result), and looks them up per request. So for every path of every law, and for
many ways of answering, the result judged from the answers must be among those written ahead, with the
same status and the same words.
"""

from __future__ import annotations

import random

import pytest

from kb.loader import DEFAULT_LAW_DIR, load
from kb.vocabulary import JURISDICTION_FACTS, facts
from wizard import elements as judge
from wizard.assess import assess_path

KB = load([DEFAULT_LAW_DIR]).kb
ANSWER_SETS = 40


def random_answers(rng: random.Random) -> dict[str, str]:
    """Answers to every fact, each one of its values or "unsure" (some left out)."""
    answers = {}
    for name, fact in facts().items():
        if name in JURISDICTION_FACTS or rng.random() < 0.15:
            continue
        answers[name] = rng.choice([*fact.values, "unsure"]) if fact.values else "unsure"
    return answers


@pytest.mark.parametrize("law_id", sorted(KB.laws))
def test_each_judged_element_is_one_written_ahead(law_id):
    law = KB.laws[law_id]
    rng = random.Random(law_id)
    for path in law.paths:
        ahead = {(r.element, r.key): r for r in judge.every_result(law, path)}
        assert len(ahead) == len(judge.every_result(law, path)), "two results share an element and key"
        for _ in range(ANSWER_SETS):
            answers = random_answers(rng)
            for found in assess_path(law, path, answers).elements:
                written = ahead.get((found.element, found.key))
                assert written is not None, (path.id, found.element, found.key, answers)
                assert (written.status, written.decisive, written.reason, written.what) == (
                    found.status,
                    found.decisive,
                    found.reason,
                    found.what,
                )


def test_keys_name_what_changes_the_sentence():
    """Two answers that give different sentences give different keys (the relationship's key names who)."""
    law = next(law for law in KB.laws.values() for p in law.paths if p.elements.relationship_conditions)
    path = next(p for p in law.paths if p.elements.relationship_conditions)
    keys = judge.relationship_keys(path)
    who = path.elements.relationship_conditions[0].who
    assert f"condition_open:{who}" in keys and f"condition_fails:{who}" in keys
