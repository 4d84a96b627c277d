"""The index schema and the text each law contributes to it."""

from __future__ import annotations

import re

from whoosh.analysis import LanguageAnalyzer, StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from kb.describe import describe_elements
from kb.i18n import in_english
from kb.knowledge import KnowledgeBase
from kb.model import Law
from kb.vocabulary import label

# Section numbers: 646.9, 2261A, 42.072, 9A.46.020, 13A-6-90, 16-5-90, 53a-181d, 633:3-a
SECTION = re.compile(r"\b\d+[0-9A-Za-z]*(?:[.:\-]\d*[0-9A-Za-z]+)*\b")


MARKDOWN_NOISE = re.compile(r"\*\*|__|[*_`#>]|\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown_text: str) -> str:
    """Return Markdown as plain words for indexing and snippets (emphasis marks and link targets dropped)."""
    return " ".join(MARKDOWN_NOISE.sub(lambda m: m.group(1) or "", markdown_text).split())


def section_numbers(text: str) -> list[str]:
    """Return the section numbers in a citation or query, lower-cased (a prefix match is a match)."""
    return [match.lower() for match in SECTION.findall(text) if any(ch.isdigit() for ch in match)]


def schema() -> Schema:
    """Return the index schema: stored display fields, one searchable text field, facets."""
    stemming = StemmingAnalyzer(cachesize=None)  # no word cache: query words must not stay in memory
    return Schema(
        law_id=ID(stored=True, unique=True),
        jurisdiction_id=ID(stored=True),
        jurisdiction_name=STORED,
        kind=ID(stored=True),
        topics=KEYWORD(stored=True, commas=True, lowercase=True),
        title=TEXT(stored=True, analyzer=stemming, field_boost=3.0),
        citation=STORED,
        sections=KEYWORD(lowercase=True, commas=True),
        summary=STORED,
        content=TEXT(analyzer=stemming),
        # Spanish: translated titles and summaries, with Spanish stemming and stop words.
        title_es=STORED,
        summary_es=STORED,
        content_es=TEXT(analyzer=LanguageAnalyzer("es", cachesize=None)),
        spelling=TEXT(analyzer=StandardAnalyzer(stoplist=None), spelling=True),
        checked=STORED,
    )


def document(law: Law, kb: KnowledgeBase) -> dict:
    """Return the fields one law contributes to the index (in English: the index serves every reader)."""
    with in_english():
        return _document(law, kb)


def _document(law: Law, kb: KnowledgeBase) -> dict:
    jurisdiction = kb.jurisdiction(law.jurisdiction_id)
    topic_words = " ".join(label("topics", t) for t in law.topics) + " " + label("kinds", law.kind)
    # Every path's label and elements in words, so "credible threat" or "one incident" finds the
    # laws (and the paths) that say so; each distinct line once.
    lines = [f"{e.name}. {e.text}" for e in describe_elements(law)]
    if law.written_as_paths:
        for path in law.paths:
            lines.append(path.label)
            lines += [f"{e.name}. {e.text}" for e in describe_elements(law, path)]
    elements = " ".join(dict.fromkeys(lines))
    cited = [law.citation] + [text.citation for text in law.texts]
    return {
        "law_id": law.id,
        "jurisdiction_id": law.jurisdiction_id,
        "jurisdiction_name": jurisdiction.name,
        "kind": law.kind,
        "topics": ",".join(law.topics),
        "title": law.title,
        "citation": law.citation,
        "sections": ",".join(dict.fromkeys(number for citation in cited for number in section_numbers(citation))),
        "summary": plain_text(law.summary),
        # The title twice: its words weigh more, without a second field to search.
        "content": " ".join([law.title, law.title, law.citation, plain_text(law.summary), topic_words, jurisdiction.name, elements]),
        "spelling": " ".join([law.title, plain_text(law.summary), topic_words, jurisdiction.name]),
        "checked": law.checked.date,
        **_spanish(law),
    }


def _spanish(law: Law) -> dict:
    """The law's Spanish title and summary, when it has them (empty otherwise)."""
    translated = law.translation("es")
    if translated is None:
        return {"title_es": "", "summary_es": "", "content_es": ""}
    summary = plain_text(translated.summary)
    return {"title_es": translated.title, "summary_es": summary, "content_es": " ".join([translated.title, translated.title, summary])}
