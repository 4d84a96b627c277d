"""Plain-language descriptions of a law's elements, shared by the pages, the API and the wizard.

Every function here takes one set of elements (a path's, or a law's summary of its paths), so the same
words describe a law read as one path and each path of a law with alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.conditions import Condition
from kb.i18n import _, language
from kb.model import Elements, Evidence, Law, Path
from kb.vocabulary import facts, label


@dataclass(frozen=True)
class ElementText:
    """One element in plain words: its name, what it means here, whether it is confirmed, and the
    statute's words that support it (when the law stores its text)."""

    key: str
    name: str
    text: str
    unconfirmed: bool = False
    evidence: Evidence | None = None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def conduct_text(e: Elements) -> str:
    """Say whether one incident is enough, or how many acts a pattern needs."""
    if e.conduct == "single":
        return _("One incident can be enough.")
    acts = acts_text(e.min_acts)
    if e.conduct == "pattern":
        return _("Needs a pattern: %(acts)s.", acts=acts)
    return _("One incident can be enough on some paths; others need a pattern (%(acts)s).", acts=acts)


def acts_text(min_acts: int | None) -> str:
    """'2 or more acts', or 'more than one act' when the law sets no number."""
    return _("%(count)s or more acts", count=min_acts) if min_acts else _("more than one act")


def intent_text(e: Elements) -> str:
    """Say what the person must have meant or known: one state, any one of several, or all together."""
    parts = [label("intent", value) for value in e.intent]
    if len(parts) == 1:
        return _capital(parts[0]) + "."
    lowered = [part[:1].lower() + part[1:] for part in parts]
    if e.intent_mode == "all_of":
        return _("All of these together: %(list)s.", list=(" " + _("and") + " ").join(lowered))
    return _("Any one of these is enough: %(list)s.", list=("; " + _("or") + " ").join(lowered))


def fear_text(e: Elements) -> str:
    """Say what the victim must feel, and by which test."""
    fear = e.fear
    if fear.kinds == ("none",):
        return _("No fear or distress needs to be shown.")
    kinds = _capital(fear_kinds_text(e))
    if fear.test == "none":
        return f"{kinds}."
    return _("%(kinds)s. Test: %(test)s.", kinds=kinds, test=label("fear_tests", fear.test).lower())


def fear_kinds_text(e: Elements) -> str:
    """The kinds of fear or distress a law looks at, joined with 'or', in lower case."""
    return (" " + _("or") + " ").join(label("fear_kinds", kind).lower() for kind in e.fear.kinds if kind != "none")


def penalty_lead(law: Law) -> str:
    """The first words of a law's penalty line, ending with a full stop.

    A crime gives its penalty class. A protection order or a civil claim says what it does: a label
    such as "no criminal penalty for the act itself" could be read as "what was done to me is not a
    crime", when the same acts are often crimes under other laws.
    """
    if law.penalty.penalty_class == "civil" and law.kind == "protection_order":
        return _(
            "A court order that tells the person what they must stop doing, such as contacting you or coming near you."
            " Breaking it can be a crime."
        )
    if law.penalty.penalty_class == "civil" and law.kind == "civil_claim":
        return _("A lawsuit: a court can order the person to pay you, or to stop.")
    return label("penalty_classes", law.penalty.penalty_class) + "."


def penalty_heading(law: Law) -> str:
    """What the penalty line is called: what an order does, or the penalty."""
    return _("What the order does") if law.kind == "protection_order" else _("Penalty")


def condition_text(condition: Condition) -> str:
    """A condition over facts in plain words: 'you are under 18', or 'you and the person have a child'."""
    if condition.op == "fact":
        fact = facts().get(condition.fact)
        if fact is None:
            return condition.fact
        name = _lower_first(_(fact.label))
        if set(condition.values) == {"yes"} and "yes" in fact.values:
            return name
        if set(condition.values) == {"no"} and "no" in fact.values:
            return _("not: %(what)s", what=name)
        values = (" " + _("or") + " ").join(_(fact.values.get(v, v)).lower() for v in condition.values)
        return f"{name}: {values}"
    if condition.op == "not":
        return _("not: %(what)s", what=condition_text(condition.parts[0]))
    joiner = " " + (_("and") if condition.op == "all" else _("or")) + " "
    return joiner.join(condition_text(part) for part in condition.parts)


def relationship_text(e: Elements, described: dict[str, str] | None = None) -> str | None:
    """Say who may ask for a protection order, or None when there is no such element."""
    who = e.relationship
    if who is None:
        return None
    if who == ("any",):
        return _("Anyone can ask, whatever the relationship.")
    return _("Only: %(who)s.", who=relationships_text(who, e, described))


def relationships_text(who: tuple[str, ...], e: Elements | None = None, described: dict[str, str] | None = None) -> str:
    """The relationships a law is open to, in lower case, separated by semicolons, with their conditions.

    `described` holds, by relationship, the words of a condition no question can tell (translated).
    """
    names = facts()["relationship"].values
    parts = []
    for value in who:
        text = _(names[value]).lower() if value in names else value
        condition = e.condition_for(value) if e is not None else None
        if condition is not None:
            text += " (" + _("only when: %(when)s", when=relationship_condition_text(condition, (described or {}).get(value))) + ")"
        parts.append(text)
    return "; ".join(parts)


def relationship_condition_text(condition, described: str | None = None) -> str:
    """A relationship's condition in words: the words the law file gives, or the condition over facts."""
    if described or condition.describe:
        return described or condition.describe
    return condition_text(condition.when)


_CACHE: dict[tuple[int, int, str], tuple[Law, list[ElementText]]] = {}


def describe_elements(law: Law, path: Path | None = None) -> list[ElementText]:
    """Return a path's elements (default: the law's summary) as plain-language lines, in reading order.

    Cached per law object, path and language; holding the law keeps its id from being reused.
    """
    index = law.paths.index(path) if path is not None else -1
    key = (id(law), index, language())
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is law:
        return cached[1]
    lines = _describe(law, path)
    if len(_CACHE) > 20_000:
        _CACHE.clear()
    _CACHE[key] = (law, lines)
    return lines


def _field(law: Law, path: Path | None, name: str) -> str:
    """The field path an unconfirmed mark uses for one element of a path (or of the law)."""
    if path is None or not law.written_as_paths:
        return f"elements.{name}"
    return f"paths[{law.paths.index(path)}].elements.{name}"


def _describe(law: Law, path: Path | None) -> list[ElementText]:
    e = path.elements if path is not None else law.elements

    def doubt(*names: str) -> bool:
        return any(law.is_unconfirmed(_field(law, path, name)) for name in names)

    def proof(name: str) -> Evidence | None:
        return path.evidence_for(name) if path is not None else None

    lines = [
        ElementText("conduct", _("How many incidents"), conduct_text(e), doubt("conduct", "min_acts"), proof("conduct")),
        ElementText("intent", _("What the person must have meant or known"), intent_text(e), doubt("intent"), proof("intent")),
        ElementText("fear", _("What you must feel"), fear_text(e), doubt("fear"), proof("fear")),
        ElementText(
            "credible_threat",
            _("Threat"),
            _("Needs a credible threat.") if e.credible_threat else _("No threat is needed."),
            doubt("credible_threat"),
            proof("credible_threat"),
        ),
        ElementText(
            "electronic",
            _("Online and electronic acts"),
            _("Names electronic communication (texts, email, online posts, devices).")
            if e.electronic == "explicit"
            else _("Does not name electronic means; its general words may still cover them."),
            doubt("electronic"),
        ),
    ]
    described = {}
    if path is not None and e.relationship:
        described = {who: law.condition_text_for(path, who, language()) for who in e.relationship}
        described = {who: text for who, text in described.items() if text}
    relationship = relationship_text(e, described)
    if relationship:
        lines.append(ElementText("relationship", _("Who can ask"), relationship, doubt("relationship"), proof("relationship")))
    for index, requirement in enumerate(e.requires):
        text = law.requirement_text(index, language(), path)
        lines.append(ElementText("requires", _("Also needs"), text, doubt("requires"), requirement.evidence))
    return lines
