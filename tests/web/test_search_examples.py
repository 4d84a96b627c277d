"""Every search example a page shows finds laws, in each language the page is offered in.

A frightened reader who tries the page's own example and gets "No results" learns that searching
does not work. The examples are read from the rendered pages (the search page's hint, the home
page's placeholder), so a new or re-translated example is checked too.
"""

from __future__ import annotations

import html
import re

import pytest

from web.i18n import complete_languages

LEADS = re.compile(r"^(?:for example:|por ejemplo:|e\.g\.|p\. ej\.,?)\s*", re.IGNORECASE)


def _examples(text: str) -> list[str]:
    text = html.unescape(text).strip()
    lead = LEADS.match(text)
    assert lead, f"cannot tell the examples from their lead-in: {text!r} (add the lead-in to LEADS)"
    return [example.strip() for example in text[lead.end() :].split(",") if example.strip()]


def _shown_examples(client, language: str) -> list[str]:
    search = client.get(f"/search?lang={language}").get_data(as_text=True)
    home = client.get(f"/?lang={language}").get_data(as_text=True)
    hint = re.search(r'<p class="hint" id="q-hint">(.*?)</p>', search, re.S).group(1)
    placeholder = re.search(r'id="home-q"[^>]*placeholder="([^"]*)"', home).group(1)
    return _examples(hint) + _examples(placeholder)


@pytest.mark.parametrize("language", complete_languages())
def test_every_example_shown_finds_at_least_one_law(real_app, language):
    client = real_app.test_client()
    examples = _shown_examples(client, language)
    assert len(examples) >= 5
    for example in examples:
        found = client.get("/api/v1/search", query_string={"q": example}).get_json()["total"]
        assert found >= 1, f"the {language} example {example!r} finds nothing"
        page = client.post("/search", data={"q": example, "lang": language}).get_data(as_text=True)
        assert '<ol class="search-results">' in page, f"the {language} search page finds nothing for {example!r}"


def test_the_spanish_examples_are_spanish_words():
    assert _examples("Por ejemplo: doxxing, pornovenganza, alguien rastrea mi teléfono, 646.9") == [
        "doxxing",
        "pornovenganza",
        "alguien rastrea mi teléfono",
        "646.9",
    ]
    assert _examples("p. ej., doxing, pornografía de venganza, 646.9") == ["doxing", "pornografía de venganza", "646.9"]
