"""Gunicorn keeps serving the last validated data: a law file broken on disk while the server runs
stops neither recycled workers (max requests) nor a reload (HUP). No control socket is shared."""

from __future__ import annotations

import http.client
import shutil
import signal
import time
from pathlib import Path

import pytest

from bench.load import free_port, start_server

pytestmark = pytest.mark.serving
FIXTURE_LAWS = Path(__file__).parent.parent / "fixtures" / "laws"
LAW = "/laws/us-ca-stalking"
GOOD = "Needs a pattern: 2 or more acts."


def _get(port: int, path: str) -> tuple[int, str]:
    """One request on its own connection (so requests spread over the workers)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def _answers(port: int, count: int) -> list[tuple[int, bool]]:
    """Status and whether the last good version of the law was on the page, for `count` requests."""
    found = []
    for _ in range(count):
        try:
            status, body = _get(port, LAW)
        except OSError:
            status, body = 0, ""
        found.append((status, GOOD in body))
    return found


def _wait_for(log, text: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        log.seek(0)
        seen = log.read().decode(errors="replace")
        if text in seen:
            return seen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in the server log:\n{seen[-3000:]}")


def test_a_broken_file_and_worker_recycling_keep_serving_the_last_good_data(tmp_path):
    law_dir = tmp_path / "jurisdictions"
    shutil.copytree(FIXTURE_LAWS, law_dir)
    run_dir, home = tmp_path / "run", tmp_path / "home"
    run_dir.mkdir()
    home.mkdir()
    environment = {
        "LAWGUIDE_LAW_DIR": str(law_dir),
        "LAWGUIDE_LOG_LEVEL": "info",
        "XDG_RUNTIME_DIR": str(run_dir),
        "HOME": str(home),
    }
    port = free_port()
    options = ("--max-requests", "10", "--max-requests-jitter", "0")
    with open(tmp_path / "server.log", "w+b") as log:
        server = start_server(port, 2, str(tmp_path / "index"), log, options=options, environment=environment)
        try:
            path = law_dir / "us" / "ca.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace("conduct: pattern", "conduct: patern"), encoding="utf-8")
            answers = _answers(port, 60)
            assert answers == [(200, True)] * 60  # 0 failed requests, every one from the validated data
            text = _wait_for(log, "Booting worker")
            assert text.count("Booting worker") >= 2 + 4  # the two first workers, and several replacements
            assert "Worker failed to boot" not in text
            # No control socket where gunicorn puts one by default (one path for all of a user's instances).
            assert [p for p in (*run_dir.rglob("*"), *home.rglob("*")) if "gunicorn" in p.name] == []

            server.send_signal(signal.SIGHUP)
            _wait_for(log, "reload refused")
            assert _answers(port, 20) == [(200, True)] * 20

            path.write_text(path.read_text(encoding="utf-8").replace("conduct: patern", "conduct: pattern"), encoding="utf-8")
            server.send_signal(signal.SIGHUP)
            _wait_for(log, "reload: the law files validated")
            assert _answers(port, 10) == [(200, True)] * 10
        finally:
            server.terminate()
            server.wait(timeout=30)
