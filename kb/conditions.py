"""Conditions over facts, as immutable values: `{fact: x, is: y}`, `{fact: x, in: [...]}`,
`{all: [...]}`, `{any: [...]}`, `{not: ...}` in the files; a frozen, hashable tree in memory.

The tree is data, never code: wizard.conditions evaluates it in three-valued logic, the API writes
it back in the file's own form, and kb.describe turns it into plain words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Condition:
    """One node: a fact test (`fact`, `values`), or `all` / `any` of parts, or `not` of one part."""

    op: str  # "fact" | "all" | "any" | "not"
    fact: str | None = None
    values: tuple[str, ...] = ()
    parts: tuple[Condition, ...] = ()

    @classmethod
    def from_raw(cls, raw: dict) -> Condition:
        """Build the tree from a schema-valid mapping."""
        for op in ("all", "any"):
            if op in raw:
                return cls(op, parts=tuple(cls.from_raw(part) for part in raw[op]))
        if "not" in raw:
            return cls("not", parts=(cls.from_raw(raw["not"]),))
        values = (raw["is"],) if "is" in raw else tuple(raw["in"])
        return cls("fact", fact=raw["fact"], values=tuple(str(v) for v in values))

    def to_raw(self) -> dict:
        """The condition in the files' (and the API's) own form."""
        if self.op == "fact":
            return {"fact": self.fact, "is": self.values[0]} if len(self.values) == 1 else {"fact": self.fact, "in": list(self.values)}
        if self.op == "not":
            return {"not": self.parts[0].to_raw()}
        return {self.op: [part.to_raw() for part in self.parts]}

    def facts(self) -> frozenset[str]:
        """Every fact the condition reads."""
        if self.op == "fact":
            return frozenset({self.fact})
        return frozenset().union(*(part.facts() for part in self.parts))
