"""The cache of pieces written ahead: one data version at a time, built once per key."""

from __future__ import annotations

from types import SimpleNamespace

from web.versioned import VersionedCache


def test_a_value_is_built_once_per_key_and_version(app):
    cache, calls = VersionedCache(), []

    def build(word):
        return lambda: calls.append(word) or word

    first, second = SimpleNamespace(version="a"), SimpleNamespace(version="b")
    app.jinja_env.auto_reload = False
    with app.app_context():
        assert cache.get(first, "en", build("one")) == "one"
        assert cache.get(first, "en", build("two")) == "one"  # kept
        assert cache.get(second, "en", build("three")) == "three"  # a new version drops the old
        assert cache.kept() == {"en": "three"}
    assert calls == ["one", "three"]


def test_nothing_is_kept_while_templates_are_being_edited(app):
    cache = VersionedCache()
    app.jinja_env.auto_reload = True
    with app.app_context():
        assert cache.get(SimpleNamespace(version="a"), "en", lambda: "x") == "x"
        assert cache.kept() == {}
