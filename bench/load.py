"""Load test: gunicorn on 127.0.0.1 under a mixed workload, bounded in time. Prints figures.

Starts `gunicorn -c deploy/gunicorn.conf.py` on a free port (rate limits off: every simulated
client shares one address here), drives it with N concurrent clients, each on its own keep-alive
connection, picking home / browse / law page / search / assessment by weight, for D seconds, then
prints throughput, p50/p95/p99 latency and the error count (non-2xx answers and failed requests).

    .venv/bin/python bench/load.py --clients 50 --duration 60     # the documented full run
    .venv/bin/python bench/load.py --clients 10 --duration 5      # the shortened run in `make test`
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import ASSESS_FORM  # noqa: E402

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# (name, weight, method, path, body): what people do most often weighs most.
WORKLOAD = [
    ("home", 20, "GET", "/", None),
    ("browse", 15, "GET", "/jurisdictions/us-ca", None),
    ("law page", 20, "GET", "/laws/us-tx-stalking", None),
    ("search", 25, "POST", "/search", urlencode({"q": "someone tracking my phone"})),
    ("assessment", 20, "POST", "/questions/results", urlencode(ASSESS_FORM)),
]


@dataclass
class Tally:
    """What one client saw: latencies in seconds, and errors by kind."""

    latencies: list[float] = field(default_factory=list)
    by_page: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    port: int,
    workers: int,
    index_dir: str,
    log,
    app: str = "app:serving_app()",
    options: tuple[str, ...] = (),
    environment: dict[str, str] | None = None,
) -> subprocess.Popen:
    """Build the index, then start gunicorn serving `app` (a gunicorn app spec) with the production
    settings (command-line `options` and `environment` override them), writing to `log` (a binary
    file); return once it answers."""
    env = {
        **os.environ,
        "LAWGUIDE_BIND": f"127.0.0.1:{port}",
        "LAWGUIDE_WORKERS": str(workers),
        "LAWGUIDE_RATELIMIT_ENABLED": "false",
        "LAWGUIDE_SEARCH_INDEX_DIR": index_dir,
        "LAWGUIDE_LOG_LEVEL": "warning",
        **(environment or {}),
    }
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "flask"), "--app", "app", "search", "build"], cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [str(bin_dir / "gunicorn"), "--config", "deploy/gunicorn.conf.py", *options, app], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn exited:\n{log.read().decode(errors='replace')[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                connection.request("GET", "/")
                if connection.getresponse().status == 200:
                    return server
            finally:
                connection.close()
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer within 60 s")


def client(port: int, stop_at: float, seed: int, tally: Tally) -> None:
    """One simulated person: keep-alive connection, weighted random pages until the deadline."""
    rng = random.Random(seed)
    weights = [w for _, w, *_ in WORKLOAD]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < stop_at:
        name, _, method, path, body = rng.choices(WORKLOAD, weights)[0]
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=FORM if body else {})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            if not 200 <= response.status < 300:
                tally.errors[f"HTTP {response.status} on {name}"] = tally.errors.get(f"HTTP {response.status} on {name}", 0) + 1
            tally.latencies.append(elapsed)
            tally.by_page.setdefault(name, []).append(elapsed)
        except (OSError, http.client.HTTPException) as error:
            key = f"{type(error).__name__} on {name}"
            tally.errors[key] = tally.errors.get(key, 0) + 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def run(clients: int, duration: float, workers: int) -> dict:
    """Run the load test and return its figures (also used by the test suite)."""
    port = free_port()
    with tempfile.TemporaryDirectory() as index_dir, tempfile.TemporaryFile() as log:
        server = start_server(port, workers, index_dir, log)
        try:
            tallies = [Tally() for _ in range(clients)]
            stop_at = time.monotonic() + duration
            threads = [threading.Thread(target=client, args=(port, stop_at, i, tallies[i])) for i in range(clients)]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=duration + 60)
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    latencies = [x for t in tallies for x in t.latencies]
    errors: dict[str, int] = {}
    by_page: dict[str, list[float]] = {}
    for tally in tallies:
        for key, count in tally.errors.items():
            errors[key] = errors.get(key, 0) + count
        for name, values in tally.by_page.items():
            by_page.setdefault(name, []).extend(values)
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "throughput": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": 1000 * percentile(latencies, 0.50),
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "p99_ms": 1000 * percentile(latencies, 0.99),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "by_page": {name: (len(v), 1000 * statistics.median(v), 1000 * percentile(v, 0.99)) for name, v in sorted(by_page.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--workers", type=int, default=min(2 * (os.cpu_count() or 1) + 1, 8))
    args = parser.parse_args()
    print(f"Load test: {args.clients} clients for {args.duration:.0f} s against gunicorn ({args.workers} workers) on 127.0.0.1")
    figures = run(args.clients, args.duration, args.workers)
    print(f"  requests      {figures['requests']}")
    print(f"  throughput    {figures['throughput']:.1f} requests/s")
    print(f"  latency p50   {figures['p50_ms']:.1f} ms")
    print(f"  latency p95   {figures['p95_ms']:.1f} ms")
    print(f"  latency p99   {figures['p99_ms']:.1f} ms")
    print(f"  errors        {figures['errors']}")
    for kind, count in sorted(figures["error_kinds"].items()):
        print(f"    {count} x {kind}")
    print("  by page (requests, median ms, p99 ms):")
    for name, (count, median, p99) in figures["by_page"].items():
        print(f"    {name:<12} {count:>7}  {median:7.1f}  {p99:7.1f}")
    sys.exit(1 if figures["errors"] else 0)


if __name__ == "__main__":
    main()
