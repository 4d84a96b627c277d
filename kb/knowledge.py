"""The in-memory knowledge base: every jurisdiction and law, with the look-ups pages need."""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.i18n import N_
from kb.model import Jurisdiction, Law

COUNTRY_NAMES = {
    "us": N_("United States"),
    "gb": N_("United Kingdom"),
    "ie": N_("Ireland"),
    "ca": N_("Canada"),
    "au": N_("Australia"),
    "nz": N_("New Zealand"),
    "in": N_("India"),
    "za": N_("South Africa"),
}


@dataclass(frozen=True)
class KnowledgeBase:
    """All loaded jurisdictions and laws; immutable, so a reload swaps the whole object."""

    jurisdictions: dict[str, Jurisdiction]
    version: str = ""
    laws: dict[str, Law] = field(init=False)

    _groups: tuple[tuple[str, str, tuple[Jurisdiction, ...]], ...] = field(init=False, repr=False, compare=False)
    _children: dict[str | None, tuple[Jurisdiction, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        laws = {law.id: law for j in self.jurisdictions.values() for law in j.laws}
        object.__setattr__(self, "laws", laws)
        object.__setattr__(self, "_groups", self._group_by_country())
        object.__setattr__(self, "_children", self._children_by_parent())

    def jurisdiction(self, jurisdiction_id: str) -> Jurisdiction | None:
        """Return the jurisdiction with this id, or None."""
        return self.jurisdictions.get(jurisdiction_id)

    def law(self, law_id: str) -> Law | None:
        """Return the law with this id, or None."""
        return self.laws.get(law_id)

    def lineage(self, jurisdiction_id: str) -> list[Jurisdiction]:
        """Return the jurisdiction and then each parent whose laws also apply, nearest first."""
        chain: list[Jurisdiction] = []
        current = self.jurisdictions.get(jurisdiction_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.jurisdictions.get(current.parent) if current.parent else None
        return chain

    def children(self, jurisdiction_id: str) -> list[Jurisdiction]:
        """Return the jurisdictions whose parent is this one, A-Z by name.

        Worked out once per knowledge base: every questionnaire page asks for a country's regions
        several times.
        """
        return list(self._children.get(jurisdiction_id, ()))

    def _children_by_parent(self) -> dict[str | None, tuple[Jurisdiction, ...]]:
        found: dict[str | None, list[Jurisdiction]] = {}
        for jurisdiction in self.jurisdictions.values():
            found.setdefault(jurisdiction.parent, []).append(jurisdiction)
        return {parent: tuple(sorted(members, key=lambda j: j.name)) for parent, members in found.items()}

    def by_country(self) -> list[tuple[str, str, list[Jurisdiction]]]:
        """Group jurisdictions by country: (code, country name, national first then A-Z).

        Worked out once (the knowledge base never changes); every questionnaire step asks for it.
        """
        return [(code, name, list(members)) for code, name, members in self._groups]

    def countries(self) -> dict[str, str]:
        """Each country with laws, code to name, in browsing order (without copying every group)."""
        return {code: name for code, name, _ in self._groups}

    def _group_by_country(self) -> tuple[tuple[str, str, tuple[Jurisdiction, ...]], ...]:
        groups: dict[str, list[Jurisdiction]] = {}
        for jurisdiction in self.jurisdictions.values():
            groups.setdefault(jurisdiction.country, []).append(jurisdiction)
        result = []
        for code in sorted(groups, key=lambda c: (c != "us", COUNTRY_NAMES.get(c, c))):
            members = sorted(groups[code], key=lambda j: (j.parent is not None, j.name))
            result.append((code, COUNTRY_NAMES.get(code, code.upper()), tuple(members)))
        return tuple(result)
