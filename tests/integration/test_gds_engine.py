"""The GDS engine (engine=gds): betweenness and Louvain computed inside Neo4j by the
Graph Data Science library give the Python engine's answers on the reference
dataset — betweenness to the ninth decimal, communities as good a partition (the
two Louvain implementations visit nodes in different orders, so their partitions
may differ a little)."""

from __future__ import annotations

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
