"""The results page's "where to get help" list, written ahead for every jurisdiction.

The list depends only on the jurisdiction (its resources and its parents'), the language and the
data version: nothing a reader answered. It is rendered for every jurisdiction at once, the first time
a language is needed (or before gunicorn forks, see `write_ahead`), so a results page looks it up
instead of rendering each help line, and the cache says nothing about where any reader lives.
"""

from __future__ import annotations

from flask import Flask, current_app
from markupsafe import Markup

from web.i18n import current_language, offered_languages
from web.pages import current_kb
from web.versioned import VersionedCache


def resources_for(kb, jurisdiction_id: str) -> list:
    """The help a reader in this jurisdiction can reach: its own first, then each parent's."""
    return [resource for jurisdiction in kb.lineage(jurisdiction_id) for resource in jurisdiction.resources]


def render_help_lists(kb, language: str) -> dict[str, Markup]:
    """Every jurisdiction's help lines (questionnaire/_help_list.html), in this request's language."""
    template = current_app.jinja_env.get_template("questionnaire/_help_list.html")
    help_items = template.make_module({"current_language": language}).help_items
    return {jurisdiction_id: Markup(help_items(resources_for(kb, jurisdiction_id))) for jurisdiction_id in kb.jurisdictions}


class HelpListCache:
    """The help lines of every jurisdiction for one data version, by language."""

    def __init__(self) -> None:
        self._lists: VersionedCache[dict[str, Markup]] = VersionedCache()

    def lists(self, kb) -> dict[str, Markup]:
        """Every jurisdiction's help lines in this request's language."""
        language = current_language()
        return self._lists.get(kb, language, lambda: render_help_lists(kb, language))


def help_list(jurisdiction_id: str) -> Markup:
    """The help lines of the results page for a reader in this jurisdiction."""
    return current_app.extensions["help_lists"].lists(current_kb())[jurisdiction_id]


def write_ahead(app: Flask) -> None:
    """Write every jurisdiction's help lines in each offered language now, not on a reader's first results page."""
    with app.app_context():
        languages = offered_languages()
    for language in languages:
        with app.test_request_context(f"/?lang={language}"):
            app.extensions["help_lists"].lists(current_kb())


def init_app(app: Flask) -> None:
    """Register the cache of help lists."""
    app.extensions["help_lists"] = HelpListCache()
