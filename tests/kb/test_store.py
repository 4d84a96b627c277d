"""Live editing without outages: a broken edit keeps the last good version served."""

from __future__ import annotations

import os
from datetime import date

import pytest

from kb.store import InvalidLawData, LawStore

TODAY = lambda: date(2026, 11, 24)  # noqa: E731


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a visible change even on coarse clocks


@pytest.fixture
def store(law_dir):
    store = LawStore(law_dir, today=TODAY, min_interval=0)
    store.load_lenient()
    return store


def test_valid_edit_is_served_after_refresh(store, law_dir):
    _edit(law_dir / "us" / "ca.yaml", "title: Stalking\n", "title: Stalking (edited)\n")
    assert store.refresh() is True
    assert store.kb.law("us-ca-stalking").title == "Stalking (edited)"
    assert [p for p in store.problems if p.severity == "error"] == []


def test_broken_edit_keeps_last_good_version_and_reports_the_error(store, law_dir, caplog):
    _edit(law_dir / "us" / "ca.yaml", "conduct: pattern", "conduct: patern")
    store.refresh()
    assert store.kb.law("us-ca-stalking").elements.conduct == "pattern"
    assert [p.rule for p in store.problems] == ["schema-enum"]
    assert "keeping its last good version" in caplog.text
    assert "us/ca.yaml:19:16" in caplog.text


def test_fixing_the_file_clears_the_error(store, law_dir):
    path = law_dir / "us" / "ca.yaml"
    _edit(path, "conduct: pattern", "conduct: patern")
    store.refresh()
    _edit(path, "conduct: patern", "conduct: single\n      # was pattern")
    _edit(
        path,
        "      min_acts: 2\n      intent: specific\n      fear:\n        kinds: [safety]",
        "      intent: specific\n      fear:\n        kinds: [safety]",
    )
    store.refresh()
    assert [p for p in store.problems if p.severity == "error"] == []
    assert store.kb.law("us-ca-stalking").elements.conduct == "single"


def test_truncated_file_keeps_old_data(store, law_dir):
    path = law_dir / "us" / "ca.yaml"
    path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")
    store.refresh()
    assert len(store.kb.jurisdiction("us-ca").laws) == 4
    assert store.problems


def test_edit_that_clashes_with_another_file_is_not_served(store, law_dir):
    _edit(law_dir / "us" / "us.yaml", "citation: 18 U.S.C. § 2261A", "citation: Cal. Penal Code § 646.9")
    store.refresh()
    assert store.kb.law("us-interstate-stalking").citation == "18 U.S.C. § 2261A"
    assert [p.rule for p in store.problems] == ["duplicate-citation"]


def test_deleted_file_keeps_old_data_and_says_so(store, law_dir):
    (law_dir / "us" / "ca.yaml").unlink()
    store.refresh()
    assert store.kb.jurisdiction("us-ca") is not None
    assert [p.rule for p in store.problems] == ["file-missing"]


def test_strict_loading_refuses_invalid_data_listing_every_problem(law_dir):
    _edit(law_dir / "us" / "ca.yaml", "conduct: pattern", "conduct: patern")
    _edit(law_dir / "us" / "us.yaml", "kind: hotline", "kind: hotlines")
    with pytest.raises(InvalidLawData) as raised:
        LawStore(law_dir, today=TODAY).load_strict()
    message = str(raised.value)
    assert "2 problem(s)" in message
    assert "us/ca.yaml:19:16" in message and "us/us.yaml:10:11" in message


def test_version_changes_with_content(store, law_dir):
    before = store.kb.version
    _edit(law_dir / "us" / "ca.yaml", "title: Stalking\n", "title: Stalking!\n")
    store.refresh()
    assert store.kb.version != before


def test_copying_another_summary_is_reported_but_serves_both_files(store, law_dir):
    us_summary = "A federal crime to use the mail, the internet or other electronic means in a pattern that"
    ca = law_dir / "us" / "ca.yaml"
    _edit(
        ca,
        "      Repeatedly following or harassing someone",
        f"      {us_summary} causes fear.\n      Repeatedly following or harassing someone",
    )
    store.refresh()
    assert [p.rule for p in store.problems] == ["copied-summary", "copied-summary"]
    assert store.kb.jurisdiction("us") is not None and store.kb.jurisdiction("us-ca") is not None
