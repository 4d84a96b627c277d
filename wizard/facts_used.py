"""Which facts a law's assessment reads: used to skip questions no candidate law needs."""

from __future__ import annotations

from kb.model import Law
from kb.vocabulary import vocabulary
from wizard.conditions import facts_in


def fear_facts(law: Law) -> set[str]:
    """Return the facts that stand for the fear or distress this law names."""
    mapping = vocabulary()["fear_facts"]
    if law.elements.fear.test == "none":
        return set()
    return {mapping[kind] for kind in law.elements.fear.kinds if kind in mapping}


def facts_used(law: Law) -> set[str]:
    """Return every fact that can change this law's assessment."""
    e = law.elements
    used = set(fear_facts(law))
    if e.conduct in ("pattern", "either"):
        used.add("incidents")
    if e.credible_threat:
        used.add("threatened")
    if e.relationship is not None and e.relationship != ("any",):
        used.add("relationship")
    for requirement in e.requires:
        if requirement.when is not None:
            used |= facts_in(requirement.when)
    return used
