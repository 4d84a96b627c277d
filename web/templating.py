"""Jinja helpers: safe Markdown, vocabulary labels and element descriptions for templates."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from html import escape as escape_text

import markdown
import nh3
from flask import Flask, current_app
from markupsafe import Markup

from kb.compare import cell_text
from kb.describe import describe_elements, penalty_heading, penalty_lead
from kb.i18n import N_, _
from kb.texts import parse_pinpoint, pinpoint_citation
from kb.vocabulary import label, vocabulary
from web.lawdata import law_store

# Shown wherever the guide says "call your local emergency number": the countries it covers.
EMERGENCY_NUMBERS = N_(
    "911 in the United States and Canada, 999 in the UK, 112 or 999 in Ireland, 000 in Australia, "
    "111 in New Zealand, 112 in India, 10111 in South Africa"
)
# The number to call in an emergency, by country (for the results page's first steps).
EMERGENCY_BY_COUNTRY = {"us": "911", "ca": "911", "gb": "999", "ie": "112 or 999", "au": "000", "nz": "111", "in": "112", "za": "10111"}


def emergency_number(country: str) -> str:
    """The emergency number of a country, or the list of every country's when it is not known."""
    return EMERGENCY_BY_COUNTRY.get(country) or _(EMERGENCY_NUMBERS)


ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "code", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> Markup:
    """Render law-file Markdown, then sanitise it: no raw HTML, no script, only http(s) links.

    Cached by text: the law files change rarely and the same summaries are rendered on every view.
    """
    html = markdown.markdown(text or "", output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)


def hidden_answer_inputs(answers: dict[str, str]) -> Markup:
    """The answers so far as hidden inputs (a_<fact>), sorted by name, every name and value escaped.

    Built in Python: questionnaire pages carry them in two or three forms each.
    """
    return Markup(
        "".join(
            f'\n<input type="hidden" name="a_{escape_text(str(name))}" value="{escape_text(str(value))}">'
            for name, value in sorted(answers.items(), key=lambda item: str(item[0]).lower())
        )
    )


def pinpoint_section(pinpoint: str, law) -> str:
    """The stored section a pinpoint points into (for the link to its text on the law page)."""
    parsed = parse_pinpoint(pinpoint)
    section = parsed[0] if parsed else None
    if section is None and law.texts:
        section = law.texts[0].id
    return section or ""


def init_app(app: Flask) -> None:
    """Register filters and globals used by every template."""
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["label"] = lambda value, list_name: label(list_name, value)
    app.jinja_env.filters["hidden_answer_inputs"] = hidden_answer_inputs
    app.jinja_env.globals["describe_elements"] = describe_elements
    app.jinja_env.filters["penalty_lead"] = penalty_lead
    app.jinja_env.filters["penalty_heading"] = penalty_heading
    app.jinja_env.filters["pinpoint_citation"] = lambda pinpoint, law: pinpoint_citation(pinpoint, law.texts, law.citation)
    app.jinja_env.filters["pinpoint_section"] = pinpoint_section
    app.jinja_env.filters["cell_text"] = cell_text
    app.jinja_env.globals["vocabulary"] = vocabulary

    @app.context_processor
    def _globals():
        live = current_app.debug or current_app.config["LAW_RELOAD"]
        return {
            "quick_exit_url": current_app.config["QUICK_EXIT_URL"],
            "law_problems": law_store().problems if live else [],
            "today": date.today().isoformat(),
            "emergency_numbers": _(EMERGENCY_NUMBERS),
        }
