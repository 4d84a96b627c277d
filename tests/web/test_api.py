"""The read API: every response matches the OpenAPI document; errors are JSON that say what to do."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from web.openapi import openapi_document


def _validate(instance, component: str) -> None:
    document = openapi_document()
    schema = {"$ref": f"#/components/schemas/{component}", "components": document["components"]}
    Draft202012Validator(schema).validate(instance)


def _response_schema_ref(path: str, status: str) -> str:
    content = openapi_document()["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    return content.get("$ref", "").rsplit("/", 1)[-1]


def test_openapi_document_is_openapi_3(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) >= {"/api/v1/jurisdictions", "/api/v1/jurisdictions/{jurisdiction_id}", "/api/v1/laws/{law_id}"}


def test_jurisdiction_list_matches_schema(client):
    body = client.get("/api/v1/jurisdictions").get_json()
    schema = openapi_document()["paths"]["/api/v1/jurisdictions"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    Draft202012Validator({**schema, "components": openapi_document()["components"]}).validate(body)
    assert [j["id"] for j in body["jurisdictions"]] == ["us", "us-ca"]
    assert body["jurisdictions"][1]["law_count"] == 4


def test_jurisdiction_matches_schema_and_lists_parent_laws(client):
    body = client.get("/api/v1/jurisdictions/us-ca").get_json()
    _validate(body, _response_schema_ref("/api/v1/jurisdictions/{jurisdiction_id}", "200"))
    assert body["also_applies"] == ["us-interstate-stalking"]
    ids = [law["id"] for law in body["laws"]]
    assert ids == ["us-ca-stalking", "us-ca-restraining-order", "us-ca-intimate-images", "us-ca-annoying-communications"]


def test_law_matches_schema_with_structured_and_plain_elements(client):
    body = client.get("/api/v1/laws/us-ca-stalking").get_json()
    _validate(body, _response_schema_ref("/api/v1/laws/{law_id}", "200"))
    assert body["citation"] == "Cal. Penal Code § 646.9"
    assert body["elements"]["conduct"] == "pattern" and body["elements"]["credible_threat"] is True
    assert {"element": "conduct", "name": "How many incidents", "text": "Needs a pattern: 2 or more acts.", "unconfirmed": False} in body[
        "elements_in_words"
    ]
    assert body["confirmed"] is False and body["unconfirmed"][0]["field"] == "penalty.detail"


@pytest.mark.parametrize("url", ["/api/v1/laws/nope", "/api/v1/jurisdictions/zz"])
def test_unknown_ids_are_json_404s_that_say_where_to_look(client, url):
    response = client.get(url)
    assert response.status_code == 404
    body = response.get_json()
    _validate(body, "Error")
    assert "GET /api/v1/" in body["error"]["message"]


def test_ids_are_case_insensitive(client):
    assert client.get("/api/v1/laws/US-CA-STALKING").status_code == 200


def test_unknown_api_path_is_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.is_json


def test_wrong_method_is_json_405(client):
    response = client.post("/api/v1/laws/us-ca-stalking")
    assert response.status_code == 405 and response.get_json()["error"]["status"] == 405


def test_schema_endpoint_serves_the_law_file_schema(client):
    schema = client.get("/api/v1/schema.json").get_json()
    assert schema["$defs"]["elements"]["properties"]["conduct"]["enum"] == ["pattern", "single", "either"]
