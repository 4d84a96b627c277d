"""The browsing pages, on the fixture data: content, grouping, helpful 404s, safe rendering."""

from __future__ import annotations

import os
import re

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
    assert "may be able to watch your phone" in html
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


def test_a_law_page_shows_each_path_with_the_statutes_words_beside_its_elements(client):
    html = client.get("/laws/us-ca-annoying-communications").get_data(as_text=True)
    assert "This law can be met in 2 ways. Any one of them is enough." in html
    threat, repeated = html.split('<section class="law-path"')[1:3]
    assert "One call or message with a threat or obscene words" in threat and "Cal. Penal Code § 653m(a)" in threat
    assert "One incident can be enough." in threat and "Needs a pattern" in repeated
    assert '<blockquote lang="en"><p>with intent to annoy or harass</p></blockquote>' in repeated
    assert '<a href="#text-pen-653m">Cal. Penal Code § 653m(b)</a>' in repeated
    words = html.split('<h2 id="words">', 1)[1]
    assert '<details class="statute-text" id="text-pen-653m">' in words
    assert "(b) Every person who, with intent to annoy or harass, makes repeated telephone calls" in words
    assert "which gives its text as of 2026-07-21" in words
    assert "Left out here because they do not bear on this law: <span>(c)-(g)</span>." in words


def test_a_law_without_stored_text_says_so_and_keeps_its_elements(client):
    html = client.get("/laws/us-ca-stalking").get_data(as_text=True)
    assert "The words of this law are not stored in this guide yet." in html
    assert '<section class="law-path"' not in html and "Needs a pattern: 2 or more acts." in html


def test_the_statute_text_on_a_page_is_never_live_markup(law_dir, make_app):
    text = law_dir / "us" / "ca" / "pen-653m.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("is guilty of a misdemeanor.", "is guilty <script>alert(1)</script>.", 1))
    html = make_app(law_dir).test_client().get("/laws/us-ca-annoying-communications").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_every_page_has_an_icon_and_a_description(client):
    html = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert '<meta name="description" content="A free guide to stalking and online harassment laws' in html
    with client.get("/favicon.ico") as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml" and b"<svg" in icon.data


def test_the_first_question_counts_the_typical_walk_not_only_what_is_known(client):
    html = client.get("/questions").get_data(as_text=True)
    number, total = map(int, re.search(r"Question (\d+) of about (\d+)", html).groups())
    assert number == 1 and total >= 5


@pytest.mark.parametrize(
    "language, says",
    [("en", "which gives no date for its text, so it may be out of date"), ("es", "que no da fecha para su texto")],
)
def test_a_copy_that_gives_no_date_says_so_instead_of_a_date(tmp_path, law_dir, make_app, language, says):
    """A stored text whose source gives no date (as_of: undated) never shows a date as the text's own."""
    text = law_dir / "us" / "ca" / "pen-653m.txt"
    text.write_text(text.read_text(encoding="utf-8").replace('as_of: "2026-07-21"', "as_of: undated"), encoding="utf-8")
    client = make_app(law_dir, LANGUAGES=["en", "es"]).test_client()
    words = client.get(f"/laws/us-ca-annoying-communications?lang={language}").get_data(as_text=True).split('id="words"', 1)[1]
    assert says in words and "2026-07-21" not in words
