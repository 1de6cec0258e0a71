"""Analyses of one actor read only its surroundings, and answer as if they had read
the whole scope: possible allies (two hops and what it shares) and introductions
(rings around both ends), on the reference dataset and on a synthetic ecosystem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from graph_service.analyses import allies
from graph_service.analyses.allies import LARGE_PLACE, existing_partners, possible_allies
from graph_service.analyses.brokers import introductions
from graph_service.cli.transfer import shipped_dataset
from graph_service.config import get_settings
from graph_service.projection import ProjectionOptions, project, project_around
from graph_service.repositories.database import Database
from graph_service.services.analyses import AnalysisName, AnalysisQuery, AnalysisService
from graph_service.services.transfer import TransferService
from importers.synthetic import write_json
from tests.callers import OPERATOR

SCOPES = [
    ProjectionOptions(),
    ProjectionOptions(territory="france"),
    ProjectionOptions(at=date(2015, 6, 1)),
]


@pytest.fixture
def caac(clean_database: Database) -> Database:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    return clean_database


@pytest.fixture
def synthetic(clean_database: Database, tmp_path: Path) -> Database:
    path = tmp_path / "synthetic.json"
    write_json(path, 1_500, seed=7)
    TransferService(clean_database, OPERATOR).import_file(path)
    return clean_database


@pytest.mark.parametrize("options", SCOPES, ids=["all", "territory", "date"])
def test_allies_around_an_actor_are_the_whole_scopes(
    caac: Database, options: ProjectionOptions
) -> None:
    whole = project(caac, options, place_sizes=True)
    assert whole.number_of_nodes() > 10
    for actor in sorted(whole):
        around = project_around(caac, options, actor, LARGE_PLACE)
        assert around.number_of_nodes() <= whole.number_of_nodes()
        assert possible_allies(around, actor, top=10) == possible_allies(whole, actor, top=10), (
            actor
        )
        assert existing_partners(around, actor) == existing_partners(whole, actor), actor


@pytest.mark.parametrize("large", [LARGE_PLACE, 20], ids=["default", "small-places"])
def test_allies_on_a_synthetic_ecosystem_read_a_small_part_of_it(
    synthetic: Database, large: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With a low threshold, the départemental forums count as large: their members
    # are no longer read for sitting in them, and the answers must not change.
    monkeypatch.setattr(allies, "LARGE_PLACE", large)
    options = ProjectionOptions()
    whole = project(synthetic, options, place_sizes=True)
    assert max(whole.graph["place_sizes"].values()) > 20
    read = []
    for actor in sorted(whole, key=str)[::50]:
        around = project_around(synthetic, options, actor, large)
        read.append(around.number_of_nodes())
        assert possible_allies(around, actor, top=10) == possible_allies(whole, actor, top=10), (
            actor
        )
    assert max(read) < whole.number_of_nodes() / 3, read


def test_an_actor_outside_the_scope_is_not_in_its_surroundings(caac: Database) -> None:
    around = project_around(
        caac, ProjectionOptions(territory="hauts-de-france"), "gret", LARGE_PLACE
    )
    assert "gret" not in around


def _service(database: Database) -> AnalysisService:
    return AnalysisService(database, get_settings(), caller=OPERATOR)


def test_introductions_from_rings_are_the_whole_scopes(synthetic: Database) -> None:
    options = ProjectionOptions()
    whole = project(synthetic, options)
    actors = sorted(whole, key=str)
    # Pairs 2 to 6 ties apart (each has an answer), and pairs picked blindly (most
    # are further apart than an introduction goes).
    pairs = [(actors[i], actors[-1 - 3 * i]) for i in range(0, 30, 6)]
    for actor in actors[::150]:
        distances = nx.single_source_shortest_path_length(whole, actor, cutoff=6)
        far = sorted((d, str(n)) for n, d in distances.items() if d >= 2)
        if far:
            pairs.append((actor, far[-1][1]))
    exact = 0
    reports = []
    for actor, target in pairs:
        report = (
            _service(synthetic)
            .analyse(AnalysisName.INTRODUCTIONS, AnalysisQuery(actor=actor, target=target, top=3))
            .report
        )
        reports.append(report)
        expected = introductions(whole, actor, target, k=3, max_ties=6)
        assert report["search"]["actors_read"] <= whole.number_of_nodes()
        if report["search"]["exact"]:
            exact += 1
            assert [p["cost"] for p in report["results"]] == [p["cost"] for p in expected]
            assert [p["path"] for p in report["results"]] == [p["path"] for p in expected], (
                actor,
                target,
            )
    assert exact == len(pairs)
    linked = sum(1 for report in reports if report["results"])
    assert linked >= 5, "too few linked pairs: the test would test nothing"


def test_introductions_say_when_nothing_links_the_two(caac: Database) -> None:
    report = (
        _service(caac)
        .analyse(
            AnalysisName.INTRODUCTIONS,
            AnalysisQuery(actor="grdr", target="ronalpia", top=3),
        )
        .report
    )
    whole = project(caac, ProjectionOptions())
    assert [p["path"] for p in report["results"]] == [
        p["path"] for p in introductions(whole, "grdr", "ronalpia", k=3, max_ties=6)
    ]
    assert report["search"]["exact"] is True
