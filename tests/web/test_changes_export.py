"""Changes page, Atom feeds (parsed back with a feed parser) and the open-data export round trip."""

from __future__ import annotations

import csv
import io
import re

import feedparser
import pytest
import yaml

from kb.loader import load
from kb.serialize import law_to_dict


@pytest.fixture
def client(real_app):
    return real_app.test_client()


def test_fixture_history_is_on_the_changes_page_and_law_page(app):
    client = app.test_client()
    page = client.get("/changes").get_data(as_text=True)
    assert "<strong>2022</strong>" in page and "Test fixture history entry." in page
    assert "Test fixture history entry." in client.get("/laws/us-ca-restraining-order").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/changes.atom", "/jurisdictions/us-ny/changes.atom"])
def test_feeds_are_valid_atom_newest_first(client, url):
    response = client.get(url)
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.title and feed.entries
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert all(entry.link.startswith("/laws/") for entry in feed.entries)  # no BASE_URL: paths, never the Host header
    assert all(entry.id.startswith("urn:uuid:") for entry in feed.entries)  # ids stay absolute
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_jurisdiction_feed_only_has_that_jurisdiction(client):
    feed = feedparser.parse(client.get("/jurisdictions/us-ny/changes.atom").data)
    assert all(entry.link.startswith("/laws/us-ny-") for entry in feed.entries)
    assert client.get("/jurisdictions/zz/changes.atom").status_code == 404


def test_changes_filter_by_jurisdiction_and_topic(client):
    page = client.get("/changes?jurisdiction=us-ca&topic=stalking").get_data(as_text=True)
    linked = set(re.findall(r'href="/laws/([^"]+)"', page))
    assert linked and all(law_id.startswith("us-ca-") for law_id in linked)
    assert client.get("/changes?jurisdiction=zz").status_code == 400


def test_export_round_trip_loads_back_the_same_laws(client, tmp_path):
    data = client.get("/api/v1/export.json").get_json()
    assert "CC BY 4.0" in data["licence"]["name"] and data["licence"]["cite_as"]
    for file_data in data["jurisdictions"]:
        country, _, code = file_data["id"].partition("-")
        folder = tmp_path / country
        folder.mkdir(exist_ok=True)
        (folder / f"{code or country}.yaml").write_text(yaml.safe_dump(file_data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        texts = data["statute_texts"].get(file_data["id"], {})
        for section, content in texts.items():
            (folder / (code or country)).mkdir(exist_ok=True)
            (folder / (code or country) / f"{section}.txt").write_text(content, encoding="utf-8")
    reloaded = load([tmp_path])
    original = load()
    assert [p for p in reloaded.problems if p.severity == "error"] == []
    assert sorted(reloaded.kb.laws) == sorted(original.kb.laws)
    for law_id, law in original.kb.laws.items():
        assert law_to_dict(reloaded.kb.laws[law_id]) == law_to_dict(law)


def test_export_csv_has_one_row_per_law_with_elements(client, real_app):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export.csv").get_data(as_text=True))))
    kb = real_app.extensions["law_store"].kb
    assert len(rows) == len(kb.laws)
    ca = next(r for r in rows if r["law_id"] == "us-ca-stalking")
    assert ca["conduct"] == "pattern" and ca["min_acts"] == "2" and ca["credible_threat"] == "true"
