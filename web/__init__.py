"""The web layer: blueprints for pages and the JSON API, security headers, errors, CLI."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Attach every blueprint, hook and command to the app."""
    from web import (
        api,
        assess_api,
        bodies,
        browse,
        changes,
        cli,
        compare,
        errors,
        fragments,
        help_lists,
        i18n,
        law_cards,
        limits,
        maintain,
        pages,
        questionnaire,
        report,
        result_cards,
        search_pages,
        security,
        templating,
        urls,
    )

    bodies.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    fragments.init_app(app)
    urls.init_app(app)
    report.init_app(app)
    result_cards.init_app(app)
    help_lists.init_app(app)
    law_cards.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    limits.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(browse.bp)
    app.register_blueprint(questionnaire.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(assess_api.bp)
    app.register_blueprint(search_pages.bp)
    app.register_blueprint(compare.bp)
    app.register_blueprint(changes.bp)
    app.register_blueprint(maintain.bp)
    cli.init_app(app)
