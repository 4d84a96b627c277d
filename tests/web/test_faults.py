"""Faults while the site runs: law files deleted, truncated or broken; the index folder removed;
an index folder that cannot be written. The site keeps serving and the log says what happened."""

from __future__ import annotations

import logging
import shutil

import pytest

from app import create_app


def _delete(path):
    path.unlink()


def _truncate(path):
    """A write cut off part-way, inside a quoted date: the file no longer parses."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('date: "2026') + 10], encoding="utf-8")


def _make_invalid(path):
    path.write_text(path.read_text(encoding="utf-8").replace("kind: crime", "kind: crim", 1), encoding="utf-8")


def _empty(path):
    path.write_text("", encoding="utf-8")


@pytest.fixture
def live_app(law_dir, tmp_path):
    """The app with live reload on, as a maintainer runs it while editing files."""
    app = create_app(
        {
            "TESTING": True,
            "LAW_DIR": str(law_dir),
            "LAW_LOADING": "lenient",
            "LAW_RELOAD": True,
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        }
    )
    app.extensions["law_store"].min_interval = 0
    return app


@pytest.mark.parametrize("fault", [_delete, _truncate, _make_invalid, _empty], ids=["deleted", "truncated", "invalid", "emptied"])
def test_a_damaged_law_file_keeps_its_last_good_version(live_app, law_dir, caplog, fault):
    client = live_app.test_client()
    assert "Cal. Penal Code § 646.9" in client.get("/jurisdictions/us-ca").get_data(as_text=True)
    fault(law_dir / "us" / "ca.yaml")
    with caplog.at_level(logging.ERROR, logger="kb.store"):
        page = client.get("/jurisdictions/us-ca")
        search = client.get("/api/v1/search?q=646.9")
    assert page.status_code == 200 and "Cal. Penal Code § 646.9" in page.get_data(as_text=True)
    assert search.status_code == 200 and search.get_json()["results"][0]["law_id"] == "us-ca-stalking"
    assert any("keeping its last good version" in r.getMessage() and "ca.yaml" in r.getMessage() for r in caplog.records)


def test_the_index_folder_removed_while_serving_is_rebuilt(live_app, tmp_path, caplog):
    client = live_app.test_client()
    assert client.get("/api/v1/search?q=stalking").get_json()["total"] > 0
    shutil.rmtree(tmp_path / "index")
    with caplog.at_level(logging.INFO, logger="search.index"):
        response = client.get("/api/v1/search?q=stalking")
    assert response.status_code == 200 and response.get_json()["total"] > 0
    assert any("search index built" in r.getMessage() for r in caplog.records)
    assert any(p.is_dir() and not p.name.startswith(".") for p in (tmp_path / "index").iterdir())


def test_an_index_folder_that_cannot_be_written_falls_back_and_says_so(law_dir, tmp_path, caplog):
    # A path below a regular file can never be created: as good as a read-only folder, and it holds
    # even when the tests run as root (who may write to folders marked read-only).
    blocker = tmp_path / "instance-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="search.index"):
        app = create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_RELOAD": False, "SEARCH_INDEX_DIR": str(blocker / "index")})
        response = app.test_client().get("/api/v1/search?q=646.9")
    assert response.status_code == 200 and response.get_json()["results"][0]["law_id"] == "us-ca-stalking"
    warning = next(r.getMessage() for r in caplog.records if "cannot write the search index" in r.getMessage())
    assert "instance-file/index" in warning and "temporary folder" in warning


def test_a_read_only_instance_folder_still_serves_pages(law_dir, tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    instance.chmod(0o555)
    try:
        app = create_app(
            {"TESTING": True, "LAW_DIR": str(law_dir), "LAW_RELOAD": False, "SEARCH_INDEX_DIR": str(instance / "search-index")}
        )
        client = app.test_client()
        assert client.get("/").status_code == 200
        assert client.get("/api/v1/search?q=stalking").status_code == 200
    finally:
        instance.chmod(0o755)


def test_a_file_that_loses_laws_is_served_but_the_log_names_them(live_app, law_dir, caplog):
    """A cut that leaves valid YAML looks like an edit: it is served, and the log lists what went."""
    path = law_dir / "us" / "ca.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: us-ca-restraining-order")], encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kb.store"):
        live_app.test_client().get("/")
    message = next(r.getMessage() for r in caplog.records if "no longer has" in r.getMessage())
    assert "ca.yaml no longer has 3 law(s): us-ca-annoying-communications, us-ca-intimate-images, us-ca-restraining-order" in message


def _zero(path):
    path.write_bytes(b"\0" * path.stat().st_size)


def _cut(path):
    path.write_bytes(path.read_bytes()[:100])


@pytest.mark.parametrize("damage", [_zero, _cut], ids=["zeroed", "cut"])
def test_an_index_damaged_while_open_is_rebuilt(law_dir, tmp_path, caplog, damage):
    app = create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_LOADING": "strict", "SEARCH_INDEX_DIR": str(tmp_path / "index")})
    client = app.test_client()
    assert client.get("/api/v1/search?q=646.9").get_json()["results"][0]["law_id"] == "us-ca-stalking"
    for segment in (tmp_path / "index").glob("*/*.seg"):
        damage(segment)
    with caplog.at_level(logging.ERROR, logger="search.index"):
        answers = [client.get("/api/v1/search?q=646.9"), client.post("/search", data={"q": "stalking"})]
    assert [a.status_code for a in answers] == [200, 200]
    assert answers[0].get_json()["results"][0]["law_id"] == "us-ca-stalking"
    assert sum("is damaged" in r.getMessage() for r in caplog.records) == 1  # rebuilt once, then served


def test_a_failing_search_with_a_readable_index_does_not_rebuild_it(app, monkeypatch, caplog):
    client = app.test_client()
    assert client.get("/api/v1/search?q=stalking").status_code == 200
    monkeypatch.setattr("web.search_pages.search", lambda *args, **kwargs: 1 / 0)
    with caplog.at_level(logging.INFO, logger="search.index"):
        assert client.get("/api/v1/search?q=stalking").status_code == 500
    assert not any("rebuil" in r.getMessage() or "built" in r.getMessage() for r in caplog.records)


def test_workers_that_cannot_write_the_index_folder_share_one_temporary_folder(law_dir, tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    blocker = tmp_path / "instance-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for _ in range(3):  # three worker starts
        app = create_app({"TESTING": True, "LAW_DIR": str(law_dir), "LAW_LOADING": "strict", "SEARCH_INDEX_DIR": str(blocker / "index")})
        assert app.test_client().get("/api/v1/search?q=646.9").status_code == 200
    (folder,) = temporary.iterdir()
    assert folder.name.startswith("lawguide-search-index-") and folder.stat().st_mode & 0o777 == 0o700
