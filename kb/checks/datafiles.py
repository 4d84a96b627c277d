"""Checks across the data files: facts, the question flow, the vocabulary, the law files and the
test data must agree on every fact name and value.
"""

from __future__ import annotations

from pathlib import Path

from kb.checks.base import FileData, register, registry
from kb.checks.elements import element_blocks
from kb.datafiles import KINDS, display, kind_paths, read_data_file
from kb.locations import PROJECT_ROOT

FACT_UNSURE_MISSING = register("fact-unsure-missing", 'a fact that cannot be answered "unsure"', area="data files")
QUESTION_UNKNOWN_FACT = register("question-unknown-fact", "a question that sets a fact facts.yaml does not have", area="data files")
QUESTION_ANSWER_VALUE = register("question-answer-value", "a question offering an answer its fact does not have", area="data files")
QUESTION_DUPLICATE_ID = register("question-duplicate-id", "two questions with the same id", area="data files")
SHOW_IF_UNKNOWN = register("show-if-unknown", "a show_if naming no fact or step, or a value it cannot take", area="data files")
FACT_NOT_ASKED = register("fact-not-asked", "a fact a law needs that no question asks", area="data files")
VOCABULARY_FEAR_FACT = register("vocabulary-fear-fact", "a fear kind mapped to a fact that does not exist", area="data files")
SCENARIO_JURISDICTION = register("scenario-jurisdiction", "a scenario set in a jurisdiction that does not exist", area="data files")
SCENARIO_FACT = register("scenario-fact", "a scenario answer naming no fact", area="data files")
SCENARIO_VALUE = register("scenario-value", "a scenario answer with a value its fact does not have", area="data files")
SCENARIO_LAW = register("scenario-law", "a scenario expecting a status of a law (or path) that does not exist", area="data files")
SPOT_CHECK_LAW = register("spot-check-law", "a spot check of a law that does not exist", area="data files")

UNSURE_VALUES = ("unsure", "unknown")
JURISDICTION_VALUES = "jurisdiction ids"


def data_file_problems(law_files: list[FileData], root: Path = PROJECT_ROOT, test_data: bool = True) -> list:
    """Read every data file strictly, check it against its schema, then check the files against each other.

    `test_data=False` leaves out the scenario and spot-check files, which are written for the
    project's own law files (a run on another law folder would find their laws missing).
    """
    problems = []
    parsed: dict[str, list[FileData]] = {}
    for kind in KINDS if test_data else [k for k in KINDS if k.needed]:
        paths = kind_paths(kind, root)
        if not paths and kind.needed:
            problems.append(registry()["file-missing"].at(kind.patterns[0], 1, 1, "", "the file does not exist"))
        for path in paths:
            result = read_data_file(path, kind, root)
            problems.extend(result.problems)
            if result.data is not None and not any(p.severity == "error" for p in result.problems):
                parsed.setdefault(kind.name, []).append(FileData(display(path, root), result.data, result.source_map))
    facts_file = _one(parsed, "facts")
    if facts_file is None:
        return problems  # every other check needs the facts
    facts = facts_file.data
    problems += list(_facts_problems(facts_file))
    flow_file = _one(parsed, "flow")
    if flow_file:
        problems += list(_flow_problems(flow_file, facts))
        problems += list(_unasked_facts(law_files, flow_file, facts))
    vocabulary_file = _one(parsed, "vocabulary")
    if vocabulary_file:
        problems += list(_vocabulary_problems(vocabulary_file, facts))
    for scenario_file in parsed.get("scenarios", []):
        problems += list(_scenario_problems(scenario_file, facts, law_files))
    for spot_file in parsed.get("spot-checks", []):
        problems += list(_spot_check_problems(spot_file, law_files))
    return problems


def _one(parsed: dict, name: str) -> FileData | None:
    files = parsed.get(name) or []
    return files[0] if files else None


def _values(facts: dict, name: str) -> dict | None:
    """A fact's values, or None for facts whose values are jurisdiction ids."""
    values = facts[name]["values"]
    return None if values == JURISDICTION_VALUES else values


def _facts_problems(file: FileData):
    for name, spec in file.data.items():
        values = spec["values"]
        if values != JURISDICTION_VALUES and not any(v in values for v in UNSURE_VALUES):
            yield file.problem(
                (name, "values"), f'\'{name}\' has no "unsure" value; every fact can be answered "I\'m not sure"', FACT_UNSURE_MISSING
            )


def _flow_problems(file: FileData, facts: dict):
    questions = file.data["questions"]
    steps = {q["step"]: q.get("answers", {}) for q in questions if "step" in q}
    seen: set[str] = set()
    for i, question in enumerate(questions):
        at = ("questions", i)
        if question["id"] in seen:
            yield file.problem(
                at + ("id",), f"the id '{question['id']}' is used by an earlier question; ids must be unique", QUESTION_DUPLICATE_ID
            )
        seen.add(question["id"])
        names = [question["fact"]] if "fact" in question else question.get("facts", [])
        field = "fact" if "fact" in question else "facts"
        for k, name in enumerate(names):
            if name not in facts:
                where = at + ((field,) if field == "fact" else (field, k))
                yield file.problem(
                    where, f"'{name}' is not a fact in questions/facts.yaml; known: {', '.join(facts)}", QUESTION_UNKNOWN_FACT
                )
        if "fact" in question and question["fact"] in facts:
            allowed = _values(facts, question["fact"])
            for value in question.get("answers", {}):
                if allowed is not None and value not in allowed:
                    yield file.problem(
                        at + ("answers", value),
                        f"'{value}' is not a value of {question['fact']}; allowed: {', '.join(allowed)}",
                        QUESTION_ANSWER_VALUE,
                        key=True,
                    )
        for option in question.get("options", {}):
            if option not in names:
                yield file.problem(
                    at + ("options", option),
                    f"option '{option}' is not one of this question's facts ({', '.join(names)})",
                    QUESTION_ANSWER_VALUE,
                    key=True,
                )
        if "show_if" in question:
            yield from _show_if_problems(file, at + ("show_if",), question["show_if"], facts, steps)


def _show_if_problems(file: FileData, at: tuple, condition: dict, facts: dict, steps: dict):
    for form in ("all", "any"):
        for k, child in enumerate(condition.get(form, [])):
            yield from _show_if_problems(file, at + (form, k), child, facts, steps)
    if "not" in condition:
        yield from _show_if_problems(file, at + ("not",), condition["not"], facts, steps)
    name = condition.get("fact")
    if name is None:
        return
    if name in facts:
        allowed = _values(facts, name)
    elif name in steps:
        allowed = steps[name] or None
    else:
        yield file.problem(at + ("fact",), f"'{name}' is neither a fact nor a step of the flow", SHOW_IF_UNKNOWN)
        return
    wanted = [condition["is"]] if "is" in condition else condition.get("in", [])
    for value in wanted:
        if allowed is not None and value not in allowed:
            yield file.problem(at, f"'{value}' is not a value of {name}; allowed: {', '.join(allowed)}", SHOW_IF_UNKNOWN)


def law_facts(law: dict, fear_facts: dict) -> set[str]:
    """Every fact the assessment of a law (any of its paths) reads, from the law's raw data."""
    used: set[str] = set()
    for _, elements in element_blocks(law, ()):
        if elements["fear"]["test"] != "none":
            used |= {fear_facts[k] for k in elements["fear"]["kinds"] if k in fear_facts}
        if elements["conduct"] in ("pattern", "either"):
            used.add("incidents")
        if elements["credible_threat"]:
            used.add("threatened")
        relationship = elements.get("relationship")
        if isinstance(relationship, list):
            used.add("relationship")
            used |= {f for entry in relationship if isinstance(entry, dict) and "when" in entry for f in _condition_facts(entry["when"])}
        for requirement in elements.get("requires", []):
            if "when" in requirement:
                used |= _condition_facts(requirement["when"])
    return used


def _condition_facts(condition: dict) -> set[str]:
    found = {condition["fact"]} if "fact" in condition else set()
    for form in ("all", "any"):
        for child in condition.get(form, []):
            found |= _condition_facts(child)
    if "not" in condition:
        found |= _condition_facts(condition["not"])
    return found


def _unasked_facts(law_files: list[FileData], flow_file: FileData, facts: dict):
    from kb.vocabulary import vocabulary

    asked = {name for q in flow_file.data["questions"] for name in ([q["fact"]] if "fact" in q else q.get("facts", []))}
    fear_facts = vocabulary()["fear_facts"]
    for file in law_files:
        for i, law in enumerate(file.data["laws"]):
            missing = sorted(law_facts(law, fear_facts) - asked)
            if missing:
                yield file.problem(
                    ("laws", i, "id"),
                    f"the law uses {', '.join(missing)}, which no question in questions/flow.yaml asks; add a question or use another fact",
                    FACT_NOT_ASKED,
                )


def _vocabulary_problems(file: FileData, facts: dict):
    for kind, fact in file.data["fear_facts"].items():
        if fact not in facts:
            yield file.problem(("fear_facts", kind), f"'{fact}' is not a fact in questions/facts.yaml", VOCABULARY_FEAR_FACT)


def _law_paths(law_files: list[FileData]) -> dict[str, dict]:
    return {law["id"]: law for file in law_files for law in file.data["laws"]}


def _scenario_problems(file: FileData, facts: dict, law_files: list[FileData]):
    jurisdictions = {f.data["id"] for f in law_files}
    laws = _law_paths(law_files)
    for i, case in enumerate(file.data):
        at = (i,)
        if law_files and case["jurisdiction"] not in jurisdictions:
            yield file.problem(at + ("jurisdiction",), f"'{case['jurisdiction']}' is not a jurisdiction id", SCENARIO_JURISDICTION)
        for name, value in case["answers"].items():
            if name not in facts:
                yield file.problem(at + ("answers", name), f"'{name}' is not a fact; known: {', '.join(facts)}", SCENARIO_FACT, key=True)
                continue
            allowed = _values(facts, name)
            if allowed is None:
                if law_files and value not in jurisdictions | set(UNSURE_VALUES):
                    yield file.problem(at + ("answers", name), f"'{value}' is not a jurisdiction id", SCENARIO_VALUE)
            elif value not in allowed:
                yield file.problem(
                    at + ("answers", name), f"'{value}' is not a value of {name}; allowed: {', '.join(allowed)}", SCENARIO_VALUE
                )
        if not law_files:
            continue
        for law_id in list(case["expect"]) + list(case.get("expect_paths", {})):
            if law_id not in laws:
                yield file.problem(at + ("expect", law_id), f"no law has the id '{law_id}'", SCENARIO_LAW, key=True)
        for law_id, paths in case.get("expect_paths", {}).items():
            known = {p["id"] for p in laws.get(law_id, {}).get("paths", [])}
            for path_id in paths:
                if law_id in laws and path_id not in known:
                    yield file.problem(
                        at + ("expect_paths", law_id, path_id),
                        f"{law_id} has no path '{path_id}' (its paths: {', '.join(sorted(known)) or 'none'})",
                        SCENARIO_LAW,
                        key=True,
                    )


def _spot_check_problems(file: FileData, law_files: list[FileData]):
    laws = _law_paths(law_files)
    for i, check in enumerate(file.data):
        if law_files and check["law"] not in laws:
            yield file.problem((i, "law"), f"no law has the id '{check['law']}'", SPOT_CHECK_LAW)
