"""Judging one element of one path against the answers: met, not met or unknown, with a plain reason."""

from __future__ import annotations

from dataclasses import dataclass

from kb.describe import acts_text, conduct_text, fear_kinds_text, intent_text, relationship_condition_text, relationships_text
from kb.i18n import N_, _, language
from kb.model import Elements, Law, Path
from kb.vocabulary import facts
from wizard.conditions import evaluate
from wizard.facts_used import fear_facts

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


@dataclass(frozen=True)
class ElementResult:
    """One element of one path, judged against the answers, with the reason in plain words."""

    element: str
    name: str
    status: str
    reason: str
    decisive: bool = True
    detail: str = ""  # for an extra requirement: the requirement itself, in plain words


def answer(answers: dict[str, str], fact: str) -> str | None:
    value = answers.get(fact)
    return None if value in (None, "unsure", "unknown") else value


def conduct(e: Elements, answers: dict[str, str]) -> ElementResult:
    """How many incidents: one can be enough, or a pattern is needed."""
    name = _("How many incidents")
    incidents = answer(answers, "incidents")
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
    return ElementResult("conduct", name, UNKNOWN, conduct_text(e) + " " + _("We do not know yet how many times it happened."))


def threat(e: Elements, answers: dict[str, str]) -> ElementResult | None:
    """A threat, when the path needs one."""
    if not e.credible_threat:
        return None
    name = _("Threat")
    threatened = answer(answers, "threatened")
    if threatened == "yes":
        return ElementResult("credible_threat", name, MET, _("This law needs a threat, and you said you were threatened."))
    if threatened == "no":
        return ElementResult("credible_threat", name, NOT_MET, _("This law needs a threat, and you said there was none."))
    return ElementResult("credible_threat", name, UNKNOWN, _("This law needs a threat; we do not know if there was one."))


def fear(e: Elements, answers: dict[str, str]) -> ElementResult | None:
    """What the person feels, against what the path looks at (a reasonable-person test is never ruled out by a "no")."""
    fear = e.fear
    used = sorted(fear_facts(e))
    if not used:
        return None
    name = _("What you feel")
    kinds = fear_kinds_text(e)
    values = [answer(answers, fact) for fact in used]
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


def relationship(law: Law, path: Path, answers: dict[str, str]) -> ElementResult | None:
    """Who may ask for an order, with any condition the text sets for some relationships."""
    e = path.elements
    who = e.relationship
    if who is None:
        return None
    name = _("Who can ask")
    if who == ("any",):
        return ElementResult("relationship", name, MET, _("Anyone can ask for this order, whatever the relationship."))
    labels = facts()["relationship"].values
    described = {value: law.condition_text_for(path, value, language()) for value in who}
    described = {value: text for value, text in described.items() if text}
    allowed = relationships_text(tuple(value for value in who if value in labels), e, described)
    given = answer(answers, "relationship")
    if given is None:
        return ElementResult(
            "relationship", name, UNKNOWN, _("This order is for: %(allowed)s. We do not know how you know the person.", allowed=allowed)
        )
    if given not in who:
        return ElementResult(
            "relationship",
            name,
            NOT_MET,
            _("This order is only for: %(allowed)s. From what you said, another order may fit better.", allowed=allowed),
        )
    condition = e.condition_for(given)
    settled = True if condition is None else (evaluate(condition.when, answers) if condition.when is not None else None)
    if settled is True:
        return ElementResult("relationship", name, MET, _("This order is for: %(allowed)s. That fits what you said.", allowed=allowed))
    when = relationship_condition_text(condition, described.get(given))
    if settled is False:
        return ElementResult(
            "relationship",
            name,
            NOT_MET,
            _(
                "For someone in your situation, this order is open only when: %(when)s. From what you said, that is not the case.",
                when=when,
            ),
        )
    return ElementResult(
        "relationship",
        name,
        UNKNOWN,
        _("For someone in your situation, this order is open only when: %(when)s. We do not know that yet.", when=when),
    )


def requirements(law: Law, path: Path, answers: dict[str, str]) -> list[ElementResult]:
    """Each extra requirement: settled by its condition, or one the questions cannot tell."""
    results = []
    for index, requirement in enumerate(path.elements.requires):
        what = law.requirement_text(index, language(), path)
        if requirement.when is None:
            reason = _("This law also needs this, which these questions cannot tell: %(what)s.", what=what)
            results.append(ElementResult("requires", _("Also needs"), UNKNOWN, reason, detail=what))
            continue
        value = evaluate(requirement.when, answers)
        if value is True:
            status, reason = MET, _("This law needs this, and it fits what you said: %(what)s.", what=what)
        elif value is False:
            status, reason = NOT_MET, _("This law needs this, and from what you said it has not happened: %(what)s.", what=what)
        else:
            status, reason = UNKNOWN, _("This law needs this; we do not know yet: %(what)s.", what=what)
        results.append(ElementResult("requires", _("Also needs"), status, reason, detail=what))
    return results


INTENT_NOTE = N_(
    "Only the other person knows what they meant, so this cannot be answered here; "
    "what they said and did (messages, posts, being told to stop) can show it."
)


def intent(e: Elements) -> ElementResult:
    """What this path needs the other person to have meant or known: explained, never decisive.

    Why it cannot be answered here (INTENT_NOTE) is said once per page, not on every law.
    """
    return ElementResult("intent", _("What the person meant or knew"), UNKNOWN, intent_text(e), decisive=False)
