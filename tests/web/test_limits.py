"""Rate limits: clients told apart by address (IPv6 by /64), counters in the configured store,
shared between processes when that store is shared (a real Redis when redis-server is installed)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

from web.limits import counted_address


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe", True),  # one /64: one client
        ("2001:db8:1:2::1", "2001:db8:1:3::1", False),
        ("203.0.113.5", "203.0.113.6", False),  # IPv4: each address
        ("::ffff:203.0.113.5", "203.0.113.5", True),  # the same IPv4 client, written as IPv6
        ("fe80::1%eth0", "fe80::2%eth1", True),
    ],
)
def test_clients_are_counted_by_address_and_ipv6_by_64(first, second, same):
    assert (counted_address(first) == counted_address(second)) is same


def test_a_client_rotating_addresses_in_its_64_is_limited(law_dir, make_app):
    client = make_app(law_dir, RATELIMIT_API_AND_SEARCH="5 per minute").test_client()
    statuses = [client.get("/api/v1/jurisdictions", environ_base={"REMOTE_ADDR": f"2001:db8:5:6::{n:x}"}).status_code for n in range(1, 9)]
    assert statuses.count(429) == 3
    other = client.get("/api/v1/jurisdictions", environ_base={"REMOTE_ADDR": "2001:db8:5:7::1"})
    assert other.status_code == 200


def test_the_configured_storage_reaches_flask_limiter(law_dir, make_app):
    pytest.importorskip("redis")
    from limits.storage import RedisStorage

    app = make_app(law_dir, RATELIMIT_STORAGE_URI="redis://127.0.0.1:6390/3")
    (limiter,) = app.extensions["limiter"]
    assert isinstance(limiter.storage, RedisStorage)
    settings = limiter.storage.storage.connection_pool.connection_kwargs
    assert (settings["host"], settings["port"], settings["db"]) == ("127.0.0.1", 6390, 3)


@pytest.fixture
def redis_url(tmp_path):
    """A private redis-server on a free loopback port (skipped when redis-server is not installed)."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (make test installs it when run as root)")
    pytest.importorskip("redis")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_two_processes_sharing_redis_share_one_limit(law_dir, make_app, redis_url):
    """Two apps stand for two workers (or two instances): with one store and one salt, one count."""
    settings = {"RATELIMIT_STORAGE_URI": redis_url, "RATELIMIT_KEY_SALT": "shared", "RATELIMIT_API_AND_SEARCH": "6 per minute"}
    workers = [make_app(law_dir, **settings).test_client() for _ in range(2)]
    statuses = [workers[n % 2].get("/api/v1/jurisdictions").status_code for n in range(10)]
    assert statuses == [200] * 6 + [429] * 4


def test_gunicorn_listens_on_loopback_unless_told_otherwise(monkeypatch):
    """Behind a proxy that sets X-Forwarded-For, no client may reach gunicorn directly."""
    import runpy
    from pathlib import Path

    monkeypatch.delenv("LAWGUIDE_BIND", raising=False)
    settings = runpy.run_path(str(Path(__file__).resolve().parent.parent.parent / "deploy" / "gunicorn.conf.py"))
    assert settings["bind"].startswith("127.0.0.1:")
    assert settings["preload_app"] is True and settings["control_socket_disable"] is True
