"""The search page and GET /api/v1/search. Queries are never logged; the page's own form posts
its query (so it stays out of the address bar and browser history), and GET links also work."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request

from kb.vocabulary import vocabulary
from search import search
from search.query import MAX_QUERY_LENGTH, has_search_text
from web.pages import current_kb
from web.security import NO_STORE_ENDPOINTS

bp = Blueprint("search_pages", __name__)
FILTERS = ("jurisdiction", "topic", "kind")
FIELD_FOR = {"jurisdiction": "jurisdiction_id", "topic": "topics", "kind": "kind"}


def run_search(query: str, filters: dict[str, str | None], **options):
    """Search the index of the data being served (built on first use; rebuilt if found damaged)."""
    wanted = {FIELD_FOR[k]: v for k, v in filters.items()}
    return current_app.extensions["search_index"].run(current_kb(), lambda ix: search(ix, query, wanted, **options))


def allowed_filter_values(name: str) -> list[str]:
    """Return the values a filter accepts."""
    if name == "jurisdiction":
        return sorted(current_kb().jurisdictions)
    return list(vocabulary()["topics" if name == "topic" else "kinds"])


def _read(source) -> tuple[str, dict[str, str | None], list[str]]:
    query = (source.get("q") or "").strip()
    filters: dict[str, str | None] = {}
    errors = []
    for name in FILTERS:
        value = (source.get(name) or "").strip() or None
        if value and value not in allowed_filter_values(name):
            errors.append(name)
            value = None
        filters[name] = value
    return query, filters, errors


@bp.route("/search", methods=["GET", "POST"])
def page():
    """Show the search form, and results with counts, snippets, filters and suggestions."""
    query, filters, errors = _read(request.form if request.method == "POST" else request.args)
    results = run_search(query, filters) if query else None
    kb = current_kb()
    return render_template(
        "search/search.html",
        query=query,
        filters=filters,
        errors=errors,
        results=results,
        jurisdictions=[(j.id, j.name) for _, _, members in kb.by_country() for j in members],
        names={j.id: j.name for j in kb.jurisdictions.values()},
    )


@bp.get("/api/v1/search")
def api():
    """Search laws; 400 names the field when a filter or limit is not allowed."""
    query, filters, errors = _read(request.args)
    blank = [name for name in FILTERS if name in request.args and not request.args[name].strip()]
    if blank:
        return jsonify(
            {
                "error": {
                    "status": 400,
                    "field": blank[0],
                    "message": f"'{blank[0]}' is empty: leave it out to search everything, or give one of the allowed values",
                    "allowed": allowed_filter_values(blank[0]),
                }
            }
        ), 400
    if errors:
        name = errors[0]
        return jsonify(
            {
                "error": {
                    "status": 400,
                    "field": name,
                    "message": f"'{request.args.get(name)}' is not a {name} we have",
                    "allowed": allowed_filter_values(name),
                }
            }
        ), 400
    if not has_search_text(query):
        return jsonify({"error": {"status": 400, "field": "q", "message": "give something to search for: ?q=stalking"}}), 400
    if len(request.args.get("q", "")) > MAX_QUERY_LENGTH:
        message = f"the query is too long: at most {MAX_QUERY_LENGTH} characters; search for the most telling words"
        return jsonify({"error": {"status": 400, "field": "q", "message": message}}), 400
    limit_text = request.args.get("limit", "20")
    if not limit_text.isdigit() or not 1 <= int(limit_text) <= 100:
        return jsonify({"error": {"status": 400, "field": "limit", "message": "limit must be a whole number from 1 to 100"}}), 400
    results = run_search(query, filters, limit=int(limit_text))
    return jsonify(
        {
            "query": results.query,
            "total": results.total,
            "suggestion": results.suggestion,
            "facets": {
                "jurisdiction": results.facets.get("jurisdiction_id", {}),
                "topic": results.facets.get("topics", {}),
                "kind": results.facets.get("kind", {}),
            },
            "results": [
                {
                    "law_id": h.law_id,
                    "title": h.title,
                    "citation": h.citation,
                    "jurisdiction": h.jurisdiction_id,
                    "jurisdiction_name": h.jurisdiction_name,
                    "kind": h.kind,
                    "topics": list(h.topics),
                    "snippet": str(h.snippet),
                    "score": h.score,
                    **({"title_es": h.title_es} if h.title_es else {}),
                    **({"snippet_es": str(h.snippet_es)} if h.snippet_es else {}),
                }
                for h in results.hits
            ],
        }
    )


NO_STORE_ENDPOINTS.update({"search_pages.page", "search_pages.api"})
