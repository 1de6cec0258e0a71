"""Analyses through the API and the CLI, on graphs written to a real Neo4j."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from graph_service.analyses.brokers import brokerage_roles, burt_constraint
from graph_service.cli.transfer import shipped_dataset
from graph_service.domain.access import Role
from graph_service.repositories.database import Database
from graph_service.services.transfer import TransferService
from tests.callers import OPERATOR

FAMILY_SPHERES = {  # an arbitrary but fixed partition of Padgett's families
    "Acciaiuoli": "market",
    "Albizzi": "public",
    "Barbadori": "market",
    "Bischeri": "public",
    "Castellani": "public",
    "Ginori": "market",
    "Guadagni": "public",
    "Lamberteschi": "market",
    "Medici": "civil_society",
    "Pazzi": "market",
    "Peruzzi": "public",
    "Ridolfi": "civil_society",
    "Salviati": "civil_society",
    "Strozzi": "public",
    "Tornabuoni": "civil_society",
}


def _slug(name: str) -> str:
    return name.lower()


def _post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"/api/v1/{path}", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


@pytest.fixture
def florence(client: TestClient) -> TestClient:
    _post(client, "territories", {"id": "florence", "name": "Firenze", "country": "IT"})
    for family, sphere in FAMILY_SPHERES.items():
        _post(
            client,
            "actors",
            {"id": _slug(family), "name": family, "sphere": sphere, "country": "IT"},
        )
        _post(
            client,
            "relationships",
            {"type": "ANCHORED_IN", "from_id": _slug(family), "to_id": "florence"},
        )
    for u, v in nx.florentine_families_graph().edges:
        _post(
            client,
            "relationships",
            {
                "type": "COOPERATES_WITH",
                "from_id": _slug(u),
                "to_id": _slug(v),
                "kind": "historical",
                "valid_from": "1430-01-01",
            },
        )
    return client


def _reference_graph() -> tuple[nx.Graph, dict[str, str]]:
    graph = nx.relabel_nodes(nx.florentine_families_graph(), _slug)
    return graph, {_slug(f): s for f, s in FAMILY_SPHERES.items()}


def test_brokers_on_the_florentine_families(florence: TestClient) -> None:
    response = florence.get("/api/v1/analyses/brokers", params={"territory": "florence", "top": 15})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["analysis"] == "brokers"
    assert report["parameters"]["territory"] == "florence"
    results = report["results"]
    assert results[0]["id"] == "medici"
    graph, spheres = _reference_graph()
    expected_betweenness = nx.betweenness_centrality(graph)
    expected_constraint = burt_constraint(graph)
    expected_roles = brokerage_roles(graph, spheres)
    for row in results:
        assert set(row) >= {
            "id",
            "name",
            "betweenness",
            "constraint",
            "effective_size",
            "brokerage",
            "brokerage_z",
        }
        assert row["betweenness"] == pytest.approx(expected_betweenness[row["id"]], abs=1e-8)
        assert row["constraint"] == pytest.approx(expected_constraint[row["id"]], abs=1e-6)
        assert row["brokerage"] == {
            k: pytest.approx(v) for k, v in expected_roles.raw[row["id"]].items()
        }
    order = [(-r["betweenness"], r["id"]) for r in results]
    assert order == sorted(order)
    assert report["labels"]["gatekeeper"] == "portier (gardien)"
    english = florence.get(
        "/api/v1/analyses/brokers",
        params={"territory": "florence"},
        headers={"Accept-Language": "en"},
    ).json()
    assert english["labels"]["gatekeeper"] == "gatekeeper"


def test_between_group_brokers_and_partition(florence: TestClient) -> None:
    report = florence.get(
        "/api/v1/analyses/brokers", params={"between": ["market", "public"], "partition": "sphere"}
    ).json()
    assert report["between_groups"]["groups"] == ["market", "public"]
    assert report["between_groups"]["results"][0]["id"] == "medici"
    bad = florence.get("/api/v1/analyses/brokers", params={"partition": "colour"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "partition"


def test_silos_report_shape_and_values(florence: TestClient) -> None:
    report = florence.get("/api/v1/analyses/silos", params={"permutations": 200, "seed": 4}).json()
    assert report["analysis"] == "silos"
    assert set(report) >= {
        "ei_index",
        "mixing_matrix",
        "assortativity",
        "modularity",
        "communities",
        "missing_bridges",
    }
    graph, spheres = _reference_graph()
    internal = sum(1 for u, v in graph.edges if spheres[u] == spheres[v])
    external = graph.number_of_edges() - internal
    assert report["ei_index"]["network"] == pytest.approx(
        (external - internal) / (external + internal)
    )
    assert set(report["ei_index"]) >= {"network", "expected", "p_value", "groups", "actors"}
    assert report["communities"]["nmi"] is not None
    again = florence.get("/api/v1/analyses/silos", params={"permutations": 200, "seed": 4}).json()
    assert again == report  # same seed, same output


def test_silos_change_between_two_dates(client: TestClient) -> None:
    for id, sphere in [
        ("ngo", "civil_society"),
        ("ngo2", "civil_society"),
        ("firm", "market"),
        ("firm2", "market"),
    ]:
        _post(client, "actors", {"id": id, "name": id, "sphere": sphere})
    _post(
        client,
        "relationships",
        {"type": "COOPERATES_WITH", "from_id": "ngo", "to_id": "ngo2", "valid_from": "2010-01-01"},
    )
    _post(
        client,
        "relationships",
        {
            "type": "COOPERATES_WITH",
            "from_id": "firm",
            "to_id": "firm2",
            "valid_from": "2010-01-01",
        },
    )
    _post(
        client,
        "relationships",
        {"type": "COOPERATES_WITH", "from_id": "ngo", "to_id": "firm", "valid_from": "2015-01-01"},
    )
    report = client.get(
        "/api/v1/analyses/silos",
        params={"at": "2012-01-01", "compare_at": "2016-01-01", "permutations": 0},
    ).json()
    assert report["ei_index"]["network"] == -1.0
    assert report["missing_bridges"] == [["civil_society", "market"]]
    assert report["change"]["ei_index"] == pytest.approx(-1 / 3 - -1)  # from -1 to (1 - 2) / 3
    assert report["change"]["bridges_built"] == [["civil_society", "market"]]


def test_allies_rank_a_missing_tie_first(client: TestClient) -> None:
    for id, sphere in [
        ("grdr", "civil_society"),
        ("coop", "social_economy"),
        ("mairie", "public"),
        ("cci", "market"),
        ("univ", "academic"),
        ("rival", "market"),
    ]:
        _post(client, "actors", {"id": id, "name": id.upper(), "sphere": sphere})
    for u, v in [
        ("grdr", "mairie"),
        ("grdr", "cci"),
        ("grdr", "univ"),
        ("coop", "mairie"),
        ("coop", "cci"),
        ("coop", "univ"),
        ("rival", "mairie"),
        ("rival", "cci"),
    ]:
        _post(client, "relationships", {"type": "COOPERATES_WITH", "from_id": u, "to_id": v})
    _post(
        client,
        "relationships",
        {"type": "OPPOSES", "from_id": "rival", "to_id": "grdr", "kind": "competition"},
    )
    report = client.get("/api/v1/analyses/allies", params={"actor": "grdr"}).json()
    assert report["analysis"] == "allies"
    assert [r["id"] for r in report["results"]] == ["coop"]  # the rival is in conflict
    assert report["results"][0]["reasons"][0]["label"] == "partenaires communs"
    missing = client.get("/api/v1/analyses/allies")
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "actor"
    unknown = client.get("/api/v1/analyses/allies", params={"actor": "ghost"})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["value"] == "ghost"


def test_derived_ties_are_out_unless_weighted(client: TestClient) -> None:
    _post(client, "frameworks", {"id": "workshop", "name": "Atelier"})
    for i in range(5):
        _post(client, "actors", {"id": f"a{i}", "name": f"A{i}", "sphere": "civil_society"})
        _post(
            client,
            "relationships",
            {"type": "PARTICIPATES_IN", "from_id": f"a{i}", "to_id": "workshop"},
        )
    _post(client, "relationships", {"type": "COOPERATES_WITH", "from_id": "a0", "to_id": "a1"})
    plain = client.get("/api/v1/analyses/brokers").json()
    assert plain["summary"] == {"actors": 5, "ties": 1}
    derived = client.get("/api/v1/analyses/brokers", params={"shared_weight": 0.1}).json()
    assert derived["summary"] == {"actors": 5, "ties": 10}
    unweighted = client.get("/api/v1/analyses/brokers", params={"weights": ["COOPERATES_WITH=0"]})
    assert unweighted.json()["summary"] == {"actors": 5, "ties": 0}
    assert unweighted.json()["parameters"]["weights"] == {
        "COOPERATES_WITH": 0.0,
        "FUNDS": 1.0,
        "MEMBER_OF": 1.0,
    }


def test_introductions_name_the_intermediaries(florence: TestClient) -> None:
    report = florence.get(
        "/api/v1/analyses/introductions",
        params={"actor": "acciaiuoli", "target": "strozzi", "top": 2},
    ).json()
    first = report["results"][0]
    assert first["path"][0] == "acciaiuoli" and first["path"][-1] == "strozzi"
    assert first["intermediaries"][0] == {
        "id": "medici",
        "name": "Medici",
        "sphere": "civil_society",
    }


def test_levels_and_double_space(client: TestClient) -> None:
    _post(
        client,
        "operations",
        {
            "id": "op",
            "name": "Opération pilote",
            "type": "operation",
            "start_date": "2013-01-01",
            "end_date": "2015-12-31",
        },
    )
    for id, level in [
        ("village", "local"),
        ("region-forum", "regional"),
        ("national-platform", "national"),
    ]:
        _post(client, "frameworks", {"id": id, "name": id, "level": level})
        _post(client, "relationships", {"type": "FRAMES", "from_id": id, "to_id": "op"})
    _post(
        client,
        "relationships",
        {"type": "PART_OF", "from_id": "region-forum", "to_id": "national-platform"},
    )
    for id, country, sphere in [
        ("grdr", "FR", "civil_society"),
        ("kayes", "ML", "public"),
        ("coop", "ML", "social_economy"),
    ]:
        _post(client, "actors", {"id": id, "name": id, "sphere": sphere, "country": country})
    for actor, framework in [
        ("grdr", "village"),
        ("grdr", "region-forum"),
        ("kayes", "region-forum"),
    ]:
        _post(
            client,
            "relationships",
            {"type": "PARTICIPATES_IN", "from_id": actor, "to_id": framework},
        )
    levels = client.get("/api/v1/analyses/levels", params={"operation": "op"}).json()
    assert levels["levels"] == ["local", "regional", "national"]
    assert levels["unarticulated"] == []
    assert levels["multi_level_participants"][0]["id"] == "grdr"
    # Any scope, the whole graph included; a framework without a level is apart.
    _post(client, "frameworks", {"id": "copil", "name": "Comité de pilotage"})
    whole = client.get("/api/v1/analyses/levels").json()
    assert whole["levels"] == ["local", "regional", "national"]
    assert [f["id"] for f in whole["without_level"]] == ["copil"]
    named = client.get("/api/v1/analyses/levels", params={"operation": "operation pilote"})
    assert named.json()["parameters"]["operation"] == "op"

    _post(client, "territories", {"id": "hdf", "name": "Hauts-de-France", "country": "FR"})
    _post(client, "territories", {"id": "kayes-region", "name": "Région de Kayes", "country": "ML"})
    _post(
        client,
        "relationships",
        {
            "type": "LINKED_TO",
            "from_id": "hdf",
            "to_id": "kayes-region",
            "kind": "double_space",
            "id": "hdf-kayes",
            "operation": "op",
        },
    )
    for actor, territory in [("grdr", "hdf"), ("kayes", "kayes-region"), ("coop", "kayes-region")]:
        _post(
            client, "relationships", {"type": "ANCHORED_IN", "from_id": actor, "to_id": territory}
        )
    for actor, role in [("grdr", "lead"), ("kayes", "partner"), ("coop", "partner")]:
        _post(
            client,
            "relationships",
            {"type": "TAKES_PART_IN", "from_id": actor, "to_id": "op", "role": role},
        )
    _post(
        client,
        "relationships",
        {
            "type": "COOPERATES_WITH",
            "from_id": "grdr",
            "to_id": "kayes",
            "valid_from": "2013-01-01",
        },
    )
    _post(
        client,
        "relationships",
        {"type": "COOPERATES_WITH", "from_id": "grdr", "to_id": "coop", "valid_from": "2013-01-01"},
    )
    _post(
        client,
        "relationships",
        {
            "type": "COOPERATES_WITH",
            "from_id": "kayes",
            "to_id": "coop",
            "valid_from": "2015-01-01",
        },
    )
    report = client.get("/api/v1/analyses/double-space", params={"link": "hdf-kayes"}).json()
    assert [h["id"] for h in report["holders"]] == ["grdr"]
    assert report["concentration"] == 1.0
    assert report["south_south_ties"] == [["coop", "kayes"]]
    points = report["over_time"]["points"]
    assert report["over_time"]["leads"] == ["grdr"]
    # The lead brokers alone until 2015, when the two partners tie to each other:
    # in a triangle nobody brokers any more, so the share is undefined (None).
    assert [p["lead_share"] for p in points] == [1.0, 1.0, None]
    assert client.get("/api/v1/analyses/double-space", params={"link": "nope"}).status_code == 404


def test_inside_allies_need_the_sensitive_permission(
    client: TestClient, client_as: Callable[..., TestClient]
) -> None:
    if True:  # one block: the data, then each kind of caller
        for id, sphere in [
            ("banana-link", "civil_society"),
            ("fruitco", "market"),
            ("colsiba", "union"),
        ]:
            _post(client, "actors", {"id": id, "name": id, "sphere": sphere})
        _post(client, "persons", {"id": "insider", "name": "Pseudonyme X"})
        _post(
            client, "relationships", {"type": "WORKS_IN", "from_id": "insider", "to_id": "fruitco"}
        )
        _post(
            client,
            "relationships",
            {
                "type": "SUPPORTS",
                "from_id": "insider",
                "to_id": "banana-link",
                "stance": "ally",
                "last_verified": "2026-01-01",
            },
        )
        _post(client, "relationships", {"type": "KNOWS", "from_id": "insider", "to_id": "colsiba"})
        _post(
            client,
            "relationships",
            {"type": "COOPERATES_WITH", "from_id": "banana-link", "to_id": "colsiba"},
        )
        params = {"actor": "banana-link", "target": "fruitco", "at": "2026-06-01"}
        # An administrator without the permission is refused too: it is not a role.
        for role in (Role.VIEWER, Role.ANALYST, Role.ADMIN):
            refused = client_as(role).get("/api/v1/analyses/inside-allies", params=params)
            assert refused.status_code == 403
            assert refused.headers["content-type"] == "application/problem+json"
            assert "insider" not in refused.text
        report = client.get("/api/v1/analyses/inside-allies", params=params).json()
        assert [(r["id"], r["stance"], r["via"], r["stale"]) for r in report["results"]] == [
            ("insider", "ally", ["colsiba"], False)
        ]


def test_cli_json_matches_the_api(florence: TestClient, neo4j_connection: Any) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "NEO4J_DATABASE": neo4j_connection.database,
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "graph_service.cli.main",
            "analyse",
            "brokers",
            "--territory",
            "florence",
            "--top",
            "5",
            "--format",
            "json",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    from_cli = json.loads(result.stdout)
    from_api = florence.get(
        "/api/v1/analyses/brokers", params={"territory": "florence", "top": 5}
    ).json()
    assert from_cli == from_api
    table = subprocess.run(
        [sys.executable, "-m", "graph_service.cli.main", "analyse", "brokers", "--top", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert table.returncode == 0 and "Medici" in table.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "graph_service.cli.main", "analyse", "allies", "--at", "yesterday"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 1 and "- at:" in bad.stderr


def test_the_fictional_inside_allies_example(clean_database: Database, client: TestClient) -> None:
    """The shipped example is fictional, says so on every node, and shows the
    analysis: the ally first, the sympathiser flagged as not verified for long,
    the opposed and the neutral left out."""
    path = shipped_dataset("inside-allies-example")
    document = json.loads(path.read_text(encoding="utf-8"))
    for node in document["nodes"]:
        name = node["properties"]["name"]
        assert node["properties"]["source"] == "exemple-fictif"
        assert "fictif" in name or "fictive" in name or name.startswith("Pseudonyme"), name
    TransferService(clean_database, OPERATOR).import_file(path)
    params = {"actor": "fictif-collectif", "target": "fictif-fruitco", "at": "2026-06-01"}
    report = client.get("/api/v1/analyses/inside-allies", params=params).json()
    assert [(r["id"], r["stance"], r["stale"]) for r in report["results"]] == [
        ("fictif-a", "ally", False),
        ("fictif-b", "sympathetic", True),
    ]
    assert report["results"][0]["via"] == ["fictif-syndicat"]


def test_an_option_the_analysis_does_not_read_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/analyses/levels", params={"top": 3})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "top"
    both = client.get(
        "/api/v1/analyses/levels", params={"at": "2015-01-01", "period_from": "2014-01-01"}
    )
    assert both.status_code == 422 and "rien n'a été écrit" not in both.text
