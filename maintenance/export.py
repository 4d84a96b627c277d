"""Open data: every jurisdiction in the law-file format (so an export loads back), and a flat CSV."""

from __future__ import annotations

import csv
import io

import yaml

from kb.knowledge import KnowledgeBase
from kb.loader import LoadResult
from kb.texts import StatuteText
from kb.vocabulary import vocabulary

LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "note": "Statutes are public law; the summaries, structured elements and notes are this project's work.",
    "cite_as": "Stalking and online-harassment law guide, law data exported {date} (data version {version}).",
}

CSV_COLUMNS = [
    "law_id",
    "jurisdiction_id",
    "jurisdiction",
    "title",
    "citation",
    "url",
    "kind",
    "topics",
    "conduct",
    "min_acts",
    "intent",
    "fear_kinds",
    "fear_test",
    "credible_threat",
    "electronic",
    "relationship",
    "requires",
    "penalty_class",
    "penalty_detail",
    "checked_date",
    "checked_source",
    "source_type",
    "paths",
    "anchored",
    "confirmed",
    "unconfirmed_fields",
]


def export_texts(result: LoadResult) -> dict[str, dict[str, str]]:
    """Every stored statute text, by jurisdiction id and section id, as its file reads (header and words).

    With them an export loads back whole: the evidence in the files is checked against these texts.
    The source in each header is the attribution the text's licence asks for.
    """
    texts: dict[str, dict[str, str]] = {}
    for found in result.files.values():
        if found.file is not None and found.file.data["id"] in result.kb.jurisdictions:
            texts[found.file.data["id"]] = {section: text_file_content(text) for section, text in sorted(found.file.texts.items())}
    return dict(sorted(texts.items()))


def text_file_content(text: StatuteText) -> str:
    """A stored text written back in its file's form: the header between --- lines, then the words."""
    header = {"citation": text.citation, "heading": text.heading, "source": text.source, "source_type": text.source_type}
    header |= {"as_of": text.as_of, "read": text.read}
    header |= {"not_seen": [vars(p) for p in text.not_seen], "omitted": [vars(p) for p in text.omitted], "notes": list(text.notes)}
    header = {key: value for key, value in header.items() if value not in (None, [])}
    return "---\n" + yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + text.body


def export_files(result: LoadResult) -> list[dict]:
    """Return each served file's data exactly as written (the law-file format), in id order."""
    files = [r.file.data for r in result.files.values() if r.file is not None and r.file.data["id"] in result.kb.jurisdictions]
    return sorted(files, key=lambda data: data["id"])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Neutralise a cell a spreadsheet would run as a formula (CSV injection): prefix it with '.

    Law files are edited by many hands; a title beginning with '=' must not become a live
    formula on an advocate's computer when they open the download.
    """
    if isinstance(value, str) and value.strip() == "-":
        return ""  # the "nothing here" placeholder: an empty cell, not the text '-
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: list) -> list:
    """A CSV row with every cell made spreadsheet-safe."""
    return [spreadsheet_safe(v) for v in values]


def export_csv(kb: KnowledgeBase) -> str:
    """Return one CSV row per law, with its elements as columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    topics_order = list(vocabulary()["topics"])
    for law in sorted(kb.laws.values(), key=lambda law: law.id):
        e = law.elements
        writer.writerow(
            safe_row(
                [
                    law.id,
                    law.jurisdiction_id,
                    kb.jurisdiction(law.jurisdiction_id).name,
                    law.title,
                    law.citation,
                    law.url,
                    law.kind,
                    ";".join(sorted(law.topics, key=topics_order.index)),
                    e.conduct,
                    e.min_acts or "",
                    ";".join(e.intent),
                    ";".join(e.fear.kinds),
                    e.fear.test,
                    str(e.credible_threat).lower(),
                    e.electronic,
                    ";".join(e.relationship or ()),
                    " | ".join(r.describe for r in e.requires),
                    law.penalty.penalty_class,
                    law.penalty.detail,
                    law.checked.date,
                    law.checked.source,
                    law.checked.source_type,
                    ";".join(path.id for path in law.paths) if law.written_as_paths else "",
                    str(law.anchored).lower(),
                    str(law.confirmed).lower(),
                    ";".join(u.field for u in law.unconfirmed),
                ]
            )
        )
    return buffer.getvalue()
