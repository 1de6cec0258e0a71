"""The GDS engine (engine=gds): betweenness and Louvain computed inside Neo4j by the
Graph Data Science library give the Python engine's answers on the reference
dataset — betweenness to the ninth decimal, communities as good a partition (the
two Louvain implementations visit nodes in different orders, so their partitions
may differ a little)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.cli.transfer import shipped_dataset
from graph_service.config import get_settings
from graph_service.repositories.database import Database
from graph_service.services.analyses import (
    AnalysisName,
    AnalysisQuery,
    AnalysisService,
    Engine,
)
from graph_service.services.maps import MapKind, MapQuery, MapService
from graph_service.services.transfer import TransferService
from tests.callers import OPERATOR
from tests.integration.cli import cli_env, run_cli


@pytest.fixture
def caac(clean_database: Database) -> Database:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    return clean_database


def _report(database: Database, name: AnalysisName, **options: object) -> dict[str, object]:
    service = AnalysisService(database, get_settings(), caller=OPERATOR)
    return service.analyse(name, AnalysisQuery.model_validate(options)).report


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("scope", [{}, {"territory": "France"}, {"weights": ["FUNDS=0.5"]}])
def test_gds_betweenness_is_the_python_engines(
    caac: Database, weighted: bool, scope: dict[str, object]
) -> None:
    options = {"top": 1000, "weighted": weighted, **scope}
    python = _report(caac, AnalysisName.BROKERS, **options)
    gds = _report(caac, AnalysisName.BROKERS, engine=Engine.GDS, **options)
    ours = {row["id"]: row["betweenness"] for row in python["results"]}  # type: ignore[attr-defined]
    theirs = {row["id"]: row["betweenness"] for row in gds["results"]}  # type: ignore[attr-defined]
    assert ours.keys() == theirs.keys()
    assert max(ours.values()) > 0.05  # there are brokers to agree on
    for actor, value in ours.items():
        assert theirs[actor] == pytest.approx(value, abs=1e-9), actor


def test_gds_communities_are_as_good_a_partition(caac: Database) -> None:
    python = _report(caac, AnalysisName.SILOS, permutations=0)
    gds = _report(caac, AnalysisName.SILOS, permutations=0, engine=Engine.GDS)
    mine = python["communities"]  # type: ignore[index]
    theirs = gds["communities"]  # type: ignore[index]
    assert theirs["count"] == pytest.approx(mine["count"], rel=0.1)
    assert theirs["nmi"] == pytest.approx(mine["nmi"], abs=0.05)
    # The declared-sphere figures do not depend on the engine.
    assert gds["ei_index"] == python["ei_index"]
    assert gds["modularity"] == python["modularity"]


def test_leiden_in_both_engines_through_the_api_and_the_cli(
    caac: Database, client: TestClient, neo4j_connection: Any
) -> None:
    python = _report(caac, AnalysisName.SILOS, permutations=0, algorithm="leiden")
    gds = _report(caac, AnalysisName.SILOS, permutations=0, algorithm="leiden", engine=Engine.GDS)
    mine, theirs = python["communities"], gds["communities"]  # type: ignore[index]
    assert theirs["count"] == pytest.approx(mine["count"], rel=0.1)
    assert theirs["nmi"] == pytest.approx(mine["nmi"], abs=0.05)
    assert gds == _report(
        caac, AnalysisName.SILOS, permutations=0, algorithm="leiden", engine=Engine.GDS
    )  # seeded and on one thread: the same answer again
    answered = client.get("/api/v1/analyses/silos", params={"algorithm": "leiden"})
    assert answered.status_code == 200, answered.text
    assert answered.json()["communities"]["count"] == mine["count"]
    refused = client.get("/api/v1/analyses/silos", params={"algorithm": "infomap"})
    assert refused.status_code == 422 and "algorithm" in refused.text
    arguments = ("analyse", "silos", "--algorithm", "leiden", "--format", "json")
    cli = run_cli(cli_env(neo4j_connection), *arguments, "--permutations", "0")
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert json.loads(cli.stdout)["communities"]["count"] == mine["count"]


def test_the_engine_through_the_api_and_the_cli(
    caac: Database, client: TestClient, neo4j_connection: Any
) -> None:
    answered = client.get("/api/v1/analyses/brokers", params={"engine": "gds", "top": 3})
    assert answered.status_code == 200, answered.text
    assert answered.json()["results"][0]["betweenness"] > 0
    # Where it means nothing, the option is refused, naming it.
    refused = client.get("/api/v1/analyses/allies", params={"actor": "GRDR", "engine": "gds"})
    assert refused.status_code == 422
    assert "engine" in refused.text
    unknown = client.get("/api/v1/analyses/silos", params={"engine": "spark"})
    assert unknown.status_code == 422
    cli = run_cli(cli_env(neo4j_connection), "analyse", "brokers", "--engine", "gds", "--top", "3")
    assert cli.returncode == 0, cli.stdout + cli.stderr
    assert "Intermédiaires" in cli.stdout or "intermédiarité" in cli.stdout.lower()


def _rows_agree(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> None:
    assert [row["id"] for row in theirs] == [row["id"] for row in ours]
    for mine, other in zip(ours, theirs, strict=True):
        for key, value in mine.items():
            if isinstance(value, float):
                assert other[key] == pytest.approx(value, abs=1e-9), (mine["id"], key)
            elif isinstance(value, dict):
                assert other[key] == pytest.approx(value, abs=1e-6), (mine["id"], key)
            else:
                assert other[key] == value, (mine["id"], key)


@pytest.mark.parametrize(
    "options",
    [{}, {"weighted": True}, {"territory": "France", "partition": "side"}],
    ids=["plain", "weighted", "territory-side"],
)
def test_brokers_in_the_database_give_the_python_engines_top_rows(
    caac: Database, options: dict[str, object]
) -> None:
    """Above the threshold, only the top rows come back, each measure computed on the
    actor's surroundings: the same values as on the whole scope, ties at the cut
    ordered by id as in Python (the reference dataset has many zero scores)."""
    python = _report(caac, AnalysisName.BROKERS, top=15, **options)
    settings = get_settings().model_copy(update={"gds_in_database_above": 0})
    service = AnalysisService(caac, settings, caller=OPERATOR)
    query = AnalysisQuery.model_validate({"top": 15, "engine": "gds", **options})
    inside = service.analyse(AnalysisName.BROKERS, query).report
    assert inside["summary"] == python["summary"]
    assert inside["scope_check"] == python["scope_check"]
    assert inside["in_database"]["actors_read"] < inside["summary"]["actors"]
    assert "bridges" in inside["in_database"]["not_computed"]
    _rows_agree(python["results"], inside["results"])  # type: ignore[arg-type]


def test_brokers_stay_in_python_below_the_threshold(caac: Database) -> None:
    report = _report(caac, AnalysisName.BROKERS, engine=Engine.GDS, top=3)
    assert "in_database" not in report
    assert report["bridges"]  # a whole-scope figure


def test_the_threshold_through_the_cli(caac: Database, neo4j_connection: Any) -> None:
    env = cli_env(neo4j_connection, MAILLAGE_GDS_IN_DATABASE_ABOVE="10")
    arguments = ("analyse", "brokers", "--engine", "gds", "--top", "3", "--format", "json")
    answered = run_cli(env, *arguments)
    assert answered.returncode == 0, answered.stdout + answered.stderr
    report = json.loads(answered.stdout)
    assert report["in_database"]["above"] == 10
    assert report["results"][0]["name"] and report["results"][0]["betweenness"] > 0
    # The map of such a report (the CLI's table) draws the top brokers' surroundings.
    table = run_cli(env, "analyse", "brokers", "--engine", "gds", "--top", "3")
    assert table.returncode == 0, table.stdout + table.stderr
    assert report["results"][0]["name"] in table.stdout


def test_a_sampled_estimate_comes_with_its_error(caac: Database) -> None:
    exact = _report(caac, AnalysisName.BROKERS, top=5)
    sampled = _report(caac, AnalysisName.BROKERS, top=5, sample=60, seed=3)
    assert all(row["betweenness_error"] is None for row in exact["results"])  # type: ignore[index]
    errors = [row["betweenness_error"] for row in sampled["results"]]  # type: ignore[index]
    assert all(isinstance(e, float) and e >= 0 for e in errors) and any(errors)
    gds = _report(caac, AnalysisName.BROKERS, top=5, sample=60, seed=3, engine=Engine.GDS)
    assert all(row["betweenness_error"] is None for row in gds["results"])  # type: ignore[index]
    # Sampled in GDS: the same seed, the same sources (one thread), the same answer.
    again = _report(caac, AnalysisName.BROKERS, top=5, sample=60, seed=3, engine=Engine.GDS)
    assert again["results"] == gds["results"]


@pytest.mark.parametrize(
    "options",
    [{}, {"weighted": True}, {"territory": "France", "partition": "side"}, {"algorithm": "leiden"}],
    ids=["plain", "weighted", "territory-side", "leiden"],
)
def test_silos_in_the_database_give_the_figures_of_the_graph(
    caac: Database, options: dict[str, object]
) -> None:
    """Counted on arrays from GDS, never built into a graph: the same figures as the
    graph gives with the same engine's communities; the permutation test is another
    draw of the same test; what lists every actor is left out."""
    common = {"permutations": 200, "engine": "gds", **options}
    graph = _report(caac, AnalysisName.SILOS, **common)
    settings = get_settings().model_copy(update={"gds_in_database_above": 0})
    service = AnalysisService(caac, settings, caller=OPERATOR)
    query = AnalysisQuery.model_validate(common)
    inside = service.analyse(AnalysisName.SILOS, query).report
    for key in ("summary", "scope_check", "mixing_matrix", "assortativity", "modularity"):
        assert inside[key] == graph[key], key
    assert inside["missing_bridges"] == graph["missing_bridges"]
    ours, theirs = graph["ei_index"], inside["ei_index"]  # type: ignore[index]
    for key in ("network", "expected", "groups", "permutations"):
        assert theirs[key] == ours[key], key
    assert theirs["p_value"] == pytest.approx(ours["p_value"], abs=0.15)
    assert "actors" not in theirs
    found = inside["communities"]  # type: ignore[index]
    assert {k: found[k] for k in ("nmi", "ari", "count")} == {
        k: graph["communities"][k]  # type: ignore[index]
        for k in ("nmi", "ari", "count")
    }
    assert "membership" not in found
    assert inside["in_database"]["not_computed"]  # type: ignore[index]


def test_silos_in_the_database_through_the_cli(caac: Database, neo4j_connection: Any) -> None:
    env = cli_env(neo4j_connection, MAILLAGE_GDS_IN_DATABASE_ABOVE="10")
    arguments = ("analyse", "silos", "--engine", "gds", "--permutations", "50")
    answered = run_cli(env, *arguments, "--format", "json")
    assert answered.returncode == 0, answered.stdout + answered.stderr
    report = json.loads(answered.stdout)
    assert report["in_database"]["above"] == 10 and report["summary"]["actors"] > 10
    table = run_cli(env, *arguments)  # the map's words: the figures, no actor
    assert table.returncode == 0, table.stdout + table.stderr
    assert "E-I" in table.stdout and "Ponts manquants" in table.stdout
    # The reading says the map holds none of the scope's actors, and why.
    assert "Calculé dans la base" in table.stdout
    assert f"{report['summary']['actors']} acteurs" in table.stdout


def test_an_in_database_map_says_what_it_draws(caac: Database) -> None:
    settings = get_settings().model_copy(update={"gds_in_database_above": 0})
    maps = MapService(caac, settings, caller=OPERATOR)
    silos = maps.document(MapKind.SILOS, MapQuery.model_validate({"engine": "gds"}))
    assert not silos.nodes
    assert silos.reading[0].startswith("Calculé dans la base")
    assert "Trop d'acteurs" in silos.ui["empty"]  # not "nothing in this scope"
    brokers = maps.document(MapKind.BROKERS, MapQuery.model_validate({"engine": "gds"}))
    assert f"la carte en montre {len(brokers.nodes)}" in brokers.reading[0]
    plain = maps.document(MapKind.SILOS, MapQuery.model_validate({}))
    assert not plain.reading[0].startswith("Calculé dans la base")


def test_both_in_the_database_between_two_dates(caac: Database) -> None:
    """compare_at in the database: the same headline changes as the graph gives, the
    tie-by-tie change (it lists ties) left out and said so."""
    dates = {"at": "2010-01-01", "compare_at": "2016-01-01", "engine": "gds"}
    settings = get_settings().model_copy(update={"gds_in_database_above": 0})
    service = AnalysisService(caac, settings, caller=OPERATOR)
    silos = service.analyse(
        AnalysisName.SILOS, AnalysisQuery.model_validate({**dates, "permutations": 0})
    ).report
    graph = _report(caac, AnalysisName.SILOS, permutations=0, **dates)
    assert silos["compared"]["summary"] == graph["compared"]["summary"]  # type: ignore[index]
    for key in ("ei_index", "modularity", "assortativity", "bridges_built", "bridges_lost"):
        assert silos["change"][key] == graph["change"][key], key  # type: ignore[index]
    assert "change.ties" in silos["in_database"]["not_computed"]
    brokers = service.analyse(
        AnalysisName.BROKERS, AnalysisQuery.model_validate({**dates, "top": 5})
    ).report
    python = _report(caac, AnalysisName.BROKERS, top=5, **dates)
    assert brokers["change"]["betweenness"] == python["change"]["betweenness"]  # type: ignore[index]
