"""Concurrent edits against a real Neo4j (#11): no lost update with If-Match, no
invalid record from two valid patches, and 412 for a stale version."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.domain.relationships import relationship_adapter
from graph_service.domain.resources import NODE_RESOURCES
from graph_service.errors import ConflictError, PreconditionFailedError, ValidationProblem
from graph_service.repositories.database import Database
from graph_service.services import transfer
from graph_service.services.nodes import NodeService
from graph_service.services.relationships import RelationshipService
from graph_service.services.validation import etag_of
from tests.callers import OPERATOR

ACTORS = next(r for r in NODE_RESOURCES if r.path == "actors")


def _actor(client: TestClient, id: str) -> None:
    body = {"id": id, "name": id.upper(), "sphere": "civil_society"}
    assert client.post("/api/v1/actors", json=body).status_code == 201


def test_twenty_clients_appending_an_alias_lose_none_with_if_match(
    client: TestClient, clean_database: Database
) -> None:
    _actor(client, "grdr")
    service = NodeService(clean_database, ACTORS, OPERATOR)

    def append(number: int) -> int:
        attempts = 0
        while True:  # read, add mine, write only if nobody wrote in between
            attempts += 1
            current = service.get("grdr")
            aliases = [*current.get("aliases", []), f"alias-{number}"]
            try:
                service.update("grdr", {"aliases": aliases}, if_match=etag_of(current))
                return attempts
            except PreconditionFailedError:
                continue

    with ThreadPoolExecutor(max_workers=20) as pool:
        attempts = list(pool.map(append, range(20)))
    stored = service.get("grdr")["aliases"]
    assert sorted(stored) == sorted(f"alias-{n}" for n in range(20))
    assert max(attempts) >= 1


def test_a_stale_if_match_is_a_412_through_the_api(client: TestClient) -> None:
    _actor(client, "essor")
    read = client.get("/api/v1/actors/essor")
    etag = read.headers["etag"]
    first = client.patch(
        "/api/v1/actors/essor", json={"name": "ESSOR Tchad"}, headers={"If-Match": etag}
    )
    assert first.status_code == 200 and first.headers["etag"] != etag
    stale = client.patch("/api/v1/actors/essor", json={"name": "Essor"}, headers={"If-Match": etag})
    assert stale.status_code == 412 and stale.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/actors/essor").json()["name"] == "ESSOR Tchad"


def test_two_valid_date_patches_never_store_an_invalid_period(
    client: TestClient, clean_database: Database
) -> None:
    _actor(client, "a")
    _actor(client, "b")
    service = RelationshipService(clean_database, OPERATOR)
    invalid = 0
    for trial in range(15):
        tie = service.create(
            relationship_adapter.validate_python(
                {
                    "type": "COOPERATES_WITH",
                    "from_id": "a",
                    "to_id": "b",
                    "id": f"tie-{trial}",
                    "valid_from": "2018-01-01",
                    "valid_to": "2021-01-01",
                }
            )
        )

        def patch(change: dict[str, Any], id: str = tie["id"]) -> str:
            try:
                service.update(id, change)
                return "written"
            except ValidationProblem:
                return "refused"

        with ThreadPoolExecutor(max_workers=2) as pool:
            outcomes = list(
                pool.map(patch, [{"valid_from": "2020-01-01"}, {"valid_to": "2019-01-01"}])
            )
        stored = service.get(tie["id"])
        invalid += str(stored["valid_to"]) < str(stored["valid_from"])
        assert "written" in outcomes
    assert invalid == 0


# --- an import whose plan is overtaken -------------------------------------------------


def _import_file(folder: Path, count: int) -> Path:
    path = folder / "actors.json"
    nodes = [
        {
            "labels": ["Actor"],
            "properties": {"id": f"actor-{n}", "name": f"Acteur {n}", "sphere": "civil_society"},
        }
        for n in range(count)
    ]
    relationships = [
        {"type": "COOPERATES_WITH", "from": f"actor-{n}", "to": f"actor-{n + 1}", "properties": {}}
        for n in range(count - 1)
    ]
    document = {"format": "maillage", "version": 1, "nodes": nodes}
    document["relationships"] = relationships
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("stepped", [False, True], ids=["one transaction", "committed steps"])
def test_an_actor_created_between_the_plan_and_the_writes_fails_the_import_never_merges(
    clean_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stepped: bool
) -> None:
    """The plan says which rows are new, and those are created without a lookup:
    an actor someone else creates meanwhile under the same id is a conflict, the
    import writes nothing, and the other writer's actors stay as written.  In
    committed steps of 20, the first step is written, the second (actor-37) is
    refused, and the undo deletes the first only: not the refused step's ids, nor
    those of the step it never reached (actor-45)."""
    if stepped:
        monkeypatch.setattr(transfer, "SINGLE_TRANSACTION_ROWS", 10)
        monkeypatch.setattr(transfer, "STEP_ROWS", 20)
    planned = transfer.TransferService._validated

    def overtaken(self: transfer.TransferService, *args: Any) -> Any:
        found = planned(self, *args)
        for id in ("actor-37", "actor-45"):
            NodeService(clean_database, ACTORS, OPERATOR).create(
                ACTORS.create.model_validate(
                    {"id": id, "name": "Créé entre-temps", "sphere": "civil_society"}
                )
            )
        return found

    monkeypatch.setattr(transfer.TransferService, "_validated", overtaken)
    with pytest.raises(ConflictError):
        transfer.TransferService(clean_database, OPERATOR, tmp_path / "work").import_file(
            _import_file(tmp_path, 50)
        )
    records, _, _ = clean_database.driver.execute_query(
        "MATCH (a:Actor) RETURN a.id AS id, a.name AS name ORDER BY id"
    )
    assert [(r["id"], r["name"]) for r in records] == [
        ("actor-37", "Créé entre-temps"),
        ("actor-45", "Créé entre-temps"),
    ]
    ties, _, _ = clean_database.driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    assert ties[0]["n"] == 0
