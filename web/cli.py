"""The maintainers' commands: `flask --app app laws validate | stale | new | coverage`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from kb.checks.datafiles import data_file_problems
from kb.datafiles import KINDS, display, kind_of, kind_paths
from kb.loader import DEFAULT_LAW_DIR, display_path, law_file_paths, load
from kb.vocabulary import vocabulary
from maintenance.readability import english_grade, inflesz, median
from maintenance.reports import coverage, coverage_markdown, coverage_text, stale_laws
from maintenance.review import review, review_text
from maintenance.revisions import RevisionError, at_revision, working_tree
from maintenance.semantic_diff import diff_files, diff_text
from maintenance.skeleton import skeleton
from web.lawdata import maintainer_store

laws = AppGroup("laws", help="Check and maintain the law files.")


class LawDataError(click.ClickException):
    """A maintainer-facing error: the message says what is wrong and what to do."""

    exit_code = 1


def _law_dir() -> Path:
    return Path(current_app.config["LAW_DIR"])


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


@laws.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--no-warnings", is_flag=True, help="Print errors only (warnings never fail the check).")
def validate_command(paths: tuple[Path, ...], no_warnings: bool) -> None:
    """Check law files and data files (default: all); print each problem as path:line:col and exit 1 on errors."""
    law_dir = _law_dir()
    data_targets = {display(p) for p in paths if kind_of(p) is not None}
    law_targets = [p for p in paths if kind_of(p) is None]
    check_data = not paths or bool(data_targets)
    targets = law_targets or ([law_dir] if not paths or data_targets else [])
    # Files inside the law folder are checked against all the others (ids, parents, citations).
    context = [law_dir] if any(_inside(p, law_dir) for p in targets) or data_targets else []
    result = load(targets + context)
    wanted = {display_path(p) for p in law_file_paths(law_targets or ([] if data_targets else [law_dir]))}
    # A law file's statute texts live in its folder (us/ca.yaml -> us/ca/): their problems are its own.
    text_folders = tuple(shown.removesuffix(".yaml") + "/" for shown in wanted)
    problems = [p for p in result.problems if p.path in wanted or p.path.startswith(text_folders)]
    if check_data:
        good = [r.file for r in result.files.values() if r.file is not None]
        own_laws = law_dir.resolve() == DEFAULT_LAW_DIR.resolve()
        found = data_file_problems(good, test_data=own_laws)
        problems += [p for p in found if not data_targets or p.path in data_targets or p.path in wanted]
        wanted |= data_targets or {display(p) for kind in KINDS if own_laws or kind.needed for p in kind_paths(kind)}
    errors = [p for p in problems if p.severity == "error"]
    warnings = [] if no_warnings else [p for p in problems if p.severity != "error"]
    for problem in sorted(errors + warnings, key=lambda p: (p.path, p.line, p.column, p.rule)):
        click.echo(problem.format())
    files = len(wanted)
    if errors:
        bad_files = len({p.path for p in errors})
        raise LawDataError(f"{len(errors)} problem(s) in {bad_files} of {files} file(s). Fix each line above, then run this again.")
    law_count = sum(len(j.laws) for j in result.kb.jurisdictions.values() if j.source_path in wanted)
    warned = f"; {len(warnings)} warning(s) to look at when you can" if warnings else ""
    click.echo(f"OK: {files} file(s), {law_count} law(s), no errors{warned}.")


@laws.command("stale")
@click.option("--months", default=12, show_default=True, type=click.IntRange(min=0), help="Report laws not checked in this many months.")
def stale_command(months: int) -> None:
    """List laws not checked in N months, oldest first, with the file to edit."""
    kb = maintainer_store().kb
    found = stale_laws(kb, months, date.today())
    for law in found:
        path = kb.jurisdiction(law.jurisdiction_id).source_path
        click.echo(f"{law.checked.date}  {law.id:<40} {law.citation:<40} {path}")
    click.echo(f"{len(found)} law(s) not checked in {months} month(s).")


@laws.command("review")
@click.option("--months", default=12, show_default=True, type=click.IntRange(min=0), help="Report laws not checked in this many months.")
@click.option("--jurisdiction", default=None, help="Only this jurisdiction, e.g. us-ca.")
def review_command(months: int, jurisdiction: str | None) -> None:
    """Print the maintenance dashboard's lists: stale laws, unconfirmed facts, missing topics, warnings."""
    store = maintainer_store()
    found = review(store.kb, store.problems, date.today(), months)
    if jurisdiction:
        chosen = store.kb.jurisdiction(jurisdiction.lower())
        if chosen is None:
            raise LawDataError(f"'{jurisdiction}' is not a jurisdiction id; `flask --app app laws coverage` lists them.")
        found = found.only(chosen)
    for line in review_text(found):
        click.echo(line)


@laws.command("readability")
@click.option("--jurisdiction", default=None, help="Only this jurisdiction, e.g. us-ca.")
def readability_command(jurisdiction: str | None) -> None:
    """Print each summary's reading grade (English, Flesch-Kincaid) and INFLESZ score (Spanish), hardest first."""
    kb = maintainer_store().kb
    laws = [law for law in kb.laws.values() if jurisdiction is None or law.jurisdiction_id == jurisdiction.lower()]
    if not laws:
        raise LawDataError(f"no laws for '{jurisdiction}'; `flask --app app laws coverage` lists the jurisdiction ids.")
    rows = []
    for law in laws:
        spanish = law.translation("es")
        rows.append((english_grade(law.summary), inflesz(spanish.summary) if spanish else None, law.id))
    for grade, spanish_score, law_id in sorted(rows, key=lambda row: -row[0]):
        shown = f"{spanish_score:5.1f}" if spanish_score is not None else "    -"
        click.echo(f"{grade:5.1f}  {shown}  {law_id}")
    spanish_scores = [row[1] for row in rows if row[1] is not None]
    click.echo(
        f"{len(rows)} law(s): median grade {median([row[0] for row in rows])} (aim: 8 or below, none above 12); "
        f"{len(spanish_scores)} in Spanish, median INFLESZ {median(spanish_scores)} (aim: 55 or more)."
    )


@laws.command("diff")
@click.argument("old_revision")
@click.argument("new_revision", required=False)
def diff_command(old_revision: str, new_revision: str | None) -> None:
    """Show what changed in legal meaning between two git revisions (default second: your working files)."""
    law_dir = _law_dir()
    try:
        old = at_revision(law_dir, old_revision)
        new = at_revision(law_dir, new_revision) if new_revision else working_tree(law_dir)
    except RevisionError as error:
        raise LawDataError(str(error)) from error
    click.echo(f"Changes in meaning from {old.label} to {new.label}:")
    for parsed in (old, new):
        for path, reason in parsed.unreadable.items():
            click.echo(f"warning: {path} could not be read at {parsed.label}, so it is left out: {reason}")
    for line in diff_text(diff_files(old.files, new.files)):
        click.echo(line)


@laws.command("new")
@click.argument("jurisdiction_id")
@click.option("--name", required=True, help="The name readers see, e.g. 'Oregon'.")
@click.option(
    "--type",
    "jurisdiction_type",
    default=None,
    type=click.Choice(list(vocabulary()["jurisdiction_types"])),
    help="Default: state for xx-yy ids, federal for xx.",
)
@click.option("--parent", default=None, help="Whose laws also apply (default: the country's id for xx-yy ids).")
def new_command(jurisdiction_id: str, name: str, jurisdiction_type: str | None, parent: str | None) -> None:
    """Write a commented skeleton law file for a new jurisdiction."""
    jurisdiction_id = jurisdiction_id.lower()
    parts = jurisdiction_id.split("-")
    if len(parts) > 2 or len(parts[0]) != 2 or not jurisdiction_id.replace("-", "").isalnum():
        raise LawDataError(
            f"'{jurisdiction_id}' is not a jurisdiction id: write the country code, e.g. 'us', or country-region, e.g. 'us-or'."
        )
    country = parts[0]
    national = len(parts) == 1
    jurisdiction_type = jurisdiction_type or ("federal" if national else "state")
    parent = parent if parent is not None else (None if national else country)
    target = _law_dir() / country / f"{country if national else parts[1]}.yaml"
    if target.exists():
        raise LawDataError(f"{display_path(target)} already exists; edit it instead.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(skeleton(jurisdiction_id, name, date.today(), jurisdiction_type, parent), encoding="utf-8")
    click.echo(f"Wrote {display_path(target)}. Fill in every blank, then run: flask --app app laws validate {display_path(target)}")


@laws.command("coverage")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def coverage_command(output_format: str) -> None:
    """Show a jurisdiction x topic table with counts; '?' marks cells with unconfirmed facts."""
    rows = coverage(maintainer_store().kb)
    click.echo(coverage_text(rows) if output_format == "text" else coverage_markdown(rows))


search_cli = AppGroup("search", help="Build the full-text search index.")


@search_cli.command("build")
def search_build_command() -> None:
    """Build the search index for the law files being served, in the instance folder."""
    from search import build_index

    kb = maintainer_store().kb
    base = Path(current_app.config["SEARCH_INDEX_DIR"] or Path(current_app.instance_path) / "search-index")

    def progress(done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            click.echo(f"\r  indexed {done}/{total} laws", nl=done == total)

    folder = build_index(kb, base, progress)
    click.echo(f"Search index for data version {kb.version} built in {folder}.")


def init_app(app: Flask) -> None:
    """Register the `laws` and `search` command groups."""
    app.cli.add_command(laws)
    app.cli.add_command(search_cli)
