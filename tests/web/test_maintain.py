"""The maintenance dashboard and `laws review`, against crafted law files."""

from __future__ import annotations

import html
import re

import pytest


@pytest.fixture
def crafted(law_dir):
    """The fixture files with one stale law, one law read on a summary, no local help, and nothing else changed."""
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8").split("# Resources come last", 1)[0]
    blocks = text.split("  - id: ")
    blocks[3] = blocks[3].replace('date: "2026-01-10"', 'date: "2024-05-01"')  # us-ca-intimate-images
    blocks[2] = blocks[2].replace("source_type: official", "source_type: secondary")  # us-ca-restraining-order
    path.write_text("  - id: ".join(blocks).replace('last_reviewed: "2026-01-10"', 'last_reviewed: "2024-05-01"'), encoding="utf-8")
    return law_dir


def _rows(page: str, section: str) -> list[str]:
    """The text of each table row in one dashboard section."""
    body = page.split(f'<section aria-labelledby="{section}">', 1)[1].split("</section>", 1)[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)[1:]]


def test_dashboard_lists_match_the_crafted_data(crafted, make_app):
    app = make_app(crafted)
    page = app.test_client().get("/maintain").get_data(as_text=True)
    assert _rows(page, "stale") == ["2024-05-01 Distributing intimate images (Cal. Penal Code § 647(j)(4)) jurisdictions/us/ca.yaml"]
    assert 'href="/laws/us-ca-intimate-images"' in page
    assert _rows(page, "unconfirmed") == [
        "Cal. Penal Code § 646.9 penalty.detail Test fixture mark, to show how unconfirmed facts render. jurisdictions/us/ca.yaml"
    ]
    not_confirmed = _rows(page, "not-confirmed")
    assert len(not_confirmed) == 4
    assert (
        "Cal. Penal Code § 646.9 no statute text stored not yet written as paths "
        "a legal fact is marked unconfirmed: penalty.detail jurisdictions/us/ca.yaml"
    ) in not_confirmed
    gaps = _rows(page, "gaps")
    assert len(gaps) == 2
    # Federal law is not asked for an order of its own (US orders are state law).
    assert gaps[0].startswith("United States (federal law) a harassment-type crime Harassment; ")
    assert gaps[1].startswith("California none ")  # § 653m, a harassment-type crime, is among its laws
    warnings = _rows(page, "problems")
    assert "us-ca the jurisdiction lists no local help" in warnings[0]
    assert warnings[1].startswith("us-ca-restraining-order the law was checked against a summary") and "(secondary-source)" in warnings[1]
    assert len(warnings) == 2


def test_dashboard_filters_by_jurisdiction_and_months(crafted, make_app):
    app = make_app(crafted)
    client = app.test_client()
    federal = client.get("/maintain?jurisdiction=us").get_data(as_text=True)
    assert _rows(federal, "stale") == [] and _rows(federal, "unconfirmed") == []
    assert "None: every law here was checked in the last 12 months." in federal
    # With a 40-month threshold the 2024 check is recent enough.
    assert _rows(client.get("/maintain?months=40").get_data(as_text=True), "stale") == []
    assert len(_rows(client.get("/maintain?months=0").get_data(as_text=True), "stale")) == 5


BAD_FILTERS = [
    ("months=abc", "whole number of months"),
    ("months=9999", "from 0 to 240"),
    ("jurisdiction=zz", "'zz' is not a jurisdiction"),
]


@pytest.mark.parametrize("query, message", BAD_FILTERS)
def test_dashboard_bad_filters_say_what_is_wrong(client, query, message):
    response = client.get(f"/maintain?{query}")
    assert response.status_code == 400
    assert message in html.unescape(response.get_data(as_text=True))


def test_dashboard_shows_files_that_failed_to_reload(law_dir, make_app):
    app = make_app(law_dir, LAW_RELOAD=True)
    app.extensions["law_store"].min_interval = 0
    path = law_dir / "us" / "ca.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("conduct: pattern", "conduct: patern", 1), encoding="utf-8")
    page = app.test_client().get("/maintain").get_data(as_text=True)
    assert "These files have errors" in page
    assert re.search(r"us/ca.yaml:\d+:\d+</code>: laws\[0\].elements.conduct: &#39;patern&#39; is not one of", page)


def test_review_command_prints_the_same_lists(crafted, make_app):
    app = make_app(crafted)
    result = app.test_cli_runner().invoke(args=["laws", "review"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Not checked in 12 months: 1"
    assert lines[1] == "  2024-05-01  us-ca-intimate-images  Cal. Penal Code § 647(j)(4)  [jurisdictions/us/ca.yaml]"
    assert "Facts marked unconfirmed: 1" in lines
    assert "Laws not confirmed: 4" in lines
    assert (
        "  us-ca-stalking  no statute text stored; not yet written as paths; a legal fact is marked unconfirmed "
        "(penalty.detail)  [jurisdictions/us/ca.yaml]"
    ) in lines
    assert "Jurisdictions missing a topic: 2" in lines
    assert "Warnings: 2" in lines
    only = app.test_cli_runner().invoke(args=["laws", "review", "--jurisdiction", "us"]).output
    assert "Not checked in 12 months: 0" in only and "Warnings: 0" in only
    bad = app.test_cli_runner().invoke(args=["laws", "review", "--jurisdiction", "zz"])
    assert bad.exit_code == 1 and "'zz' is not a jurisdiction id" in bad.output
