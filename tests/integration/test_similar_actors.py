"""Similar actors on the reference dataset: the GDS engine (Neo4j's node
similarity) gives the Python engine's scores, the rings read around one actor give
the whole scope's answer, the pairs found inside the database are the graph's, and
the analysis is asked by name through the API, the CLI and the maps."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.analyses import similar as similar_analysis
from graph_service.cli.transfer import shipped_dataset
from graph_service.config import Settings, get_settings
from graph_service.projection import project
from graph_service.repositories.database import Database
from graph_service.services.analyses import (
    AnalysisName,
    AnalysisQuery,
    AnalysisService,
    projection_options,
)
from graph_service.services.transfer import TransferService
from tests.callers import OPERATOR
from tests.integration.cli import cli_env, run_cli

#: Options under which the engines are compared: plain, weighted (with type weights,
#: so that tie weights differ), on a territory, and with every actor compared.
OPTIONS = [
    {},
    {"weighted": True, "weights": ["FUNDS=0.5", "MEMBER_OF=0.3"]},
    {"operation": "caac"},
    {"min_partners": 1},
]
IDS = ["plain", "weighted", "operation", "min-partners-1"]


@pytest.fixture
def caac(clean_database: Database) -> Database:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    return clean_database


def _report(database: Database, settings: Settings | None = None, **options: Any) -> Any:
    service = AnalysisService(database, settings or get_settings(), caller=OPERATOR)
    return service.analyse(AnalysisName.SIMILAR, AnalysisQuery.model_validate(options)).report


def _scores(rows: list[dict[str, Any]], key: str = "id") -> list[tuple[Any, float]]:
    return [(row[key], row["score"]) for row in rows]


@pytest.mark.parametrize("options", OPTIONS, ids=IDS)
def test_each_actors_similar_actors_agree_between_engines_and_with_the_whole_scope(
    caac: Database, options: dict[str, Any]
) -> None:
    query = AnalysisQuery.model_validate(options)
    whole = project(caac, projection_options(query, get_settings()))
    weight = "weight" if query.weighted else None
    compared = 0
    for actor in sorted(whole):
        if whole.degree(actor) < query.min_partners:
            assert _report(caac, actor=actor, **options)["results"] == []
            continue
        expected = similar_analysis.similar_to(
            whole, actor, top=50, weight=weight, min_partners=query.min_partners
        )
        python = _report(caac, actor=actor, top=50, **options)
        gds = _report(caac, actor=actor, top=50, engine="gds", **options)
        assert python["search"]["around"] and python["search"]["exact"]
        assert [r["id"] for r in python["results"]] == [r["id"] for r in expected], actor
        for mine, want in zip(python["results"], expected, strict=True):
            assert mine["score"] == pytest.approx(want["score"], abs=1e-6)
            assert [p["id"] for p in mine["shared"]] == want["shared"]
            assert mine["partners"] == want["partners"] and mine["tied"] == want["tied"]
        assert [r["id"] for r in gds["results"]] == [r["id"] for r in python["results"]], actor
        for mine, theirs in zip(python["results"], gds["results"], strict=True):
            assert theirs["score"] == pytest.approx(mine["score"], abs=1e-9)
        compared += bool(expected)
    assert compared >= 10  # enough actors have similar ones to agree on


@pytest.mark.parametrize("options", OPTIONS, ids=IDS)
def test_the_most_similar_pairs_agree_between_engines_and_inside_the_database(
    caac: Database, options: dict[str, Any]
) -> None:
    """GDS may pick other pairs among equal scores at the cut: the scores agree,
    and so do the pairs above the last score."""
    python = _report(caac, top=12, **options)["results"]
    gds = _report(caac, top=12, engine="gds", **options)["results"]
    settings = get_settings().model_copy(update={"gds_in_database_above": 0})
    inside = _report(caac, settings, top=12, engine="gds", **options)
    assert inside["search"]["in_database"] and not _report(caac, top=1)["search"]["in_database"]
    assert len(python) == 12
    for other in (gds, inside["results"]):
        assert [row["score"] for row in other] == pytest.approx([r["score"] for r in python])
        last = python[-1]["score"]

        def above(rows: list[dict[str, Any]], last: float = last) -> set[tuple[str, str]]:
            return {(r["a"]["id"], r["b"]["id"]) for r in rows if r["score"] > last + 1e-9}

        assert above(other) == above(python)
        by_pair = {(r["a"]["id"], r["b"]["id"]): r for r in python}
        for row in other:
            mine = by_pair.get((row["a"]["id"], row["b"]["id"]))
            if mine is not None:
                assert row["shared"] == mine["shared"] and row["tied"] == mine["tied"]
    # Read around the pairs only, whose partners name the shared ones.
    assert (
        inside["search"]["actors_read"]
        < project(
            caac, projection_options(AnalysisQuery.model_validate(options), get_settings())
        ).number_of_nodes()
    )


def test_asked_by_name_through_the_api(caac: Database, client: TestClient) -> None:
    answered = client.get("/api/v1/analyses/similar", params={"actor": "GRDR", "top": 3})
    assert answered.status_code == 200, answered.text
    report = answered.json()
    assert report["actor"]["id"] == "grdr" and report["actor"]["name"]
    assert len(report["results"]) == 3
    first = report["results"][0]
    assert first["name"] != first["id"] and first["shared"][0]["name"]
    assert 0 < first["score"] <= 1
    pairs = client.get("/api/v1/analyses/similar", params={"engine": "gds", "top": 2}).json()
    assert [set(row) for row in pairs["results"]] == [{"a", "b", "score", "shared", "tied"}] * 2
    # Options it does not read are refused, naming them; bounds are checked.
    refused = client.get("/api/v1/analyses/similar", params={"partition": "side"})
    assert refused.status_code == 422 and "partition" in refused.text
    bounded = client.get("/api/v1/analyses/similar", params={"min_partners": 0})
    assert bounded.status_code == 422 and "min_partners" in bounded.text
    unknown = client.get("/api/v1/analyses/similar", params={"actor": "nobody"})
    assert unknown.status_code == 422 and "nobody" in unknown.text


def test_through_the_cli(caac: Database, neo4j_connection: Any) -> None:
    env = cli_env(neo4j_connection)
    table = run_cli(env, "analyse", "similar", "--actor", "GRDR", "--top", "3")
    assert table.returncode == 0, table.stdout + table.stderr
    assert "semblable" in table.stdout and "partenaire(s) commun(s)" in table.stdout
    arguments = ("analyse", "similar", "--engine", "gds", "--min-partners", "3")
    answered = run_cli(env, *arguments, "--top", "2", "--format", "json")
    assert answered.returncode == 0, answered.stdout + answered.stderr
    report = json.loads(answered.stdout)
    assert report["parameters"]["min_partners"] == 3 and report["parameters"]["engine"] == "gds"
    assert all(len(row["shared"]) >= 1 for row in report["results"])


def test_the_maps_of_one_actor_and_of_a_scope(caac: Database, client: TestClient) -> None:
    one = client.get("/maps/similar/document", params={"actor": "GRDR", "top": 4}).json()
    assert one["title"].startswith("Acteurs au réseau semblable")
    assert "lus autour de la question" in one["scope"]
    assert one["columns"][0] == "Acteur semblable" and len(one["rows"]) == 4
    assert "partenaire(s) commun(s)" in one["rows"][0]["sentence"]
    similar = [edge for edge in one["edges"] if edge["emphasis"] == "similar"]
    assert len(similar) == 4 and all(edge["source"] == "grdr" for edge in similar)
    drawn = {node["id"] for node in one["nodes"]}
    assert {edge["target"] for edge in similar} <= drawn
    pairs = client.get("/maps/similar/document", params={"top": 3, "lang": "en"}).json()
    assert pairs["title"].startswith("Actors with similar networks")
    assert pairs["columns"][0] == "Pair of actors" and "↔" in pairs["rows"][0]["name"]
    page = client.get("/maps/similar", params={"actor": "GRDR"})
    assert page.status_code == 200 and "<html" in page.text
