"""The knowledge base model: plain dataclasses built from validated law files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from kb.conditions import Condition
from kb.i18n import N_
from kb.texts import StatuteText


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
class Evidence:
    """Where the stored text supports an element: a pinpoint and the statute's own words there."""

    pinpoint: str
    quote: str


@dataclass(frozen=True)
class Requirement:
    """An extra element, in plain words; `when` is its condition on the facts, None if no question can tell."""

    describe: str
    when: Condition | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class RelationshipCondition:
    """A relationship the text opens an order to only on a condition: one a question can tell (`when`), or
    one described in words that no question can tell (`describe`), or both."""

    who: str
    when: Condition | None = None
    describe: str | None = None


@dataclass(frozen=True)
class Elements:
    """The structured legal elements of one path of a law, in the closed vocabulary.

    `intent` lists mental states; `intent_mode` says whether any one is enough ("any_of") or the text
    needs all of them together ("all_of"). `relationship` names who may ask for an order;
    `relationship_conditions` holds, for some of them, the condition the text sets (dating partners only
    when one of them is a minor, say).
    """

    conduct: str
    intent: tuple[str, ...]
    fear: Fear
    credible_threat: bool
    electronic: str
    min_acts: int | None = None
    relationship: tuple[str, ...] | None = None  # ("any",) or who may ask
    requires: tuple[Requirement, ...] = ()
    intent_mode: str = "any_of"
    relationship_conditions: tuple[RelationshipCondition, ...] = ()

    def condition_for(self, who: str) -> RelationshipCondition | None:
        """The condition a relationship is open on, or None when it is open without one."""
        return next((found for found in self.relationship_conditions if found.who == who), None)


@dataclass(frozen=True)
class Path:
    """One alternative way a law is met: its subsection, its own elements, its evidence, its penalty tier."""

    id: str
    label: str
    pinpoint: str
    elements: Elements
    evidence: tuple[tuple[str, Evidence], ...] = ()
    penalty: Penalty | None = None
    notes: tuple[str, ...] = ()

    def evidence_for(self, element: str) -> Evidence | None:
        """The evidence given for one element, or None."""
        return next((found for name, found in self.evidence if name == element), None)


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
class PathTranslation:
    """A path's label (and, optionally, penalty detail and requirements) in another language."""

    label: str | None = None
    penalty_detail: str | None = None
    requires: tuple[str, ...] = ()
    relationship: tuple[tuple[str, str], ...] = ()  # (who, the condition's describe, translated)


@dataclass(frozen=True)
class Translation:
    """A law's title and summary (and, optionally, penalty detail) in another language."""

    title: str
    summary: str
    penalty_detail: str | None = None
    requires: tuple[str, ...] = ()  # each elements.requires describe, in order
    paths: tuple[tuple[str, PathTranslation], ...] = ()
    source: str | None = None  # the fingerprint of the English it was made from (see Law.english_fingerprint)

    def path(self, path_id: str) -> PathTranslation | None:
        """The translation of one path, or None."""
        return next((found for name, found in self.paths if name == path_id), None)


def fingerprint(parts: list[tuple[str, str]]) -> str:
    """A short hash of named texts, blind to line breaks and spacing (8 hexadecimal digits)."""
    joined = "\n".join(f"{name}={' '.join(text.split())}" for name, text in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:8]


# Unconfirmed marks on these fields do not put the law's legal content in doubt.
NON_FACT_FIELDS = ("url", "history", "notes")

# What can keep a law from counting as confirmed, in the order a maintainer would work through them.
CONFIRMATION_GAPS = {
    "no_text": N_("no statute text stored"),
    "not_paths": N_("not yet written as paths"),
    "no_evidence": N_("a deciding element has no evidence"),
    "text_incomplete": N_("a stored text was not seen in full"),
    "text_unreliable": N_("a stored text is not from an official source or a reliable copy"),
    "facts_marked": N_("a legal fact is marked unconfirmed"),
}


@dataclass(frozen=True)
class ConfirmationGap:
    """One reason a law is not confirmed, and what it concerns: text ids, path elements or marked fields."""

    kind: str  # a key of CONFIRMATION_GAPS
    items: tuple[str, ...] = ()


def deciding_elements(elements: Elements) -> tuple[str, ...]:
    """The elements that state a requirement, each of which needs evidence in the statute's words."""
    names = ["conduct"]
    if elements.intent != ("none",):
        names.append("intent")
    if elements.fear.kinds != ("none",) and elements.fear.test != "none":
        names.append("fear")
    if elements.credible_threat:
        names.append("credible_threat")
    if elements.relationship is not None and elements.relationship != ("any",):
        names.append("relationship")
    return tuple(names)


@dataclass(frozen=True)
class Law:
    """One law: citation, link, its paths (alternative ways it is met), our summary, and when it was checked.

    `elements` sums up the paths for tables and search ("one incident is enough on some paths");
    the assessment judges each path on its own elements.
    """

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
    paths: tuple[Path, ...] = ()
    texts: tuple[StatuteText, ...] = ()
    written_as_paths: bool = False  # False: a law file written with `elements` only (one path, no evidence)

    def __post_init__(self) -> None:
        if not self.paths:
            object.__setattr__(self, "paths", (Path("main", self.title, "", self.elements),))

    def translation(self, language: str) -> Translation | None:
        """The law's text in `language`, or None when nobody has translated it yet."""
        return next((translated for code, translated in self.translations if code == language), None)

    def english_translated(self, language: str) -> list[tuple[str, str]]:
        """The English texts that the translation into `language` translates, each with its field name.

        The title and summary always; the penalty detail, requirements, path labels, path penalty
        details and relationship conditions only where the translation gives them (where it does
        not, readers see the English, so a change there leaves the translation current).
        """
        translated = self.translation(language)
        if translated is None:
            return []
        parts = [("title", self.title), ("summary", self.summary)]
        if translated.penalty_detail:
            parts.append(("penalty_detail", self.penalty.detail))
        if translated.requires and not self.written_as_paths:
            parts += [(f"requires[{i}]", r.describe) for i, r in enumerate(self.paths[0].elements.requires)]
        for path in self.paths:  # in the law's order, whatever order the translation lists them in
            found = translated.path(path.id)
            if found is None:
                continue
            if found.label:
                parts.append((f"paths.{path.id}.label", path.label))
            if found.penalty_detail and path.penalty:
                parts.append((f"paths.{path.id}.penalty_detail", path.penalty.detail))
            if found.requires:
                parts += [(f"paths.{path.id}.requires[{i}]", r.describe) for i, r in enumerate(path.elements.requires)]
            described = dict(found.relationship)
            for condition in path.elements.relationship_conditions:
                if condition.who in described and condition.describe:
                    parts.append((f"paths.{path.id}.relationship.{condition.who}", condition.describe))
        return parts

    def english_fingerprint(self, language: str) -> str | None:
        """The fingerprint of the English that the translation into `language` translates today
        (a translation records it as `source` when it is written or checked), or None without one."""
        parts = self.english_translated(language)
        return fingerprint(parts) if parts else None

    def translation_stale(self, language: str) -> bool:
        """True when the translation into `language` was made from English that has changed since.

        A translation without a recorded fingerprint cannot be judged, so it is not called stale here
        (the validator warns about it instead).
        """
        translated = self.translation(language)
        return bool(translated and translated.source and translated.source != self.english_fingerprint(language))

    def requirement_text(self, index: int, language: str, path: Path | None = None) -> str:
        """The describe of requirement `index` (of `path`, default the first), in `language` when translated."""
        path = path or self.paths[0]
        translated = self.translation(language)
        if translated:
            found = translated.path(path.id)
            texts = found.requires if found else (() if self.written_as_paths else translated.requires)
            if index < len(texts):
                return texts[index]
        return path.elements.requires[index].describe

    def path_label(self, path: Path, language: str) -> str:
        """A path's label in `language` when translated, else in English."""
        translated = self.translation(language)
        found = translated.path(path.id) if translated else None
        if found and found.label:
            return found.label
        if not self.written_as_paths and translated:
            return translated.title
        return path.label

    def path_penalty_detail(self, path: Path, language: str) -> str | None:
        """A path's own penalty detail in `language` when translated, else in English (None without one)."""
        if path.penalty is None:
            return None
        translated = self.translation(language)
        found = translated.path(path.id) if translated else None
        return found.penalty_detail if found and found.penalty_detail else path.penalty.detail

    def condition_text_for(self, path: Path, who: str, language: str) -> str | None:
        """The words of a relationship's condition that no question can tell, in `language` when translated."""
        condition = path.elements.condition_for(who)
        if condition is None or not condition.describe:
            return None
        translated = self.translation(language)
        found = translated.path(path.id) if translated else None
        return dict(found.relationship).get(who, condition.describe) if found else condition.describe

    def path(self, path_id: str) -> Path | None:
        """The path with this id, or None."""
        return next((path for path in self.paths if path.id == path_id), None)

    def text(self, section_id: str) -> StatuteText | None:
        """One stored section of this law's text, or None."""
        return next((text for text in self.texts if text.id == section_id), None)

    @property
    def anchored(self) -> bool:
        """True when every path's deciding elements carry evidence from the stored text.

        The validator refuses a file whose quotes are not in the text or whose pinpoints do not exist,
        so evidence on a served law has been checked.
        """
        return bool(self.texts and self.written_as_paths) and not self._elements_without_evidence()

    @property
    def confirmed(self) -> bool:
        """True when anchored in complete text read from an official source or a full reliable copy,
        and no legal fact is marked unconfirmed.

        An unconfirmed official link, history entry or note is still shown to readers, but it does
        not make the law's elements, penalty or summary doubtful.
        """
        return not self.confirmation_gaps

    @property
    def confirmation_gaps(self) -> tuple[ConfirmationGap, ...]:
        """Every reason this law is not confirmed (none when it is), so maintainers see what to read next."""
        gaps = []
        if not self.texts:
            gaps.append(ConfirmationGap("no_text"))
        if not self.written_as_paths:
            gaps.append(ConfirmationGap("not_paths"))
        elif self.texts:
            missing = self._elements_without_evidence()
            if missing:
                gaps.append(ConfirmationGap("no_evidence", missing))
        incomplete = tuple(text.id for text in self.texts if not text.complete)
        if incomplete:
            gaps.append(ConfirmationGap("text_incomplete", incomplete))
        unreliable = tuple(text.id for text in self.texts if not text.reliable)
        if unreliable:
            gaps.append(ConfirmationGap("text_unreliable", unreliable))
        marked = tuple(u.field for u in self.unconfirmed if u.field.split(".")[0].split("[")[0] not in NON_FACT_FIELDS)
        if marked:
            gaps.append(ConfirmationGap("facts_marked", marked))
        return tuple(gaps)

    def _elements_without_evidence(self) -> tuple[str, ...]:
        """`path id.element` for every deciding element (and requirement) of every path that has no evidence."""
        missing = []
        for path in self.paths:
            missing += [f"{path.id}.{name}" for name in deciding_elements(path.elements) if path.evidence_for(name) is None]
            missing += [f"{path.id}.requires[{i}]" for i, r in enumerate(path.elements.requires) if r.evidence is None]
        return tuple(missing)

    @property
    def texts_not_seen(self) -> tuple[tuple[StatuteText, object], ...]:
        """Every part of the stored texts that was not seen, with its text."""
        return tuple((text, part) for text in self.texts for part in text.not_seen)

    def is_unconfirmed(self, field_path: str) -> bool:
        """True when `field_path`, a field inside it, or a field it is inside (a mark on all of `paths`) is marked unconfirmed."""

        def within(inner: str, outer: str) -> bool:
            return inner == outer or inner.startswith(outer + ".") or inner.startswith(outer + "[")

        return any(within(u.field, field_path) or within(field_path, u.field) for u in self.unconfirmed)


@dataclass(frozen=True)
class Resource:
    """A local source of help: a coalition, legal aid, a hotline."""

    name: str
    url: str
    kind: str
    checked: Checked
    phone: str | None = None
    description: str | None = None
    languages: tuple[str, ...] = ()  # languages the service helps in, when its own page says so
    translations: tuple[tuple[str, str], ...] = ()  # (language, description)
    phone_translations: tuple[tuple[str, str], ...] = ()  # (language, the phone line's words translated)

    def description_in(self, language: str) -> str | None:
        """The description in `language` when translated, else in English."""
        return dict(self.translations).get(language, self.description)

    def phone_in(self, language: str) -> str | None:
        """The phone line in `language` when its words are translated (same numbers), else as written."""
        return dict(self.phone_translations).get(language, self.phone)


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


def _evidence(raw: dict | None) -> Evidence | None:
    return Evidence(raw["pinpoint"], raw["quote"]) if raw else None


def _intent(raw) -> tuple[tuple[str, ...], str]:
    """Mental states and how they combine: a bare value or list means any one is enough."""
    if isinstance(raw, dict):
        mode = "all_of" if "all_of" in raw else "any_of"
        return tuple(raw[mode]), mode
    return _as_tuple(raw), "any_of"


def build_elements(raw: dict) -> Elements:
    """Build one set of elements from a schema-valid mapping."""
    intent, mode = _intent(raw["intent"])
    relationship = raw.get("relationship")
    who = None
    conditions: list[RelationshipCondition] = []
    if relationship is not None:
        who = []
        for entry in _as_tuple(relationship):
            if isinstance(entry, dict):
                who.append(entry["who"])
                when = Condition.from_raw(entry["when"]) if "when" in entry else None
                conditions.append(RelationshipCondition(entry["who"], when, entry.get("describe")))
            else:
                who.append(entry)
        who = tuple(who)
    return Elements(
        conduct=raw["conduct"],
        intent=intent,
        intent_mode=mode,
        fear=Fear(tuple(raw["fear"]["kinds"]), raw["fear"]["test"]),
        credible_threat=raw["credible_threat"],
        electronic=raw["electronic"],
        min_acts=raw.get("min_acts"),
        relationship=who,
        relationship_conditions=tuple(conditions),
        requires=tuple(
            Requirement(r["describe"], Condition.from_raw(r["when"]) if "when" in r else None, _evidence(r.get("evidence")))
            for r in raw.get("requires", [])
        ),
    )


def _penalty(raw: dict | None) -> Penalty | None:
    return Penalty(raw["class"], raw["detail"]) if raw else None


def build_path(raw: dict) -> Path:
    """Build one path from a schema-valid mapping."""
    return Path(
        id=raw["id"],
        label=raw["label"],
        pinpoint=raw["pinpoint"],
        elements=build_elements(raw["elements"]),
        evidence=tuple((name, _evidence(found)) for name, found in raw.get("evidence", {}).items()),
        penalty=_penalty(raw.get("penalty")),
        notes=tuple(raw.get("notes", [])),
    )


def summarise(paths: tuple[Path, ...]) -> Elements:
    """The law-level elements of a law written as paths: what tables and search show in one line.

    One incident is enough "on some paths" when paths differ; a threat is needed only when every path
    needs one; a fear test that differs between paths is "varies". The assessment never uses this:
    it judges each path.
    """
    all_elements = [path.elements for path in paths]
    conducts = {e.conduct for e in all_elements}
    conduct = conducts.pop() if len(conducts) == 1 else "either"
    pattern_acts = [e.min_acts for e in all_elements if e.conduct != "single" and e.min_acts]
    intent = tuple(dict.fromkeys(state for e in all_elements for state in e.intent))
    modes = {e.intent_mode for e in all_elements}
    kinds = tuple(dict.fromkeys(kind for e in all_elements for kind in e.fear.kinds))
    if len(kinds) > 1 and "none" in kinds:
        kinds = tuple(k for k in kinds if k != "none") + ("none",)
    tests = {e.fear.test for e in all_elements if e.fear.test != "none"}
    test = tests.pop() if len(tests) == 1 else ("none" if not tests else "varies")
    relationships = [e.relationship for e in all_elements if e.relationship is not None]
    relationship = None
    if relationships:
        relationship = ("any",) if ("any",) in relationships else tuple(dict.fromkeys(w for r in relationships for w in r))
    return Elements(
        conduct=conduct,
        intent=intent,
        intent_mode=modes.pop() if len(modes) == 1 and len(paths) == 1 else "any_of",
        fear=Fear(kinds, test),
        credible_threat=all(e.credible_threat for e in all_elements),
        electronic="explicit" if any(e.electronic == "explicit" for e in all_elements) else "general",
        min_acts=min(pattern_acts) if pattern_acts else None,
        relationship=relationship,
    )


def _translation(raw: dict) -> Translation:
    return Translation(
        raw["title"],
        raw["summary"].strip(),
        raw.get("penalty_detail"),
        tuple(raw.get("requires", ())),
        tuple(
            (
                path_id,
                PathTranslation(
                    found.get("label"),
                    found.get("penalty_detail"),
                    tuple(found.get("requires", ())),
                    tuple(found.get("relationship", {}).items()),
                ),
            )
            for path_id, found in raw.get("paths", {}).items()
        ),
        raw.get("source"),
    )


def build_law(raw: dict, jurisdiction_id: str, texts: dict[str, StatuteText] | None = None) -> Law:
    """Build a Law from a schema-valid mapping; `texts` are the jurisdiction's stored sections by id."""
    texts = texts or {}
    if "paths" in raw:
        paths = tuple(build_path(path) for path in raw["paths"])
        elements = summarise(paths)
    else:
        elements = build_elements(raw["elements"])
        paths = ()
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
        translations=tuple((code, _translation(t)) for code, t in sorted(raw.get("translations", {}).items())),
        paths=paths,
        texts=tuple(texts[section] for section in raw.get("text", []) if section in texts),
        written_as_paths="paths" in raw,
    )


def build_jurisdiction(raw: dict, source_path: str, texts: dict[str, StatuteText] | None = None) -> Jurisdiction:
    """Build a Jurisdiction (with its laws, their stored texts, and its resources) from a schema-valid mapping."""
    return Jurisdiction(
        id=raw["id"],
        name=raw["name"],
        country=raw["country"],
        type=raw["type"],
        last_reviewed=raw["last_reviewed"],
        source_path=source_path,
        parent=raw.get("parent"),
        laws=tuple(build_law(law, raw["id"], texts) for law in raw["laws"]),
        resources=tuple(
            Resource(
                r["name"],
                r["url"],
                r["kind"],
                _checked(r["checked"]),
                r.get("phone"),
                r.get("description"),
                tuple(r.get("languages", [])),
                tuple((code, found["description"]) for code, found in sorted(r.get("translations", {}).items())),
                tuple((code, found["phone"]) for code, found in sorted(r.get("translations", {}).items()) if "phone" in found),
            )
            for r in raw.get("resources", [])
        ),
    )
