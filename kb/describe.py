"""Plain-language descriptions of a law's elements, shared by the pages, the API and the wizard."""

from __future__ import annotations

from dataclasses import dataclass

from kb.i18n import _, language
from kb.model import Law
from kb.vocabulary import facts, label


@dataclass(frozen=True)
class ElementText:
    """One element in plain words: its name, what it means for this law, and whether it is confirmed."""

    key: str
    name: str
    text: str
    unconfirmed: bool = False


def conduct_text(law: Law) -> str:
    """Say whether one incident is enough, or how many acts a pattern needs."""
    elements = law.elements
    if elements.conduct == "single":
        return _("One incident can be enough.")
    acts = acts_text(elements.min_acts)
    if elements.conduct == "pattern":
        return _("Needs a pattern: %(acts)s.", acts=acts)
    return _("One incident can be enough on some paths; others need a pattern (%(acts)s).", acts=acts)


def acts_text(min_acts: int | None) -> str:
    """'2 or more acts', or 'more than one act' when the law sets no number."""
    return _("%(count)s or more acts", count=min_acts) if min_acts else _("more than one act")


def intent_text(law: Law) -> str:
    """Say what the person must have meant or known, joining alternatives with 'or'."""
    parts = [label("intent", value) for value in law.elements.intent]
    return (" " + _("Or:") + " ").join(part[0].upper() + part[1:] for part in parts) + "."


def fear_text(law: Law) -> str:
    """Say what the victim must feel, and by which test."""
    fear = law.elements.fear
    if fear.kinds == ("none",):
        return _("No fear or distress needs to be shown.")
    kinds = fear_kinds_text(law)
    kinds = kinds[0].upper() + kinds[1:]
    if fear.test == "none":
        return f"{kinds}."
    return _("%(kinds)s. Test: %(test)s.", kinds=kinds, test=label("fear_tests", fear.test).lower())


def fear_kinds_text(law: Law) -> str:
    """The kinds of fear or distress a law looks at, joined with 'or', in lower case."""
    return (" " + _("or") + " ").join(label("fear_kinds", kind).lower() for kind in law.elements.fear.kinds if kind != "none")


def relationship_text(law: Law) -> str | None:
    """Say who may ask for a protection order, or None when the law has no such element."""
    who = law.elements.relationship
    if who is None:
        return None
    if who == ("any",):
        return _("Anyone can ask, whatever the relationship.")
    return _("Only: %(who)s.", who=relationships_text(who))


def relationships_text(who: tuple[str, ...]) -> str:
    """The relationships a law is open to, in lower case, separated by semicolons."""
    names = facts()["relationship"].values
    return "; ".join(_(names[value]).lower() if value in names else value for value in who)


_CACHE: dict[tuple[int, str], tuple[Law, list[ElementText]]] = {}


def describe_elements(law: Law) -> list[ElementText]:
    """Return the law's elements as plain-language lines, in reading order (cached per law object)."""
    key = (id(law), language())
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is law:
        return cached[1]
    lines = _describe(law)
    if len(_CACHE) > 20_000:
        _CACHE.clear()
    _CACHE[key] = (law, lines)  # holding the law keeps its id from being reused
    return lines


def _describe(law: Law) -> list[ElementText]:
    e = law.elements
    lines = [
        ElementText(
            "conduct",
            _("How many incidents"),
            conduct_text(law),
            law.is_unconfirmed("elements.conduct") or law.is_unconfirmed("elements.min_acts"),
        ),
        ElementText("intent", _("What the person must have meant or known"), intent_text(law), law.is_unconfirmed("elements.intent")),
        ElementText("fear", _("What you must feel"), fear_text(law), law.is_unconfirmed("elements.fear")),
        ElementText(
            "credible_threat",
            _("Threat"),
            _("Needs a credible threat.") if e.credible_threat else _("No threat is needed."),
            law.is_unconfirmed("elements.credible_threat"),
        ),
        ElementText(
            "electronic",
            _("Online and electronic acts"),
            _("Names electronic communication (texts, email, online posts, devices).")
            if e.electronic == "explicit"
            else _("Does not name electronic means; its general words may still cover them."),
            law.is_unconfirmed("elements.electronic"),
        ),
    ]
    relationship = relationship_text(law)
    if relationship:
        lines.append(ElementText("relationship", _("Who can ask"), relationship, law.is_unconfirmed("elements.relationship")))
    for index in range(len(e.requires)):
        lines.append(
            ElementText("requires", _("Also needs"), law.requirement_text(index, language()), law.is_unconfirmed("elements.requires"))
        )
    return lines
