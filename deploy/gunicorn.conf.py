"""Gunicorn settings for `make serve`: several stateless workers, no access log, bounded requests.

The app (`app:serving_app()`) is loaded once, in the master, before any worker is forked
(`preload_app`): the law files are validated strictly there, and a release whose files do not
validate never starts. Workers never read law files, so a file broken on disk later cannot stop a
recycled or crashed worker from booting: each new worker is a copy of the validated master.

`kill -HUP <master pid>` loads the files again in the master (`on_reload` below). If they do not
validate, every problem is logged and the new workers keep the data validated before. Releases are
new directories behind a symlink (see docs/deployment.md), not edits in place. Every value can be
overridden from the environment, as named below.
"""

import multiprocessing
import os

# Behind a reverse proxy on the same machine or a private network: never on a public address, or a
# client could reach gunicorn directly and choose its own X-Forwarded-For.
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
# Load (and validate) once in the master; workers are forked from it.
preload_app = True
# Replace each worker after this many requests (with jitter), bounding any slow leak.
max_requests = 5000
max_requests_jitter = 500
# No control socket: its default path is one per user ($XDG_RUNTIME_DIR/gunicorn.ctl), so two
# instances run by one user would share it, and either could be steered through the other's.
control_socket_disable = True


def on_reload(server):
    """HUP: load the law files again in the master; if they do not validate, keep the last validated app."""
    try:
        fresh = server.app.load()
    except Exception as error:  # InvalidLawData lists every problem with its file and line
        server.log.error("reload refused, the workers keep the data validated before: %s", error)
        return
    server.app.callable = fresh
    server.log.info("reload: the law files validated; new workers serve them")
