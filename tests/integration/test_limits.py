"""Request size limits (#11): a body or an upload over the settings is a 413,
refused before it is read, whether it declares its length or comes in chunks."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from graph_service.api.app import create_app
from graph_service.domain.access import Role
from graph_service.repositories.database import Database
from tests.integration.conftest import api_settings, issue_key


def _small_limits(database: Database) -> TestClient:
    settings = api_settings(MAILLAGE_MAX_BODY_MB=0.01, MAILLAGE_MAX_UPLOAD_MB=0.05)
    client = TestClient(create_app(settings, database=database), raise_server_exceptions=False)
    client.headers["Authorization"] = f"Bearer {issue_key(database, Role.ADMIN)}"
    return client


def test_a_large_body_is_413_and_nothing_written(clean_database: Database) -> None:
    client = _small_limits(clean_database)
    body = {"id": "grdr", "name": "GRDR", "sphere": "civil_society", "description": "x" * 20_000}
    response = client.post("/api/v1/actors", json=body)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert "maillage import" in response.json()["detail"]
    english = client.post("/api/v1/actors", json=body, headers={"Accept-Language": "en"})
    assert english.json()["title"] == "Request too large"
    assert client.get("/api/v1/actors/grdr").status_code == 404
    small = {"id": "grdr", "name": "GRDR", "sphere": "civil_society"}
    assert client.post("/api/v1/actors", json=small).status_code == 201


def test_a_large_upload_is_413(clean_database: Database) -> None:
    client = _small_limits(clean_database)
    big = b'{"format": "maillage", "nodes": []' + b" " * 100_000 + b"}"
    response = client.post("/api/v1/imports", files={"file": ("big.json", big)})
    assert response.status_code == 413


def test_a_chunked_body_is_cut_at_the_limit(clean_database: Database) -> None:
    client = _small_limits(clean_database)

    def chunks() -> Iterator[bytes]:
        yield b'{"id": "grdr", "name": "GRDR", "sphere": "civil_society", "description": "'
        for _ in range(50):
            yield b"x" * 1000
        yield b'"}'

    response = client.post(
        "/api/v1/actors", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert client.get("/api/v1/actors/grdr").status_code == 404


SLOW = "UNWIND range(1, 200000000) AS i WITH i WHERE i % 7 = 99 RETURN count(*) AS n"


def test_every_query_has_a_time_limit_the_server_enforces(clean_database: Database) -> None:
    """Reads and writes alike: past MAILLAGE_QUERY_TIMEOUT_SECONDS the server stops
    the transaction (nothing written) and the service answers 503, never hangs."""
    import time

    import pytest

    from graph_service.errors import QueryTimeoutError

    bounded = Database(clean_database.connection, 5.0, query_timeout_seconds=0.5)
    try:
        started = time.monotonic()
        with pytest.raises(QueryTimeoutError) as caught:
            bounded.read(lambda tx: tx.run(SLOW).single())
        assert time.monotonic() - started < 10
        assert caught.value.status_code == 503 and "0.5 s" in str(caught.value)
        with pytest.raises(QueryTimeoutError):
            bounded.write(
                lambda tx: tx.run(
                    "CREATE (:Entity:Actor {id: 'late'}) WITH 1 AS x " + SLOW
                ).single()
            )
        assert bounded.read(lambda tx: tx.run("MATCH (n {id: 'late'}) RETURN n").single()) is None
        # An API on that database still answers what fits in the limit.
        settings = api_settings()
        app = create_app(settings, database=bounded)
        with TestClient(app, raise_server_exceptions=False) as client:
            client.headers["Authorization"] = f"Bearer {issue_key(clean_database, Role.ADMIN)}"
            assert client.get("/api/v1/actors").status_code == 200
    finally:
        bounded.close()


def test_a_client_past_its_rate_gets_429_and_others_do_not(clean_database: Database) -> None:
    app = create_app(api_settings(MAILLAGE_RATE_LIMIT_PER_MINUTE=5), database=clean_database)
    with TestClient(app, raise_server_exceptions=False) as client:
        busy = {"Authorization": f"Bearer {issue_key(clean_database, Role.VIEWER)}"}
        calm = {"Authorization": f"Bearer {issue_key(clean_database, Role.VIEWER)}"}
        answers = [client.get("/api/v1/actors", headers=busy).status_code for _ in range(6)]
        assert answers == [200] * 5 + [429]
        refused = client.get("/api/v1/actors", headers=busy)
        assert refused.headers["content-type"] == "application/problem+json"
        assert 1 <= int(refused.headers["Retry-After"]) <= 12
        assert "5" in refused.json()["detail"]
        assert client.get("/api/v1/actors", headers=calm).status_code == 200
        assert client.get("/healthz").status_code == 200  # never limited
