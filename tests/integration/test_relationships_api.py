"""Every relationship type of DOMAIN.md through the API, against a real Neo4j."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.domain.relationships import ENDPOINTS
from tests.integration.samples import ENDS, SECOND_END

PROBLEM = "application/problem+json"

#: Type-specific properties worth round-tripping.
PROPERTIES: dict[RelationshipType, dict[str, Any]] = {
    RelationshipType.COOPERATES_WITH: {
        "kind": "historical",
        "modes": ["mecenat", "societal_innovation"],
        "strength": 3,
        "formality": "formal",
    },
    RelationshipType.FUNDS: {"amount": 120000.0, "currency": "EUR", "instrument": "subvention"},
    RelationshipType.MEMBER_OF: {"board_seat": True},
    RelationshipType.OPPOSES: {
        "kind": "power_relation",
        "intensity": 3,
        "resolved_at": "2015-06-01",
    },
    RelationshipType.ANCHORED_IN: {"primary": True},
    RelationshipType.WORKS_IN: {"role": "délégué", "unit": "direction RSE"},
    RelationshipType.SUPPORTS: {"stance": "sympathetic", "last_verified": "2026-01-15"},
    RelationshipType.PARTICIPATES_IN: {
        "role": "rotating_chair",
        "seats": 2,
        "decision_power": "vote",
    },
    RelationshipType.SUCCEEDED_BY: {"condition": "fin du financement"},
    RelationshipType.TAKES_PART_IN: {"role": "lead"},
    RelationshipType.LINKED_TO: {"kind": "double_space"},
}
PROVENANCE = {
    "source": "002_7f76860180fe7761.txt",
    "source_ref": "002:652",
    "confidence": 0.9,
    "recorded_by": "tests",
}


def _ends(client: TestClient, rel_type: RelationshipType) -> tuple[str, str]:
    """Create a valid source and target for ``rel_type`` and return their ids."""
    ends = ENDPOINTS[rel_type]
    source_label = sorted(ends.sources)[0]
    target_label = source_label if ends.same_label else sorted(ends.targets)[0]
    source_path, source = ENDS[source_label]
    response = client.post(f"/api/v1/{source_path}", json=source)
    assert response.status_code == 201, response.text
    if target_label is NodeLabel.SDG:
        return source["id"], "sdg-2"  # SDGs are seeded by the schema
    target_path, target = (SECOND_END if target_label == source_label else ENDS)[target_label]
    response = client.post(f"/api/v1/{target_path}", json=target)
    assert response.status_code == 201, response.text
    return source["id"], target["id"]


@pytest.mark.parametrize("rel_type", list(RelationshipType))
def test_every_type_round_trips(client: TestClient, rel_type: RelationshipType) -> None:
    from_id, to_id = _ends(client, rel_type)
    body = {
        "type": rel_type.value,
        "from_id": from_id,
        "to_id": to_id,
        "valid_from": "2013-01-01",
        **PROVENANCE,
        **PROPERTIES.get(rel_type, {}),
    }
    created = client.post("/api/v1/relationships", json=body)
    assert created.status_code == 201, created.text
    rel_id = created.json()["id"]

    read = client.get(f"/api/v1/relationships/{rel_id}")
    assert read.status_code == 200
    for key, value in body.items():
        if key != "recorded_by":
            assert read.json()[key] == value, key
    # Who recorded it is the key's account, whatever the client claims.
    me = client.get("/api/v1/me").json()["name"]
    assert read.json()["recorded_by"] == me != PROVENANCE["recorded_by"]
    assert read.json()["recorded_at"]

    changed = client.patch(f"/api/v1/relationships/{rel_id}", json={"valid_to": "2016-12-31"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["valid_to"] == "2016-12-31"

    listed = client.get("/api/v1/relationships", params={"types": [rel_type.value]})
    assert [item["id"] for item in listed.json()["items"]] == [rel_id]

    assert client.delete(f"/api/v1/relationships/{rel_id}").status_code == 204
    assert client.get(f"/api/v1/relationships/{rel_id}").status_code == 404


def _relationship_count(client: TestClient) -> int:
    return int(client.get("/api/v1/relationships").json()["total"])


def test_dangling_reference_is_422_naming_the_field(client: TestClient) -> None:
    from_id, _ = _ends(client, RelationshipType.COOPERATES_WITH)
    response = client.post(
        "/api/v1/relationships",
        json={"type": "COOPERATES_WITH", "from_id": from_id, "to_id": "ghost"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert [(e["field"], e["value"]) for e in response.json()["errors"]] == [("to_id", "ghost")]
    assert _relationship_count(client) == 0


def test_linked_to_references_are_checked_too(client: TestClient) -> None:
    from_id, to_id = _ends(client, RelationshipType.LINKED_TO)
    response = client.post(
        "/api/v1/relationships",
        json={
            "type": "LINKED_TO",
            "from_id": from_id,
            "to_id": to_id,
            "kind": "double_space",
            "operation": "no-such-operation",
            "issues": ["no-such-issue"],
        },
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"operation", "issues.0"}


def test_wrong_endpoint_labels_are_refused(client: TestClient) -> None:
    for label in (NodeLabel.ACTOR, NodeLabel.TERRITORY):
        path, body = ENDS[label]
        client.post(f"/api/v1/{path}", json=body)
    response = client.post(
        "/api/v1/relationships", json={"type": "COOPERATES_WITH", "from_id": "a-1", "to_id": "t-1"}
    )
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "type"
    assert "Territory" in error["message"]
    part_of_mixed = client.post(
        "/api/v1/relationships", json={"type": "PART_OF", "from_id": "t-1", "to_id": "a-1"}
    )
    assert part_of_mixed.status_code == 422
    assert _relationship_count(client) == 0


def test_period_and_enum_errors(client: TestClient) -> None:
    from_id, to_id = _ends(client, RelationshipType.COOPERATES_WITH)
    base = {"type": "COOPERATES_WITH", "from_id": from_id, "to_id": to_id}
    cases = {
        "valid_to": {"valid_from": "2020-01-01", "valid_to": "2019-01-01"},
        "kind": {"kind": "friendship"},
        "strength": {"strength": 5},
        "modes.0": {"modes": ["charity"]},
        "valid_from": {"valid_from": "01/02/2020"},
        "colour": {"colour": "red"},
    }
    for field, extra in cases.items():
        response = client.post("/api/v1/relationships", json={**base, **extra})
        assert response.status_code == 422, field
        assert [e["field"] for e in response.json()["errors"]] == [field]
    unknown_type = client.post("/api/v1/relationships", json={**base, "type": "LOVES"})
    assert unknown_type.status_code == 422
    assert unknown_type.json()["errors"][0]["field"] == "type"
    assert _relationship_count(client) == 0


def test_patch_checks_the_merged_period_and_fixed_fields(client: TestClient) -> None:
    from_id, to_id = _ends(client, RelationshipType.COOPERATES_WITH)
    rel = client.post(
        "/api/v1/relationships",
        json={
            "type": "COOPERATES_WITH",
            "from_id": from_id,
            "to_id": to_id,
            "valid_from": "2015-01-01",
        },
    ).json()
    bad = client.patch(f"/api/v1/relationships/{rel['id']}", json={"valid_to": "2014-01-01"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "valid_to"
    assert client.get(f"/api/v1/relationships/{rel['id']}").json()["valid_to"] is None
    moved = client.patch(f"/api/v1/relationships/{rel['id']}", json={"to_id": from_id})
    assert moved.status_code == 422
    removed = client.patch(f"/api/v1/relationships/{rel['id']}", json={"valid_from": None})
    assert removed.status_code == 200
    assert removed.json()["valid_from"] is None
    assert client.patch("/api/v1/relationships/nope", json={}).status_code == 404


def test_duplicate_relationship_id_is_409(client: TestClient) -> None:
    from_id, to_id = _ends(client, RelationshipType.KNOWS)
    body = {"type": "KNOWS", "from_id": from_id, "to_id": to_id, "id": "knows-1"}
    assert client.post("/api/v1/relationships", json=body).status_code == 201
    again = client.post("/api/v1/relationships", json=body)
    assert again.status_code == 409
    assert _relationship_count(client) == 1


def test_as_of_view_of_relationships(client: TestClient) -> None:
    from_id, to_id = _ends(client, RelationshipType.COOPERATES_WITH)
    periods = {
        "old": ("2000-01-01", "2009-12-31"),
        "current": ("2010-01-01", None),
        "open": (None, None),
    }
    for rel_id, (start, end) in periods.items():
        body = {
            "type": "COOPERATES_WITH",
            "from_id": from_id,
            "to_id": to_id,
            "id": rel_id,
            "valid_from": start,
            "valid_to": end,
        }
        assert (
            client.post(
                "/api/v1/relationships", json={k: v for k, v in body.items() if v is not None}
            ).status_code
            == 201
        )

    def valid_on(day: str) -> set[str]:
        items = client.get("/api/v1/relationships", params={"at": day}).json()["items"]
        return {item["id"] for item in items}

    assert valid_on("2005-06-01") == {"old", "open"}
    assert valid_on("2009-12-31") == {"old", "open"}  # valid_to is the last valid day
    assert valid_on("2024-01-01") == {"current", "open"}
    assert client.get("/api/v1/relationships", params={"at": "hier"}).status_code == 422


def test_relationship_filters_by_end(client: TestClient) -> None:
    from_id, to_id = _ends(client, RelationshipType.MEMBER_OF)
    client.post(
        "/api/v1/relationships", json={"type": "MEMBER_OF", "from_id": from_id, "to_id": to_id}
    )
    assert client.get("/api/v1/relationships", params={"from_id": from_id}).json()["total"] == 1
    assert client.get("/api/v1/relationships", params={"to_id": from_id}).json()["total"] == 0
    assert client.get("/api/v1/relationships", params={"node_id": to_id}).json()["total"] == 1


def test_types_endpoint_describes_every_type(client: TestClient) -> None:
    described = {item["type"] for item in client.get("/api/v1/relationships/types").json()}
    assert described == {t.value for t in RelationshipType}


def test_one_id_names_one_relationship_whatever_its_type(client: TestClient) -> None:
    from_id, to_id = _ends(client, RelationshipType.COOPERATES_WITH)
    first = {"type": "COOPERATES_WITH", "from_id": from_id, "to_id": to_id, "id": "same"}
    assert client.post("/api/v1/relationships", json=first).status_code == 201
    second = {"type": "OPPOSES", "from_id": from_id, "to_id": to_id, "id": "same"}
    assert client.post("/api/v1/relationships", json=second).status_code == 409
    assert client.get("/api/v1/relationships/same").json()["type"] == "COOPERATES_WITH"
