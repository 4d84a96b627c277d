"""Shared fixtures: the app on a small fixture data set, its test client and CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app

FIXTURE_LAWS = Path(__file__).parent / "fixtures" / "laws"


@pytest.fixture
def law_dir(tmp_path: Path) -> Path:
    """A private copy of the fixture law files that a test may edit."""
    target = tmp_path / "jurisdictions"
    shutil.copytree(FIXTURE_LAWS, target)
    return target


@pytest.fixture
def make_app(tmp_path: Path):
    """Build the app on a law folder in production mode (strict loading, no reload); keywords override."""

    def build(law_dir: Path, **config):
        settings = {
            "TESTING": True,
            "LAW_DIR": str(law_dir),
            "LAW_LOADING": "strict",
            "LAW_RELOAD": False,
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "SEARCH_BUILD_AT_START": False,
        }
        return create_app(settings | config)

    return build


@pytest.fixture
def app(law_dir: Path, make_app):
    """The app on the fixture data, in production mode (strict loading, no reload)."""
    return make_app(law_dir)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def real_index_dir(tmp_path_factory):
    """One search index folder for every test on the real data (built once, on first search)."""
    return tmp_path_factory.mktemp("real-index")


@pytest.fixture
def real_app(real_index_dir):
    """The app on the real law files of the repository."""
    return create_app(
        {
            "TESTING": True,
            "LAW_LOADING": "strict",
            "LAW_RELOAD": False,
            "SEARCH_INDEX_DIR": str(real_index_dir),
            "SEARCH_BUILD_AT_START": False,
        }
    )
