"""Scenario tests: situations written from the statutes' elements (tests/scenarios/*.yaml).

A failure names the file and the case, and says which law got which status and why it should not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.datafiles import load_data
from kb.loader import load
from wizard.assess import assess

KB = load().kb
SCENARIO_DIR = Path(__file__).parent.parent / "scenarios"


def _cases():
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        for case in load_data("scenarios", path):  # strict: an unquoted yes or a misspelt field is an error
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


CASES = list(_cases())


@pytest.mark.parametrize("case", CASES)
def test_scenario(case):
    answers = {name: str(value) for name, value in case["answers"].items()}
    results = {r.law.id: r for r in assess(KB, case["jurisdiction"], {**answers, "jurisdiction": case["jurisdiction"]})}
    wrong = []
    for law_id, expected in case["expect"].items():
        assert law_id in results, f"{law_id} is not among the laws assessed for {case['jurisdiction']}"
        got = results[law_id]
        if got.status != expected:
            reasons = "; ".join(f"{e.element}={e.status}" for e in got.elements if e.decisive)
            wrong.append(f"{law_id}: expected {expected}, got {got.status} ({reasons})")
    for law_id, paths in case.get("expect_paths", {}).items():
        assert law_id in results, f"{law_id} is not among the laws assessed for {case['jurisdiction']}"
        judged = {p.path.id: p for p in results[law_id].paths}
        for path_id, expected in paths.items():
            assert path_id in judged, f"{law_id} has no path {path_id}"
            got = judged[path_id]
            if got.status != expected:
                reasons = "; ".join(f"{e.element}={e.status}" for e in got.elements if e.decisive)
                wrong.append(f"{law_id} path {path_id}: expected {expected}, got {got.status} ({reasons})")
    assert not wrong, f"{case['why']}\n" + "\n".join(wrong)


def test_there_are_at_least_forty_scenarios():
    assert len(CASES) >= 40
