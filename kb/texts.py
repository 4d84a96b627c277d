"""Stored statute text: one file per section beside its jurisdiction's law file, and the tools that
find a pinpoint ("(a)(1)") in it and check that a quote is the statute's own words.

A text file is `jurisdictions/<country>/<code>/<section>.txt`: a YAML header between `---` lines
(citation, source, source type, the date the source gives, what was not seen), then the words of the
section, each subdivision starting its own line with its marker. See docs/statute-texts.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIX = ".txt"
UNDATED = "undated"  # the as_of of a copy whose source gives no date for its text (never the day it was read)
_MARKERS_AT_LINE_START = re.compile(r"^[ \t]*((?:\([A-Za-z0-9.\-]+\)[ \t]*)+)", re.MULTILINE)
# Codes that number subdivisions "1.", "A." or "a." (Iowa, Missouri, New Mexico, Virginia): a number, a letter or a
# roman numeral and a full stop, starting a line and followed by a space; bracketed markers may follow it.
_PLAIN_MARKER_AT_LINE_START = re.compile(
    r"^[ \t]*(?P<plain>[0-9]{1,3}|[A-Za-z]|[ivxIVX]{2,5})\.[ \t]+(?P<more>(?:\([A-Za-z0-9.\-]+\)[ \t]*)*)", re.MULTILINE
)
_ONE_MARKER = re.compile(r"\(([A-Za-z0-9.\-]+)\)")
_PINPOINT = re.compile(r"^(?P<section>[A-Za-z0-9][A-Za-z0-9._-]*?)?(?P<subs>(\([A-Za-z0-9.\-]+\))*)$")
_ROMAN = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()


@dataclass(frozen=True)
class Part:
    """A subdivision named in a text's header: not seen, or left out on purpose, and why."""

    part: str
    reason: str


# Where a stored text's words come from. Only the first two are read as confirmation; an unverified
# copy (undated, commercial, or of unknown origin) keeps the words quotable while saying so.
RELIABLE_SOURCE_TYPES = ("official", "reliable_copy")
TEXT_SOURCE_TYPES = (*RELIABLE_SOURCE_TYPES, "unverified_copy")


@dataclass(frozen=True)
class StatuteText:
    """The words of one section as read: where, when, and what was not seen."""

    id: str
    citation: str
    source: str
    source_type: str
    as_of: str  # the date the source gives for its text, or UNDATED when it gives none
    read: str
    body: str
    heading: str | None = None
    not_seen: tuple[Part, ...] = ()
    omitted: tuple[Part, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True when every part of the section was seen (parts left out on purpose do not count)."""
        return not self.not_seen

    @property
    def reliable(self) -> bool:
        """True when read from the official text or a full, reliable copy of it."""
        return self.source_type in RELIABLE_SOURCE_TYPES


def text_folder(law_file: Path) -> Path:
    """The folder of a law file's texts: jurisdictions/us/ca.yaml -> jurisdictions/us/ca/."""
    return law_file.with_suffix("")


def text_path(law_file: Path, section_id: str) -> Path:
    """Where one section's text lives."""
    return text_folder(law_file) / f"{section_id}{TEXT_SUFFIX}"


def split_front_matter(source: str) -> tuple[str, str, int] | None:
    """Split a text file into (header YAML, body, the body's first line number); None without a header."""
    lines = source.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def normalise(text: str) -> str:
    """Text for comparing quotes: one space for any run of white space, plain quote marks and dashes, lower case."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"[\u2018\u2019\u201b\u2032]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class Marker:
    """A subdivision marker at the start of a line: its token ("a", "1", "A", "iv"), where it stands, and
    whether it is written in brackets ("(2)") or plain ("2."): a plain "2." ends at "3.", not at "(3)"."""

    token: str
    start: int
    plain: bool = False


def markers(body: str, plain: bool = True) -> list[Marker]:
    """Every subdivision marker that starts a line (or follows another marker there), in order.

    Bracketed markers "(a)(1)" and, unless `plain` is False, plain ones "1." or "A." count; a pinpoint
    always writes them in brackets, so "708.11(1)(a)" finds "1." and then "a." (or "(a)").
    """
    found = []
    for match in _MARKERS_AT_LINE_START.finditer(body):
        for inner in _ONE_MARKER.finditer(match.group(1)):
            found.append(Marker(inner.group(1), match.start(1) + inner.start()))
    if plain:
        for match in _PLAIN_MARKER_AT_LINE_START.finditer(body):
            found.append(Marker(match.group("plain"), match.start("plain"), plain=True))
            for inner in _ONE_MARKER.finditer(match.group("more")):
                found.append(Marker(inner.group(1), match.start("more") + inner.start()))
    return sorted(found, key=lambda marker: marker.start)


def _successors(token: str) -> set[str]:
    """The markers that would close this one's subdivision: (a) ends at (b), (1) at (2), (iv) at (v)."""
    nexts = set()
    if token.isdigit():
        nexts.add(str(int(token) + 1))
    if len(set(token)) == 1 and token.isalpha() and token[0] not in "zZ":
        nexts.add(chr(ord(token[0]) + 1) * len(token))
    if token.lower() in _ROMAN[:-1]:
        following = _ROMAN[_ROMAN.index(token.lower()) + 1]
        nexts.add(following.upper() if token.isupper() else following)
    return nexts


def parse_pinpoint(pinpoint: str) -> tuple[str | None, list[str]] | None:
    """Split "22-3133(a)(1)" into ("22-3133", ["a", "1"]); None when it is not a pinpoint."""
    match = _PINPOINT.match(pinpoint.strip())
    if not match:
        return None
    return match.group("section") or None, _ONE_MARKER.findall(match.group("subs") or "")


@dataclass(frozen=True)
class Span:
    """A resolved pinpoint: the text, and the stretch of its body the subdivision covers."""

    text: StatuteText
    start: int
    end: int

    @property
    def words(self) -> str:
        """The subdivision's own words."""
        return self.text.body[self.start : self.end]


class PinpointError(ValueError):
    """A pinpoint that names no stored section or subdivision; the message says what exists."""


def resolve(pinpoint: str, texts: dict[str, StatuteText]) -> Span:
    """Find a pinpoint in a law's texts; raise PinpointError saying what is wrong."""
    return resolve_all(pinpoint, texts)[0]


def resolve_all(pinpoint: str, texts: dict[str, StatuteText]) -> list[Span]:
    """Every reading of a pinpoint in a law's texts: counting plain markers ("1.", "A.") with the bracketed
    ones, and, where that differs, bracketed markers only (Missouri's "565.225(1)" is the "(1)" inside "2.").
    Raise PinpointError when there is none."""
    parsed = parse_pinpoint(pinpoint)
    if parsed is None:
        raise PinpointError(f"'{pinpoint}' is not a pinpoint; write a section and subdivisions such as 646.9(a)(1), or (a)(1)")
    section, subdivisions = parsed
    if section is None:
        if len(texts) != 1:
            raise PinpointError(f"'{pinpoint}' does not say which section; begin it with one of: {', '.join(texts)}")
        section = next(iter(texts))
    if section not in texts:
        raise PinpointError(f"'{section}' is not one of this law's stored texts ({', '.join(texts) or 'none'}); add it to `text`")
    text = texts[section]
    spans = []
    for plain in (True, False):
        span = _walk(text, subdivisions, markers(text.body, plain))
        if span is not None and span not in spans:
            spans.append(span)
    if not spans:
        walked = "".join(f"({token})" for token in subdivisions)
        raise PinpointError(f"{section}{walked} is not in the stored text of {text.citation}; check the subdivision")
    return spans


def _walk(text: StatuteText, subdivisions: list[str], found: list[Marker]) -> Span | None:
    """Narrow the text to each subdivision in turn; None when one is missing."""
    start, end = 0, len(text.body)
    for depth, token in enumerate(subdivisions):
        candidates = [m for m in found if start <= m.start < end and m.token == token]
        if depth == 0 and any(m.plain for m in candidates):
            candidates = [m for m in candidates if m.plain]  # a code numbered "1.", "2." at the top is read that way first
        here = candidates[0] if candidates else None
        if here is None:
            return None
        closers = _successors(token)
        closing = next((m for m in found if here.start < m.start < end and m.token in closers and m.plain == here.plain), None)
        start, end = here.start, closing.start if closing else end
    return Span(text, start, end)


def quote_found(quote: str, spans: Span | list[Span]) -> bool:
    """True when the quote is the statute's own words within the pinpointed subdivision (on any reading of it)."""
    spans = spans if isinstance(spans, list) else [spans]
    return any(normalise(quote) in normalise(span.words) for span in spans)


def section_file_ids(folder: Path) -> list[str]:
    """The section ids stored in a jurisdiction's text folder, sorted."""
    return sorted(p.stem for p in folder.glob(f"*{TEXT_SUFFIX}")) if folder.is_dir() else []


def pinpoint_citation(pinpoint: str, texts: tuple[StatuteText, ...], fallback: str) -> str:
    """A pinpoint as readers cite it: "22-3133(a)(1)" -> "D.C. Code § 22-3133(a)(1)"; "(b)" -> the only section's citation + "(b)"."""
    parsed = parse_pinpoint(pinpoint) if pinpoint else None
    if parsed is None:
        return fallback
    section, subdivisions = parsed
    by_id = {text.id: text for text in texts}
    if section is None and len(texts) == 1:
        section = texts[0].id
    base = by_id[section].citation if section in by_id else (fallback if section is None else section)
    return base + "".join(f"({token})" for token in subdivisions)
