"""Where a file stands and what its ids start with."""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath

from kb.checks.base import FileData, register

FILE_NAME = register("file-name", "the file's place must match its id: jurisdictions/<country>/<code>.yaml")
LAW_ID_PREFIX = register("law-id-prefix", "a law's id starts with its jurisdiction's id and a hyphen")


def expected_stem(data: dict) -> str:
    """The file name (without .yaml) a jurisdiction id belongs in: `ca` for us-ca, `us` for us."""
    return data["country"] if data["id"] == data["country"] else data["id"].removeprefix(data["country"] + "-")


def check_file_name(file: FileData, today: date):
    """The file sits at jurisdictions/<country>/<code>.yaml for its id."""
    data = file.data
    stem = expected_stem(data)
    parts = PurePosixPath(file.path).parts
    if not data["id"].startswith(data["country"]):
        yield file.problem(("id",), f"'{data['id']}' must start with the country code '{data['country']}'", FILE_NAME)
    elif parts[-1] != f"{stem}.yaml" or (len(parts) >= 2 and parts[-2] != data["country"]):
        wanted = f"jurisdictions/{data['country']}/{stem}.yaml"
        yield file.problem(("id",), f"id '{data['id']}' belongs in {wanted}; rename the file or fix the id", FILE_NAME)


def check_law_ids(file: FileData, today: date):
    """Every law id starts with its jurisdiction's id."""
    jurisdiction_id = file.data["id"]
    for i, law in enumerate(file.data["laws"]):
        if not law["id"].startswith(jurisdiction_id + "-"):
            yield file.problem(("laws", i, "id"), f"'{law['id']}' must start with '{jurisdiction_id}-'", LAW_ID_PREFIX)
