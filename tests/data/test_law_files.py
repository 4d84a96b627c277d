"""Data tests over every real law file: they validate, and every law carries what readers rely on."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kb.loader import DEFAULT_LAW_DIR, law_file_paths, load

RESULT = load([DEFAULT_LAW_DIR])
KB = RESULT.kb
LAWS = sorted(KB.laws.values(), key=lambda law: law.id)
FILES = law_file_paths([DEFAULT_LAW_DIR])


def test_there_is_data_to_test():
    assert KB.jurisdiction("us") is not None, "the federal file jurisdictions/us/us.yaml is missing"
    assert len(FILES) >= 2 and len(LAWS) >= 10


def test_every_law_file_validates():
    assert [p.format() for p in RESULT.problems if p.severity == "error"] == []


def test_warnings_are_only_the_known_advisories():
    """Warnings never block serving; only the rules registered as warnings may appear here.

    A stale translation may be served (its page says so, and the review lists it); a translation that
    does not record the English it was made from may not: a later change could never be noticed.
    """
    known = {"intent-list", "secondary-source", "no-resources", "translation-stale"}
    assert {p.rule for p in RESULT.problems if p.severity == "warning"} <= known


def test_the_new_york_surveillance_summary_is_whole_in_spanish():
    """Subdivisions 4 and 5 of § 250.45 (under the clothing; sexual conduct) are in both summaries."""
    law = KB.law("us-ny-unlawful-surveillance")
    spanish = " ".join(law.translation("es").summary.split())
    assert "under your clothes" in law.summary and "having sex" in law.summary
    assert "debajo de su ropa" in spanish and "relaciones sexuales" in spanish
    assert not law.translation_stale("es")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_file_is_loaded(path: Path):
    assert any(j.source_path.endswith(f"{path.parent.name}/{path.name}") for j in KB.jurisdictions.values())


@pytest.mark.parametrize("law", LAWS, ids=[law.id for law in LAWS])
def test_every_law_has_what_readers_rely_on(law):
    assert law.citation.strip() and law.title.strip()
    assert law.url.startswith("https://")
    assert len(law.summary.split()) >= 12, "a summary should say, in a few sentences, what the law covers"
    assert law.checked.source.startswith("https://")
    assert date.fromisoformat(law.checked.date) <= date.today()
    assert law.penalty.detail.strip()
    if law.kind == "protection_order":
        assert law.elements.relationship, "a protection order says who may ask for it"
    if law.elements.conduct in ("pattern", "either"):
        assert law.elements.min_acts and law.elements.min_acts >= 2


def test_no_two_laws_share_a_citation():
    counts = Counter(" ".join(law.citation.split()).lower() for law in LAWS)
    assert [c for c, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("jurisdiction", sorted(KB.jurisdictions.values(), key=lambda j: j.id), ids=lambda j: j.id)
def test_every_us_state_file_sits_under_federal_law(jurisdiction):
    if jurisdiction.country == "us" and jurisdiction.id != "us":
        assert jurisdiction.parent == "us"
        assert [j.id for j in KB.lineage(jurisdiction.id)] == [jurisdiction.id, "us"]


US_THREAT_CRIMES = [law for law in LAWS if "threats" in law.topics and law.kind == "crime" and law.jurisdiction_id.split("-")[0] == "us"]


@pytest.mark.parametrize("law", US_THREAT_CRIMES, ids=lambda law: law.id)
def test_us_threat_crimes_mention_counterman(law):
    assert any("Counterman" in note for note in law.notes), "threat crimes note Counterman v. Colorado (2023)"


NON_US = [law for law in LAWS if not law.jurisdiction_id.startswith("us")]


@pytest.mark.parametrize("law", NON_US, ids=[law.id for law in NON_US])
def test_non_us_laws_use_their_own_penalty_classes_and_no_us_case_law(law):
    assert law.penalty.penalty_class not in ("felony", "misdemeanor", "misdemeanor_or_felony", "petty_offense")
    assert not any("Counterman" in note for note in law.notes), "Counterman v. Colorado binds US courts only"


@pytest.mark.parametrize("jurisdiction", sorted(KB.jurisdictions.values(), key=lambda j: j.id), ids=lambda j: j.id)
def test_regions_sit_under_their_national_file(jurisdiction):
    if "-" in jurisdiction.id:
        country = jurisdiction.id.split("-")[0]
        assert jurisdiction.parent == country and KB.jurisdiction(country) is not None
        assert [j.id for j in KB.lineage(jurisdiction.id)] == [jurisdiction.id, country]


@pytest.mark.parametrize("law", LAWS, ids=[law.id for law in LAWS])
def test_unconfirmed_marks_name_real_fields_with_reasons(law):
    for mark in law.unconfirmed:
        assert len(mark.reason.split()) >= 4


def test_coverage_page_is_generated_from_the_data():
    from maintenance.reports import coverage, coverage_markdown

    page = (Path(__file__).parent.parent.parent / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert page.strip() == coverage_markdown(coverage(KB)).strip(), "docs/coverage.md is stale: run `make coverage-doc`"


def test_the_coverage_page_reports_how_the_spanish_summaries_read():
    from maintenance.reports import coverage, spanish_readability

    rows = spanish_readability(coverage(KB))
    translated = {law.jurisdiction_id for law in LAWS if law.translation("es")}
    assert {row.jurisdiction.id for row in rows} == translated
    assert all(row.median is not None and row.hardest for row in rows)
    page = (Path(__file__).parent.parent.parent / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert "## Spanish summaries" in page and "| Puerto Rico | `us-pr` |" in page


def test_the_coverage_page_reports_how_the_english_summaries_read():
    from maintenance.readability import english_grade
    from maintenance.reports import coverage, english_readability

    rows = english_readability(coverage(KB))
    assert {row.jurisdiction.id for row in rows} == {law.jurisdiction_id for law in LAWS}
    for row in rows:
        grades = [english_grade(law.summary) for law in row.jurisdiction.laws]
        assert row.above_limit == sum(1 for grade in grades if round(grade, 1) > 12)
        assert row.hardest[0] == round(max(grades), 1)
    page = (Path(__file__).parent.parent.parent / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert "## English summaries" in page and "| Median grade |" in page


BEYOND_THE_US = [
    "gb",
    "gb-eaw",
    "gb-sct",
    "gb-nir",
    "ie",
    "ca",
    "ca-on",
    "ca-bc",
    "ca-qc",
    "au",
    "au-nsw",
    "au-vic",
    "au-qld",
    "nz",
    "in",
    "za",
]


@pytest.mark.parametrize("jurisdiction_id", BEYOND_THE_US)
def test_each_country_and_region_has_a_crime_and_a_remedy(jurisdiction_id):
    """A stalking or harassment crime (its own or its country's) and an order or civil remedy."""
    from maintenance.reports import coverage

    row = next(r for r in coverage(KB) if r.jurisdiction.id == jurisdiction_id)
    assert row.crime_cover, f"{jurisdiction_id} has no stalking or harassment crime, nor does its country"
    assert row.remedy_cover, f"{jurisdiction_id} has no order or civil remedy, nor do its regions"
    if "-" in jurisdiction_id:
        assert row.law_count >= 1, "a region lists at least one law of its own"


def test_regions_inherit_national_criminal_law_in_the_coverage():
    from maintenance.reports import coverage

    rows = {r.jurisdiction.id: r for r in coverage(KB)}
    assert not rows["ca-on"].stalking_crime and rows["ca-on"].national_stalking  # Criminal Code s. 264 is federal
    assert rows["gb"].regional_orders and not rows["gb"].protection_order  # UK orders are made by each nation
