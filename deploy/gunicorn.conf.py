"""Gunicorn settings for `make serve`: several stateless workers, no access log, bounded requests.

Each worker loads the law files itself (no preload), so `kill -HUP <master pid>` after updating
the files replaces workers one by one with the new data and no dropped request. The search index
for the data is built before the server starts (`flask search build`), so workers open it and do
not build it. Every value can be overridden from the environment, as named below.
"""

import multiprocessing
import os

bind = os.environ.get("LAWGUIDE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("LAWGUIDE_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("LAWGUIDE_THREADS", 2))
worker_class = "gthread"
# A request that takes longer than this is abandoned and its worker replaced.
timeout = int(os.environ.get("LAWGUIDE_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Bounds on what a client may send before the app sees it (the app limits bodies to 64 KB).
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
# No access log: request lines can carry a search query. Errors go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LAWGUIDE_LOG_LEVEL", "info")
preload_app = False
# Replace each worker after this many requests (with jitter), bounding any slow leak.
max_requests = 5000
max_requests_jitter = 500
