"""The question flow (questions/flow.yaml): which question comes next, and which are skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.datafiles import load_data
from kb.knowledge import KnowledgeBase
from kb.vocabulary import PROJECT_ROOT
from wizard.assess import candidate_laws
from wizard.conditions import evaluate
from wizard.facts_used import facts_used

FLOW_FILE = PROJECT_ROOT / "questions" / "flow.yaml"
UNSURE = "unsure"


@dataclass(frozen=True)
class Question:
    """One question: what it sets, how it is asked, its answers, and when it is shown."""

    id: str
    kind: str  # country | region | jurisdiction | choice | multi
    text: str
    help: str
    fact: str | None = None
    step: str | None = None
    facts: tuple[str, ...] = ()
    answers: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    unsure_label: str = "I'm not sure"
    show_if: dict | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """The answer names this question fills in."""
        if self.facts:
            return self.facts
        return (self.fact or self.step,)


@dataclass(frozen=True)
class Flow:
    """The ordered questions of the interview."""

    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question | None:
        """Return the question with this id, or None."""
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def steps(self) -> set[str]:
        """Answer names that steer the flow but are not facts (country, other_elsewhere)."""
        return {q.step for q in self.questions if q.step}


def _question(raw: dict) -> Question:
    return Question(
        id=raw["id"],
        kind=raw["kind"],
        text=raw["text"],
        help=raw["help"],
        fact=raw.get("fact"),
        step=raw.get("step"),
        facts=tuple(raw.get("facts", ())),
        answers={str(k): str(v) for k, v in raw.get("answers", {}).items()},
        options={str(k): str(v) for k, v in raw.get("options", {}).items()},
        unsure_label=raw.get("unsure_label", "I'm not sure"),
        show_if=raw.get("show_if"),
    )


@lru_cache(maxsize=4)
def load_flow(path: Path = FLOW_FILE) -> Flow:
    """Read the flow file."""
    raw = load_data("flow", Path(path))
    return Flow(tuple(_question(q) for q in raw["questions"]))


def countries(kb: KnowledgeBase) -> dict[str, str]:
    """Return the countries with laws, code to name, in browsing order."""
    return kb.countries()


def regions(kb: KnowledgeBase, country: str) -> dict[str, str]:
    """Return the regions (id to name) of a country, A-Z; empty when it has only national law."""
    return {j.id: j.name for j in kb.children(country)}


def effective_answers(kb: KnowledgeBase, answers: dict[str, str]) -> dict[str, str]:
    """Fill in what the answers imply: the only country there is; a region's country; a country with no regions."""
    result = dict(answers)
    names = countries(kb)
    if "country" not in result and len(names) == 1:
        result["country"] = next(iter(names))
    place = kb.jurisdiction(result.get("jurisdiction") or "")
    if "country" not in result and place is not None:
        result["country"] = place.country
    country = result.get("country")
    if country and "jurisdiction" not in result and not regions(kb, country) and kb.jurisdiction(country):
        result["jurisdiction"] = country
    if result.get("other_elsewhere") in ("no", UNSURE) and "other_jurisdiction" not in result:
        result["other_jurisdiction"] = UNSURE
    return result


def relevant_facts(kb: KnowledgeBase, answers: dict[str, str]) -> set[str]:
    """Return the facts that any law which could apply reads."""
    jurisdiction = answers.get("jurisdiction")
    if not jurisdiction or kb.jurisdiction(jurisdiction) is None:
        return set()
    other = answers.get("other_jurisdiction")
    laws = candidate_laws(kb, jurisdiction, other if other and other != UNSURE else None)
    return set().union(*(facts_used(law) for law, _ in laws)) if laws else set()


def shown_keys(question: Question, kb: KnowledgeBase, answers: dict[str, str], relevant: set[str] | None = None) -> tuple[str, ...]:
    """Return the answer names this question would ask for now; empty means skip it.

    `relevant` is relevant_facts(kb, answers) when the caller already has it (one look-up per walk).
    """
    if question.show_if is not None and evaluate(question.show_if, answers) is not True:
        return ()
    if question.kind == "country":
        return ("country",) if len(countries(kb)) > 1 else ()
    if question.kind == "region":
        return ("jurisdiction",) if answers.get("country") and regions(kb, answers["country"]) else ()
    if question.step or question.kind == "jurisdiction":
        return question.keys
    relevant = relevant if relevant is not None else relevant_facts(kb, answers)
    return tuple(key for key in question.keys if key in relevant)


def is_answered(question: Question, kb: KnowledgeBase, answers: dict[str, str]) -> bool:
    """True when every answer this question asks for is given."""
    return all(key in answers for key in shown_keys(question, kb, answers))


def next_question(flow: Flow, kb: KnowledgeBase, answers: dict[str, str]) -> Question | None:
    """Return the first question still to ask, or None when the interview is complete."""
    answers = effective_answers(kb, answers)
    relevant = relevant_facts(kb, answers)
    for question in flow.questions:
        keys = shown_keys(question, kb, answers, relevant)
        if keys and not all(key in answers for key in keys):
            return question
    return None


def asked_questions(flow: Flow, kb: KnowledgeBase, answers: dict[str, str]) -> list[Question]:
    """Return the questions that were (or will be) asked for these answers, in order."""
    answers = effective_answers(kb, answers)
    relevant = relevant_facts(kb, answers)
    return [q for q in flow.questions if shown_keys(q, kb, answers, relevant)]


def previous_question(flow: Flow, kb: KnowledgeBase, answers: dict[str, str], current_id: str | None) -> Question | None:
    """Return the question asked before `current_id` (or the last one, from the review page)."""
    asked = asked_questions(flow, kb, answers)
    ids = [q.id for q in asked]
    if current_id in ids:
        index = ids.index(current_id)
        return asked[index - 1] if index > 0 else None
    return asked[-1] if asked else None


_TYPICAL: dict[tuple[str, int], int] = {}


def typical_length(flow: Flow, kb: KnowledgeBase) -> int:
    """How many questions a typical walk asks: the median over every jurisdiction, answered "no" to the
    other person living elsewhere. Computed from the data alone, once per data version."""
    key = (kb.version, id(flow))
    if key not in _TYPICAL:
        walks = [{"jurisdiction": jurisdiction_id, "other_elsewhere": "no"} for jurisdiction_id in kb.jurisdictions]
        lengths = sorted(len(asked_questions(flow, kb, answers)) for answers in walks)
        _TYPICAL[key] = lengths[len(lengths) // 2] if lengths else len(flow.questions)
    return _TYPICAL[key]


def progress(flow: Flow, kb: KnowledgeBase, answers: dict[str, str], current: Question) -> tuple[int, int]:
    """Return (this question's number, the questions expected in all) for the progress line.

    Until the person says where they live, the questions that follow are not known: the total is then
    the typical walk's length, not the few questions known so far.
    """
    ids = [q.id for q in asked_questions(flow, kb, answers)]
    if current.id not in ids:
        ids.append(current.id)
    total = len(ids)
    if not effective_answers(kb, answers).get("jurisdiction"):
        total = max(total, typical_length(flow, kb))
    return ids.index(current.id) + 1, total
