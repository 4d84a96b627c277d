"""The Spanish glossary (translations/es/glossary.yaml) is data, and no Spanish text uses a term it lists as wrong.

The catalogue of interface messages and every Spanish text in the law files (titles, summaries,
penalties, requirements, path labels, resource descriptions) are checked against the glossary's
`avoid` lists; law files are also checked by the validator (rule translation-term).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kb.glossary import glossary, term_pattern, wrong_terms
from kb.loader import DEFAULT_LAW_DIR, load

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"
RESULT = load([DEFAULT_LAW_DIR])


def _catalogue() -> list[tuple[str, str]]:
    with CATALOGUE.open("rb") as handle:
        messages = [m for m in read_po(handle, locale="es") if m.id]
    return [
        (m.id if isinstance(m.id, str) else m.id[0], text)
        for m in messages
        for text in (m.string if isinstance(m.string, tuple) else (m.string,))
    ]


def _law_texts():
    """Every Spanish text of every law and resource, with where it is."""
    for law in RESULT.kb.laws.values():
        translated = law.translation("es")
        if translated is None:
            continue
        yield f"{law.id} title", translated.title
        yield f"{law.id} summary", translated.summary
        if translated.penalty_detail:
            yield f"{law.id} penalty_detail", translated.penalty_detail
        yield from ((f"{law.id} requires", text) for text in translated.requires)
        for path_id, path in translated.paths:
            texts = [path.label, path.penalty_detail, *path.requires, *(text for _, text in path.relationship)]
            yield from ((f"{law.id} paths.{path_id}", text) for text in texts if text)
    for jurisdiction in RESULT.kb.jurisdictions.values():
        for resource in jurisdiction.resources:
            for code, text in (*resource.translations, *resource.phone_translations):
                if code == "es":
                    yield f"{jurisdiction.id} resource {resource.name}", text


def test_the_glossary_is_data_with_what_a_translator_needs():
    terms = glossary("es")["terms"]
    assert len(terms) >= 30
    english = {term for entry in terms for term in entry["en"]}
    for needed in ("stalking", "harassment", "credible threat", "restraining order", "reckless", "assault", "meant to"):
        assert needed in english
    california = [court for entry in terms for court in entry.get("courts", []) if court["jurisdiction"] == "us-ca"]
    assert any(court["es"] == "orden de restricción" for court in california)


def test_no_term_to_use_is_a_term_to_avoid():
    """A glossary that forbade its own advice would leave a translator with no right answer."""
    for entry in glossary("es")["terms"]:
        for right in [entry["es"], *entry.get("also", []), *(court["es"] for court in entry.get("courts", []))]:
            assert wrong_terms(right) == [], f"{right!r} is both to use and to avoid"


@pytest.mark.parametrize(
    "text, found",
    [
        ("Violó una ORDEN DE\nALEJAMIENTO.", "ALEJAMIENTO"),
        ("Lo que la persona pretendía hacer", "pretendía"),
        ("de manera imprudente", "imprudente"),
        ("si la persona cruzó la frontera del estado", "frontera"),
        ("un asalto sexual", "asalto"),
        ("un curso de conducta", "curso de conducta"),
    ],
)
def test_a_listed_wrong_term_is_found_in_any_form(text, found):
    assert [wrong.found for wrong in wrong_terms(text)] == [found]


def test_right_words_are_not_mistaken_for_wrong_ones():
    assert wrong_terms("una orden de restricción; una agresión; sin importarle el riesgo; pasó de un estado a otro") == []
    assert term_pattern("asalt*").search("basalto") is None  # whole words only


@pytest.mark.parametrize("msgid, text", _catalogue(), ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_the_interface_catalogue_uses_no_wrong_term(msgid, text):
    found = wrong_terms(text)
    assert found == [], "; ".join(f"'{w.found}': {w.why}" for w in found)


def test_no_spanish_law_text_uses_a_wrong_term():
    found = [f"{where}: '{w.found}' ({w.why})" for where, text in _law_texts() for w in wrong_terms(text)]
    assert found == []
    assert [p.format() for p in RESULT.problems if p.rule == "translation-term"] == []


def test_the_validator_warns_about_a_wrong_term_in_a_law_file(law_dir):
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8")
    right = "Hasta 6 meses en la cárcel del condado."
    assert right in text
    path.write_text(text.replace(right, "Hasta 6 meses en la cárcel si viola una orden de alejamiento."), encoding="utf-8")
    found = [p for p in load([law_dir]).problems if p.rule == "translation-term"]
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].field == "laws[2].translations.es.penalty_detail" and "'orden de alejamiento'" not in found[0].message
    assert "'alejamiento'" in found[0].message and "orden de protección" in found[0].message


# A statutory term kept in English comes after the Spanish: amenaza creíble ("credible threat").
ENGLISH_FIRST = re.compile(r"[\"“]([^\"”]+)[\"”]\s*(\[[^\]]+\]|\(([^()]+)\))")
SPANISH_MARK = re.compile(r"[áéíóúñ¿¡]|\b(de|del|la|el|los|las|y|o|en|un|una|que|por|con|para)\b", re.IGNORECASE)


def _english_first(text: str) -> list[str]:
    found = []
    for match in ENGLISH_FIRST.finditer(text):
        quoted, gloss = match.group(1), match.group(2)
        if gloss.startswith("[") or (not SPANISH_MARK.search(quoted) and SPANISH_MARK.search(match.group(3) or "")):
            found.append(match.group(0))
    return found


def test_the_english_first_check_tells_the_two_orders_apart():
    assert _english_first('un "family offense" [delito familiar]') == ['"family offense" [delito familiar]']
    assert _english_first('una víctima de "domestic abuse" (maltrato doméstico)') == ['"domestic abuse" (maltrato doméstico)']
    assert _english_first('una amenaza creíble ("credible threat")') == []
    assert _english_first('una "amenaza creíble" ("credible threat")') == []


def test_spanish_comes_first_and_the_statute_english_after_it():
    found = [f"{where}: {hit}" for where, text in _law_texts() for hit in _english_first(text)]
    found += [f"catalogue {msgid[:40]}: {hit}" for msgid, text in _catalogue() for hit in _english_first(text)]
    assert found == []
