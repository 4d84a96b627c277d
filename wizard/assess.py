"""The assessment: for each law that could apply, whether what the person described may fit it.

Each element is `met`, `not_met` or `unknown`, with a plain reason. A law is `likely` when every
deciding element is met, `unlikely` when an answer rules one out, `possible` otherwise. What the
other person intended can never be known from the person's side: it is explained, never decisive.
Results say "may apply"; they never say "you have a case".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.describe import acts_text, conduct_text, fear_kinds_text, intent_text, relationships_text
from kb.i18n import _, language
from kb.knowledge import KnowledgeBase
from kb.model import Law
from kb.vocabulary import facts
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
    name = _("How many incidents")
    e = law.elements
    incidents = _answer(answers, "incidents")
    if e.conduct == "single":
        return ElementResult("conduct", name, MET, _("One incident can be enough for this law."))
    acts = acts_text(e.min_acts)
    if incidents == "several":
        return ElementResult(
            "conduct", name, MET, _("You said it happened more than once; this law needs a pattern (%(acts)s).", acts=acts)
        )
    if incidents == "one":
        if e.conduct == "pattern":
            return ElementResult(
                "conduct",
                name,
                NOT_MET,
                _("This law needs a pattern (%(acts)s), and you said it happened once. If it happens again, it may apply.", acts=acts),
            )
        return ElementResult(
            "conduct",
            name,
            UNKNOWN,
            _("One incident is enough only under some parts of this law; others need a pattern (%(acts)s).", acts=acts),
        )
    return ElementResult("conduct", name, UNKNOWN, conduct_text(law) + " " + _("We do not know yet how many times it happened."))


def _threat(law: Law, answers: dict[str, str]) -> ElementResult | None:
    if not law.elements.credible_threat:
        return None
    name = _("Threat")
    threatened = _answer(answers, "threatened")
    if threatened == "yes":
        return ElementResult("credible_threat", name, MET, _("This law needs a threat, and you said you were threatened."))
    if threatened == "no":
        return ElementResult("credible_threat", name, NOT_MET, _("This law needs a threat, and you said there was none."))
    return ElementResult("credible_threat", name, UNKNOWN, _("This law needs a threat; we do not know if there was one."))


def _fear(law: Law, answers: dict[str, str]) -> ElementResult | None:
    fear = law.elements.fear
    used = sorted(fear_facts(law))
    if not used:
        return None
    name = _("What you feel")
    kinds = fear_kinds_text(law)
    values = [_answer(answers, fact) for fact in used]
    if "yes" in values:
        return ElementResult("fear", name, MET, _("This law looks at %(kinds)s, and you said you feel this.", kinds=kinds))
    if all(v == "no" for v in values):
        if fear.test == "reasonable_person":
            return ElementResult(
                "fear",
                name,
                UNKNOWN,
                _("This law asks whether a reasonable person in your place would feel %(kinds)s, not only whether you do.", kinds=kinds),
            )
        if "none" in fear.kinds:
            return ElementResult(
                "fear", name, UNKNOWN, _("Some parts of this law need %(kinds)s; others need no fear at all.", kinds=kinds)
            )
        return ElementResult("fear", name, NOT_MET, _("This law needs %(kinds)s, and you said you do not feel this.", kinds=kinds))
    return ElementResult("fear", name, UNKNOWN, _("This law looks at %(kinds)s; we do not know yet whether that fits.", kinds=kinds))


def _relationship(law: Law, answers: dict[str, str]) -> ElementResult | None:
    who = law.elements.relationship
    if who is None:
        return None
    name = _("Who can ask")
    if who == ("any",):
        return ElementResult("relationship", name, MET, _("Anyone can ask for this order, whatever the relationship."))
    labels = facts()["relationship"].values
    allowed = relationships_text(tuple(value for value in who if value in labels))
    answer = _answer(answers, "relationship")
    if answer is None:
        return ElementResult(
            "relationship", name, UNKNOWN, _("This order is for: %(allowed)s. We do not know how you know the person.", allowed=allowed)
        )
    if answer in who:
        return ElementResult("relationship", name, MET, _("This order is for: %(allowed)s. That fits what you said.", allowed=allowed))
    return ElementResult(
        "relationship",
        name,
        NOT_MET,
        _("This order is only for: %(allowed)s. From what you said, another order may fit better.", allowed=allowed),
    )


def _requirements(law: Law, answers: dict[str, str]) -> list[ElementResult]:
    results = []
    for index, requirement in enumerate(law.elements.requires):
        what = law.requirement_text(index, language())
        if requirement.when is None:
            reason = _("This law also needs this, which these questions cannot tell: %(what)s.", what=what)
            results.append(ElementResult("requires", _("Also needs"), UNKNOWN, reason))
            continue
        value = evaluate(requirement.when, answers)
        if value is True:
            status, reason = MET, _("This law needs this, and it fits what you said: %(what)s.", what=what)
        elif value is False:
            status, reason = NOT_MET, _("This law needs this, and from what you said it has not happened: %(what)s.", what=what)
        else:
            status, reason = UNKNOWN, _("This law needs this; we do not know yet: %(what)s.", what=what)
        results.append(ElementResult("requires", _("Also needs"), status, reason))
    return results


def _intent(law: Law) -> ElementResult:
    reason = (
        intent_text(law)
        + " "
        + _(
            "Only the other person knows what they meant, so this cannot be answered here; "
            "what they said and did (messages, posts, being told to stop) can show it."
        )
    )
    return ElementResult("intent", _("What the person meant or knew"), UNKNOWN, reason, decisive=False)


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
    places = [(j, _("You live in %(place)s.", place=kb.jurisdiction(jurisdiction_id).name)) for j in kb.lineage(jurisdiction_id)[:1]]
    places += [(j, _("%(place)s law applies everywhere in the country.", place=j.name)) for j in kb.lineage(jurisdiction_id)[1:]]
    if other_id and kb.jurisdiction(other_id):
        places += [
            (
                j,
                _(
                    "The other person lives in %(place)s; its laws may apply to what they do from there.",
                    place=kb.jurisdiction(other_id).name,
                ),
            )
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
