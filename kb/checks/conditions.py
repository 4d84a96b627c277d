"""Conditions over facts (fact / is / in / all / any / not): one form each, values their facts have."""

from __future__ import annotations

from kb.checks.base import FileData, register
from kb.vocabulary import facts

CONDITION_VALUE = register("condition-value", "a condition naming a value its fact does not have")
CONDITION_SHAPE = register("condition-shape", "a condition that mixes forms or names no test")


def condition_problems(file: FileData, at: tuple, condition: dict):
    """Check one condition and everything inside it."""
    forms = [k for k in ("fact", "all", "any", "not") if k in condition]
    if len(forms) != 1:
        yield file.problem(at, "a condition has exactly one of: fact, all, any, not", CONDITION_SHAPE)
        return
    if forms[0] == "fact":
        tests = [k for k in ("is", "in") if k in condition]
        if len(tests) != 1:
            yield file.problem(at, "a fact condition needs exactly one of 'is' or 'in'", CONDITION_SHAPE)
            return
        allowed = facts()[condition["fact"]].values
        values = [condition["is"]] if "is" in condition else condition["in"]
        for value in values:
            if allowed and value not in allowed:
                yield file.problem(
                    at + (tests[0],), f"'{value}' is not a value of {condition['fact']}; allowed: {', '.join(allowed)}", CONDITION_VALUE
                )
    elif forms[0] == "not":
        yield from condition_problems(file, at + ("not",), condition["not"])
    else:
        for k, child in enumerate(condition[forms[0]]):
            yield from condition_problems(file, at + (forms[0], k), child)
