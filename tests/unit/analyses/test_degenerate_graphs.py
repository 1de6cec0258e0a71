"""Every report survives an empty scope, a lone actor and actors without ties:
a new territory or a fresh database is the first thing a user analyses."""

from __future__ import annotations

import networkx as nx
import pytest

from graph_service.analyses.allies import evaluate_allies, possible_allies
from graph_service.analyses.double_space import double_space
from graph_service.analyses.levels import multi_level
from graph_service.services.analyses import AnalysisQuery, brokers_report, silos_report


def _actors(count: int, ties: list[tuple[str, str]]) -> nx.Graph:
    graph = nx.Graph(conflicts=set())
    for i in range(count):
        graph.add_node(
            f"a{i}",
            name=f"A{i}",
            sphere="civil_society" if i % 2 else "market",
            side="north",
            territory="t",
            level="local",
        )
    graph.add_edges_from(ties, weight=1.0, distance=1.0)
    return graph


@pytest.mark.parametrize(
    "graph",
    [_actors(0, []), _actors(1, []), _actors(3, []), _actors(2, [("a0", "a1")])],
    ids=["empty", "alone", "no-ties", "one-tie"],
)
def test_reports_on_degenerate_graphs(graph: nx.Graph) -> None:
    query = AnalysisQuery(permutations=50, between=["market", "civil_society"])
    brokers = brokers_report(graph, query)
    assert brokers["summary"]["actors"] == graph.number_of_nodes()
    assert len(brokers["results"]) == graph.number_of_nodes()
    silos = silos_report(graph, query)
    assert silos["summary"]["ties"] == graph.number_of_edges()
    if graph.number_of_nodes():
        assert possible_allies(graph, "a0") == []
    assert evaluate_allies(graph)["hidden_ties"] <= 1
    assert double_space(graph)["crossing_ties"] == 0
    assert multi_level(nx.DiGraph())["levels"] == []
