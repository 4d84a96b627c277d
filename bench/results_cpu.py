"""CPU time of the results page, in-process, part by part: the whole request (Flask's test client), a
start-over request (the floor of every questionnaire POST), the view, the assessment, the template,
the law cards and the "what you told us" list. Prints microseconds.

Each figure is the least CPU time (time.process_time) per call over many short rounds: on a shared,
loaded machine, wall-clock rates move by tens of percent between runs, and the quietest round is the
steadiest figure. To compare two versions, run this in a checkout of each, one after the other, a few
times.

    .venv/bin/python bench/results_cpu.py
    .venv/bin/python bench/results_cpu.py --rounds 40 --lang es
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from dataclasses import fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import before_render_template  # noqa: E402

from app import create_app  # noqa: E402
from bench.pages import ASSESS_FORM  # noqa: E402


def cpu_per_call(call, rounds: int, reps: int) -> float:
    """The least CPU time of one call, in microseconds, over `rounds` rounds of `reps` calls (after a warm-up)."""
    for _ in range(reps):
        call()
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(reps):
            call()
        best = min(best, (time.process_time() - started) / reps)
    return 1e6 * best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=25, help="rounds per figure (the least is kept)")
    parser.add_argument("--lang", default="en", help="the page's language")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as index_dir:
        app = create_app({"RATELIMIT_ENABLED": False, "LAW_LOADING": "strict", "LAW_RELOAD": False, "SEARCH_INDEX_DIR": index_dir})
        from web.pages import current_kb
        from web.questionnaire import _answer_rows, results
        from web.result_cards import known_results, render_cards
        from wizard.assess import assess
        from wizard.flow import effective_answers, load_flow

        form = {**ASSESS_FORM, "lang": args.lang}
        client = app.test_client()
        figures = {
            "request: results (test client)": cpu_per_call(lambda: client.post("/questions/results", data=form).close(), args.rounds, 50),
            "request: start over (the floor)": cpu_per_call(
                lambda: client.post("/questions/start-over", data=form).close(), args.rounds, 100
            ),
        }
        rendered: dict = {}

        def keep(_app, template, context, **_extra) -> None:
            rendered.update(template=template, context=dict(context))

        before_render_template.connect(keep, app, weak=False)
        with app.test_request_context("/questions/results", method="POST", data=form):
            app.preprocess_request()
            results()
            kb, flow = current_kb(), load_flow()
            answers = effective_answers(kb, {key[2:]: value for key, value in ASSESS_FORM.items() if key.startswith("a_")})
            known, groups = known_results(), rendered["context"]["groups"]
            sections = [getattr(groups, field.name) for field in fields(groups) if getattr(groups, field.name)]
            figures["view: results()"] = cpu_per_call(results, args.rounds, 50)
            figures["  assess()"] = cpu_per_call(lambda: assess(kb, answers["jurisdiction"], answers, known), args.rounds, 100)
            figures["  template"] = cpu_per_call(lambda: rendered["template"].render(rendered["context"]), args.rounds, 50)
            figures["    law cards"] = cpu_per_call(lambda: [render_cards(section) for section in sections], args.rounds, 100)
            figures['  "what you told us" rows'] = cpu_per_call(lambda: _answer_rows(flow, kb, answers), args.rounds, 200)
    for name, value in figures.items():
        print(f"{name:<34} {value:8.1f} us")


if __name__ == "__main__":
    main()
