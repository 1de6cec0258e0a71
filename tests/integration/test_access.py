"""Private by default (#10), checked the way the issue says it will be: without a
key, 401 everywhere but the health checks; a viewer sees no person's name
anywhere; the console writes nothing; other sites and foreign hosts are refused;
and the audit trail says who did each of these."""

from __future__ import annotations

import io
import json
import re
import subprocess
import threading
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from graph_service.domain.access import Caller, Role
from graph_service.errors import UnauthenticatedError
from graph_service.repositories.database import Database
from graph_service.services.accounts import AccountService, Authenticator, bootstrap_admin
from graph_service.services.privacy import Privacy
from tests.callers import OPERATOR
from tests.integration.cli import cli_env, run_cli
from tests.integration.conftest import issue_key

SECRET_NAME = "Jeanne Secrète"
SECRET_TITLE = "Responsable RSE"
PROBLEM = "application/problem+json"


def _post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"/api/v1/{path}", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


@pytest.fixture
def ecosystem(client: TestClient) -> TestClient:
    """Actors, a framework, a territory and one person tied to all of them."""
    _post(client, "territories", {"id": "dunkerque", "name": "Dunkerque", "country": "FR"})
    for id, name, sphere in [
        ("fruitco", "Fruitco", "market"),
        ("banana-link", "Banana Link", "civil_society"),
        ("colsiba", "COLSIBA", "union"),
    ]:
        _post(client, "actors", {"id": id, "name": name, "sphere": sphere})
    _post(client, "operations", {"id": "ope", "name": "Opération"})
    _post(
        client,
        "frameworks",
        {
            "id": "chsct",
            "name": "CHSCT de Fruitco",
            "level": "local",
            "type": "workplace_committee",
        },
    )
    _post(client, "persons", {"id": "jeanne", "name": SECRET_NAME, "title": SECRET_TITLE})
    ties = [
        {"type": "WORKS_IN", "from_id": "jeanne", "to_id": "fruitco"},
        {"type": "SUPPORTS", "from_id": "jeanne", "to_id": "banana-link", "stance": "ally"},
        {"type": "KNOWS", "from_id": "jeanne", "to_id": "colsiba"},
        {"type": "ANCHORED_IN", "from_id": "jeanne", "to_id": "dunkerque"},
        {"type": "PARTICIPATES_IN", "from_id": "jeanne", "to_id": "chsct"},
        {"type": "PARTICIPATES_IN", "from_id": "colsiba", "to_id": "chsct"},
        {"type": "FRAMES", "from_id": "chsct", "to_id": "ope"},
        {"type": "COOPERATES_WITH", "from_id": "banana-link", "to_id": "colsiba"},
        {"type": "ANCHORED_IN", "from_id": "fruitco", "to_id": "dunkerque"},
    ]
    for tie in ties:
        _post(client, "relationships", tie)
    return client


def _no_secret(text: str) -> None:
    for secret in (SECRET_NAME, "Secrète", SECRET_TITLE, "jeanne"):
        assert secret not in text, secret


# --- 401 without a key ------------------------------------------------------------------


def _example_path(path: str) -> str:
    return path.replace("{id}", "fruitco").replace("{number}", "1").replace("{key_id}", "x")


def test_without_a_key_every_route_but_the_health_checks_is_401(
    app: FastAPI, client_as: Callable[..., TestClient]
) -> None:
    anonymous = client_as(None)
    spec = app.openapi()
    checked = 0
    for path, operations in spec["paths"].items():
        for method in operations:
            response = anonymous.request(method.upper(), _example_path(path))
            if path in ("/healthz", "/readyz"):
                assert response.status_code == 200, path
                continue
            assert response.status_code == 401, (method, path, response.status_code)
            assert response.headers["content-type"] == PROBLEM
            # ...and its documentation says how to authenticate: either scheme.
            assert operations[method]["security"] == [{"apiKey": []}, {"session": []}]
            checked += 1
    assert checked > 50
    for path in ("/docs", "/openapi.json", "/maps/ecosystem", "/maps/levels/document"):
        assert anonymous.get(path).status_code == 401, path
    # A person at a browser is sent to the sign-in page rather than shown a 401.
    explorer = anonymous.get("/", follow_redirects=False)
    assert explorer.status_code == 303 and explorer.headers["location"].startswith("/login")
    assert "Maillage — connexion" in anonymous.get("/login").text
    # The OpenAPI document declares how to authenticate.
    schemes = spec["components"]["securitySchemes"]
    assert schemes["apiKey"]["scheme"] == "bearer" and schemes["session"]["in"] == "cookie"


def test_a_wrong_revoked_or_expired_key_is_401(
    clean_database: Database, client_as: Callable[..., TestClient], client: TestClient
) -> None:
    viewer = client_as(Role.VIEWER)
    assert viewer.get("/api/v1/actors").status_code == 200
    token = viewer.headers["Authorization"].removeprefix("Bearer ")
    wrong = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    for bad in (wrong, "mlg_nothing", "not-a-key"):
        response = viewer.get("/api/v1/actors", headers={"Authorization": f"Bearer {bad}"})
        assert response.status_code == 401
    key_id = token.split("_")[1]
    assert client.delete(f"/api/v1/keys/{key_id}").status_code == 204
    assert viewer.get("/api/v1/actors").status_code == 401
    # Expiry: a key whose date has passed stops at once (its date set back here).
    other = client_as(Role.VIEWER)
    other_id = other.headers["Authorization"].split("_")[1]
    clean_database.driver.execute_query(
        "MATCH (k:MaillageApiKey {id: $id}) SET k.expires_at = datetime() - duration('PT1S')",
        id=other_id,
        database_=clean_database.connection.database,
    )
    assert other.get("/api/v1/actors").status_code == 401


class _Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_checked_key_answers_from_memory_for_the_recheck_time_only(
    clean_database: Database,
) -> None:
    """What a key's lookup found stands in for the next lookups during the recheck
    time (MAILLAGE_KEY_RECHECK_SECONDS): a key revoked elsewhere (the CLI, another
    worker) stops once it has passed; revoked here, at once; a wrong secret for the
    same key id is never answered from memory."""
    clock = _Clock()
    keys = Authenticator(lambda: clean_database, recheck_seconds=1.0, clock=clock)
    token = issue_key(clean_database, Role.ANALYST)
    key_id = token.split("_")[1]
    first = keys.caller_for(token, "10.0.0.1")
    assert (first.role, first.key_id, first.address) == (Role.ANALYST, key_id, "10.0.0.1")
    again = keys.remembered(token, "10.0.0.2")
    assert again is not None and (again.name, again.role) == (first.name, first.role)
    assert again.address == "10.0.0.2" and again.audit is not first.audit
    assert keys.remembered(token[:-4] + "zzzz") is None

    AccountService(clean_database, OPERATOR).revoke_key(key_id)  # as the CLI does
    clock.now += 0.9
    assert keys.remembered(token) is not None
    clock.now += 0.2
    assert keys.remembered(token) is None
    with pytest.raises(UnauthenticatedError):
        keys.caller_for(token)

    # Revoked through the service that checks this process's keys: at once.
    other = issue_key(clean_database, Role.VIEWER)
    keys.caller_for(other)
    assert keys.remembered(other) is not None
    AccountService(clean_database, OPERATOR, authenticator=keys).revoke_key(other.split("_")[1])
    assert keys.remembered(other) is None
    # Recheck time 0: nothing remembered, every request reads the key.
    never = Authenticator(lambda: clean_database, recheck_seconds=0)
    third = issue_key(clean_database, Role.VIEWER)
    never.caller_for(third)
    assert never.remembered(third) is None
    # A revocation while a lookup is under way: that lookup may have read the key
    # before it, so what it found is not remembered.
    racing = Authenticator(
        lambda: (racing.forget("another-key"), clean_database)[1], recheck_seconds=60
    )
    racing.caller_for(third)
    assert racing.remembered(third) is None


def test_many_requests_with_one_new_key_verify_it_a_bounded_number_of_times(
    clean_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each Argon2 verification holds 64 MiB: 32 clients starting at once with the
    same key made an API worker run 32 of them together (1.6 GiB).  At most
    VERIFYING_AT_ONCE run together; the requests that waited find the key verified."""
    from graph_service.services import accounts

    running, most, calls = 0, 0, 0
    lock = threading.Lock()
    real = accounts._hasher

    class Counting:
        def verify(self, stored: str, secret: str) -> bool:
            nonlocal running, most, calls
            with lock:
                running += 1
                calls += 1
                most = max(most, running)
            try:
                time.sleep(0.05)  # long enough for the others to arrive meanwhile
                return real.verify(stored, secret)
            finally:
                with lock:
                    running -= 1

    token = issue_key(clean_database, Role.VIEWER)
    monkeypatch.setattr(accounts, "_hasher", Counting())
    keys = Authenticator(lambda: clean_database, recheck_seconds=0)
    with ThreadPoolExecutor(16) as pool:
        callers = list(pool.map(lambda _: keys.caller_for(token), range(16)))
    assert {caller.role for caller in callers} == {Role.VIEWER}
    assert most <= accounts.VERIFYING_AT_ONCE and calls <= accounts.VERIFYING_AT_ONCE
    # A wrong secret is still refused, and still verified (never remembered).
    with pytest.raises(UnauthenticatedError):
        keys.caller_for(token[:-4] + "zzzz")
    assert calls <= accounts.VERIFYING_AT_ONCE + 1


def test_a_remembered_key_still_expires_on_its_date(clean_database: Database) -> None:
    keys = Authenticator(lambda: clean_database, recheck_seconds=60)
    token = issue_key(clean_database, Role.VIEWER)
    clean_database.driver.execute_query(
        "MATCH (k:MaillageApiKey {id: $id}) SET k.expires_at = datetime() + duration('PT1S')",
        id=token.split("_")[1],
        database_=clean_database.connection.database,
    )
    keys.caller_for(token)
    assert keys.remembered(token) is not None
    time.sleep(1.1)
    assert keys.remembered(token) is None


# --- roles ------------------------------------------------------------------------------


def test_each_role_may_do_what_it_says_and_no_more(
    ecosystem: TestClient, client_as: Callable[..., TestClient]
) -> None:
    actor = {"id": "new", "name": "Nouvel acteur", "sphere": "civil_society"}
    query = {"query": "MATCH (a:Actor) RETURN count(a) AS n"}
    viewer, analyst = client_as(Role.VIEWER), client_as(Role.ANALYST)
    editor, admin = client_as(Role.EDITOR), client_as(Role.ADMIN)
    for reader in (viewer, analyst, editor, admin):
        assert reader.get("/api/v1/actors").status_code == 200
        assert reader.get("/api/v1/analyses/brokers").status_code == 200
        assert reader.get("/maps/ecosystem").status_code == 200
    for refused in (viewer, analyst):
        response = refused.post("/api/v1/actors", json=actor)
        assert response.status_code == 403 and response.headers["content-type"] == PROBLEM
        assert refused.delete("/api/v1/actors/fruitco?force=true").status_code == 403
    assert viewer.post("/api/v1/query", json=query).status_code == 403
    assert viewer.get("/api/v1/exports").status_code == 403
    assert analyst.post("/api/v1/query", json=query).json()["rows"] == [[3]]
    assert analyst.get("/api/v1/exports").status_code == 200
    assert editor.post("/api/v1/actors", json=actor).status_code == 201
    for not_admin in (viewer, analyst, editor):
        assert not_admin.get("/api/v1/audit").status_code == 403
        assert not_admin.get("/api/v1/keys").status_code == 403
    assert admin.get("/api/v1/audit").status_code == 200
    # An editor without the permission may not write persons or their ties.
    assert editor.post("/api/v1/persons", json={"id": "p2", "name": "X"}).status_code == 403
    tie = {"type": "KNOWS", "from_id": "jeanne", "to_id": "fruitco"}
    assert editor.post("/api/v1/relationships", json=tie).status_code == 403
    # And an admin without it may not hand it on.
    grant = {"account": "someone", "sensitive": True}
    AccountService(ecosystem.app.state.database_provider.get(), OPERATOR).add_account(  # type: ignore[attr-defined]
        "someone", Role.VIEWER
    )
    assert admin.post("/api/v1/keys", json=grant).status_code == 403
    assert admin.post("/api/v1/keys", json={"account": "someone"}).status_code == 201


def test_recorded_by_comes_from_the_key(
    ecosystem: TestClient, client_as: Callable[..., TestClient]
) -> None:
    editor = client_as(Role.EDITOR)
    me = editor.get("/api/v1/me").json()
    assert me["role"] == "editor" and me["sensitive"] is False
    body = {"id": "forged", "name": "Forgé", "sphere": "market", "recorded_by": "quelqu'un"}
    created = editor.post("/api/v1/actors", json=body).json()
    assert created["recorded_by"] == me["name"]
    patched = editor.patch("/api/v1/actors/forged", json={"recorded_by": "autre"}).json()
    assert patched["recorded_by"] == me["name"]


# --- a viewer sees no person ------------------------------------------------------------


def test_a_viewer_sees_no_person_anywhere(
    ecosystem: TestClient, client_as: Callable[..., TestClient]
) -> None:
    viewer = client_as(Role.VIEWER)
    persons = viewer.get("/api/v1/persons")
    assert persons.status_code == 200
    assert [p["name"] for p in persons.json()["items"]] == ["Personne 1 chez Fruitco"]
    pseudonym = persons.json()["items"][0]["id"]
    assert pseudonym == "personne-1-chez-fruitco"
    # Stable: the same words in English lists, and again on the next call.
    english = viewer.get("/api/v1/persons", headers={"Accept-Language": "en"}).json()
    assert english["items"][0]["id"] == pseudonym
    assert viewer.get("/api/v1/persons").json() == persons.json()
    assert viewer.get("/api/v1/persons/jeanne").status_code == 403
    assert viewer.get("/api/v1/persons/nobody").status_code == 403  # no existence oracle
    assert viewer.get("/api/v1/persons", params={"q": "Jeanne"}).status_code == 403
    _no_secret(persons.text)

    ties = viewer.get("/api/v1/relationships", params={"limit": 1000})
    assert ties.json()["hidden"] == 5
    assert not {"WORKS_IN", "SUPPORTS", "KNOWS"} & {r["type"] for r in ties.json()["items"]}
    _no_secret(ties.text)
    works_in = viewer.get("/api/v1/relationships", params={"types": "WORKS_IN"}).json()
    assert works_in["items"] == [] and works_in["hidden"] == 1
    full = ecosystem.get("/api/v1/relationships", params={"types": "WORKS_IN"}).json()
    assert viewer.get(f"/api/v1/relationships/{full['items'][0]['id']}").status_code == 403

    around = viewer.get("/api/v1/actors/fruitco/neighbourhood", params={"depth": 2})
    assert around.status_code == 200
    assert around.json()["hidden_relationships"] >= 1
    _no_secret(around.text)
    for analysis in ("levels", "brokers", "silos", "double-space"):
        response = viewer.get(f"/api/v1/analyses/{analysis}")
        assert response.status_code == 200, (analysis, response.text)
        _no_secret(response.text)
    levels = viewer.get("/api/v1/analyses/levels", params={"operation": "ope"}).json()
    _no_secret(json.dumps(levels))
    inside = {"actor": "banana-link", "target": "fruitco"}
    assert viewer.get("/api/v1/analyses/inside-allies", params=inside).status_code == 403
    for kind in ("ecosystem", "levels", "brokers", "silos"):
        page = viewer.get(f"/maps/{kind}", params={"persons": "true"})
        assert page.status_code == 200, kind
        _no_secret(page.text)
        _no_secret(viewer.get(f"/maps/{kind}/document").text)
    assert viewer.get("/maps/inside-allies", params=inside).status_code == 403

    # Exports: a public export for an analyst without the permission.
    analyst = client_as(Role.ANALYST)
    for export_format in ("json", "graphml", "gexf", "csv", "xlsx"):
        response = analyst.get("/api/v1/exports", params={"format": export_format})
        assert response.status_code == 200, export_format
        _no_secret(_export_text(response.content, export_format))
    # The console refuses what leads to persons.
    for query in (
        "MATCH (p:Person) RETURN p.name",
        "MATCH (a:Actor)<-[:WORKS_IN]-(p) RETURN p.name",
        "MATCH (a:Actor {id: 'fruitco'})--(p) RETURN p.name",
        "MATCH (f:DialogueFramework)<-[:PARTICIPATES_IN]-(p) RETURN p.name",
        "MATCH (n) RETURN n.name",
        "MATCH (n) WHERE elementId(n) = $x RETURN n.name",
        "MATCH (a:Actor)-[r:!COOPERATES_WITH]->(b) RETURN b.name",
    ):
        response = analyst.post("/api/v1/query", json={"query": query, "parameters": {"x": "1"}})
        assert response.status_code == 422, (query, response.text)
        _no_secret(response.text)

    # The same reads with the permission show the person.
    assert SECRET_NAME in ecosystem.get("/api/v1/persons").text
    assert SECRET_NAME in ecosystem.get("/api/v1/actors/fruitco/neighbourhood").text
    sensitive_analyst = client_as(Role.ANALYST, sensitive=True)
    answer = sensitive_analyst.post(
        "/api/v1/query",
        json={"query": "MATCH (p:Person)-[w:WORKS_IN]->(a:Actor) RETURN p, w, a"},
    )
    assert answer.status_code == 200, answer.text
    graph = answer.json()["graph"]
    assert {n["name"] for n in graph["nodes"]} == {SECRET_NAME, "Fruitco"}
    assert [r["type"] for r in graph["relationships"]] == ["WORKS_IN"]
    json_export = sensitive_analyst.get("/api/v1/exports", params={"format": "json"})
    assert SECRET_NAME in json_export.text


def _export_text(content: bytes, export_format: str) -> str:
    if export_format in ("csv", "xlsx"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(
                archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
            )
    return content.decode("utf-8")


# --- the console writes nothing ------------------------------------------------------------


def _count(database: Database) -> tuple[int, int]:
    records, _, _ = database.driver.execute_query(
        # The graph itself (the keys and the audit entries this test adds are not).
        "RETURN COUNT { MATCH (n:Entity) } AS nodes, COUNT { MATCH ()-[r]->() } AS rels",
        database_=database.connection.database,
    )
    return records[0]["nodes"], records[0]["rels"]


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Actor {id: 'pirate', name: 'Pirate'})",
        "MERGE (n:Actor {id: 'pirate'}) RETURN n",
        "MATCH (a:Actor {id: 'fruitco'}) SET a.name = 'Pirate' RETURN a",
        "MATCH (a:Actor {id: 'fruitco'}) DETACH DELETE a",
        "CALL apoc.create.node(['Actor'], {id: 'pirate'}) YIELD node RETURN node",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "CALL apoc.periodic.iterate('MATCH (a:Actor) RETURN a', 'SET a.x = 1', {})",
        "CREATE INDEX pirate IF NOT EXISTS FOR (n:Actor) ON (n.x)",
        "SHOW TRANSACTIONS",
        "MATCH (k:MaillageApiKey) RETURN k.hash",
        "USE system SHOW USERS",
        "EXPLAIN MATCH (a:Actor) RETURN a",
        "MATCH (a:Actor) CALL { WITH a CREATE (:Pirate) } IN TRANSACTIONS RETURN a",
        "MATCH (a:Actor) FOREACH (x IN [1] | CREATE (:Pirate))",
    ],
)
def test_the_console_refuses_writes_and_nothing_is_written(
    ecosystem: TestClient,
    clean_database: Database,
    client_as: Callable[..., TestClient],
    query: str,
) -> None:
    before = _count(clean_database)
    analyst = client_as(Role.ANALYST, sensitive=True)
    response = analyst.post("/api/v1/query", json={"query": query})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    assert _count(clean_database) == before
    audit = ecosystem.get("/api/v1/audit", params={"action": "/api/v1/query"}).json()
    entry = audit["items"][0]
    assert entry["outcome"] == "refused" and entry["details"]["console"].startswith(query[:20])
    assert entry["who"] == analyst.get("/api/v1/me").json()["name"]


def test_the_console_has_a_timeout_and_a_row_limit(
    ecosystem: TestClient, client_as: Callable[..., TestClient], app: FastAPI
) -> None:
    analyst = client_as(Role.ANALYST)
    many = {"query": "UNWIND range(1, 5000) AS i RETURN i", "limit": 10}
    answer = analyst.post("/api/v1/query", json=many).json()
    assert len(answer["rows"]) == 10 and answer["truncated"] is True
    app.state.settings.console_timeout_seconds = 0.5
    slow = "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(*)"
    response = analyst.post("/api/v1/query", json={"query": slow})
    assert response.status_code == 503, response.text
    assert response.headers["Retry-After"]
    wrong = analyst.post("/api/v1/query", json={"query": "MATCH (a:Actor RETURN a"})
    assert wrong.status_code == 422 and "Neo4j" in wrong.json()["detail"]


# --- hosts, other sites, the session cookie ------------------------------------------------


def test_a_foreign_host_and_a_cross_site_post_are_refused_and_audited(
    ecosystem: TestClient,
) -> None:
    foreign = ecosystem.get("/api/v1/actors", headers={"Host": "evil.example"})
    assert foreign.status_code == 400 and foreign.headers["content-type"] == PROBLEM
    form = {"file": ("x.json", b"{}", "application/json")}
    cross = ecosystem.post(
        "/api/v1/imports", files=form, headers={"Origin": "https://evil.example"}
    )
    assert cross.status_code == 403 and cross.headers["content-type"] == PROBLEM
    fetch = ecosystem.post(
        "/api/v1/actors",
        json={"id": "x", "name": "X", "sphere": "market"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert fetch.status_code == 403
    assert ecosystem.get("/api/v1/actors/x").status_code == 404
    # The same site may post (the page the API served).
    same = ecosystem.post(
        "/api/v1/actors",
        json={"id": "x", "name": "X", "sphere": "market"},
        headers={"Origin": "http://testserver"},
    )
    assert same.status_code == 201
    refused = ecosystem.get("/api/v1/audit", params={"outcome": "refused"}).json()["items"]
    reasons = {(e["action"], e["details"]["reason"]) for e in refused if e["details"]}
    assert ("GET /api/v1/actors", "bad-host") in reasons
    assert ("POST /api/v1/imports", "cross-site") in reasons
    assert all(e["address"] for e in refused)


def test_the_browser_session_is_httponly_strict_and_csrf_protected(
    ecosystem: TestClient, client_as: Callable[..., TestClient], clean_database: Database
) -> None:
    browser = client_as(None)
    token = ecosystem.headers["Authorization"].removeprefix("Bearer ")
    wrong = browser.post("/login", data={"key": "mlg_0000000000000000_" + "x" * 40})
    assert wrong.status_code == 401 and "pas valable" in wrong.text
    signed_in = browser.post(
        "/login", data={"key": token, "next": "//evil.example"}, follow_redirects=False
    )
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/"
    cookies = signed_in.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith("maillage_session="))
    assert "HttpOnly" in session and "SameSite=strict" in session
    assert browser.get("/").status_code == 200
    assert browser.get("/maps/ecosystem").status_code == 200
    body = {"id": "y", "name": "Y", "sphere": "market"}
    assert browser.post("/api/v1/actors", json=body).status_code == 403  # no CSRF token
    csrf = browser.cookies["maillage_csrf"]
    posted = browser.post("/api/v1/actors", json=body, headers={"X-CSRF-Token": csrf})
    assert posted.status_code == 201
    browser.post("/logout")
    assert browser.get("/api/v1/actors").status_code == 401


def test_local_read_is_a_development_switch_for_this_machine_only(
    clean_database: Database,
) -> None:
    from graph_service.api.app import create_app
    from tests.integration.conftest import api_settings

    app = create_app(api_settings(MAILLAGE_OPEN_LOCAL_READ=True), database=clean_database)
    with TestClient(app, client=("127.0.0.1", 5000)) as local:
        assert local.get("/api/v1/actors").status_code == 200
        assert local.get("/api/v1/me").json()["role"] == "viewer"
        body = {"id": "z", "name": "Z", "sphere": "market"}
        assert local.post("/api/v1/actors", json=body).status_code == 401
    with TestClient(app, client=("192.0.2.7", 5000)) as remote:
        assert remote.get("/api/v1/actors").status_code == 401
    with pytest.raises(ValueError, match="never in production"):
        api_settings(
            MAILLAGE_OPEN_LOCAL_READ=True,
            MAILLAGE_ENV="production",
            NEO4J_URI="bolt://db:7687",
            NEO4J_PASSWORD="a-real-secret",
        )


# --- the audit trail ------------------------------------------------------------------------


def test_the_audit_trail_says_who_did_what(
    ecosystem: TestClient, client_as: Callable[..., TestClient], clean_database: Database
) -> None:
    editor = client_as(Role.EDITOR)
    name = editor.get("/api/v1/me").json()["name"]
    editor.post("/api/v1/actors", json={"id": "gone", "name": "Parti", "sphere": "market"})
    assert editor.delete("/api/v1/actors/gone").status_code == 204
    assert editor.delete("/api/v1/actors/fruitco").status_code == 409  # still has ties
    ecosystem.get("/api/v1/persons/jeanne")  # a sensitive read
    trail = ecosystem.get("/api/v1/audit", params={"who": name}).json()["items"]
    actions = [(e["action"], e["outcome"], e["status"]) for e in trail]
    assert ("DELETE /api/v1/actors/gone", "ok", 204) in actions
    assert ("DELETE /api/v1/actors/fruitco", "refused", 409) in actions
    assert ("POST /api/v1/actors", "ok", 201) in actions
    removed = next(e for e in trail if e["action"] == "DELETE /api/v1/actors/gone")
    assert removed["details"]["removed"]["name"] == "Parti"
    assert removed["address"] and removed["key_id"] and removed["at"]
    admin = ecosystem.get("/api/v1/me").json()["name"]
    reads = ecosystem.get("/api/v1/audit", params={"who": admin, "action": "persons"}).json()
    assert any(e["details"].get("sensitive_read") == "person" for e in reads["items"])
    # Key changes are in it too, and no route writes it.
    assert ecosystem.get("/api/v1/audit", params={"action": "key.create"}).json()["total"] >= 2
    assert ecosystem.post("/api/v1/audit", json={}).status_code == 405


def test_the_first_run_creates_one_admin_key_once(clean_database: Database) -> None:
    first = bootstrap_admin(clean_database)
    assert first is not None and first.startswith("mlg_")
    assert bootstrap_admin(clean_database) is None
    app = FastAPI()
    from graph_service.api.app import create_app
    from tests.integration.conftest import api_settings

    app = create_app(api_settings(), database=clean_database)
    with TestClient(app) as client:
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {first}"}).json()
    assert me == {"name": "admin", "role": "admin", "sensitive": True, "key_id": me["key_id"]}


def _cli(neo4j_connection: Any, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(cli_env(neo4j_connection), *arguments)


def test_the_cli_manages_accounts_keys_and_reads_the_audit(
    clean_database: Database, neo4j_connection: Any, app: FastAPI
) -> None:
    init = _cli(neo4j_connection, "db", "init")
    assert init.returncode == 0, init.stderr
    first_key = re.search(r"mlg_[0-9a-f]{16}_\S+", init.stdout)
    assert first_key and "plus jamais affichée" in init.stdout
    again = _cli(neo4j_connection, "db", "init")
    assert again.returncode == 0 and "mlg_" not in again.stdout
    assert _cli(neo4j_connection, "user", "add", "chloe", "--role", "analyst").returncode == 0
    duplicate = _cli(neo4j_connection, "user", "add", "chloe")
    assert duplicate.returncode == 1 and "existe déjà" in duplicate.stderr
    created = _cli(neo4j_connection, "key", "create", "chloe", "--label", "tableau de bord")
    assert created.returncode == 0, created.stderr
    token = re.search(r"mlg_([0-9a-f]{16})_\S+", created.stdout)
    assert token
    listed = _cli(neo4j_connection, "--lang", "en", "key", "list", "--account", "chloe")
    assert token.group(1) in listed.stdout and "analyst" in listed.stdout
    with TestClient(app) as client:
        headers = {"Authorization": f"Bearer {token.group(0)}"}
        assert client.get("/api/v1/me", headers=headers).json()["role"] == "analyst"
        assert _cli(neo4j_connection, "key", "revoke", token.group(1)).returncode == 0
        # Revoked in another process: this one stops once the recheck time is over.
        time.sleep(app.state.settings.key_recheck_seconds)
        assert client.get("/api/v1/me", headers=headers).status_code == 401
    trail = _cli(neo4j_connection, "audit", "--json")
    actions = [e["action"] for e in json.loads(trail.stdout)["entries"]]
    assert {"account.add", "key.create", "key.revoke"} <= set(actions)
    table = _cli(neo4j_connection, "audit", "--action", "key")
    assert table.returncode == 0 and "key.revoke" in table.stdout


def test_pseudonyms_rank_each_employers_persons_by_recording(
    ecosystem: TestClient, clean_database: Database
) -> None:
    """Ranks read from the employer's ties, and among persons without an employer."""
    clean_database.driver.execute_query(
        "MATCH (f:Actor {id: 'fruitco'}) "
        "CREATE (late:Entity:Person {id: 'p-late', name: 'x'})-[:WORKS_IN {id: 'w'}]->(f) "
        "SET late.recorded_at = datetime() + duration('P1D') "
        "CREATE (:Entity:Person {id: 'p-free-2', name: 'x', recorded_at: $second}) "
        "CREATE (:Entity:Person {id: 'p-free-1', name: 'x', recorded_at: $first})",
        first=datetime(2030, 1, 1, tzinfo=UTC),
        second=datetime(2030, 1, 2, tzinfo=UTC),
    )
    privacy = Privacy(clean_database, Caller("viewer", Role.VIEWER))
    names = privacy.pseudonyms(["jeanne", "p-late", "p-free-1", "p-free-2"])
    assert {id: pseudonym.id for id, pseudonym in names.items()} == {
        "jeanne": "personne-1-chez-fruitco",
        "p-late": "personne-2-chez-fruitco",
        "p-free-1": "personne-1",
        "p-free-2": "personne-2",
    }
