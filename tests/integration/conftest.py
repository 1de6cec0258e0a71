"""A real Neo4j for the integration tests, never a mock.

Where it comes from, in order: ``NEO4J_URI`` (an external server, or the local
one exported by ``maillage neo4j env``); a ``neo4j:5.26-community`` container
when a Docker engine answers (testcontainers); otherwise the local server
started by ``maillage neo4j start``.  With ``CI=true`` an unreachable Neo4j
fails the tests; elsewhere they are skipped with the reason.

Each test starts from a clean database (schema and SDGs re-applied).  So that a
test run never wipes somebody's data, the database must be empty or carry the
marker node that a previous test run left.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.domain.access import Role
from graph_service.local_neo4j.runtime import connection_info
from graph_service.repositories.database import ConnectionInfo, Database
from graph_service.repositories.schema import apply_migrations, empty_database
from graph_service.services.accounts import AccountService
from tests.callers import OPERATOR


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"Neo4j is required in CI: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j for integration tests: {reason}")


def _docker_engine_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=3)
        client.ping()
        client.close()
    except Exception:
        return False
    return True


@pytest.fixture(scope="session")
def neo4j_connection() -> Iterator[ConnectionInfo]:
    settings = Settings()
    if settings.neo4j_uri or not _docker_engine_answers():
        try:
            yield connection_info(settings)
        except Exception as exc:  # no credentials: the local server was never started
            _unavailable(str(exc))
        return
    from testcontainers.neo4j import Neo4jContainer

    password = "maillage-tests"
    container = Neo4jContainer("neo4j:5.26-community", password=password)
    container.with_env("NEO4J_PLUGINS", '["apoc", "graph-data-science"]')
    container.with_env("NEO4J_dbms_security_procedures_unrestricted", "apoc.*,gds.*")
    with container:
        yield ConnectionInfo(container.get_connection_url(), "neo4j", password, "neo4j")


@pytest.fixture(scope="session")
def database(neo4j_connection: ConnectionInfo) -> Iterator[Database]:
    db = Database(neo4j_connection)
    try:
        db.ping()
    except Exception as exc:
        db.close()
        _unavailable(f"{neo4j_connection.uri} does not answer ({exc})")
    try:
        _claim_for_tests(db)
        yield db
    finally:
        db.close()


def _claim_for_tests(db: Database) -> None:
    """Refuse a database holding data that no test run created; mark it as ours."""
    records, _, _ = db.driver.execute_query(
        "RETURN COUNT { MATCH (n) WHERE NOT n:MaillageTestDatabase } AS nodes, "
        "COUNT { MATCH (m:MaillageTestDatabase) } AS markers",
        database_=db.connection.database,
    )
    if records[0]["nodes"] and not records[0]["markers"]:
        pytest.fail(
            f"{db.connection.uri} holds data that no test run created; the tests wipe "
            "their database, so point them at a test server (scripts/test uses its own).",
            pytrace=False,
        )
    db.driver.execute_query("MERGE (:MaillageTestDatabase)", database_=db.connection.database)


@pytest.fixture
def clean_database(database: Database) -> Database:
    """The test database, emptied and re-initialised (schema, SDGs)."""
    empty_database(database, keep_label="MaillageTestDatabase")
    apply_migrations(database)
    return database


#: The host TestClient names, beside the default allowed ones.
TEST_HOSTS = "testserver,localhost,127.0.0.1,::1"


def api_settings(**values: object) -> Settings:
    return Settings(MAILLAGE_ALLOWED_HOSTS=TEST_HOSTS, **values)  # type: ignore[arg-type]


def issue_key(database: Database, role: Role, *, sensitive: bool = False) -> str:
    """A real key of a new account with ``role`` (created the way an admin would)."""
    accounts = AccountService(database, OPERATOR)
    name = f"{role.value}-{'s' if sensitive else 'p'}-{secrets.token_hex(3)}"
    accounts.add_account(name, role)
    return accounts.create_key(name, sensitive=sensitive).token


@pytest.fixture
def app(clean_database: Database) -> FastAPI:
    return create_app(api_settings(), database=clean_database)


@pytest.fixture
def client(app: FastAPI, clean_database: Database) -> Iterator[TestClient]:
    """A client with an administrator's key that may see persons: the tests of
    what the API does; what each role may see is tested with :func:`client_as`."""
    token = issue_key(clean_database, Role.ADMIN, sensitive=True)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client


@pytest.fixture
def client_as(app: FastAPI, clean_database: Database) -> Iterator[Callable[..., TestClient]]:
    """``client_as(Role.VIEWER)``: a client holding a fresh key of that role."""
    opened: list[TestClient] = []

    def make(role: Role | None, *, sensitive: bool = False) -> TestClient:
        test_client = TestClient(app, raise_server_exceptions=False)
        test_client.__enter__()
        opened.append(test_client)
        if role is not None:
            token = issue_key(clean_database, role, sensitive=sensitive)
            test_client.headers["Authorization"] = f"Bearer {token}"
        return test_client

    yield make
    for test_client in opened:
        test_client.__exit__(None, None, None)
