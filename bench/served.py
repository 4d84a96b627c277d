"""The page ratios of bench/pages.py measured over HTTP: each app served by gunicorn with the
production settings (deploy/gunicorn.conf.py, one worker), one client on a keep-alive connection,
one request at a time. Here the cost every real request pays (the socket, HTTP parsing, the
server) counts on both sides of the ratio, as it does for readers. Prints figures.

    .venv/bin/python bench/served.py              # 3 seconds per page
    .venv/bin/python bench/served.py --seconds 5
"""

from __future__ import annotations

import argparse
import http.client
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import free_port, start_server  # noqa: E402
from bench.pages import ASSESS_FORM  # noqa: E402

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
PAGES = [
    ("start over (POST, redirect only)", "POST", "/questions/start-over", urlencode(ASSESS_FORM), 303),
    ("home page", "GET", "/", None, 200),
    ("jurisdiction page (us-ca)", "GET", "/jurisdictions/us-ca", None, 200),
    ("search (POST 'revenge porn')", "POST", "/search", urlencode({"q": "revenge porn"}), 200),
    ("assessment (POST results, CA)", "POST", "/questions/results", urlencode(ASSESS_FORM), 200),
]


def rate(port: int, method: str, path: str, body: str | None, status: int, seconds: float) -> float:
    """Requests per second for one page, one at a time on a keep-alive connection (after a warm-up)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = FORM if body else {}

    def once() -> None:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        assert response.status == status, (path, response.status)

    try:
        for _ in range(20):
            once()
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds:
            once()
            count += 1
        return count / (time.perf_counter() - started)
    finally:
        connection.close()


def served(app: str, measure) -> None:
    """Serve `app` with gunicorn (one worker) while `measure(port)` runs."""
    port = free_port()
    with tempfile.TemporaryDirectory() as index_dir, tempfile.TemporaryFile() as log:
        # No worker recycling (--max-requests 0): a worker restarting mid-measurement reloads the
        # laws and would show up as a slow page.
        server = start_server(port, 1, index_dir, log, app=app, options=("--max-requests", "0"))
        try:
            measure(port)
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time spent on each page")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    served("bench.pages:hello_world()", lambda port: figures.update(hello=rate(port, "GET", "/", None, 200, args.seconds)))

    def pages(port: int) -> None:
        for name, method, path, body, status in PAGES:
            figures[name] = rate(port, method, path, body, status, args.seconds)

    served("app:serving_app()", pages)
    baseline = figures.pop("hello")
    print(f"{'hello world (baseline), served':<34} {baseline:9.1f} req/s")
    for name, value in figures.items():
        print(f"{name:<34} {value:9.1f} req/s   {100 * value / baseline:5.1f}% of hello world")


if __name__ == "__main__":
    main()
