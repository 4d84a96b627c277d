"""Declarative conditions over answers (fact / is / in / all / any / not), in three-valued logic.

True and False are known; None means "not known yet": the fact is unanswered or answered
"unsure". `all` is False if any part is False, True if all are True, else None; `any` mirrors it.
"""

from __future__ import annotations

UNKNOWN_VALUES = {"unsure", "unknown"}


def evaluate(condition: dict, answers: dict[str, str]) -> bool | None:
    """Evaluate a condition against answers; None when the answers cannot decide it."""
    if "all" in condition:
        results = [evaluate(part, answers) for part in condition["all"]]
        if False in results:
            return False
        return True if all(r is True for r in results) else None
    if "any" in condition:
        results = [evaluate(part, answers) for part in condition["any"]]
        if True in results:
            return True
        return False if all(r is False for r in results) else None
    if "not" in condition:
        result = evaluate(condition["not"], answers)
        return None if result is None else not result
    value = answers.get(condition["fact"])
    if value is None or value in UNKNOWN_VALUES:
        return None
    wanted = [condition["is"]] if "is" in condition else condition["in"]
    return value in wanted


def facts_in(condition: dict) -> set[str]:
    """Return every fact a condition reads."""
    if "fact" in condition:
        return {condition["fact"]}
    parts = condition.get("all") or condition.get("any") or ([condition["not"]] if "not" in condition else [])
    return set().union(*(facts_in(part) for part in parts)) if parts else set()
