"""POST /api/v1/assess and GET /api/v1/questions: shapes, the acceptance case, and clear 400s."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from web.openapi import openapi_document


@pytest.fixture
def api(real_app):
    return real_app.test_client()


def _validate(instance, component):
    document = openapi_document()
    Draft202012Validator({"$ref": f"#/components/schemas/{component}", "components": document["components"]}).validate(instance)


def test_single_threatening_message_in_california(api):
    body = {"jurisdiction": "us-ca", "answers": {"incidents": "one", "threatened": "yes", "contacted_directly": "yes"}}
    _validate(body, "AssessRequest")
    response = api.post("/api/v1/assess", json=body)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    data = response.get_json()
    _validate(data, "AssessResponse")
    results = {r["citation"]: r for r in data["results"]}
    stalking = results["Cal. Penal Code § 646.9"]
    assert stalking["status"] == "unlikely"
    conduct = [e for e in stalking["elements"] if e["element"] == "conduct"][0]
    assert conduct["status"] == "not_met" and "pattern" in conduct["reason"]
    assert results["Cal. Penal Code § 422"]["status"] in ("possible", "likely")


@pytest.mark.parametrize(
    "body, field, allowed_contains",
    [
        ({"jurisdiction": "us-ca", "answers": {"incidnts": "one"}}, "answers.incidnts", "incidents"),
        ({"jurisdiction": "us-ca", "answers": {"incidents": "twice"}}, "answers.incidents", "several"),
        ({"jurisdiction": "us-ca", "answers": {"relationship": 3}}, "answers.relationship", "stranger"),
        ({"jurisdiction": "xx-yy", "answers": {}}, "jurisdiction", "us-ca"),
        ({"answers": {}}, "jurisdiction", "us"),
        ({"jurisdiction": "us-ca", "answers": ["incidents"]}, "answers", None),
        ({"jurisdiction": "us-ca", "extra": 1}, "extra", "answers"),
        ({"jurisdiction": "us-ca", "answers": {"jurisdiction": "us-tx"}}, "answers.jurisdiction", None),
        ("not an object", "body", None),
    ],
)
def test_bad_input_gets_400_naming_the_field(api, body, field, allowed_contains):
    response = api.post("/api/v1/assess", json=body)
    assert response.status_code == 400
    error = response.get_json()["error"]
    _validate({"error": error}, "Error")
    assert error["field"] == field
    if allowed_contains:
        assert allowed_contains in error["allowed"]


def test_non_json_body_is_a_400(api):
    response = api.post("/api/v1/assess", data="incidents=one", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == "body"


def test_questions_endpoint_lists_facts_and_flow(api):
    data = api.get("/api/v1/questions").get_json()
    assert data["facts"]["incidents"]["values"] == {
        "one": "It happened once",
        "several": "It happened more than once",
        "unsure": "Not sure",
    }
    ids = [q["id"] for q in data["questions"]]
    assert ids[:2] == ["country", "region"] and "what_happened" in ids
    multi = [q for q in data["questions"] if q["id"] == "what_happened"][0]
    assert "threatened" in multi["sets"] and multi["is_fact"] is True


def test_openapi_lists_the_questionnaire_endpoints(api):
    paths = api.get("/api/v1/openapi.json").get_json()["paths"]
    assert "post" in paths["/api/v1/assess"] and "get" in paths["/api/v1/questions"]


def test_results_carry_each_path_with_its_status(client):
    """On the fixture data, § 653m has a one-message path and a repeated-calls path, judged apart."""
    response = client.post("/api/v1/assess", json={"jurisdiction": "us-ca", "answers": {"incidents": "one", "threatened": "yes"}})
    data = response.get_json()
    _validate(data, "AssessResponse")
    result = next(r for r in data["results"] if r["law_id"] == "us-ca-annoying-communications")
    assert [(p["id"], p["status"]) for p in result["paths"]] == [("threat", "likely"), ("repeated", "unlikely")]
    assert result["status"] == "likely" and result["elements"] == result["paths"][0]["elements"]
    assert result["paths"][1]["pinpoint"] == "(b)"


def test_a_law_carries_its_paths_evidence_and_text(client):
    law = client.get("/api/v1/laws/us-ca-annoying-communications").get_json()
    _validate(law, "Law")
    assert [p["id"] for p in law["paths"]] == ["threat", "repeated"]
    assert law["paths"][1]["evidence"]["intent"] == {"pinpoint": "(b)", "quote": "with intent to annoy or harass"}
    assert law["text"]["source_type"] == "reliable_copy" and law["text"]["complete"] is True
    assert law["text"]["sections"][0]["text"].startswith("(a) Every person who, with intent to annoy")
    assert law["anchored"] is True and law["confirmed"] is True
    plain = client.get("/api/v1/laws/us-ca-stalking").get_json()
    _validate(plain, "Law")
    assert len(plain["paths"]) == 1 and plain["paths"][0]["evidence"] == {} and plain["text"] is None
    assert plain["anchored"] is False


@pytest.mark.parametrize("how", [{"headers": {"Accept-Language": "es"}}, {"query_string": {"lang": "es"}}])
def test_the_questions_follow_the_readers_language(api, how):
    body = api.get("/api/v1/questions", **how).get_json()
    assert body["language"] == "es"
    incidents = next(q for q in body["questions"] if q["id"] == "incidents")
    assert incidents["text"].startswith("¿")
    assert incidents["answers"]["several"] != "More than once"
    english = api.get("/api/v1/questions").get_json()
    assert (
        english["language"] == "en"
        and next(q for q in english["questions"] if q["id"] == "incidents")["answers"]["several"] == "More than once"
    )
