"""Hostile input to the JSON API: random bodies (hypothesis) and the OpenAPI document (schemathesis).

Whatever arrives, the answer is a 2xx, or a 4xx whose body names what is wrong: never a 500.
Set API_FUZZ_EXAMPLES to run longer than CI does (docs/benchmarks.md has the full run).
"""

from __future__ import annotations

import json
import os
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from search.query import QUERY_PATTERN

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "60"))
# The gate (`make test`) replays the same examples every run, so it never fails by chance; a run with
# API_FUZZ_EXAMPLES set explores new ones (docs/benchmarks.md).
EXPLORE = "API_FUZZ_EXAMPLES" in os.environ
FUZZ_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=not EXPLORE)

APP = create_app({"TESTING": True, "LAW_RELOAD": False, "SEARCH_BUILD_AT_START": False, "RATELIMIT_ENABLED": False})
CLIENT = APP.test_client()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4),
    max_leaves=12,
)
fact_names = st.sampled_from(["jurisdiction", "incidents", "threatened", "relationship", "other_jurisdiction", "minor", "nope", ""])


def _assert_clean_error(response) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    if response.status_code >= 400:
        error = response.get_json()["error"]
        assert error["message"] and error["status"] == response.status_code
        if response.status_code == 400:
            assert error.get("field"), error


@FUZZ_SETTINGS
@given(json_values)
def test_any_json_body_to_assess_is_answered_without_a_500(body):
    _assert_clean_error(CLIENT.post("/api/v1/assess", data=json.dumps(body), content_type="application/json"))


@FUZZ_SETTINGS
@given(
    st.fixed_dictionaries(
        {"jurisdiction": st.one_of(st.sampled_from(["us-ca", "us", "US-CA", "", "zz"]), json_values)},
        optional={"answers": st.dictionaries(fact_names, json_values, max_size=6)},
    )
)
def test_wrong_types_and_unknown_facts_name_the_field(body):
    response = CLIENT.post("/api/v1/assess", json=body)
    _assert_clean_error(response)


@FUZZ_SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", ""]))
def test_undecodable_bodies_are_refused_clearly(raw, content_type):
    _assert_clean_error(CLIENT.post("/api/v1/assess", data=raw, content_type=content_type))


@pytest.mark.parametrize("size, status", [(60_000, 400), (70_000, 413), (2_000_000, 413)])
def test_huge_strings_are_refused_with_a_clear_message(size, status):
    body = json.dumps({"jurisdiction": "us-ca", "answers": {"incidents": "x" * size}})
    response = CLIENT.post("/api/v1/assess", data=body, content_type="application/json")
    assert response.status_code == status
    _assert_clean_error(response)
    if status == 413:
        assert "at most 64 KB" in response.get_json()["error"]["message"]


@FUZZ_SETTINGS
@given(st.dictionaries(st.sampled_from(["q", "jurisdiction", "topic", "kind", "limit", "x"]), st.text(max_size=300), max_size=5))
def test_any_search_parameters_are_answered_without_a_500(params):
    _assert_clean_error(CLIENT.get("/api/v1/search", query_string=params))


SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)


@SCHEMA.parametrize()
@settings(max_examples=max(EXAMPLES // 2, 20), deadline=None, suppress_health_check=list(HealthCheck), derandomize=not EXPLORE)
def test_every_operation_conforms_to_the_openapi_document(case):
    case.call_and_validate()


@pytest.mark.parametrize("query", ["\x1c", "\x85", "\ufeff", " \t "])
def test_a_query_of_only_spaces_or_control_characters_is_refused_as_the_document_says(query):
    """Found by schemathesis: Python and JSON Schema disagree on what counts as white space."""
    response = CLIENT.get("/api/v1/search", query_string={"q": query})
    assert response.status_code == 400 and response.get_json()["error"]["field"] == "q"
    assert re.search(QUERY_PATTERN, query) is None  # the document refuses it too
