"""The home and about pages."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

bp = Blueprint("pages", __name__)


def current_kb():
    """Return the knowledge base being served right now."""
    return current_app.extensions["law_store"].kb


@bp.get("/")
def home():
    """Offer the two paths: answer a few questions, or browse laws by region."""
    kb = current_kb()
    return render_template("pages/home.html", groups=kb.by_country(), law_count=len(kb.laws))


@bp.get("/about")
def about():
    """Explain what this is, where the law comes from, and that it is not legal advice."""
    kb = current_kb()
    return render_template("pages/about.html", jurisdiction_count=len(kb.jurisdictions), law_count=len(kb.laws))
