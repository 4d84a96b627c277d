"""Law cards of the jurisdiction pages, rendered once per data version and language, for every law.

A jurisdiction page is mostly its laws' cards (title, citation, elements in words, summary, penalty),
and a card depends only on the law, the language and the reader's explicit language choice (carried
in its links). Rendering the `law_card` macro for every law at once, on first use of a language,
keeps the page's cost to a look-up per law. Every law is rendered, not only the ones readers opened,
so the cache says nothing about which pages anyone visited.
"""

from __future__ import annotations

import threading

from flask import Flask, current_app
from markupsafe import Markup

from web.fragments import fragment_variant
from web.pages import current_kb

CACHED_HEADING_LEVEL = 4  # the level the jurisdiction page uses


class LawCardCache:
    """Rendered cards for one data version, by (language, explicit choice); rebuilt when the data changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._cards: dict[tuple, dict[str, Markup]] = {}

    def cards(self, kb) -> dict[str, Markup]:
        variant = fragment_variant()
        with self._lock:
            if self._version != kb.version:
                self._version, self._cards = kb.version, {}
            found = self._cards.get(variant)
        if found is None:
            macro = _card_macro(variant[0])
            found = {law.id: Markup(macro(law, CACHED_HEADING_LEVEL)) for law in kb.laws.values()}
            with self._lock:
                if self._version == kb.version:
                    self._cards[variant] = found
        return found


def _card_macro(language: str):
    template = current_app.jinja_env.get_template("browse/_law.html")
    return template.make_module({"current_language": language}).law_card


def law_card_html(law, heading_level: int = CACHED_HEADING_LEVEL) -> Markup:
    """A law's card (see browse/_law.html), from the cache when the heading level is the usual one."""
    if heading_level == CACHED_HEADING_LEVEL and not current_app.jinja_env.auto_reload:
        card = current_app.extensions["law_cards"].cards(current_kb()).get(law.id)
        if card is not None:
            return card
    return Markup(_card_macro(fragment_variant()[0])(law, heading_level))


def init_app(app: Flask) -> None:
    """Register the cache and the `law_card_html` filter."""
    app.extensions["law_cards"] = LawCardCache()
    app.jinja_env.filters["law_card_html"] = law_card_html
