"""Judging one element of one path against the answers: met, not met or unknown, with a plain reason.

A results page judges some fifty paths but shows the elements of about twenty; so a reason is kept
as a function and written (in the reader's language) only when something reads it.
"""

from __future__ import annotations

from collections.abc import Callable
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
    """One element of one path, judged against the answers; `reason` says why in plain words."""

    element: str
    name: str
    status: str
    why: str | Callable[[], str]  # the reason, or a function that writes it when it is read
    decisive: bool = True
    detail: str | Callable[[], str] = ""  # for an extra requirement: the requirement itself, in plain words

    @property
    def reason(self) -> str:
        """Why the element is met, not met or unknown, in the reader's language."""
        return self.why() if callable(self.why) else self.why

    @property
    def what(self) -> str:
        """For an extra requirement, the requirement in plain words (empty for other elements)."""
        return self.detail() if callable(self.detail) else self.detail


def answer(answers: dict[str, str], fact: str) -> str | None:
    value = answers.get(fact)
    return None if value in (None, "unsure", "unknown") else value


def conduct(e: Elements, answers: dict[str, str]) -> ElementResult:
    """How many incidents: one can be enough, or a pattern is needed."""
    name = _("How many incidents")
    incidents = answer(answers, "incidents")
    if e.conduct == "single":
        return ElementResult("conduct", name, MET, lambda: _("One incident can be enough for this law."))
    if incidents == "several":
        return ElementResult(
            "conduct",
            name,
            MET,
            lambda: _("You said it happened more than once; this law needs a pattern (%(acts)s).", acts=acts_text(e.min_acts)),
        )
    if incidents == "one":
        if e.conduct == "pattern":
            return ElementResult(
                "conduct",
                name,
                NOT_MET,
                lambda: _(
                    "This law needs a pattern (%(acts)s), and you said it happened once. If it happens again, it may apply.",
                    acts=acts_text(e.min_acts),
                ),
            )
        return ElementResult(
            "conduct",
            name,
            UNKNOWN,
            lambda: _(
                "One incident is enough only under some parts of this law; others need a pattern (%(acts)s).", acts=acts_text(e.min_acts)
            ),
        )
    return ElementResult("conduct", name, UNKNOWN, lambda: conduct_text(e) + " " + _("We do not know yet how many times it happened."))


def threat(e: Elements, answers: dict[str, str]) -> ElementResult | None:
    """A threat, when the path needs one."""
    if not e.credible_threat:
        return None
    name = _("Threat")
    threatened = answer(answers, "threatened")
    if threatened == "yes":
        return ElementResult("credible_threat", name, MET, lambda: _("This law needs a threat, and you said you were threatened."))
    if threatened == "no":
        return ElementResult("credible_threat", name, NOT_MET, lambda: _("This law needs a threat, and you said there was none."))
    return ElementResult("credible_threat", name, UNKNOWN, lambda: _("This law needs a threat; we do not know if there was one."))


def fear(e: Elements, answers: dict[str, str]) -> ElementResult | None:
    """What the person feels, against what the path looks at (a reasonable-person test is never ruled out by a "no")."""
    used = sorted(fear_facts(e))
    if not used:
        return None
    name = _("What you feel")
    values = [answer(answers, fact) for fact in used]
    if "yes" in values:
        return ElementResult(
            "fear", name, MET, lambda: _("This law looks at %(kinds)s, and you said you feel this.", kinds=fear_kinds_text(e))
        )
    if all(v == "no" for v in values):
        if e.fear.test == "reasonable_person":
            return ElementResult(
                "fear",
                name,
                UNKNOWN,
                lambda: _(
                    "This law asks whether a reasonable person in your place would feel %(kinds)s, not only whether you do.",
                    kinds=fear_kinds_text(e),
                ),
            )
        if "none" in e.fear.kinds:
            return ElementResult(
                "fear",
                name,
                UNKNOWN,
                lambda: _("Some parts of this law need %(kinds)s; others need no fear at all.", kinds=fear_kinds_text(e)),
            )
        return ElementResult(
            "fear", name, NOT_MET, lambda: _("This law needs %(kinds)s, and you said you do not feel this.", kinds=fear_kinds_text(e))
        )
    return ElementResult(
        "fear", name, UNKNOWN, lambda: _("This law looks at %(kinds)s; we do not know yet whether that fits.", kinds=fear_kinds_text(e))
    )


def _allowed(law: Law, path: Path) -> tuple[str, dict[str, str]]:
    """Who an order is open to, in words, and the words of each condition no question can tell."""
    e = path.elements
    labels = facts()["relationship"].values
    described = {value: law.condition_text_for(path, value, language()) for value in e.relationship}
    described = {value: text for value, text in described.items() if text}
    return relationships_text(tuple(value for value in e.relationship if value in labels), e, described), described


def relationship(law: Law, path: Path, answers: dict[str, str]) -> ElementResult | None:
    """Who may ask for an order, with any condition the text sets for some relationships."""
    e = path.elements
    who = e.relationship
    if who is None:
        return None
    name = _("Who can ask")
    if who == ("any",):
        return ElementResult("relationship", name, MET, lambda: _("Anyone can ask for this order, whatever the relationship."))
    given = answer(answers, "relationship")
    if given is None:
        return ElementResult(
            "relationship",
            name,
            UNKNOWN,
            lambda: _("This order is for: %(allowed)s. We do not know how you know the person.", allowed=_allowed(law, path)[0]),
        )
    if given not in who:
        return ElementResult(
            "relationship",
            name,
            NOT_MET,
            lambda: _(
                "This order is only for: %(allowed)s. From what you said, another order may fit better.", allowed=_allowed(law, path)[0]
            ),
        )
    condition = e.condition_for(given)
    settled = True if condition is None else (evaluate(condition.when, answers) if condition.when is not None else None)
    if settled is True:
        return ElementResult(
            "relationship", name, MET, lambda: _("This order is for: %(allowed)s. That fits what you said.", allowed=_allowed(law, path)[0])
        )

    def when() -> str:
        return relationship_condition_text(condition, _allowed(law, path)[1].get(given))

    if settled is False:
        return ElementResult(
            "relationship",
            name,
            NOT_MET,
            lambda: _(
                "For someone in your situation, this order is open only when: %(when)s. From what you said, that is not the case.",
                when=when(),
            ),
        )
    return ElementResult(
        "relationship",
        name,
        UNKNOWN,
        lambda: _("For someone in your situation, this order is open only when: %(when)s. We do not know that yet.", when=when()),
    )


_REQUIREMENT_REASONS = {
    None: N_("This law also needs this, which these questions cannot tell: %(what)s."),
    True: N_("This law needs this, and it fits what you said: %(what)s."),
    False: N_("This law needs this, and from what you said it has not happened: %(what)s."),
    "open": N_("This law needs this; we do not know yet: %(what)s."),
}


def requirements(law: Law, path: Path, answers: dict[str, str]) -> list[ElementResult]:
    """Each extra requirement: settled by its condition, or one the questions cannot tell."""
    results = []
    for index, requirement in enumerate(path.elements.requires):
        if requirement.when is None:
            key, status = None, UNKNOWN
        else:
            value = evaluate(requirement.when, answers)
            key, status = {True: (True, MET), False: (False, NOT_MET)}.get(value, ("open", UNKNOWN))

        def what(index: int = index) -> str:
            return law.requirement_text(index, language(), path)

        def reason(key=key, what=what) -> str:
            return _(_REQUIREMENT_REASONS[key], what=what())

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
    return ElementResult("intent", _("What the person meant or knew"), UNKNOWN, lambda: intent_text(e), decisive=False)
