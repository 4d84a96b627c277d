"""The browsing pages, on the fixture data: content, grouping, helpful 404s, safe rendering."""

from __future__ import annotations

import os

import pytest

from app import create_app

PAGES = [
    "/",
    "/about",
    "/jurisdictions",
    "/jurisdictions/us-ca",
    "/jurisdictions/us",
    "/laws/us-ca-stalking",
    "/laws/us-interstate-stalking",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_with_safety_features(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="quick-exit"' in html
    assert "legal information, not legal advice" in html
    assert "can be monitored" in html
    assert '<html lang="en">' in html


def test_home_offers_browsing_and_a_region_picker_that_works_without_js(client):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/jurisdictions"' in html
    assert '<option value="us-ca">California</option>' in html
    response = client.get("/go?id=us-ca")
    assert response.status_code == 302 and response.headers["Location"].endswith("/jurisdictions/us-ca")


def test_jurisdictions_grouped_by_country_national_first(client):
    html = client.get("/jurisdictions").get_data(as_text=True)
    assert "United States" in html
    assert html.index("United States (federal law)") < html.index("California")


def test_jurisdiction_page_groups_laws_by_kind_with_elements_in_plain_words(client):
    html = client.get("/jurisdictions/us-ca").get_data(as_text=True)
    assert html.index('id="kind-crime"') < html.index('id="kind-protection_order"')
    assert "Cal. Penal Code § 646.9" in html
    assert 'href="https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&amp;sectionNum=646.9"' in html
    assert "Needs a pattern: 2 or more acts." in html
    assert "One incident can be enough." in html
    assert "Needs a credible threat." in html
    assert "Anyone can ask, whatever the relationship." in html
    assert "Last checked 2026-01-10." in html
    assert "United States (federal law)</a> (1) also apply here" in html


def test_law_page_shows_unconfirmed_marks_history_and_source(client):
    html = client.get("/laws/us-ca-stalking").get_data(as_text=True)
    assert "Not yet confirmed" in html and "penalty.detail" in html
    assert "Checked on 2026-01-10" in html
    html = client.get("/laws/us-ca-restraining-order").get_data(as_text=True)
    assert "<strong>2022</strong>: Test fixture history entry." in html
    assert "<strong>harassment</strong>" in html  # Markdown in summaries is rendered


@pytest.mark.parametrize(
    "url, words",
    [
        ("/laws/nope", "no law with the id &#39;nope&#39;"),
        ("/jurisdictions/zz", "no jurisdiction with the id &#39;zz&#39;"),
        ("/nowhere", "could not find"),
    ],
)
def test_not_found_pages_help(client, url, words):
    response = client.get(url)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert words in html
    assert 'href="/jurisdictions"' in html and 'id="quick-exit"' in html


def test_unknown_region_in_picker_is_a_helpful_404(client):
    response = client.get("/go?id=zz")
    assert response.status_code == 404
    assert "Choose a region" in response.get_data(as_text=True)


def test_law_file_html_and_script_render_inert(law_dir):
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "A court order against **harassment**, open to anyone whatever the relationship.",
        "A court order <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) **bold**.",
    )
    path.write_text(text, encoding="utf-8")
    client = create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_RELOAD": False, "SEARCH_BUILD_AT_START": False}).test_client()
    html = client.get("/laws/us-ca-restraining-order").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "<strong>bold</strong>" in html


def test_live_reload_keeps_serving_old_data_when_a_file_breaks(law_dir):
    app = create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_RELOAD": True, "SEARCH_BUILD_AT_START": False})
    app.extensions["law_store"].min_interval = 0
    client = app.test_client()
    assert "Needs a pattern" in client.get("/laws/us-ca-stalking").get_data(as_text=True)

    path = law_dir / "us" / "ca.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("conduct: pattern", "conduct: patern"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    response = client.get("/laws/us-ca-stalking")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Needs a pattern: 2 or more acts." in html  # the last good version is still served
    assert "Law file problems" in html and "&#39;patern&#39; is not one of: pattern, single, either" in html


def test_production_app_refuses_to_start_on_invalid_data(law_dir):
    path = law_dir / "us" / "ca.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("conduct: pattern", "conduct: patern"), encoding="utf-8")
    with pytest.raises(Exception, match=r"us/ca.yaml:19:16: error: laws\[0\].elements.conduct"):
        create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_LOADING": "strict", "LAW_RELOAD": False, "SEARCH_BUILD_AT_START": False})
