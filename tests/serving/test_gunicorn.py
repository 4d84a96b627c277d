"""The production server: gunicorn with several workers, under load and with what it logs.

The load test runs shortened here (10 clients, 5 s); `make load-test` runs the documented full
run (50 clients, 60 s) and docs/benchmarks.md records its figures.
"""

from __future__ import annotations

import http.client
import os
import tempfile
from urllib.parse import urlencode

import pytest

from bench.load import free_port, run, start_server

pytestmark = pytest.mark.serving
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "10"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "5"))


def test_mixed_load_has_no_errors():
    figures = run(clients=CLIENTS, duration=SECONDS, workers=3)
    assert figures["errors"] == 0, figures["error_kinds"]
    # A working server answers far more than this; the floor is low so that a busy machine (CI shares
    # its cores) cannot fail the test: its point is that no request fails. bench/load.py measures speed.
    assert figures["requests"] > 2 * SECONDS
    assert set(figures["by_page"]) == {"home", "browse", "law page", "search", "assessment"}


def test_server_logs_no_request_line_query_or_answer(tmp_path):
    marker = "zq-where-i-live-zq"
    port = free_port()
    with tempfile.TemporaryDirectory() as index_dir, open(tmp_path / "server.log", "w+b") as log:
        server = start_server(port, workers=2, index_dir=index_dir, log=log)
        try:
            for method, path, body in [
                ("GET", f"/search?q={marker}", None),
                ("POST", "/search", urlencode({"q": marker})),
                ("POST", "/questions", urlencode({"a_jurisdiction": "us-ca", "a_relationship": marker, "step": "relationship"})),
                ("GET", f"/api/v1/search?q={marker}", None),
                ("GET", f"/nowhere/{marker}", None),
            ]:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
                connection.request(method, path, body=body, headers=headers)
                assert connection.getresponse().status < 500
                connection.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
        log.seek(0)
        text = log.read().decode(errors="replace")
    assert "web.report" in text  # the log was captured (each worker warns that no report address is set)
    assert marker not in text
    assert "GET /" not in text and "POST /" not in text
