"""'Report a problem' links on law pages: they reach the maintainers, and the site keeps nothing.

The link is built from configuration: REPORT_PROBLEM_URL, a tracker address in which {law_id},
{citation}, {title} and {page} are filled in (URL-encoded), or REPORT_PROBLEM_EMAIL, which gives a
mailto: link with the subject and a short body filled in. Either way the report goes from the
reader's own browser or mail program straight to the maintainers: no form, no server-side record.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from flask import Flask, current_app

from kb.model import Law
from web.urls import public_url

log = logging.getLogger(__name__)

BODY = (
    "Law: {citation} ({law_id})\n"
    "Page: {page}\n\n"
    "What is wrong or out of date (for example: the law was amended, a link is broken, an element is wrong):\n\n"
    "Where you read the correct information (a link to the law's text, a bill, a court decision):\n"
)


def report_link(law: Law) -> str | None:
    """The address that reports a problem with `law`, or None when the site has none configured."""
    page = public_url("browse.law", law_id=law.id)
    values = {"law_id": law.id, "citation": law.citation, "title": law.title, "page": page}
    template = current_app.config.get("REPORT_PROBLEM_URL")
    if template:
        return template.format(**{key: quote(value, safe="") for key, value in values.items()})
    address = current_app.config.get("REPORT_PROBLEM_EMAIL")
    if address:
        subject = quote(f"Problem with {law.citation} ({law.id})", safe="")
        return f"mailto:{address}?subject={subject}&body={quote(BODY.format(**values), safe='')}"
    return None


def check_config(app: Flask) -> None:
    """Refuse a report address that would not work; warn when none is set (pages then say so)."""
    template = app.config.get("REPORT_PROBLEM_URL")
    if template:
        if not template.startswith("https://"):
            raise ValueError(f"REPORT_PROBLEM_URL must start with https://, not {template[:40]!r}")
        try:
            template.format(law_id="", citation="", title="", page="")
        except (KeyError, IndexError, ValueError) as error:
            raise ValueError(
                f"REPORT_PROBLEM_URL may only use the placeholders {{law_id}}, {{citation}}, {{title}} and {{page}}: {error}"
            ) from error
    address = app.config.get("REPORT_PROBLEM_EMAIL")
    if address and ("@" not in address or any(c in address for c in "?&<> ")):
        raise ValueError(f"REPORT_PROBLEM_EMAIL must be a plain email address, not {address[:60]!r}")


def warn_if_unset(app: Flask) -> None:
    """Say at start, once per server process, when law pages have no way to report a problem."""
    if not app.config.get("REPORT_PROBLEM_URL") and not app.config.get("REPORT_PROBLEM_EMAIL"):
        log.warning("neither REPORT_PROBLEM_URL nor REPORT_PROBLEM_EMAIL is set: law pages cannot offer a way to report errors")


def init_app(app: Flask) -> None:
    """Check the configuration and offer `report_link` to templates."""
    check_config(app)
    app.jinja_env.globals["report_link"] = report_link
