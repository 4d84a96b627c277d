"""The law cards of the results page, built in Python instead of a Jinja macro.

A results page shows about twenty cards. As a macro, each card made a dozen context calls (labels,
links, translated phrases), and the cards were about 40% of the page's cost. Here the parts of a
card that depend only on the law and the language (title, citation, links, penalty, when it was
checked) are built once per data version and language, for every law at once, so what is kept in
memory never depends on what a reader answered. The parts that do (status, the element rows, why
the law is shown) are escaped and joined per request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from html import escape as escape_text  # plain str out: cheaper than Markup for per-request rows

from flask import current_app, g, url_for
from markupsafe import Markup, escape

from kb.i18n import _
from kb.vocabulary import label
from web.i18n import current_language, law_text
from web.pages import current_kb
from wizard.assess import LawResult

PLACEHOLDER = "LAW-ID-PLACEHOLDER"


@dataclass(frozen=True)
class _CardText:
    """The reader-independent parts of one law's card, already escaped."""

    head: str  # the heading and the citation line up to the "More about this law" address
    more: str  # the end of that line
    tail: str  # the penalty and "last checked" lines


@dataclass(frozen=True)
class _Labels:
    explained: str
    by_status: dict[str, str]


class CardCache:
    """Card texts for one data version, by language; rebuilt whole when the data changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._texts: dict[str, dict[str, _CardText]] = {}
        self._labels: dict[str, _Labels] = {}

    def texts(self, kb) -> tuple[dict[str, _CardText], _Labels]:
        """Every law's card text and the row labels, in this request's language."""
        language = current_language()
        with self._lock:
            if self._version != kb.version:
                self._version, self._texts, self._labels = kb.version, {}, {}
            texts = self._texts.get(language)
            labels = self._labels.get(language)
        if texts is None or labels is None:
            texts = {law.id: _card_text(law) for law in kb.laws.values()}
            labels = _Labels(
                explained=str(escape(_("Explained"))),
                by_status={
                    "met": str(escape(_("Fits what you said"))),
                    "not_met": str(escape(_("Does not fit what you said"))),
                    "unknown": str(escape(_("Not known yet"))),
                },
            )
            with self._lock:
                if self._version == kb.version:
                    self._texts[language], self._labels[language] = texts, labels
        return texts, labels


def _card_text(law) -> _CardText:
    # Translated words are taken out of the f-strings: gettext's extractor cannot see inside them.
    official, more_about = _("Official text"), _("More about this law")
    of_citation = _("of %(citation)s", citation=law.citation)
    not_confirmed = _("Some facts about this law are not confirmed.")
    penalty, checked = _("Penalty:"), _("Law last checked %(date)s.", date=law.checked.date)
    citation = escape(law.citation)
    head = (
        f'<h4 id="r-{escape(law.id)}">{escape(law_text(law, "title"))}</h4>\n'
        f'  <p class="citation">{citation} · <a href="{escape(law.url)}" rel="noreferrer noopener">{escape(official)}'
        f'<span class="visually-hidden"> {escape(of_citation)}</span></a>\n'
        f'    · <a href="'
    )
    more = f'">{escape(more_about)}</a></p>\n'
    unconfirmed = "" if law.confirmed else f' <span class="unconfirmed">{escape(not_confirmed)}</span>'
    tail = (
        f'  <p class="penalty"><strong>{escape(penalty)}</strong> {escape(label("penalty_classes", law.penalty.penalty_class))}. '
        f"{escape(law_text(law, 'penalty_detail'))}</p>\n"
        f'  <p class="checked muted">{escape(checked)}{unconfirmed}</p>\n'
    )
    return _CardText(head, more, tail)


def _law_address() -> tuple[str, str]:
    """The law page's address around the law id, with this request's language choice (built once per request)."""
    address = g.get("law_address")
    if address is None:
        before, _, after = url_for("browse.law", law_id=PLACEHOLDER).partition(PLACEHOLDER)
        address = g.law_address = (str(escape(before)), str(escape(after)))
    return address


def result_card(result: LawResult) -> Markup:
    """One law's card: what the law is, whether each element fits the answers, and the penalty."""
    texts, labels = current_app.extensions["result_cards"].texts(current_kb())
    law = result.law
    text = texts.get(law.id) or _card_text(law)
    before, after = _law_address()
    rows = []
    for element in result.elements:
        css = f"element-{escape_text(element.status)}" + ("" if element.decisive else " element-explained")
        status = labels.by_status.get(element.status, "") if element.decisive else labels.explained
        rows.append(
            f'    <li class="{css}">\n      <strong>{escape_text(element.name)}:</strong>\n'
            f'      <span class="status-label">{status}.</span>\n      {escape_text(element.reason)}\n    </li>\n'
        )
    return Markup(
        f'<article class="law-card result-{escape_text(result.status)}" aria-labelledby="r-{escape_text(law.id)}">\n  '
        f"{text.head}{before}{escape_text(law.id)}{after}{text.more}"
        f'  <p class="applies">{escape_text(result.applies_because)}</p>\n'
        f'  <ul class="element-results">\n{"".join(rows)}  </ul>\n'
        f"{text.tail}</article>\n"
    )


def init_app(app) -> None:
    """Register the card filter and its per-version cache."""
    app.extensions["result_cards"] = CardCache()
    app.jinja_env.filters["result_card"] = result_card
