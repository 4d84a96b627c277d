"""The law cards of the results page, written ahead and joined per request.

A results page shows about twenty cards, each with the rows of its best path. Everything a card can
say is written ahead, for every law at once: the parts that depend only on the law, the language and
the explicit language choice (citation, links, penalty, when it was checked) once per data version
and variant; and, once per data version and language, every row each path's elements can come to
(wizard.elements.every_result: one per element and key), every path line for each status, the title
and the lines around the verdict. A request then only judges the answers (keys and statuses) and
joins what was written. What is kept never depends on what a reader answered: it is the same for
every reader, and made for every law, not only the ones someone was shown.

The markup of each piece comes from the macros of questionnaire/_result_card.html; only the joints
between pieces are written here. A test checks that every card joined from pieces says what the
assessment says (status, verdict, every row of the best path, every path line).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from markupsafe import Markup, escape

from kb.i18n import _
from web.fragments import fragment_variant
from web.i18n import current_language, offered_languages
from web.pages import current_kb
from web.versioned import VersionedCache
from wizard.assess import LawResult
from wizard.elements import ElementResult, every_result
from wizard.results import open_part, verdict

SPLIT = "|||"  # between the parts of a macro's output that the card puts other things between
STATUSES = ("likely", "possible", "unlikely")


@dataclass(frozen=True)
class CardParts:
    """The reader-independent parts of one law's card that carry links (they follow the explicit choice)."""

    head: Markup
    tail: Markup


@dataclass(frozen=True)
class CardRows:
    """Everything else one law's card can show, in one language, for any answers."""

    top: dict[str, Markup]  # by status: the card up to the verdict's words
    middle: Markup  # from the end of the verdict to the card's fixed head
    rows: dict[tuple[str, str, str], Markup]  # (path id, element, key) -> the element's row
    paths: dict[tuple[str, str], Markup]  # (path id, status) -> the path's line
    reasons: dict[tuple[str, str, str], str]  # (path id, element, key) -> the reason, for a ruled-out verdict
    open_parts: dict[tuple[str, str, str], str]  # (path id, element, key) -> what it leaves open, in a few words
    results: dict[tuple[str, str, str, str], ElementResult]  # (law id, path id, element, key) -> the result


def card_labels() -> dict:
    """The fixed words of every card, in this request's language."""
    return {
        "status": {"likely": _("May fit"), "possible": _("Could fit"), "unlikely": _("Less likely")},
        "element": {"met": _("Fits what you said"), "not_met": _("Does not fit what you said"), "unknown": _("Not known yet")},
        "explained": _("Explained"),
        "details": _("Details"),
        "ways": _("This law can be met in more than one way. Any one is enough:"),
    }


def _macros():
    return current_app.jinja_env.get_template("questionnaire/_result_card.html").make_module({})


def card_parts(law) -> CardParts:
    """Render one law's linked card parts."""
    head, _, tail = str(_macros().card_fixed(law)).partition(SPLIT)
    return CardParts(Markup(head.strip()), Markup(tail.strip()))


def card_rows(law, labels: dict, macros=None) -> CardRows:
    """Render every row, path line and frame one law's card can show, in this request's language."""
    macros = macros or _macros()
    top, middle = {}, Markup("")
    for status in STATUSES:
        before, _, after = str(macros.card_frame(law, status, labels)).partition(SPLIT)
        top[status], middle = Markup(before), Markup(after)
    rows, reasons, parts, paths, results = {}, {}, {}, {}, {}
    for path in law.paths:
        label = law.path_label(path, current_language())
        for status in STATUSES:
            paths[path.id, status] = Markup(str(macros.path_row(status, label, labels)))
        for element in every_result(law, path):
            key = (path.id, element.element, element.key)
            rows[key] = Markup(str(macros.element_row(element, labels)))
            reasons[key] = element.reason
            parts[key] = open_part(element)
            results[(law.id, *key)] = element
    return CardRows(top, middle, rows, paths, reasons, parts, results)


class CardCache:
    """The written-ahead card pieces of one data version: linked parts by variant, the rest by language."""

    def __init__(self) -> None:
        self._parts: VersionedCache[dict[str, CardParts]] = VersionedCache()
        self._rows: VersionedCache[tuple[dict, dict[str, CardRows], dict]] = VersionedCache()

    def parts(self, kb) -> dict[str, CardParts]:
        """Every law's linked card parts in this request's language and explicit choice."""
        return self._parts.get(kb, fragment_variant(), lambda: {law.id: card_parts(law) for law in kb.laws.values()})

    def rows(self, kb) -> tuple[dict, dict[str, CardRows], dict]:
        """The card labels, every law's rows, and every element result (for the assessment), in this
        request's language."""

        def build():
            labels, macros = card_labels(), _macros()
            rows = {law.id: card_rows(law, labels, macros) for law in kb.laws.values()}
            known = {key: result for law_rows in rows.values() for key, result in law_rows.results.items()}
            return labels, rows, known

        return self._rows.get(kb, current_language(), build)


def known_results() -> dict:
    """Every element result of every law, written ahead in this request's language (wizard.assess `known`)."""
    return current_app.extensions["result_cards"].rows(current_kb())[2]


# The markup between the pieces of a card, as plain text: joined with pieces that are markup already
# (written ahead) or escaped here, then marked safe once per section.
_APPLIES = '\n      <p class="applies">{}</p>\n      '
_WAYS = '<p>{}</p>\n      <ul class="path-results">\n        '
_END_PATHS = "\n      </ul>\n      "
_ROWS = '<ul class="element-results">\n        '
_END_ROWS = "\n      </ul>\n      "
_END_CARD = "\n    </details>\n  </article>\n  "


def _card(result: LawResult, rows: CardRows, fixed: CardParts, ways: str) -> list[str]:
    """The pieces of one card, in order: written-ahead markup, and the few words escaped here."""
    best = result.best.path.id

    def reason(element) -> str:
        return rows.reasons[best, element.element, element.key]

    def part(element) -> str:
        return rows.open_parts[best, element.element, element.key]

    pieces = [rows.top[result.status], escape(verdict(result, reason=reason, open_part=part)), rows.middle, fixed.head]
    pieces.append(_APPLIES.format(escape(result.applies_because)))
    if len(result.paths) > 1:
        pieces.append(ways)
        pieces += [rows.paths[judged.path.id, judged.status] for judged in result.paths]
        pieces.append(_END_PATHS)
    pieces.append(_ROWS)
    pieces += [rows.rows[best, element.element, element.key] for element in result.elements]
    pieces += [_END_ROWS, fixed.tail, _END_CARD]
    return pieces


def render_cards(results: list[LawResult]) -> Markup:
    """The cards of one section of the results page, joined from pieces written ahead."""
    cache, kb = current_app.extensions["result_cards"], current_kb()
    parts = cache.parts(kb)
    labels, every, _known = cache.rows(kb)
    ways = _WAYS.format(escape(labels["ways"]))
    out = []
    for result in results:
        out += _card(result, every[result.law.id], parts[result.law.id], ways)
    return Markup("".join(out))  # every piece is markup already: written ahead, or escaped just above


def write_ahead(app: Flask) -> None:
    """Write every law's card pieces and element results in each offered language now, not on a
    reader's first results page."""
    with app.app_context():
        languages = offered_languages()
    for language in languages:
        with app.test_request_context(f"/?lang={language}"):
            cache = app.extensions["result_cards"]
            cache.rows(current_kb())
            cache.parts(current_kb())


def init_app(app: Flask) -> None:
    """Register the card cache and the function the results page joins its cards with."""
    app.extensions["result_cards"] = CardCache()
    app.jinja_env.globals["render_cards"] = render_cards
