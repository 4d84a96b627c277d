"""The law cards of the results page: markup in templates (the card in questionnaire/results.html,
its fixed parts in questionnaire/_result_card.html).

A results page shows about twenty cards. The parts of a card that depend only on the law and the
language (citation, links, penalty, when it was checked) are rendered once per data version,
language and explicit language choice, for every law at once, so what is kept in memory never
depends on what a reader answered. The parts that do (status, the verdict, the element rows, why the
law is shown) are rendered per request, in one loop per section of the page.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from flask import Flask, current_app
from markupsafe import Markup

from kb.i18n import _
from web.fragments import fragment_variant
from web.pages import current_kb
from wizard.results import verdict

SPLIT = "|||"  # between the part of card_fixed above the verdict rows and the part below


@dataclass(frozen=True)
class CardParts:
    """The reader-independent parts of one law's card, rendered."""

    head: Markup
    tail: Markup


class CardCache:
    """Rendered card parts for one data version, by (language, explicit choice); rebuilt when the data changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._parts: dict[tuple, dict[str, CardParts]] = {}

    def parts(self, kb) -> dict[str, CardParts]:
        """Every law's card parts in this request's language and explicit choice."""
        variant = fragment_variant()
        with self._lock:
            if self._version != kb.version:
                self._version, self._parts = kb.version, {}
            found = self._parts.get(variant)
        if found is None:
            found = {law.id: card_parts(law) for law in kb.laws.values()}
            if not current_app.jinja_env.auto_reload:  # keep nothing while templates are being edited
                with self._lock:
                    if self._version == kb.version:
                        self._parts[variant] = found
        return found


def card_parts(law) -> CardParts:
    """Render one law's fixed card parts."""
    macro = current_app.jinja_env.get_template("questionnaire/_result_card.html").make_module({}).card_fixed
    head, _, tail = str(macro(law)).partition(SPLIT)
    return CardParts(Markup(head.strip()), Markup(tail.strip()))


def card_labels() -> dict:
    """The fixed words of every card, in this request's language (made once per page)."""
    return {
        "status": {"likely": _("May fit"), "possible": _("Could fit"), "unlikely": _("Less likely")},
        "element": {"met": _("Fits what you said"), "not_met": _("Does not fit what you said"), "unknown": _("Not known yet")},
        "explained": _("Explained"),
        "details": _("Details"),
        "ways": _("This law can be met in more than one way. Any one is enough:"),
    }


def init_app(app: Flask) -> None:
    """Register the card cache and the filters the results page uses."""
    app.extensions["result_cards"] = CardCache()
    app.jinja_env.filters["verdict"] = verdict
    app.jinja_env.globals["card_parts_for"] = lambda: current_app.extensions["result_cards"].parts(current_kb())
    app.jinja_env.globals["card_labels"] = card_labels
