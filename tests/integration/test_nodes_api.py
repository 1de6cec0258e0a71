"""CRUD of every node resource through the API, against a real Neo4j."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.integration.samples import CHANGES, SAMPLES, count_nodes

RESOURCES = sorted(SAMPLES)
PROBLEM = "application/problem+json"


@pytest.mark.parametrize("path", RESOURCES)
def test_create_read_update_list_delete(client: TestClient, path: str) -> None:
    body = SAMPLES[path]
    created = client.post(f"/api/v1/{path}", json=body)
    assert created.status_code == 201, created.text
    assert created.json()["id"] == body["id"]
    assert created.json()["recorded_at"]

    read = client.get(f"/api/v1/{path}/{body['id']}")
    assert read.status_code == 200
    for key, value in body.items():
        assert read.json()[key] == value, key

    field, value = CHANGES[path]
    updated = client.patch(f"/api/v1/{path}/{body['id']}", json={field: value})
    assert updated.status_code == 200, updated.text
    assert updated.json()[field] == value
    assert client.get(f"/api/v1/{path}/{body['id']}").json()[field] == value

    listed = client.get(f"/api/v1/{path}")
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [body["id"]]
    assert listed.json()["total"] == 1

    deleted = client.delete(f"/api/v1/{path}/{body['id']}")
    assert deleted.status_code == 204
    gone = client.get(f"/api/v1/{path}/{body['id']}")
    assert gone.status_code == 404
    assert gone.headers["content-type"] == PROBLEM


@pytest.mark.parametrize("path", RESOURCES)
def test_duplicate_id_is_409_and_keeps_the_first(client: TestClient, path: str) -> None:
    body = SAMPLES[path]
    assert client.post(f"/api/v1/{path}", json=body).status_code == 201
    again = client.post(f"/api/v1/{path}", json={**body, "name": "Autre nom"})
    assert again.status_code == 409
    assert again.headers["content-type"] == PROBLEM
    assert body["id"] in again.json()["detail"]
    assert client.get(f"/api/v1/{path}/{body['id']}").json()["name"] == body["name"]


def test_ids_are_unique_across_labels(client: TestClient) -> None:
    assert client.post("/api/v1/actors", json=SAMPLES["actors"]).status_code == 201
    clash = client.post("/api/v1/issues", json={"id": SAMPLES["actors"]["id"], "name": "x"})
    assert clash.status_code == 409
    assert count_nodes(client, "issues") == 0


@pytest.mark.parametrize("path", RESOURCES)
def test_unknown_id_is_404_problem(client: TestClient, path: str) -> None:
    for response in (
        client.get(f"/api/v1/{path}/nobody"),
        client.patch(f"/api/v1/{path}/nobody", json={}),
        client.delete(f"/api/v1/{path}/nobody"),
    ):
        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
        assert "nobody" in response.json()["detail"]


def test_bad_actor_reports_every_field_and_writes_nothing(client: TestClient) -> None:
    response = client.post(
        "/api/v1/actors",
        json={"id": "Bad Id", "name": "", "sphere": "martian", "country": "XX", "nature": "ONG"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 422
    fields = {error["field"] for error in problem["errors"]}
    assert fields == {"id", "name", "sphere", "country", "nature"}
    sphere = next(e for e in problem["errors"] if e["field"] == "sphere")
    assert sphere["value"] == "martian"
    assert count_nodes(client, "actors") == 0


def test_unknown_property_is_refused(client: TestClient) -> None:
    response = client.post("/api/v1/actors", json={**SAMPLES["actors"], "colour": "red"})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["colour"]


def test_bad_date_is_422_naming_the_field(client: TestClient) -> None:
    response = client.post(
        "/api/v1/operations", json={**SAMPLES["operations"], "start_date": "2013-13-45"}
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["start_date"]
    assert count_nodes(client, "operations") == 0


def test_patch_is_validated_as_a_whole_and_leaves_node_unchanged(client: TestClient) -> None:
    client.post("/api/v1/operations", json=SAMPLES["operations"])
    response = client.patch("/api/v1/operations/caac", json={"end_date": "2010-01-01"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "end_date"
    assert client.get("/api/v1/operations/caac").json()["end_date"] == "2016-12-31"

    client.post("/api/v1/territories", json=SAMPLES["territories"])
    response = client.patch("/api/v1/territories/hauts-de-france", json={"lat": None})
    assert response.status_code == 422
    assert client.get("/api/v1/territories/hauts-de-france").json()["lat"] == 50.0


def test_patch_null_removes_an_optional_property(client: TestClient) -> None:
    client.post("/api/v1/actors", json=SAMPLES["actors"])
    response = client.patch("/api/v1/actors/grdr", json={"country": None})
    assert response.status_code == 200
    assert response.json()["country"] is None
    required = client.patch("/api/v1/actors/grdr", json={"name": None})
    assert required.status_code == 422
    assert required.json()["errors"][0]["field"] == "name"


def test_patch_cannot_change_the_id(client: TestClient) -> None:
    client.post("/api/v1/actors", json=SAMPLES["actors"])
    response = client.patch("/api/v1/actors/grdr", json={"id": "other"})
    assert response.status_code == 422
    assert client.get("/api/v1/actors/grdr").status_code == 200


def test_delete_refuses_while_relationships_remain_unless_forced(client: TestClient) -> None:
    client.post("/api/v1/actors", json=SAMPLES["actors"])
    client.post("/api/v1/territories", json=SAMPLES["territories"])
    tie = client.post(
        "/api/v1/relationships",
        json={"type": "ANCHORED_IN", "from_id": "grdr", "to_id": "hauts-de-france"},
    )
    assert tie.status_code == 201
    refused = client.delete("/api/v1/actors/grdr")
    assert refused.status_code == 409
    assert client.get("/api/v1/actors/grdr").status_code == 200
    assert client.get(f"/api/v1/relationships/{tie.json()['id']}").status_code == 200
    assert client.delete("/api/v1/actors/grdr", params={"force": True}).status_code == 204
    assert client.get(f"/api/v1/relationships/{tie.json()['id']}").status_code == 404


def test_a_platform_is_one_node_both_actor_and_framework(client: TestClient) -> None:
    cfsi = {
        "id": "cfsi",
        "name": "CFSI",
        "sphere": "multi",
        "nature": "plateforme",
        "country": "FR",
    }
    assert client.post("/api/v1/actors", json=cfsi).status_code == 201
    framework = client.post(
        "/api/v1/frameworks",
        json={
            "id": "cfsi",
            "name": "CFSI",
            "type": "platform",
            "level": "national",
            "is_actor": True,
        },
    )
    assert framework.status_code == 201, framework.text
    assert framework.json()["labels"] == ["Actor", "DialogueFramework"]
    assert client.get("/api/v1/actors/cfsi").json()["sphere"] == "multi"
    assert client.get("/api/v1/frameworks/cfsi").json()["type"] == "platform"
    assert count_nodes(client, "actors") == 1
    twice = client.post("/api/v1/frameworks", json={"id": "cfsi", "name": "CFSI", "is_actor": True})
    assert twice.status_code == 409
    missing = client.post(
        "/api/v1/frameworks", json={"id": "emdk", "name": "EMDK", "is_actor": True}
    )
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "id"


def test_sdgs_are_seeded_and_read_only(client: TestClient) -> None:
    sdgs = client.get("/api/v1/sdgs").json()
    assert [s["number"] for s in sdgs] == list(range(1, 18))
    assert client.get("/api/v1/sdgs/2").json()["name"] == "Faim « zéro »"
    assert client.get("/api/v1/sdgs/18").status_code == 422
    assert client.post("/api/v1/sdgs", json={"number": 18}).status_code == 405
