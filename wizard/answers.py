"""Check answers from a form or the API: every name and value must be known, or a clear error."""

from __future__ import annotations

from dataclasses import dataclass

from kb.knowledge import KnowledgeBase
from kb.vocabulary import JURISDICTION_FACTS, facts
from wizard.flow import Flow, countries

STEP_VALUES = {"other_elsewhere": ("yes", "no", "unsure")}


@dataclass(frozen=True)
class AnswerError:
    """One bad answer: which field, what was wrong, and what is allowed."""

    field: str
    message: str
    allowed: tuple[str, ...] = ()


def allowed_values(name: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """Return the values a fact or flow step accepts."""
    if name == "jurisdiction":
        return tuple(sorted(kb.jurisdictions))
    if name == "other_jurisdiction":
        return tuple(sorted(kb.jurisdictions)) + ("unsure",)
    if name == "country":
        return tuple(countries(kb))
    if name in STEP_VALUES:
        return STEP_VALUES[name]
    return tuple(facts()[name].values)


def check_answers(raw: object, kb: KnowledgeBase, flow: Flow | None = None) -> tuple[dict[str, str], list[AnswerError]]:
    """Return the valid answers and an error for each unknown name, wrong type or unknown value."""
    if not isinstance(raw, dict):
        return {}, [AnswerError("answers", "answers must be an object of fact names and values")]
    known = set(facts()) | (flow.steps if flow else set())
    answers: dict[str, str] = {}
    errors: list[AnswerError] = []
    for name, value in raw.items():
        if name not in known:
            errors.append(AnswerError(str(name), f"'{name}' is not a fact we know", tuple(sorted(known))))
            continue
        allowed = allowed_values(name, kb)
        if not isinstance(value, str):
            errors.append(AnswerError(name, f"the answer to '{name}' must be text", allowed if len(allowed) < 20 else ()))
            continue
        if value not in allowed:
            shown = allowed if len(allowed) < 20 or name in JURISDICTION_FACTS else ()
            errors.append(AnswerError(name, f"'{value[:60]}' is not an answer to '{name}'", shown))
            continue
        answers[name] = value
    return answers, errors
