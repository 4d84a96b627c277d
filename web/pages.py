"""The home and about pages."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from web.lawdata import current_kb

bp = Blueprint("pages", __name__)
__all__ = ["bp", "current_kb"]


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


@bp.get("/favicon.ico")
def favicon():
    """The site's icon where browsers look for it by default (no 404 on every first visit)."""
    response = current_app.send_static_file("favicon.svg")
    response.mimetype = "image/svg+xml"
    return response
