"""Which facts a law's assessment reads: used to skip questions no candidate law needs."""

from __future__ import annotations

from functools import lru_cache

from kb.model import Elements, Fear, Law
from kb.vocabulary import vocabulary


def fear_facts(e: Elements) -> frozenset[str]:
    """Return the facts that stand for the fear or distress these elements name."""
    return _fear_facts(e.fear)


@lru_cache(maxsize=256)
def _fear_facts(fear: Fear) -> frozenset[str]:
    """Kept per kind of fear (a few dozen in the data, the same for every reader): each path of a
    results page asks for them twice."""
    mapping = vocabulary()["fear_facts"]
    if fear.test == "none":
        return frozenset()
    return frozenset(mapping[kind] for kind in fear.kinds if kind in mapping)


def path_facts(e: Elements) -> set[str]:
    """Return every fact that can change the judgement of one path."""
    used = set(fear_facts(e))
    if e.conduct in ("pattern", "either"):
        used.add("incidents")
    if e.credible_threat:
        used.add("threatened")
    if e.relationship is not None and e.relationship != ("any",):
        used.add("relationship")
        for condition in e.relationship_conditions:
            if condition.when is not None:
                used |= condition.when.facts()
    for requirement in e.requires:
        if requirement.when is not None:
            used |= requirement.when.facts()
    return used


_USED: dict[int, tuple[Law, frozenset[str]]] = {}


def facts_used(law: Law) -> frozenset[str]:
    """Return every fact that can change this law's assessment, on any of its paths.

    Kept per law object (holding the law keeps its id from being reused): it depends on the law
    alone, and every question page asks it of every law that could apply.
    """
    found = _USED.get(id(law))
    if found is not None and found[0] is law:
        return found[1]
    used = frozenset().union(*(path_facts(path.elements) for path in law.paths))
    if len(_USED) > 20_000:
        _USED.clear()
    _USED[id(law)] = (law, used)
    return used
