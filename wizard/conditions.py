"""Three-valued evaluation of conditions (kb.conditions.Condition) over answers.

True and False are known; None means "not known yet": the fact is unanswered or answered
"unsure". `all` is False if any part is False, True if all are True, else None; `any` mirrors it.
"""

from __future__ import annotations

from kb.conditions import Condition

UNKNOWN_VALUES = {"unsure", "unknown"}


def evaluate(condition: Condition | dict, answers: dict[str, str]) -> bool | None:
    """Evaluate a condition against answers; None when the answers cannot decide it."""
    if isinstance(condition, dict):
        condition = Condition.from_raw(condition)
    if condition.op in ("all", "any"):
        results = [evaluate(part, answers) for part in condition.parts]
        decisive, other = (False, True) if condition.op == "all" else (True, False)
        if decisive in results:
            return decisive
        return other if all(r is other for r in results) else None
    if condition.op == "not":
        result = evaluate(condition.parts[0], answers)
        return None if result is None else not result
    value = answers.get(condition.fact)
    if value is None or value in UNKNOWN_VALUES:
        return None
    return value in condition.values


def facts_in(condition: Condition | dict) -> set[str]:
    """Return every fact a condition reads."""
    if isinstance(condition, dict):
        condition = Condition.from_raw(condition)
    return set(condition.facts())
