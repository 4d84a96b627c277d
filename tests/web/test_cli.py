"""The maintainers' commands: validate, stale, new, coverage."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import create_app
from kb.store import InvalidLawData

ROOT = Path(__file__).resolve().parent.parent.parent


def test_validate_passes_with_a_one_line_summary(runner):
    result = runner.invoke(args=["laws", "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "OK: 8 file(s), 5 law(s), no errors."  # 2 law files and the 6 data files the app reads


def test_validate_reports_every_problem_and_exits_1(runner, law_dir):
    path = law_dir / "us" / "ca.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("conduct: pattern", "conduct: patern").replace("kind: crime", "kind: crim", 1),
        encoding="utf-8",
    )
    result = runner.invoke(args=["laws", "validate"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert re.search(
        r"us/ca.yaml:13:11: error: laws\[0\].kind: 'crim' is not one of: crime, protection_order, civil_claim \(schema-enum\)$", lines[0]
    )
    assert re.search(r"us/ca.yaml:19:16: error: laws\[0\].elements.conduct: 'patern' is not one of", lines[1])
    assert "3 problem(s) in 1 of 8 file(s)" in lines[3]
    assert "Traceback" not in result.output


def test_validate_reports_a_broken_statute_text_header(runner, law_dir):
    """A text file whose header is not valid YAML is named with its line, never passed over in silence
    (its law file then fails to load, and the problem must say why)."""
    text = law_dir / "us" / "ca" / "pen-653m.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("    reason: left out of", "    reason: left out: of", 1), encoding="utf-8")
    result = runner.invoke(args=["laws", "validate"])
    assert result.exit_code == 1
    assert re.search(r"us/ca/pen-653m.txt:\d+:\d+: error: the file is not valid YAML: mapping values are not allowed", result.output)
    assert "OK:" not in result.output


def test_validate_one_file_checks_it_against_the_others(runner, law_dir):
    path = law_dir / "us" / "ca.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("parent: us\n", "parent: us-zz\n"), encoding="utf-8")
    result = runner.invoke(args=["laws", "validate", str(path)])
    assert result.exit_code == 1
    assert "'us-zz' is not a known jurisdiction" in result.output
    result = runner.invoke(args=["laws", "validate", str(law_dir / "us" / "us.yaml")])
    assert result.exit_code == 0 and "OK: 1 file(s), 1 law(s)" in result.output


def test_stale_lists_oldest_first_with_the_file(runner, law_dir):
    result = runner.invoke(args=["laws", "stale", "--months", "1"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("2026-01-10  us-ca-annoying-communications")
    assert lines[0].endswith("us/ca.yaml")
    assert lines[-1] == "5 law(s) not checked in 1 month(s)."
    assert runner.invoke(args=["laws", "stale", "--months", "600"]).output.strip() == "0 law(s) not checked in 600 month(s)."


def test_new_writes_a_skeleton_that_fails_until_filled_then_validates(runner, law_dir, tmp_path):
    result = runner.invoke(args=["laws", "new", "us-or", "--name", "Oregon"])
    assert result.exit_code == 0, result.output
    path = law_dir / "us" / "or.yaml"
    assert "Wrote" in result.output and path.exists()
    text = path.read_text(encoding="utf-8")
    assert "parent: us" in text and "type: state" in text
    assert runner.invoke(args=["laws", "validate", str(path)]).exit_code == 1

    filled = (
        text.replace('name: ""', 'name: "Oregon Coalition Against Domestic and Sexual Violence"')
        .replace('url: ""           # https://...', "url: https://www.ocadsv.org/")
        .replace('source: ""      # the page that confirmed this resource', "source: https://www.ocadsv.org/")
        .replace('citation: ""', 'citation: "Or. Rev. Stat. § 163.732"')
        .replace('url: ""           # the official page of the text', "url: https://oregon.public.law/statutes/ors_163.732")
        .replace('summary: ""', "summary: Repeated unwanted contact that alarms or coerces someone.")
        .replace('class: ""', "class: misdemeanor_or_felony")
        .replace('detail: ""', "detail: Class A misdemeanor; a felony in some cases.")
        .replace('source: ""      # the address where you read the text', "source: https://oregon.public.law/statutes/ors_163.732")
    )
    path.write_text(filled, encoding="utf-8")
    result = runner.invoke(args=["laws", "validate", str(path)])
    assert result.exit_code == 0, result.output


def test_new_refuses_to_overwrite_and_rejects_bad_ids(runner):
    result = runner.invoke(args=["laws", "new", "us-ca", "--name", "California"])
    assert result.exit_code == 1 and "already exists" in result.output
    result = runner.invoke(args=["laws", "new", "not/an/id", "--name", "X"])
    assert result.exit_code == 1 and "is not a jurisdiction id" in result.output


def test_coverage_table_marks_unconfirmed_cells(runner):
    result = runner.invoke(args=["laws", "coverage"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:6] == ["jurisdiction", "laws", "conf%", "S", "H", "PO"]
    ca = next(line for line in lines if line.startswith("us-ca"))
    # 1 of 4 confirmed: only § 653m stores its text with evidence on every path; its threats and cyber cells are sure
    assert ca.split()[:11] == ["us-ca", "4", "25", "yes", "yes", "yes", "2?", "1?", "1", "1", "1?"]
    assert "2 jurisdictions, 5 laws; 1 with a stalking crime, a harassment crime and a protection order of their own; " in result.output
    assert "2 covered by a stalking or harassment crime and an order or civil remedy (own, national or regional)." in result.output


BROKEN = "laws[0].elements.conduct: 'patern' is not one of"


def _break_one_file(law_dir):
    path = law_dir / "us" / "ca.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("conduct: pattern", "conduct: patern"), encoding="utf-8")


def _lazy_app(law_dir, **config):
    """The app as `flask --app app ...` builds it: nothing chosen but the law folder."""
    return create_app({"TESTING": True, "LAW_DIR": str(law_dir), "SEARCH_BUILD_AT_START": False} | config)


def test_validate_prints_each_problem_once_and_reads_each_file_once(law_dir, monkeypatch, caplog):
    _break_one_file(law_dir)
    reads = []
    for module in ("kb.loader", "kb.store"):
        original = __import__(module, fromlist=["read_file"]).read_file
        monkeypatch.setattr(f"{module}.read_file", lambda path, today, original=original: reads.append(path.name) or original(path, today))
    with caplog.at_level(logging.DEBUG):
        result = _lazy_app(law_dir).test_cli_runner().invoke(args=["laws", "validate"])
    assert result.exit_code == 1
    said = result.output + "\n".join(record.getMessage() for record in caplog.records)
    assert said.count(BROKEN) == 1, said
    assert sorted(reads) == ["ca.yaml", "us.yaml"]


def test_the_flask_command_prints_a_problem_once(law_dir):
    _break_one_file(law_dir)
    environment = {**os.environ, "LAWGUIDE_LAW_DIR": str(law_dir), "LAWGUIDE_SEARCH_BUILD_AT_START": "false"}
    flask = Path(sys.executable).parent / "flask"
    done = subprocess.run([str(flask), "--app", "app", "laws", "validate"], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert done.returncode == 1
    assert (done.stdout + done.stderr).count(BROKEN) == 1, done.stdout + done.stderr


@pytest.mark.parametrize(
    "argv", [["pytest", "-k", "laws"], ["flask", "--app", "app", "laws", "validate"], ["flask", "search", "build"], ["gunicorn"]]
)
def test_the_command_line_does_not_change_the_app(law_dir, monkeypatch, argv):
    _break_one_file(law_dir)
    monkeypatch.setattr("sys.argv", argv)
    with pytest.raises(InvalidLawData, match=r"us/ca.yaml:19:16"):
        _lazy_app(law_dir, LAW_LOADING="strict")
    app = _lazy_app(law_dir)
    assert app.extensions["law_store"].current is None  # lazy: nothing read until something needs it


def test_maintainer_commands_work_on_broken_data_and_load_once(law_dir, monkeypatch):
    _break_one_file(law_dir)
    app = _lazy_app(law_dir)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["laws", "validate"]).exit_code == 1
    result = runner.invoke(args=["laws", "coverage"])
    assert result.exit_code == 0 and result.output.splitlines()[1].startswith("us ")  # the valid file is still covered
    store = app.extensions["law_store"]
    monkeypatch.setattr("kb.store.read_file", lambda *args: pytest.fail("a second command read the files again"))
    assert runner.invoke(args=["laws", "stale", "--months", "1"]).exit_code == 0
    assert store.current is not None


def test_a_lazy_app_loads_strictly_on_the_first_request(law_dir):
    app = _lazy_app(law_dir)
    assert app.extensions["law_store"].current is None
    assert app.test_client().get("/jurisdictions/us-ca").status_code == 200
    assert app.extensions["law_store"].current is not None
    _break_one_file(law_dir)
    response = _lazy_app(law_dir).test_client().get("/jurisdictions/us-ca")
    assert response.status_code == 500 and "Exit this page" in response.get_data(as_text=True)  # nothing half-valid is served


def test_an_unknown_loading_mode_is_refused(law_dir):
    with pytest.raises(ValueError, match="LAW_LOADING must be one of strict, lenient, lazy"):
        _lazy_app(law_dir, LAW_LOADING="sometimes")
