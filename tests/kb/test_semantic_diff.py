"""The semantic diff: each kind of change in meaning, and `laws diff` on two crafted git revisions."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from maintenance.semantic_diff import diff_files, diff_law, diff_text

CONDUCT_EITHER = "One incident can be enough on some paths; others need a pattern"
FIXTURE_CA = Path(__file__).parents[1] / "fixtures" / "laws" / "us" / "ca.yaml"


@pytest.fixture
def california() -> dict:
    return yaml.safe_load(FIXTURE_CA.read_text(encoding="utf-8"))


def _edit(law: dict, path: str, value) -> dict:
    edited = copy.deepcopy(law)
    *parents, last = path.split(".")
    target = edited
    for part in parents:
        target = target[part]
    target[last] = value
    return edited


CASES = [
    ("elements.conduct", "single", "elements.conduct: pattern -> single (one incident can now be enough: One incident can be enough)"),
    ("elements.min_acts", 3, "elements.min_acts: 2 -> 3 (the number of acts that make a pattern)"),
    ("elements.credible_threat", False, "elements.credible_threat: yes -> no (a threat is no longer required on every path)"),
    ("elements.intent", ["knowledge", "specific"], "elements.intent: [specific] -> [knowledge, specific]"),
    ("elements.electronic", "general", "elements.electronic: explicit -> general"),
    ("elements.fear.test", "both", "elements.fear.test: reasonable_person -> both (whose fear counts)"),
    ("citation", "Cal. Penal Code § 646.91", "citation: Cal. Penal Code § 646.9 -> Cal. Penal Code § 646.91"),
    ("url", "https://example.org/646.9", "the official link moved"),
    ("penalty.class", "felony", "penalty.class: misdemeanor_or_felony -> felony"),
    ("summary", "Entirely new words here.", "summary edited"),
    ("kind", "civil_claim", "kind: crime -> civil_claim"),
]


@pytest.mark.parametrize("path, value, expected", CASES, ids=[c[0] for c in CASES])
def test_each_change_in_meaning_is_named(california, path, value, expected):
    law = california["laws"][0]
    lines = [c.describe() for c in diff_law("us-ca", law, _edit(law, path, value))]
    assert len(lines) == 1, lines
    assert expected in lines[0]


def test_layout_only_edits_are_no_change(california):
    law = california["laws"][0]
    reflowed = _edit(law, "summary", "  " + law["summary"].replace(" ", "\n", 3) + "\n")
    assert diff_law("us-ca", law, reflowed) == []
    assert diff_law("us-ca", law, _edit(law, "elements.intent", ["specific"])) == []  # a list of one is the same intent
    assert diff_text([]) == ["No change in meaning: the law files say the same things."]


def test_confirming_a_fact_and_adding_history_are_reported(california):
    law = california["laws"][0]
    edited = _edit(law, "unconfirmed", [])
    edited["history"] = [{"date": "2026-01", "change": "Amended to name electronic tracking."}]
    lines = [c.describe() for c in diff_law("us-ca", law, edited)]
    assert lines == [
        "unconfirmed: penalty.detail is now confirmed",
        "history: history entry added: 2026-01: Amended to name electronic tracking.",
    ]


def test_added_removed_and_renamed_laws(california):
    old = {"ca.yaml": california}
    new = copy.deepcopy(california)
    new["laws"][0]["id"] = "us-ca-stalking-646-9"  # same citation: a rename
    del new["laws"][2]  # intimate images removed
    new["laws"].append({**copy.deepcopy(california["laws"][1]), "id": "us-ca-new-order", "citation": "Cal. Fam. Code § 6200"})
    changes = diff_files(old, {"ca.yaml": new})
    lines = diff_text(changes)
    assert "  us-ca-new-order  added: Civil harassment restraining order (Cal. Fam. Code § 6200)" in lines
    assert "  us-ca-intimate-images  removed: Distributing intimate images (Cal. Penal Code § 647(j)(4))" in lines
    assert "  us-ca-stalking-646-9  renamed: id us-ca-stalking -> us-ca-stalking-646-9 (Cal. Penal Code § 646.9)" in lines
    assert lines[-1] == "1 law(s) added, 1 removed, 1 changed."


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with two commits of the fixture law files: the second edits meaning."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_CA.parents[1], root / "jurisdictions")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "first")
    path = root / "jurisdictions" / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("conduct: pattern", "conduct: either", 1).replace("§ 527.6", "§ 527.65"), encoding="utf-8")
    _git(root, "commit", "-q", "-am", "second")
    return root


@pytest.fixture
def repo_app(repo, make_app):
    """The app on the crafted repository's law files."""
    return make_app(repo / "jurisdictions")


def _run(app, *args: str):
    return app.test_cli_runner().invoke(args=["laws", "diff", *args])


def test_laws_diff_between_two_revisions(repo_app):
    result = _run(repo_app, "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Changes in meaning from HEAD~1 to HEAD:"
    assert f"  us-ca-stalking  elements.conduct: pattern -> either (one incident can now be enough: {CONDUCT_EITHER})" in lines
    assert "  us-ca-restraining-order  citation: Cal. Code Civ. Proc. § 527.6 -> Cal. Code Civ. Proc. § 527.65" in lines
    assert lines[-1] == "0 law(s) added, 0 removed, 2 changed."


def test_laws_diff_against_working_files_and_broken_files(repo, repo_app):
    assert "No change in meaning" in _run(repo_app, "HEAD").output
    (repo / "jurisdictions" / "us" / "us.yaml").write_text("id: us\nlaws: [unclosed\n", encoding="utf-8")
    result = _run(repo_app, "HEAD")
    assert result.exit_code == 0
    assert "warning: jurisdictions/us/us.yaml could not be read at working files, so it is left out" in result.output


@pytest.mark.parametrize("revision", ["no-such-branch", "HEAD~9"])
def test_laws_diff_unknown_revision_is_a_clear_error(repo_app, revision):
    result = _run(repo_app, revision, "HEAD")
    assert result.exit_code == 1
    assert f"'{revision}' is not a revision in repo: try a commit id, a branch, a tag or HEAD~1." in result.output
    assert "Traceback" not in result.output


def test_laws_diff_outside_git_says_so(law_dir, make_app):
    result = _run(make_app(law_dir), "HEAD")
    assert result.exit_code == 1 and "is not inside a git repository" in result.output


def test_a_law_rewritten_as_paths_says_what_that_changes(california):
    old = california["laws"][3]  # § 653m in the fixture: two paths
    as_one = {key: value for key, value in old.items() if key not in ("paths", "text")}
    as_one["elements"] = old["paths"][1]["elements"]  # read before as needing repeated calls only
    lines = [c.describe() for c in diff_law("us-ca", as_one, old)]
    assert "elements.conduct: pattern -> either (one incident can now be enough: " + CONDUCT_EITHER + ")" in lines
    assert "paths: now written as 2 path(s): threat ((a)), repeated ((b))" in lines
    assert "text: stored text added: pen-653m" in lines


def test_changes_inside_a_path_name_the_path(california):
    old = california["laws"][3]
    new = copy.deepcopy(old)
    new["paths"][0]["elements"]["credible_threat"] = True
    new["paths"][0]["evidence"]["credible_threat"] = {"pinpoint": "(a)", "quote": "any threat to inflict injury"}
    new["paths"].pop(1)
    lines = [c.describe() for c in diff_law("us-ca", old, new)]
    assert "paths[threat].elements.credible_threat: no -> yes (a threat is now required on every path)" in lines
    assert 'paths[threat].evidence.credible_threat: now rests on: "any threat to inflict injury"' in lines
    assert "paths: path removed: repeated" in lines
    assert "elements.conduct: either -> single (one incident can now be enough: One incident can be enough)" in lines


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            ["specific", "knowledge"],
            {"all_of": ["knowledge", "specific"]},
            "elements.intent: [knowledge, specific] -> [all_of: knowledge, specific]",
        ),
        ({"any_of": ["specific", "knowledge"]}, {"any_of": ["knowledge", "specific"]}, None),
        (["dating", {"who": "partner_or_ex", "when": {"fact": "minor", "is": "yes"}}], ["dating"], "elements.relationship"),
    ],
)
def test_intent_forms_and_conditional_relationships_compare_without_error(california, old, new, expected):
    law = california["laws"][0]
    field = "relationship" if expected and "relationship" in expected else "intent"
    lines = [c.describe() for c in diff_law("us-ca", _edit(law, f"elements.{field}", old), _edit(law, f"elements.{field}", new))]
    assert lines == [] if expected is None else any(line.startswith(expected) for line in lines)
