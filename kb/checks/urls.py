"""Addresses: well-formed https URLs only."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlparse

from kb.checks.base import FileData, register

URL_MALFORMED = register("url-malformed", "an address that is not a well-formed https URL")


def _url_paths(data: dict):
    for i, resource in enumerate(data.get("resources", [])):
        yield ("resources", i, "url"), resource["url"]
        yield ("resources", i, "checked", "source"), resource["checked"]["source"]
    for i, law in enumerate(data["laws"]):
        yield ("laws", i, "url"), law["url"]
        yield ("laws", i, "checked", "source"), law["checked"]["source"]


def is_well_formed(url: str) -> bool:
    """True for an https address with a real host name and no characters a browser would refuse."""
    parsed = urlparse(url)
    labels = (parsed.hostname or "").split(".")
    return parsed.scheme == "https" and len(labels) >= 2 and all(labels) and not any(c in url for c in ' "<>\\^`{|}')


def check_urls(file: FileData, today: date):
    """Every address in the file is a well-formed https URL."""
    for at, url in _url_paths(file.data):
        if not is_well_formed(url):
            yield file.problem(at, f"'{url}' is not a well-formed https address", URL_MALFORMED)
