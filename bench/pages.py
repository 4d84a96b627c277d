"""Page throughput: requests per second for the home page, a jurisdiction page, a search and an
assessment, next to a minimal Flask hello-world app measured in the same run. In-process (Flask's
test client, no network), one thread, so the ratio shows the app's own cost. Prints figures.

    .venv/bin/python bench/pages.py              # 2 seconds per page
    .venv/bin/python bench/pages.py --seconds 5
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import Flask  # noqa: E402

from app import create_app  # noqa: E402

ASSESS_FORM = {
    "a_jurisdiction": "us-ca",
    "a_other_elsewhere": "no",
    "a_incidents": "several",
    "a_threatened": "yes",
    "a_contacted_directly": "yes",
    "a_relationship": "partner_or_ex",
    "a_afraid_for_safety": "yes",
    "a_emotional_distress": "yes",
}


def hello_world() -> Flask:
    """The smallest Flask app: the baseline the ratios are taken against."""
    app = Flask("hello")

    @app.get("/")
    def index():
        return "Hello, world!"

    return app


def rate(call, seconds: float) -> float:
    """Return how many times per second `call` completes (after a short warm-up)."""
    for _ in range(20):
        call()
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        call()
        count += 1
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time spent on each page")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as index_dir:
        app = create_app({"RATELIMIT_ENABLED": False, "LAW_LOADING": "strict", "LAW_RELOAD": False, "SEARCH_INDEX_DIR": index_dir})
        client = app.test_client()
        hello = hello_world().test_client()

        def check(response):
            assert response.status_code == 200, response.status_code
            response.close()

        baseline = rate(lambda: check(hello.get("/")), args.seconds)

        def redirected(response):
            assert response.status_code == 303, response.status_code
            response.close()

        pages = {
            # The app's floor for a questionnaire POST: form parsing, language, headers; no page.
            "start over (POST, redirect only)": lambda: redirected(client.post("/questions/start-over", data=ASSESS_FORM)),
            "home page": lambda: check(client.get("/")),
            "jurisdiction page (us-ca)": lambda: check(client.get("/jurisdictions/us-ca")),
            "search (POST 'revenge porn')": lambda: check(client.post("/search", data={"q": "revenge porn"})),
            "assessment (POST results, CA)": lambda: check(client.post("/questions/results", data=ASSESS_FORM)),
        }
        print(f"{'hello world (baseline)':<34} {baseline:9.1f} req/s")
        for name, call in pages.items():
            value = rate(call, args.seconds)
            print(f"{name:<34} {value:9.1f} req/s   {100 * value / baseline:5.1f}% of hello world")


if __name__ == "__main__":
    main()
