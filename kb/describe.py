"""Plain-language descriptions of a law's elements, shared by the pages, the API and the wizard."""

from __future__ import annotations

from dataclasses import dataclass

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
        return "One incident can be enough."
    acts = f"{elements.min_acts} or more acts" if elements.min_acts else "more than one act"
    if elements.conduct == "pattern":
        return f"Needs a pattern: {acts}."
    return f"One incident can be enough on some paths; others need a pattern ({acts})."


def intent_text(law: Law) -> str:
    """Say what the person must have meant or known, joining alternatives with 'or'."""
    parts = [label("intent", value) for value in law.elements.intent]
    return " Or: ".join(part[0].upper() + part[1:] for part in parts) + "."


def fear_text(law: Law) -> str:
    """Say what the victim must feel, and by which test."""
    fear = law.elements.fear
    if fear.kinds == ("none",):
        return "No fear or distress needs to be shown."
    kinds = " or ".join(label("fear_kinds", kind).lower() for kind in fear.kinds if kind != "none")
    kinds = kinds[0].upper() + kinds[1:]
    if fear.test == "none":
        return f"{kinds}."
    return f"{kinds}. Test: {label('fear_tests', fear.test).lower()}."


def relationship_text(law: Law) -> str | None:
    """Say who may ask for a protection order, or None when the law has no such element."""
    who = law.elements.relationship
    if who is None:
        return None
    if who == ("any",):
        return "Anyone can ask, whatever the relationship."
    names = facts()["relationship"].values
    return "Only: " + "; ".join(names.get(value, value).lower() for value in who) + "."


_CACHE: dict[int, tuple[Law, list[ElementText]]] = {}


def describe_elements(law: Law) -> list[ElementText]:
    """Return the law's elements as plain-language lines, in reading order (cached per law object)."""
    cached = _CACHE.get(id(law))
    if cached is not None and cached[0] is law:
        return cached[1]
    lines = _describe(law)
    if len(_CACHE) > 20_000:
        _CACHE.clear()
    _CACHE[id(law)] = (law, lines)  # holding the law keeps its id from being reused
    return lines


def _describe(law: Law) -> list[ElementText]:
    e = law.elements
    lines = [
        ElementText(
            "conduct",
            "How many incidents",
            conduct_text(law),
            law.is_unconfirmed("elements.conduct") or law.is_unconfirmed("elements.min_acts"),
        ),
        ElementText("intent", "What the person must have meant or known", intent_text(law), law.is_unconfirmed("elements.intent")),
        ElementText("fear", "What you must feel", fear_text(law), law.is_unconfirmed("elements.fear")),
        ElementText(
            "credible_threat",
            "Threat",
            "Needs a credible threat." if e.credible_threat else "No threat is needed.",
            law.is_unconfirmed("elements.credible_threat"),
        ),
        ElementText(
            "electronic",
            "Online and electronic acts",
            "Names electronic communication (texts, email, online posts, devices)."
            if e.electronic == "explicit"
            else "Does not name electronic means; its general words may still cover them.",
            law.is_unconfirmed("elements.electronic"),
        ),
    ]
    relationship = relationship_text(law)
    if relationship:
        lines.append(ElementText("relationship", "Who can ask", relationship, law.is_unconfirmed("elements.relationship")))
    for requirement in e.requires:
        lines.append(ElementText("requires", "Also needs", requirement.describe, law.is_unconfirmed("elements.requires")))
    return lines
