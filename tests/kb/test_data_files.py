"""Broken data files (facts, flow, vocabulary, synonyms, glossary, map grid, scenarios, spot checks), each with
the exact line the validator must print: the same strict reading and worded errors as law files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.checks.datafiles import data_file_problems
from kb.datafiles import KINDS, InvalidData, kind_paths, load_data
from kb.loader import load
from kb.locations import PROJECT_ROOT

LAW_FILES = [r.file for r in load().files.values() if r.file is not None]

# (case id, file, text to replace, replacement, the problem line expected among those printed)
CASES = [
    (
        "flow-unquoted-yes",
        "questions/flow.yaml",
        '      "yes": "Yes, somewhere else"',
        '      yes: "Yes, somewhere else"',
        'questions/flow.yaml:36:7: error: questions[2].answers.yes: the key yes is read by YAML as true; put it in quotes: "yes" (bool-key)',
    ),
    (
        "flow-unknown-fact",
        "questions/flow.yaml",
        "    fact: incidents\n",
        "    fact: incidnets\n",
        "questions/flow.yaml:80:11: error: questions[6].fact: 'incidnets' is not a fact in questions/facts.yaml; known: jurisdiction,",
    ),
    (
        "flow-unknown-value",
        "questions/flow.yaml",
        '      several: "More than once"',
        '      many: "More than once"',
        "questions/flow.yaml:88:7: error: questions[6].answers.many: 'many' is not a value of incidents; allowed: one, several, unsure (question-answer-value)",
    ),
    (
        "flow-missing-key",
        "questions/flow.yaml",
        "    text: Has this happened more than once?\n",
        "",
        "questions/flow.yaml:79:5: error: questions[6]: missing required field 'text' (schema-required)",
    ),
    (
        "facts-unquoted-no",
        "questions/facts.yaml",
        '    "no": "No"\n    unsure: Not sure\n\nafraid_for_safety',
        '    no: "No"\n    unsure: Not sure\n\nafraid_for_safety',
        'questions/facts.yaml:25:5: error: threatened.values.no: the key no is read by YAML as false; put it in quotes: "no" (bool-key)',
    ),
    (
        "facts-no-unsure",
        "questions/facts.yaml",
        "    several: It happened more than once\n    unsure: Not sure\n",
        "    several: It happened more than once\n",
        "questions/facts.yaml:17:5: error: incidents.values: 'incidents' has no \"unsure\" value",
    ),
    (
        "vocabulary-missing-list",
        "kb/vocabulary.yaml",
        "fear_tests:",
        "fear_testz:",
        "kb/vocabulary.yaml:5:1: error: missing required field 'fear_tests' (schema-required)",
    ),
    (
        "vocabulary-unknown-fact",
        "kb/vocabulary.yaml",
        "  safety: afraid_for_safety",
        "  safety: afraid",
        "kb/vocabulary.yaml:100:11: error: fear_facts.safety: 'afraid' is not a fact in questions/facts.yaml (vocabulary-fear-fact)",
    ),
    (
        "synonyms-single-term",
        "search/synonyms.yaml",
        '  - [sextortion, "sexual extortion", sextorsión]',
        "  - [sextortion]",
        "search/synonyms.yaml:10:5: error: groups[4]: needs at least 2 item(s) (schema-minItems)",
    ),
    (
        "tile-grid-text",
        "web/data/us-tile-grid.yaml",
        "AK: [0, 0]",
        "AK: [zero, 0]",
        "web/data/us-tile-grid.yaml:4:6: error: AK[0]: expected a whole number, found 'zero' (schema-type)",
    ),
    (
        "scenario-unquoted-yes",
        "tests/scenarios/california.yaml",
        'threatened: "yes", contacted_directly: "yes", afraid_for_safety: "yes"}\n  expect: {us-ca-stalking: unlikely',
        'threatened: yes, contacted_directly: "yes", afraid_for_safety: "yes"}\n  expect: {us-ca-stalking: unlikely',
        "tests/scenarios/california.yaml:7:41: error: [0].answers.threatened: expected text, found true (true/false): YAML reads unquoted yes/no/on/off as true/false",
    ),
    (
        "scenario-unknown-fact",
        "tests/scenarios/california.yaml",
        "answers: {incidents: one, threatened",
        "answers: {incidnts: one, threatened",
        "tests/scenarios/california.yaml:7:13: error: [0].answers.incidnts: 'incidnts' is not a fact; known:",
    ),
    (
        "scenario-unknown-value",
        "tests/scenarios/california.yaml",
        "answers: {incidents: one, threatened",
        "answers: {incidents: twice, threatened",
        "tests/scenarios/california.yaml:7:24: error: [0].answers.incidents: 'twice' is not a value of incidents; allowed: one, several, unsure (scenario-value)",
    ),
    (
        "scenario-unknown-law",
        "tests/scenarios/california.yaml",
        "expect: {us-ca-stalking: unlikely, us-ca-criminal-threats",
        "expect: {us-ca-stalkng: unlikely, us-ca-criminal-threats",
        "tests/scenarios/california.yaml:8:12: error: [0].expect.us-ca-stalkng: no law has the id 'us-ca-stalkng' (scenario-law)",
    ),
    (
        "scenario-missing-why",
        "tests/scenarios/california.yaml",
        '  why: "§ 646.9 needs a course of conduct (two or more acts); § 422',
        '  because: "§ 646.9 needs a course of conduct (two or more acts); § 422',
        "tests/scenarios/california.yaml:5:3: error: [0]: missing required field 'why' (schema-required)",
    ),
    (
        "glossary-bad-term",
        "translations/es/glossary.yaml",
        "      - term: asalt*\n",
        "      - term: asalt* *\n",
        "translations/es/glossary.yaml:103:15: error: terms[21].avoid[0].term: 'asalt* *' is not one or more words, each of which may end with *",
    ),
    (
        "spot-check-unknown-law",
        "tests/data/spot_checks.yaml",
        "- {law: us-ca-stalking, field: elements.conduct,",
        "- {law: us-ca-stalkin, field: elements.conduct,",
        "tests/data/spot_checks.yaml:6:9: error: [0].law: no law has the id 'us-ca-stalkin' (spot-check-law)",
    ),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of every data file, laid out as in the project, for a case to break."""
    for kind in KINDS:
        for path in kind_paths(kind):
            target = tmp_path / path.relative_to(PROJECT_ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return tmp_path


def test_the_real_data_files_have_no_errors():
    problems = [p.format() for p in data_file_problems(LAW_FILES) if p.severity == "error"]
    assert problems == []


@pytest.mark.parametrize(("case", "name", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_data_file_is_reported_at_its_line(project, case, name, old, new, expected):
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{case}: the text to replace is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    lines = [p.format() for p in data_file_problems(LAW_FILES, root=project)]
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)


def test_every_kind_of_data_file_has_a_case():
    covered = {name for _, name, *_ in CASES}
    for kind in KINDS:
        assert any(Path(name).match(pattern) for name in covered for pattern in kind.patterns), kind.name


def test_a_broken_file_is_refused_at_run_time(project):
    path = project / "questions" / "flow.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('      "yes": "Yes, somewhere else"', '      yes: "Yes, somewhere else"'), encoding="utf-8"
    )
    with pytest.raises(InvalidData) as raised:
        load_data("flow", path)
    assert "the key yes is read by YAML as true" in str(raised.value)
