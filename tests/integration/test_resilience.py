"""Neo4j down gives 503 problems; the API recovers by itself when it is back."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient
from neo4j import ManagedTransaction

from graph_service.api.app import create_app
from graph_service.domain.access import Role
from graph_service.errors import DatabaseUnavailableError
from graph_service.repositories.database import ConnectionInfo, Database
from tests.integration.conftest import api_settings, issue_key
from tests.integration.tcp_proxy import TcpProxy


def _database_at(database: Database, uri: str, timeout_seconds: float) -> Database:
    """Another driver on the test server's database, through ``uri``."""
    found = database.connection
    return Database(
        ConnectionInfo(uri, found.user, found.password, found.database), timeout_seconds
    )


def _answer(tx: ManagedTransaction) -> int:
    return int(tx.run("RETURN 42 AS answer").single(strict=True)["answer"])


@pytest.fixture
def proxied(clean_database: Database) -> Iterator[tuple[TcpProxy, TestClient]]:
    real = urlparse(clean_database.connection.uri)
    proxy = TcpProxy(real.hostname or "127.0.0.1", real.port or 7687)
    proxy.start()
    database = _database_at(clean_database, f"bolt://127.0.0.1:{proxy.port}", 2.0)
    try:
        token = issue_key(clean_database, Role.ADMIN)
        with TestClient(
            create_app(api_settings(), database=database), raise_server_exceptions=False
        ) as client:
            client.headers["Authorization"] = f"Bearer {token}"
            yield proxy, client
    finally:
        proxy.stop()
        database.close()


def test_database_down_is_503_and_recovers(proxied: tuple[TcpProxy, TestClient]) -> None:
    proxy, client = proxied
    assert client.get("/readyz").status_code == 200
    assert client.get("/api/v1/actors").status_code == 200

    proxy.stop()
    for path in ("/readyz", "/api/v1/actors", "/api/v1/sdgs"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert response.headers["content-type"] == "application/problem+json"
        assert "Neo4j" in response.json()["detail"]
        assert "MATCH" not in response.text  # never the query text
        assert response.headers["retry-after"] == "5"  # when to ask again
    assert client.get("/healthz").status_code == 200  # the process itself is fine

    proxy.start()
    deadline = time.monotonic() + 15
    while client.get("/readyz").status_code != 200:
        assert time.monotonic() < deadline, "the API did not recover after Neo4j came back"
        time.sleep(0.2)
    assert client.get("/api/v1/actors").status_code == 200


def test_readyz_and_languages(client: TestClient) -> None:
    assert client.get("/readyz").json() == {"status": "ready"}
    french = client.get("/api/v1/actors/nobody")
    english = client.get("/api/v1/actors/nobody", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert french.json()["title"] == "Introuvable"
    assert english.json()["title"] == "Not found"
    assert english.json()["instance"] == "/api/v1/actors/nobody"
    unknown_route = client.get("/api/v1/nowhere")
    assert unknown_route.status_code == 404
    assert unknown_route.headers["content-type"] == "application/problem+json"


def test_a_single_statement_read_outlives_a_short_cut(clean_database: Database) -> None:
    """:meth:`Database.read_statement` runs one auto-commit statement, which the
    driver does not retry by itself (it does for managed transactions): Neo4j
    gone for half a second is tried again within the connection timeout, and the
    caller never sees the cut.  (Through the API, authentication runs first in a
    managed transaction and would hide a missing retry: hence the database here.)"""
    real = urlparse(clean_database.connection.uri)
    proxy = TcpProxy(real.hostname or "127.0.0.1", real.port or 7687)
    proxy.start()
    database = _database_at(clean_database, f"bolt://127.0.0.1:{proxy.port}", 2.0)
    try:
        assert database.read_statement(_answer) == 42
        proxy.stop()  # every pooled connection dies, new ones are refused…
        back = threading.Timer(0.5, proxy.start)  # …for half a second
        back.start()
        assert database.read_statement(_answer) == 42
        back.join()
        proxy.stop()  # and a cut that lasts is a clear 503, not a hang
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailableError):
            database.read_statement(_answer)
        assert time.monotonic() - started < 10
    finally:
        proxy.stop()
        database.close()


def test_reads_go_through_a_routing_uri(clean_database: Database) -> None:
    """A cluster or Aura is reached through a routing URI (``neo4j://``): both
    kinds of read, the transaction and the single statement, are routed to a
    reader (here the single server answers the routing table itself)."""
    real = urlparse(clean_database.connection.uri)
    routed = _database_at(clean_database, f"neo4j://{real.hostname}:{real.port}", 5.0)
    try:
        assert routed.read(_answer) == 42
        assert routed.read_statement(_answer) == 42
    finally:
        routed.close()
