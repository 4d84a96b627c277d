"""Search, compare and map pages and their downloads, through Flask's test client."""

from __future__ import annotations

import csv
import io
import logging
import re

import pytest

from kb.compare import compare_rows


@pytest.fixture
def client(real_app):
    return real_app.test_client()


def test_search_page_without_js_posts_and_shows_counts_snippets_and_filters(client):
    page = client.post("/search", data={"q": "revenge porn"}).get_data(as_text=True)
    assert re.search(r"\d+ laws found", page) and "<mark>" in page
    assert 'name="jurisdiction"' in page and 'name="topic"' in page
    narrowed = client.post("/search", data={"q": "revenge porn", "jurisdiction": "us-ca"}).get_data(as_text=True)
    assert "found in California" in narrowed


def test_search_page_suggests_and_is_not_cached(client):
    response = client.post("/search", data={"q": "stalkng"})
    assert "Did you mean" in response.get_data(as_text=True) and response.headers["Cache-Control"] == "no-store"


def test_search_queries_are_not_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post("/search", data={"q": "my ex is tracking my phone"})
    client.get("/api/v1/search?q=my+ex+is+tracking+my+phone")
    assert "tracking my phone" not in caplog.text


def test_search_api_matches_the_page(client):
    data = client.get("/api/v1/search?q=646.9").get_json()
    assert data["results"][0]["citation"] == "Cal. Penal Code § 646.9" and data["total"] >= 1


@pytest.mark.parametrize(
    "query, field",
    [
        ("?q=x&jurisdiction=zz", "jurisdiction"),
        ("?q=x&topic=cats", "topic"),
        ("?q=", "q"),
        ("?q=x&limit=500", "limit"),
        ("?q=x&limit=ab", "limit"),
    ],
)
def test_search_api_rejects_bad_input_naming_the_field(client, query, field):
    response = client.get(f"/api/v1/search{query}")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == field


@pytest.mark.parametrize("query", ["citation:646", "summary:stalking", "checked:2026", "title:[a TO c]", "*", "NOT stalking"])
def test_query_syntax_never_breaks_the_page_or_the_api(client, query):
    """Field syntax once reached Whoosh's parser, and a stored-only field ("citation:646") was a 500."""
    assert client.get("/search", query_string={"q": query}).status_code == 200
    assert client.get("/api/v1/search", query_string={"q": query}).status_code == 200


def test_openapi_lists_search(client):
    assert "/api/v1/search" in client.get("/api/v1/openapi.json").get_json()["paths"]


def test_compare_table_and_csv_agree_with_the_data(client, real_app):
    kb = real_app.extensions["law_store"].kb
    expected = compare_rows(kb, "stalking")
    page = client.get("/compare?topic=stalking").get_data(as_text=True)
    assert page.count("<tr>") - 1 == len(expected)
    rows = list(csv.DictReader(io.StringIO(client.get("/compare.csv?topic=stalking").get_data(as_text=True))))
    assert [r["law_id"] for r in rows] == [r.law.id for r in expected]
    ca = next(r for r in rows if r["law_id"] == "us-ca-stalking")
    assert ca["one_incident"] == "pattern" and ca["min_acts"] == "2" and ca["credible_threat"] == "yes"  # codes, in every language
    data = client.get("/compare.json?topic=stalking").get_json()
    assert [r["law_id"] for r in data["rows"]] == [r["law_id"] for r in rows]


def test_compare_filters_and_sorts_without_js(client):
    data = client.get("/compare.json?topic=stalking&credible_threat=yes&sort=jurisdiction&dir=desc").get_json()
    assert data["rows"] and all(r["credible_threat"] == "yes" for r in data["rows"])
    names = [r["jurisdiction"] for r in data["rows"]]
    assert names == sorted(names, reverse=True)
    page = client.get("/compare?topic=stalking&sort=min_acts").get_data(as_text=True)
    assert 'aria-sort="ascending"' in page


def test_every_compare_cell_links_to_its_law(client):
    page = client.get("/compare?topic=threats").get_data(as_text=True)
    cells = re.findall(r"<td><a href=\"(/laws/[^\"]+)\">", page)
    assert cells and all(client.get(url).status_code == 200 for url in set(cells[:20]))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_filter_link_finds_the_same_rows_in_both_languages(client, language):
    """Filters carry codes: a link made in one language shows the same laws in the other."""
    page = client.get(f"/compare?topic=stalking&lang={language}").get_data(as_text=True)
    options = re.findall(r'<select id="c-(one_incident|credible_threat|electronic|penalty)" name="\1">(.*?)</select>', page, re.S)
    assert len(options) == 4
    for column, body in options:
        for code in re.findall(r'<option value="([a-z_]+)"', body):
            rows = {}
            for shown in ("en", "es"):
                data = client.get(f"/compare.json?topic=stalking&{column}={code}&lang={shown}").get_json()
                rows[shown] = [r["law_id"] for r in data["rows"]]
                page_rows = client.get(f"/compare?topic=stalking&{column}={code}&lang={shown}").get_data(as_text=True).count("<tr>") - 1
                assert page_rows == len(rows[shown])
            assert rows["en"] == rows["es"] and rows["en"], f"{column}={code}"


@pytest.mark.parametrize("value", ["Yes", "Sí", "maybe"])
def test_a_filter_word_instead_of_a_code_is_a_clear_400(client, value):
    response = client.get("/compare", query_string={"topic": "stalking", "credible_threat": value})
    assert response.status_code == 400 and "Choose one of: yes, no" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/compare?topic=cats", "/compare?kind=x", "/compare?sort=x", "/map?element=x"])
def test_bad_compare_and_map_parameters_are_clear_400s(client, url):
    response = client.get(url)
    assert response.status_code == 400 and "Choose one of" in response.get_data(as_text=True)


def test_map_has_one_link_per_state_and_a_table(client, real_app):
    page = client.get("/map").get_data(as_text=True)
    svg = page[page.index("<svg") : page.index("</svg>")]
    links = re.findall(r'<a href="/jurisdictions/(us-[a-z]{2})"', svg)
    kb = real_app.extensions["law_store"].kb
    places = [j.id for j in kb.jurisdictions.values() if j.country == "us" and j.id != "us"]  # the map is of the United States
    assert sorted(links) == sorted(places) and len(set(links)) == len(links)
    states = [j for j in places if j not in ("us-dc", "us-pr", "us-gu", "us-vi", "us-as", "us-mp")]
    assert len(states) == 50
    assert "The same as a table" in page and page.count("<tr>") == len(places) + 1
    assert "https://" not in svg  # drawn from data in the repository


def test_map_colours_follow_the_data(client):
    page = client.get("/map?element=credible_threat").get_data(as_text=True)
    california = re.search(r'aria-label="California: (\w+)"', page).group(1)
    assert california == "Yes"  # Cal. Penal Code § 646.9 needs a credible threat


def test_search_finds_a_law_by_the_words_of_its_paths(make_app, law_dir):
    """The fixture's § 653m says "repeated" only in a path's label; the index holds every path's words."""
    client = make_app(law_dir, SEARCH_BUILD_AT_START=True).test_client()
    found = [r["law_id"] for r in client.get("/api/v1/search?q=repeated").get_json()["results"]]
    assert found == ["us-ca-annoying-communications"]
