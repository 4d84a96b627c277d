"""The knowledge base model: plain dataclasses built from validated law files."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Checked:
    """When a text was last read, and where."""

    date: str
    source: str
    source_type: str = "official"


@dataclass(frozen=True)
class Fear:
    """What the victim must feel (any listed kind is enough) and by which test."""

    kinds: tuple[str, ...]
    test: str


@dataclass(frozen=True)
class Requirement:
    """An extra element, in plain words; `when` is its condition on the facts, None if no question can tell."""

    describe: str
    when: dict | None = None


@dataclass(frozen=True)
class Elements:
    """The structured legal elements of a law, in the closed vocabulary."""

    conduct: str
    intent: tuple[str, ...]
    fear: Fear
    credible_threat: bool
    electronic: str
    min_acts: int | None = None
    relationship: tuple[str, ...] | None = None  # ("any",) or who may ask
    requires: tuple[Requirement, ...] = ()


@dataclass(frozen=True)
class Penalty:
    """The penalty class (closed list) and its plain-language detail."""

    penalty_class: str
    detail: str


@dataclass(frozen=True)
class HistoryEntry:
    """One dated change to a law."""

    date: str
    change: str
    reference: str | None = None


@dataclass(frozen=True)
class Unconfirmed:
    """A field that could not be confirmed against the text, and why."""

    field: str
    reason: str


@dataclass(frozen=True)
class Translation:
    """A law's title and summary (and, optionally, penalty detail) in another language."""

    title: str
    summary: str
    penalty_detail: str | None = None
    requires: tuple[str, ...] = ()  # each elements.requires describe, in order


# Unconfirmed marks on these fields do not put the law's legal content in doubt.
NON_FACT_FIELDS = ("url", "history", "notes")


@dataclass(frozen=True)
class Law:
    """One law: citation, link, elements, our summary, and when it was checked."""

    id: str
    jurisdiction_id: str
    title: str
    citation: str
    url: str
    kind: str
    topics: tuple[str, ...]
    summary: str
    elements: Elements
    penalty: Penalty
    checked: Checked
    notes: tuple[str, ...] = ()
    unconfirmed: tuple[Unconfirmed, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    quotes: tuple[str, ...] = ()
    translations: tuple[tuple[str, Translation], ...] = ()

    def translation(self, language: str) -> Translation | None:
        """The law's text in `language`, or None when nobody has translated it yet."""
        return next((translated for code, translated in self.translations if code == language), None)

    def requirement_text(self, index: int, language: str) -> str:
        """The describe of requirement `index`, in `language` when translated, else in English."""
        translated = self.translation(language)
        if translated and index < len(translated.requires):
            return translated.requires[index]
        return self.elements.requires[index].describe

    @property
    def confirmed(self) -> bool:
        """True when read in the text itself and no legal fact is marked unconfirmed.

        An unconfirmed official link, history entry or note is still shown to readers, but it does
        not make the law's elements, penalty or summary doubtful.
        """
        facts_in_doubt = [u for u in self.unconfirmed if u.field.split(".")[0].split("[")[0] not in NON_FACT_FIELDS]
        return self.checked.source_type in ("official", "reliable_copy") and not facts_in_doubt

    def is_unconfirmed(self, field_path: str) -> bool:
        """True when `field_path` (or a field inside it) is marked unconfirmed."""
        return any(u.field == field_path or u.field.startswith(field_path + ".") for u in self.unconfirmed)


@dataclass(frozen=True)
class Resource:
    """A local source of help: a coalition, legal aid, a hotline."""

    name: str
    url: str
    kind: str
    checked: Checked
    phone: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Jurisdiction:
    """One jurisdiction's file: who it is, whose laws also apply, its laws and resources."""

    id: str
    name: str
    country: str
    type: str
    last_reviewed: str
    source_path: str
    parent: str | None = None
    laws: tuple[Law, ...] = ()
    resources: tuple[Resource, ...] = field(default_factory=tuple)


def _as_tuple(value) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def _checked(raw: dict) -> Checked:
    return Checked(raw["date"], raw["source"], raw.get("source_type", "official"))


def build_law(raw: dict, jurisdiction_id: str) -> Law:
    """Build a Law from a schema-valid mapping."""
    raw_elements = raw["elements"]
    elements = Elements(
        conduct=raw_elements["conduct"],
        intent=_as_tuple(raw_elements["intent"]),
        fear=Fear(tuple(raw_elements["fear"]["kinds"]), raw_elements["fear"]["test"]),
        credible_threat=raw_elements["credible_threat"],
        electronic=raw_elements["electronic"],
        min_acts=raw_elements.get("min_acts"),
        relationship=_as_tuple(raw_elements["relationship"]) if "relationship" in raw_elements else None,
        requires=tuple(Requirement(r["describe"], r.get("when")) for r in raw_elements.get("requires", [])),
    )
    return Law(
        id=raw["id"],
        jurisdiction_id=jurisdiction_id,
        title=raw["title"],
        citation=raw["citation"],
        url=raw["url"],
        kind=raw["kind"],
        topics=tuple(raw["topics"]),
        summary=raw["summary"].strip(),
        elements=elements,
        penalty=Penalty(raw["penalty"]["class"], raw["penalty"]["detail"]),
        checked=_checked(raw["checked"]),
        notes=tuple(raw.get("notes", [])),
        unconfirmed=tuple(Unconfirmed(u["field"], u["reason"]) for u in raw.get("unconfirmed", [])),
        history=tuple(HistoryEntry(h["date"], h["change"], h.get("reference")) for h in raw.get("history", [])),
        quotes=tuple(raw.get("quotes", [])),
        translations=tuple(
            (code, Translation(t["title"], t["summary"].strip(), t.get("penalty_detail"), tuple(t.get("requires", ()))))
            for code, t in sorted(raw.get("translations", {}).items())
        ),
    )


def build_jurisdiction(raw: dict, source_path: str) -> Jurisdiction:
    """Build a Jurisdiction (with its laws and resources) from a schema-valid mapping."""
    return Jurisdiction(
        id=raw["id"],
        name=raw["name"],
        country=raw["country"],
        type=raw["type"],
        last_reviewed=raw["last_reviewed"],
        source_path=source_path,
        parent=raw.get("parent"),
        laws=tuple(build_law(law, raw["id"]) for law in raw["laws"]),
        resources=tuple(
            Resource(r["name"], r["url"], r["kind"], _checked(r["checked"]), r.get("phone"), r.get("description"))
            for r in raw.get("resources", [])
        ),
    )
