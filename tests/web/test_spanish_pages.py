"""Every page, and the results for every region, rendered in Spanish: no English interface sentence.

The catalogue test (test_i18n) only sees what `pybabel extract` sees: a string in a place the
extractor misses, or one never marked for translation, would silently stay English there. This test
looks at what a reader gets instead. It renders the pages in Spanish on the real data, takes the text
a reader sees (and the labels a screen reader reads), leaves out what is marked lang="en" and the
laws' own English (titles, summaries, requirements, names: law data, not interface), and fails on
any piece that still reads as English: two or more English function words. A second check looks for
the catalogue's own English messages, left untranslated, anywhere on the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app import create_app
from kb.loader import load
from wizard.flow import load_flow

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"
KB = load().kb

# Words that mark English and are not Spanish words (no "a", "no", "he", "me", "once"...).
ENGLISH = set(
    "the you your and of is this that what with are for from was were has have not does can will be by it they them "
    "their who which when where how been or if an at on than these those there here may must only also any we our "
    "but would should could about more some all into out see get said told happened because then just other after "
    "before being had did do its it's don't law laws needs need person court".split()
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ALOUD = ("aria-label", "placeholder", "title", "alt")


class _ReaderText(HTMLParser):
    """The text a reader sees or hears, outside anything marked lang="en" (and outside scripts)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.pieces: list[str] = []

    def _skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = self._skipped() or tag in ("script", "style") or attributes.get("lang") == "en"
        if not skipped:
            self.pieces += [attributes[name] for name in READ_ALOUD if attributes.get(name)]
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            self.pieces.append(data)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _law_data() -> list[str]:
    """The English of the law files, longest first: names, titles, summaries, requirements, notes..."""
    found = set()
    for jurisdiction in KB.jurisdictions.values():
        found.add(jurisdiction.name)
        for resource in jurisdiction.resources:
            found.update(text for text in (resource.name, resource.description, resource.phone) if text)
    for law in KB.laws.values():
        found.update((law.title, law.citation, law.summary, law.penalty.detail, *law.notes, *law.quotes))
        found.update(u.reason for u in law.unconfirmed)
        found.update(text for h in law.history for text in (h.change, h.reference) if text)
        for path in law.paths:
            found.update((path.label, *(r.describe for r in path.elements.requires)))
            found.update(c.describe for c in path.elements.relationship_conditions if c.describe)
            if path.penalty:
                found.add(path.penalty.detail)
        for text in law.texts:
            found.update((text.citation, text.heading or "", *(part.part for part in text.not_seen)))
    # Markdown is rendered, so compare the words only: sentences of a summary reach the page in pieces.
    pieces = set()
    for text in found:
        for piece in re.split(r"(?<=[.;:])\s+|\n\s*-\s+", text):
            pieces |= {_squeeze(piece), _squeeze(re.sub(r"\*\*|__|`|(?<!\w)[*_]|[*_](?!\w)", "", piece))}
    # A single word ("Stalking", "message") holds no English sentence, and taking it out would cut words apart.
    return sorted((p for p in pieces if len(p.split()) >= 2), key=len, reverse=True)


LAW_DATA = _law_data()


def _english_words(text: str) -> set[str]:
    # Accented letters belong to the word: "habían" must not read as "hab" + "an", nor "prohíbe" as "be".
    return {word for word in re.findall(r"[a-zà-öø-ÿ']+", text.lower()) if word in ENGLISH}


def _without_law_data(text: str) -> str:
    lowered = text.lower()
    for data in LAW_DATA:
        if data.lower() in lowered:
            lowered = lowered.replace(data.lower(), " ")
    return lowered


def _interface_pieces(page: str) -> list[tuple[str, str]]:
    """Each piece of text a reader meets, and the same piece with the laws' own English taken out."""
    reader = _ReaderText()
    reader.feed(page)
    pieces = [_squeeze(piece) for piece in reader.pieces]
    return [(text, _without_law_data(text) if len(_english_words(text)) >= 1 else text.lower()) for text in pieces]


def english_sentences(page: str) -> list[str]:
    """The pieces of a rendered page that read as English, once the laws' own English is taken out."""
    return [text for text, interface in _interface_pieces(page) if len(_english_words(interface)) >= 2]


def _catalogue_english() -> list[str]:
    """Runs of four or more words from the English messages that the Spanish does not keep."""
    with CATALOGUE.open("rb") as handle:
        messages = [m for m in read_po(handle, locale="es") if m.id]
    runs = set()
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = " ".join(message.string if isinstance(message.string, tuple) else (message.string,))
        for text in ids:
            for run in re.split(r"%\(\w+\)s|%s|<[^>]+>|[.:;!?()]", text):
                run = _squeeze(run)
                if len(run.split()) >= 4 and run not in _squeeze(strings) and len(_english_words(run)) >= 1:
                    runs.add(run)
    return sorted(runs)


CATALOGUE_ENGLISH = _catalogue_english()


def untranslated_messages(page: str) -> list[str]:
    """English messages of the catalogue found on the page, outside the laws' own English."""
    text = " ".join(_squeeze(interface) for _, interface in _interface_pieces(page))
    return [run for run in CATALOGUE_ENGLISH if run.lower() in text]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "LAW_LOADING": "strict",
            "LAW_RELOAD": False,
            "SEARCH_INDEX_DIR": str(tmp_path_factory.mktemp("index")),
            "SEARCH_BUILD_AT_START": False,
            "REPORT_PROBLEM_EMAIL": "reports@example.org",
        }
    )
    return app.test_client()


def _check(response, where: str) -> None:
    page = response.get_data(as_text=True)
    assert '<html lang="es">' in page, f"{where} is not in Spanish"
    english = english_sentences(page)
    assert english == [], f"{where}: English on the Spanish page: {english[:5]}"
    left = untranslated_messages(page)
    assert left == [], f"{where}: messages left in English: {left[:5]}"


def test_the_check_finds_english_and_leaves_law_data_alone():
    assert english_sentences('<html lang="es"><p>This law needs a threat.</p></html>') == ["This law needs a threat."]
    assert english_sentences('<p lang="en">This law needs a threat.</p><p>Esta ley exige una amenaza.</p>') == []
    assert english_sentences('<button aria-label="Show the laws of this region">x</button>') == ["Show the laws of this region"]
    law = KB.law("us-ny-unlawful-surveillance")
    assert english_sentences(f"<p>Esta ley exige lo siguiente: {law.paths[0].label}.</p>") == []
    assert untranslated_messages("<p>Save messages, screenshots and posts, and write down dates and what happened.</p>")


PAGES = [
    "/",
    "/about",
    "/jurisdictions",
    "/compare",
    "/compare?topic=intimate_images&kind=protection_order",
    "/compare?topic=threats&kind=civil_claim&sort=penalty&dir=desc",
    "/map",
    "/map?element=credible_threat",
    "/map?element=electronic",
    "/search",
    "/changes",
    "/maintain",
    "/maintain?jurisdiction=us-ny&months=0",
    "/questions",
    "/no-such-page",
    "/laws/no-such-law",
    "/compare?topic=nothing",
    "/maintain?months=many",
]


@pytest.mark.parametrize("address", PAGES)
def test_each_page_is_spanish(client, address):
    _check(client.get(address, headers={"Accept-Language": "es"}), address)


@pytest.mark.parametrize("jurisdiction", sorted(KB.jurisdictions), ids=str)
def test_each_region_and_its_laws_are_spanish(client, jurisdiction):
    headers = {"Accept-Language": "es"}
    _check(client.get(f"/jurisdictions/{jurisdiction}", headers=headers), jurisdiction)
    for law in KB.jurisdiction(jurisdiction).laws:
        _check(client.get(f"/laws/{law.id}", headers=headers), law.id)


@pytest.mark.parametrize("query", ["acecho", "646.9", "pornovenganza", "acoso en linea", "acech", "amenazas"])
def test_search_results_are_spanish(client, query):
    _check(client.post("/search", data={"q": query, "lang": "es"}), f"search {query}")
    _check(client.post("/search", data={"q": query, "lang": "es", "topic": "stalking", "kind": "nothing"}), f"search {query}")


def test_every_question_and_the_review_are_spanish(client):
    base = {"lang": "es", "a_country": "us", "a_jurisdiction": "us-ca", "a_other_elsewhere": "yes"}
    for question in load_flow().questions:
        _check(client.post("/questions", data={**base, "goto": question.id}), f"question {question.id}")
    _check(client.post("/questions", data={**base, "question": "incidents", "nav": "next"}), "a question left unanswered")
    _check(client.post("/questions", data={**base, "nav": "review"}), "review")


# Three ways of answering: much happened, nothing is known, and little happened (a stranger, once).
PROFILES = {
    "much": {
        "incidents": "several",
        "threatened": "yes",
        "afraid_for_safety": "yes",
        "emotional_distress": "yes",
        "told_to_stop": "yes",
        "relationship": "partner_or_ex",
        "contacted_directly": "yes",
        "posted_about": "yes",
        "shared_personal_info": "yes",
        "intimate_images": "yes",
        "images_shared": "yes",
        "impersonated": "yes",
        "tracked_or_monitored": "yes",
        "in_person": "yes",
        "minor": "no",
        "child_in_common": "yes",
    },
    "unsure": {"incidents": "unsure", "threatened": "unsure", "relationship": "unknown", "afraid_for_safety": "unsure"},
    "little": {"incidents": "one", "threatened": "no", "afraid_for_safety": "no", "emotional_distress": "no", "relationship": "stranger"},
}


@pytest.mark.parametrize("jurisdiction", sorted(KB.jurisdictions), ids=str)
def test_results_are_spanish_for_every_region(client, jurisdiction):
    for name, answers in PROFILES.items():
        data = {"lang": "es", "a_jurisdiction": jurisdiction, **{f"a_{fact}": value for fact, value in answers.items()}}
        if jurisdiction != "us":
            data["a_other_jurisdiction"] = "us"
        _check(client.post("/questions/results", data=data), f"results {jurisdiction} ({name})")
