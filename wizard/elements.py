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
LESSER_EFFECT = "alarm_or_annoyance"  # a fear kind below what any question asks about


@dataclass(frozen=True)
class ElementResult:
    """One element of one path, judged against the answers; `reason` says why in plain words.

    `key` names which of the element's sentences applies (for a path, the element and its key decide
    the row the results page shows), so the rows can be written once per law and language, for every
    key, and never per reader.
    """

    element: str
    name: str
    status: str
    why: str | Callable[[], str]  # the reason, or a function that writes it when it is read
    decisive: bool = True
    detail: str | Callable[[], str] = ""  # for an extra requirement: the requirement itself, in plain words
    key: str = ""

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


# Each element is judged in two steps: which sentence applies (a key, from the answers), then the result
# for that key (from the law alone). `*_keys` list every key a path can reach, for the rows written ahead.


def conduct_keys(e: Elements) -> tuple[str, ...]:
    if e.conduct == "single":
        return ("single",)
    return ("several", "one_pattern" if e.conduct == "pattern" else "one_either", "open")


def conduct_key(e: Elements, answers: dict[str, str]) -> str:
    incidents = answer(answers, "incidents")
    if e.conduct == "single":
        return "single"
    if incidents == "several":
        return "several"
    if incidents == "one":
        return "one_pattern" if e.conduct == "pattern" else "one_either"
    return "open"


def conduct_result(e: Elements, key: str) -> ElementResult:
    """How many incidents: one can be enough, or a pattern is needed."""
    name = _("How many incidents")
    if key == "single":
        return ElementResult("conduct", name, MET, lambda: _("One incident can be enough for this law."), key=key)
    if key == "several":
        return ElementResult(
            "conduct",
            name,
            MET,
            lambda: _("You said it happened more than once; this law needs a pattern (%(acts)s).", acts=acts_text(e.min_acts)),
            key=key,
        )
    if key == "one_pattern":
        return ElementResult(
            "conduct",
            name,
            NOT_MET,
            lambda: _(
                "This law needs a pattern (%(acts)s), and you said it happened once. If it happens again, it may apply.",
                acts=acts_text(e.min_acts),
            ),
            key=key,
        )
    if key == "one_either":
        return ElementResult(
            "conduct",
            name,
            UNKNOWN,
            lambda: _(
                "One incident is enough only under some parts of this law; others need a pattern (%(acts)s).", acts=acts_text(e.min_acts)
            ),
            key=key,
        )
    return ElementResult(
        "conduct", name, UNKNOWN, lambda: conduct_text(e) + " " + _("We do not know yet how many times it happened."), key=key
    )


def threat_keys(e: Elements) -> tuple[str, ...]:
    return ("yes", "no", "open") if e.credible_threat else ()


def threat_key(answers: dict[str, str]) -> str:
    threatened = answer(answers, "threatened")
    return threatened if threatened in ("yes", "no") else "open"


def threat_result(key: str) -> ElementResult:
    """A threat, when the path needs one."""
    name = _("Threat")
    if key == "yes":
        return ElementResult("credible_threat", name, MET, lambda: _("This law needs a threat, and you said you were threatened."), key=key)
    if key == "no":
        return ElementResult("credible_threat", name, NOT_MET, lambda: _("This law needs a threat, and you said there was none."), key=key)
    return ElementResult("credible_threat", name, UNKNOWN, lambda: _("This law needs a threat; we do not know if there was one."), key=key)


def fear_keys(e: Elements) -> tuple[str, ...]:
    if not fear_facts(e):
        return ()
    return ("felt", "reasonable_person", "some_need_none", "lesser_effect", "not_felt", "open")


def fear_key(e: Elements, answers: dict[str, str], facts: frozenset[str] | None = None) -> str:
    """Which sentence applies to the fear element; `facts` are fear_facts(e) when the caller has them."""
    values = [answer(answers, fact) for fact in (fear_facts(e) if facts is None else facts)]
    if "yes" in values:
        return "felt"
    if all(v == "no" for v in values):
        if e.fear.test == "reasonable_person":
            return "reasonable_person"
        if "none" in e.fear.kinds:
            return "some_need_none"
        # Alarm or annoyance is less than the serious distress the question asks about: a "no" there
        # does not say the person was not alarmed or annoyed.
        return "lesser_effect" if LESSER_EFFECT in e.fear.kinds else "not_felt"
    return "open"


def fear_result(e: Elements, key: str) -> ElementResult:
    """What the person feels, against what the path looks at (a reasonable-person test is never ruled out by a "no")."""
    name = _("What you feel")
    if key == "felt":
        return ElementResult(
            "fear", name, MET, lambda: _("This law looks at %(kinds)s, and you said you feel this.", kinds=fear_kinds_text(e)), key=key
        )
    if key == "reasonable_person":
        return ElementResult(
            "fear",
            name,
            UNKNOWN,
            lambda: _(
                "This law asks whether a reasonable person in your place would feel %(kinds)s, not only whether you do.",
                kinds=fear_kinds_text(e),
            ),
            key=key,
        )
    if key == "some_need_none":
        return ElementResult(
            "fear",
            name,
            UNKNOWN,
            lambda: _("Some parts of this law need %(kinds)s; others need no fear at all.", kinds=fear_kinds_text(e)),
            key=key,
        )
    if key == "lesser_effect":
        return ElementResult(
            "fear",
            name,
            UNKNOWN,
            lambda: _("This law also counts being alarmed or annoyed, which is less than serious distress. So it may still fit."),
            key=key,
        )
    if key == "not_felt":
        return ElementResult(
            "fear",
            name,
            NOT_MET,
            lambda: _("This law needs %(kinds)s, and you said you do not feel this.", kinds=fear_kinds_text(e)),
            key=key,
        )
    return ElementResult(
        "fear",
        name,
        UNKNOWN,
        lambda: _("This law looks at %(kinds)s; we do not know yet whether that fits.", kinds=fear_kinds_text(e)),
        key=key,
    )


def _allowed(law: Law, path: Path) -> tuple[str, dict[str, str]]:
    """Who an order is open to, in words, and the words of each condition no question can tell."""
    e = path.elements
    labels = facts()["relationship"].values
    described = {value: law.condition_text_for(path, value, language()) for value in e.relationship}
    described = {value: text for value, text in described.items() if text}
    return relationships_text(tuple(value for value in e.relationship if value in labels), e, described), described


def relationship_keys(path: Path) -> tuple[str, ...]:
    who = path.elements.relationship
    if who is None:
        return ()
    if who == ("any",):
        return ("anyone",)
    conditional = [c.who for c in path.elements.relationship_conditions]
    return ("open", "other", "fits") + tuple(f"{state}:{w}" for w in conditional for state in ("condition_fails", "condition_open"))


def relationship_key(path: Path, answers: dict[str, str]) -> str:
    e = path.elements
    if e.relationship == ("any",):
        return "anyone"
    given = answer(answers, "relationship")
    if given is None:
        return "open"
    if given not in e.relationship:
        return "other"
    condition = e.condition_for(given)
    settled = True if condition is None else (evaluate(condition.when, answers) if condition.when is not None else None)
    if settled is True:
        return "fits"
    return f"{'condition_fails' if settled is False else 'condition_open'}:{given}"


def relationship_result(law: Law, path: Path, key: str) -> ElementResult:
    """Who may ask for an order, with any condition the text sets for some relationships."""
    name = _("Who can ask")
    if key == "anyone":
        return ElementResult("relationship", name, MET, lambda: _("Anyone can ask for this order, whatever the relationship."), key=key)
    if key == "open":
        return ElementResult(
            "relationship",
            name,
            UNKNOWN,
            lambda: _("This order is for: %(allowed)s. We do not know how you know the person.", allowed=_allowed(law, path)[0]),
            key=key,
        )
    if key == "other":
        return ElementResult(
            "relationship",
            name,
            NOT_MET,
            lambda: _(
                "This order is only for: %(allowed)s. From what you said, another order may fit better.", allowed=_allowed(law, path)[0]
            ),
            key=key,
        )
    if key == "fits":
        return ElementResult(
            "relationship",
            name,
            MET,
            lambda: _("This order is for: %(allowed)s. That fits what you said.", allowed=_allowed(law, path)[0]),
            key=key,
        )
    state, given = key.split(":", 1)
    condition = path.elements.condition_for(given)

    def when() -> str:
        return relationship_condition_text(condition, _allowed(law, path)[1].get(given))

    if state == "condition_fails":
        return ElementResult(
            "relationship",
            name,
            NOT_MET,
            lambda: _(
                "For someone in your situation, this order is open only when: %(when)s. From what you said, that is not the case.",
                when=when(),
            ),
            key=key,
        )
    return ElementResult(
        "relationship",
        name,
        UNKNOWN,
        lambda: _("For someone in your situation, this order is open only when: %(when)s. We do not know that yet.", when=when()),
        key=key,
    )


_REQUIREMENT_REASONS = {
    None: N_("This law also needs this, which these questions cannot tell: %(what)s."),
    True: N_("This law needs this, and it fits what you said: %(what)s."),
    False: N_("This law needs this, and from what you said it has not happened: %(what)s."),
    "open": N_("This law needs this; we do not know yet: %(what)s."),
}


def requirement_keys(path: Path) -> tuple[str, ...]:
    keys = []
    for index, requirement in enumerate(path.elements.requires):
        keys += [f"{index}:cannot_tell"] if requirement.when is None else [f"{index}:{state}" for state in ("fits", "fails", "open")]
    return tuple(keys)


def requirement_key(index: int, requirement, answers: dict[str, str]) -> str:
    if requirement.when is None:
        return f"{index}:cannot_tell"
    value = evaluate(requirement.when, answers)
    return f"{index}:{ {True: 'fits', False: 'fails'}.get(value, 'open') }"


_REQUIREMENT_STATES = {"cannot_tell": (None, UNKNOWN), "fits": (True, MET), "fails": (False, NOT_MET), "open": ("open", UNKNOWN)}


def requirement_result(law: Law, path: Path, key: str) -> ElementResult:
    """One extra requirement: settled by its condition, or one the questions cannot tell."""
    index, state = key.split(":")
    reason_key, status = _REQUIREMENT_STATES[state]

    def what() -> str:
        return law.requirement_text(int(index), language(), path)

    def reason() -> str:
        return _(_REQUIREMENT_REASONS[reason_key], what=what())

    return ElementResult("requires", _("Also needs"), status, reason, detail=what, key=key)


INTENT_NOTE = N_(
    "Only the other person knows what they meant, so we cannot ask you about it here. "
    "What they said and did can show it: messages, posts, or going on after being told to stop."
)


def intent(e: Elements) -> ElementResult:
    """What this path needs the other person to have meant or known: explained, never decisive.

    Why it cannot be answered here (INTENT_NOTE) is said once per page, not on every law.
    """
    return ElementResult("intent", _("What the person meant or knew"), UNKNOWN, lambda: intent_text(e), decisive=False, key="explained")


def judged_keys(path: Path, answers: dict[str, str]) -> list[tuple[str, str]]:
    """Which sentence applies to each element of a path, from the answers: (element, key) in the order
    the results page shows them."""
    e = path.elements
    keys = [("conduct", conduct_key(e, answers))]
    if e.credible_threat:
        keys.append(("credible_threat", threat_key(answers)))
    fear = fear_facts(e)
    if fear:
        keys.append(("fear", fear_key(e, answers, fear)))
    if e.relationship is not None:
        keys.append(("relationship", relationship_key(path, answers)))
    keys += [("requires", requirement_key(i, r, answers)) for i, r in enumerate(e.requires)]
    return keys + [("intent", "explained")]


def result_for(law: Law, path: Path, element: str, key: str) -> ElementResult:
    """The result of one element of a path for one key (from the law alone, never the answers)."""
    e = path.elements
    if element == "conduct":
        return conduct_result(e, key)
    if element == "credible_threat":
        return threat_result(key)
    if element == "fear":
        return fear_result(e, key)
    if element == "relationship":
        return relationship_result(law, path, key)
    if element == "requires":
        return requirement_result(law, path, key)
    return intent(e)


def every_key(path: Path) -> list[tuple[str, str]]:
    """Every (element, key) a path's elements can come to, whatever the answers."""
    e = path.elements
    keys = [("conduct", key) for key in conduct_keys(e)]
    keys += [("credible_threat", key) for key in threat_keys(e)]
    keys += [("fear", key) for key in fear_keys(e)]
    keys += [("relationship", key) for key in relationship_keys(path)]
    keys += [("requires", key) for key in requirement_keys(path)]
    return keys + [("intent", "explained")]


def every_result(law: Law, path: Path) -> list[ElementResult]:
    """Every result a path's elements can come to, one per key, whatever the answers: what the results
    page writes ahead for each law (so nothing written depends on what a reader answered)."""
    return [result_for(law, path, element, key) for element, key in every_key(path)]
