"""The assessment: for each law that could apply, whether what the person described may fit it.

Each element is `met`, `not_met` or `unknown`, with a plain reason. A law is `likely` when every
deciding element is met, `unlikely` when an answer rules one out, `possible` otherwise. What the
other person intended can never be known from the person's side: it is explained, never decisive.
Results say "may apply"; they never say "you have a case".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.describe import conduct_text, intent_text
from kb.knowledge import KnowledgeBase
from kb.model import Law
from kb.vocabulary import facts, label
from wizard.conditions import evaluate
from wizard.facts_used import fear_facts

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
LIKELY, POSSIBLE, UNLIKELY = "likely", "possible", "unlikely"


@dataclass(frozen=True)
class ElementResult:
    """One element of one law, judged against the answers, with the reason in plain words."""

    element: str
    name: str
    status: str
    reason: str
    decisive: bool = True


@dataclass(frozen=True)
class LawResult:
    """One law's assessment: its status, each element, and why it is among the candidates."""

    law: Law
    status: str
    elements: tuple[ElementResult, ...]
    applies_because: str
    deciding: tuple[str, ...] = field(default=())

    @property
    def ruled_out_by(self) -> list[ElementResult]:
        """The elements an answer ruled out."""
        return [e for e in self.elements if e.decisive and e.status == NOT_MET]

    @property
    def open_questions(self) -> list[ElementResult]:
        """The deciding elements the answers could not settle."""
        return [e for e in self.elements if e.decisive and e.status == UNKNOWN]


def _answer(answers: dict[str, str], fact: str) -> str | None:
    value = answers.get(fact)
    return None if value in (None, "unsure", "unknown") else value


def _conduct(law: Law, answers: dict[str, str]) -> ElementResult:
    name = "How many incidents"
    e = law.elements
    incidents = _answer(answers, "incidents")
    if e.conduct == "single":
        return ElementResult("conduct", name, MET, "One incident can be enough for this law.")
    acts = f"{e.min_acts} or more acts" if e.min_acts else "more than one act"
    if incidents == "several":
        return ElementResult("conduct", name, MET, f"You said it happened more than once; this law needs a pattern ({acts}).")
    if incidents == "one":
        if e.conduct == "pattern":
            return ElementResult(
                "conduct",
                name,
                NOT_MET,
                f"This law needs a pattern ({acts}), and you said it happened once. If it happens again, it may apply.",
            )
        return ElementResult(
            "conduct", name, UNKNOWN, f"One incident is enough only under some parts of this law; others need a pattern ({acts})."
        )
    return ElementResult("conduct", name, UNKNOWN, f"{conduct_text(law)} We do not know yet how many times it happened.")


def _threat(law: Law, answers: dict[str, str]) -> ElementResult | None:
    if not law.elements.credible_threat:
        return None
    name = "Threat"
    threatened = _answer(answers, "threatened")
    if threatened == "yes":
        return ElementResult("credible_threat", name, MET, "This law needs a threat, and you said you were threatened.")
    if threatened == "no":
        return ElementResult("credible_threat", name, NOT_MET, "This law needs a threat, and you said there was none.")
    return ElementResult("credible_threat", name, UNKNOWN, "This law needs a threat; we do not know if there was one.")


def _fear(law: Law, answers: dict[str, str]) -> ElementResult | None:
    fear = law.elements.fear
    used = sorted(fear_facts(law))
    if not used:
        return None
    name = "What you feel"
    kinds = " or ".join(label("fear_kinds", k).lower() for k in fear.kinds if k != "none")
    values = [_answer(answers, fact) for fact in used]
    if "yes" in values:
        return ElementResult("fear", name, MET, f"This law looks at {kinds}, and you said you feel this.")
    if all(v == "no" for v in values):
        if fear.test == "reasonable_person":
            return ElementResult(
                "fear",
                name,
                UNKNOWN,
                f"This law asks whether a reasonable person in your place would feel {kinds}, not only whether you do.",
            )
        if "none" in fear.kinds:
            return ElementResult("fear", name, UNKNOWN, f"Some parts of this law need {kinds}; others need no fear at all.")
        return ElementResult("fear", name, NOT_MET, f"This law needs {kinds}, and you said you do not feel this.")
    return ElementResult("fear", name, UNKNOWN, f"This law looks at {kinds}; we do not know yet whether that fits.")


def _relationship(law: Law, answers: dict[str, str]) -> ElementResult | None:
    who = law.elements.relationship
    if who is None:
        return None
    name = "Who can ask"
    if who == ("any",):
        return ElementResult("relationship", name, MET, "Anyone can ask for this order, whatever the relationship.")
    labels = facts()["relationship"].values
    allowed = "; ".join(labels[value].lower() for value in who if value in labels)
    answer = _answer(answers, "relationship")
    if answer is None:
        return ElementResult("relationship", name, UNKNOWN, f"This order is for: {allowed}. We do not know how you know the person.")
    if answer in who:
        return ElementResult("relationship", name, MET, f"This order is for: {allowed}. That fits what you said.")
    return ElementResult(
        "relationship", name, NOT_MET, f"This order is only for: {allowed}. From what you said, another order may fit better."
    )


def _requirements(law: Law, answers: dict[str, str]) -> list[ElementResult]:
    results = []
    for requirement in law.elements.requires:
        if requirement.when is None:
            reason = f"This law also needs this, which these questions cannot tell: {requirement.describe}."
            results.append(ElementResult("requires", "Also needs", UNKNOWN, reason))
            continue
        value = evaluate(requirement.when, answers)
        status = {True: MET, False: NOT_MET, None: UNKNOWN}[value]
        reason = {
            MET: f"This law needs this, and it fits what you said: {requirement.describe}.",
            NOT_MET: f"This law needs this, and from what you said it has not happened: {requirement.describe}.",
            UNKNOWN: f"This law needs this; we do not know yet: {requirement.describe}.",
        }[status]
        results.append(ElementResult("requires", "Also needs", status, reason))
    return results


def _intent(law: Law) -> ElementResult:
    reason = (
        f"{intent_text(law)} Only the other person knows what they meant, so this cannot be answered here; "
        "what they said and did (messages, posts, being told to stop) can show it."
    )
    return ElementResult("intent", "What the person meant or knew", UNKNOWN, reason, decisive=False)


def assess_law(law: Law, answers: dict[str, str], applies_because: str) -> LawResult:
    """Judge one law against the answers, element by element."""
    parts = [_conduct(law, answers), _threat(law, answers), _fear(law, answers), _relationship(law, answers)]
    elements = [p for p in parts if p is not None] + _requirements(law, answers) + [_intent(law)]
    decisive = [e for e in elements if e.decisive]
    if any(e.status == NOT_MET for e in decisive):
        status = UNLIKELY
    elif all(e.status == MET for e in decisive):
        status = LIKELY
    else:
        status = POSSIBLE
    return LawResult(law, status, tuple(elements), applies_because)


def candidate_laws(kb: KnowledgeBase, jurisdiction_id: str, other_id: str | None = None) -> list[tuple[Law, str]]:
    """Return each law that could apply, once, with why: where you live, its parents, the other person's."""
    seen: set[str] = set()
    result: list[tuple[Law, str]] = []
    places = [(j, f"You live in {kb.jurisdiction(jurisdiction_id).name}.") for j in kb.lineage(jurisdiction_id)[:1]]
    places += [(j, f"{j.name} law applies everywhere in the country.") for j in kb.lineage(jurisdiction_id)[1:]]
    if other_id and kb.jurisdiction(other_id):
        places += [
            (j, f"The other person lives in {kb.jurisdiction(other_id).name}; its laws may apply to what they do from there.")
            for j in kb.lineage(other_id)
        ]
    for jurisdiction, because in places:
        for law in jurisdiction.laws:
            if law.id not in seen:
                seen.add(law.id)
                result.append((law, because))
    return result


ORDER = {LIKELY: 0, POSSIBLE: 1, UNLIKELY: 2}


def assess(kb: KnowledgeBase, jurisdiction_id: str, answers: dict[str, str]) -> list[LawResult]:
    """Assess every law that could apply; most likely first, then by the file's own order."""
    other = answers.get("other_jurisdiction")
    other = other if other not in (None, "unsure", jurisdiction_id) else None
    candidates = candidate_laws(kb, jurisdiction_id, other)
    results = [assess_law(law, answers, because) for law, because in candidates]
    return sorted(results, key=lambda r: ORDER[r.status])
