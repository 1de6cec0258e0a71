"""The projection's graph building (rows -> networkx), without a database."""

from __future__ import annotations

from datetime import date

import pytest

from graph_service.domain.enums import RelationshipType
from graph_service.projection import ProjectionOptions, build_graph

ACTORS = [
    {
        "id": "grdr",
        "name": "GRDR",
        "sphere": "civil_society",
        "country": "FR",
        "home": "lille",
        "home_level": "local",
        "territories": ["lille"],
        "issues": ["migration"],
    },
    {"id": "kayes", "name": "Conseil régional de Kayes", "sphere": "public", "country": "ML"},
    {"id": "firm", "name": "Firm", "sphere": "market", "country": None},
]
TIES = [
    {
        "source": "grdr",
        "target": "kayes",
        "type": "COOPERATES_WITH",
        "strength": 3,
        "valid_from": date(2010, 1, 1),
    },
    {
        "source": "kayes",
        "target": "grdr",
        "type": "FUNDS",
        "strength": None,
        "valid_from": date(2005, 1, 1),
    },
    {"source": "firm", "target": "grdr", "type": "OPPOSES", "strength": None},
    {"source": "firm", "target": "outsider", "type": "COOPERATES_WITH", "strength": 1},
]


def test_nodes_carry_attributes_and_sides() -> None:
    graph = build_graph(ACTORS, [], [], ProjectionOptions())
    assert graph.nodes["grdr"]["side"] == "north" and graph.nodes["kayes"]["side"] == "south"
    assert graph.nodes["firm"]["side"] == "unknown"
    assert (
        graph.nodes["grdr"]["territory"] == "lille" and graph.nodes["kayes"]["level"] == "unknown"
    )
    assert graph.nodes["grdr"]["issues"] == frozenset({"migration"})


def test_parallel_ties_merge_and_conflicts_stay_apart() -> None:
    graph = build_graph(ACTORS, TIES, [], ProjectionOptions())
    edge = graph.edges["grdr", "kayes"]
    assert edge["weight"] == 1.5  # the strongest of the two ties
    assert edge["types"] == ["COOPERATES_WITH", "FUNDS"]
    assert edge["since"] == date(2005, 1, 1)
    assert edge["distance"] == pytest.approx(1 / 1.5)
    assert not graph.has_edge("firm", "grdr")
    assert graph.graph["conflicts"] == {frozenset(("firm", "grdr"))}
    assert "outsider" not in graph  # ties leave the scope only with both ends inside


def test_type_weights_and_derived_ties() -> None:
    options = ProjectionOptions(weights={RelationshipType.FUNDS: 0.0}, shared_weight=0.1)
    shared = [{"source": "firm", "target": "kayes", "shared": 2}]
    graph = build_graph(ACTORS, TIES[1:2], shared, options)
    assert not graph.has_edge("grdr", "kayes")  # FUNDS weighs nothing here
    assert graph.edges["firm", "kayes"]["weight"] == pytest.approx(0.2)
    assert graph.edges["firm", "kayes"]["types"] == ["SHARED"]
    assert not build_graph(ACTORS, [], shared, ProjectionOptions()).has_edge("firm", "kayes")


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="tie types"):
        ProjectionOptions(relations=(RelationshipType.ANCHORED_IN,))
    with pytest.raises(ValueError, match="either"):
        ProjectionOptions(at=date(2020, 1, 1), period=(date(2019, 1, 1), None))
    assert ProjectionOptions(at=date(2020, 1, 1)).window == (date(2020, 1, 1), date(2020, 1, 1))


def test_query_weights_are_type_equals_number() -> None:
    from pydantic import ValidationError

    from graph_service.services.analyses import AnalysisQuery

    query = AnalysisQuery(weights=["FUNDS=0.5", "MEMBER_OF = 0"])
    assert query.type_weights() == {RelationshipType.FUNDS: 0.5, RelationshipType.MEMBER_OF: 0.0}
    for bad in (["FUNDS"], ["LOVES=1"], ["FUNDS=-1"], ["FUNDS=much"]):
        with pytest.raises(ValidationError):
            AnalysisQuery(weights=bad)
