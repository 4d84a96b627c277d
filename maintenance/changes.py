"""Recent changes: every dated history entry across all laws, newest first."""

from __future__ import annotations

from dataclasses import dataclass

from kb.knowledge import KnowledgeBase
from kb.model import HistoryEntry, Law


@dataclass(frozen=True)
class Change:
    """One dated change to one law."""

    law: Law
    jurisdiction_name: str
    entry: HistoryEntry

    @property
    def sort_key(self) -> str:
        """The date padded to a full ISO date (a bare year sorts as its first day)."""
        parts = self.entry.date.split("-") + ["01", "01"]
        return "-".join(parts[:3])


def recent_changes(
    kb: KnowledgeBase, jurisdiction_id: str | None = None, topic: str | None = None, limit: int | None = None
) -> list[Change]:
    """Return history entries, newest first, optionally for one jurisdiction or topic."""
    changes = [
        Change(law, kb.jurisdiction(law.jurisdiction_id).name, entry)
        for law in kb.laws.values()
        if (jurisdiction_id is None or law.jurisdiction_id == jurisdiction_id) and (topic is None or topic in law.topics)
        for entry in law.history
    ]
    changes.sort(key=lambda c: (c.sort_key, c.law.id), reverse=True)
    return changes[:limit] if limit else changes
