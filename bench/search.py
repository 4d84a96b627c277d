"""Search benchmark: index build time and query latency (median, p95) on the real data and on a
synthetic corpus of 10,000 laws made here. Prints figures; asserts nothing.

    .venv/bin/python bench/search.py            # real data and 10,000 synthetic laws
    .venv/bin/python bench/search.py --laws 2000 # a smaller synthetic corpus
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.knowledge import KnowledgeBase  # noqa: E402
from kb.loader import load  # noqa: E402
from search import build_index, open_index, search  # noqa: E402

QUERIES = [
    "646.9",
    "2261A",
    "42.072",
    "stalking",
    "harassment",
    "cyberstalking",
    "doxxing",
    "revenge porn",
    "someone tracking my phone",
    "protective order",
    "restraining order for my ex",
    '"credible threat"',
    "threatening text messages",
    "fake profile impersonation",
    "spyware on my phone",
    "sextortion",
    "stalkng",
    "emotional distress",
    "following me home",
    "posted my address online",
    "dating violence order",
    "intimate images deepfake",
    "harassing phone calls",
    "course of conduct",
    "california stalking",
    "texas harassment",
    "new york aggravated harassment",
    "gps tracker car",
    "threats to share nude photos",
    "no contact order",
]


def progress_bar(done: int, total: int) -> None:
    """Draw a one-line progress bar in the terminal (redrawn when the percentage changes)."""
    if done != total and (100 * done) // total == (100 * (done - 1)) // total:
        return
    width = 40
    filled = int(width * done / total)
    sys.stdout.write(f"\r  building [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stdout.write("\n")
    sys.stdout.flush()


def synthetic_kb(real: KnowledgeBase, count: int, seed: int = 7) -> KnowledgeBase:
    """Make `count` laws from the real ones: new ids, citations and places, shuffled summaries."""
    rng = random.Random(seed)
    laws = list(real.laws.values())
    jurisdictions = {}
    per_place = 50
    for place in range((count + per_place - 1) // per_place):
        jid = f"zz-p{place:03d}"
        made = []
        for n in range(min(per_place, count - place * per_place)):
            base = rng.choice(laws)
            words = base.summary.split()
            rng.shuffle(words)
            made.append(
                replace(
                    base,
                    id=f"{jid}-law{n:02d}",
                    jurisdiction_id=jid,
                    citation=f"Synthetic Code § {place}.{n:03d}",
                    summary=" ".join(words),
                )
            )
        template = next(iter(real.jurisdictions.values()))
        jurisdictions[jid] = replace(
            template, id=jid, name=f"Synthetic place {place}", country="zz", parent=None, laws=tuple(made), resources=()
        )
    return KnowledgeBase(jurisdictions, version=f"synthetic-{count}-{seed}")


def measure(kb: KnowledgeBase, label: str, rounds: int, show_progress: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        build_index(kb, Path(folder), progress_bar if show_progress else None)
        build_seconds = time.perf_counter() - started
        ix = open_index(kb, Path(folder))
        for query in QUERIES:  # warm the caches once
            search(ix, query)
        timings = []
        for _ in range(rounds):
            for query in QUERIES:
                started = time.perf_counter()
                search(ix, query)
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(
            f"{label:<22} laws={len(kb.laws):>6}  build={build_seconds:7.2f} s  "
            f"query median={statistics.median(timings):6.2f} ms  p95={p95:6.2f} ms  ({len(timings)} queries)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=int, default=10_000, help="size of the synthetic corpus")
    parser.add_argument("--rounds", type=int, default=10, help="times the query set is run")
    args = parser.parse_args()
    real = load().kb
    measure(real, "real data", args.rounds, show_progress=False)
    print(f"making a synthetic corpus of {args.laws} laws")
    measure(synthetic_kb(real, args.laws), "synthetic", max(1, args.rounds // 2), show_progress=True)


if __name__ == "__main__":
    main()
