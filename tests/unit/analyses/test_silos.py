"""Cloisonnement: E-I by hand, permutation test, mixing, communities."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graph_service.analyses.silos import (
    TieTable,
    adjusted_rand_index,
    ei_index,
    leiden_communities,
    louvain_communities,
    missing_bridges,
    mixing_matrix,
    normalized_mutual_information,
    silo_change,
    table_figures,
)

# Six actors in three spheres; seven ties, two of which cross spheres.
#   civil_society: a1 a2 a3 (a1-a2, a2-a3, a1-a3)     market: m1 m2 (m1-m2)
#   public: p1 (alone)        crossing: a3-m1, a2-p1 ; plus m2-m1 already counted
SPHERES = {
    "a1": "civil_society",
    "a2": "civil_society",
    "a3": "civil_society",
    "m1": "market",
    "m2": "market",
    "p1": "public",
}
TIES = [("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("m1", "m2"), ("a3", "m1"), ("a2", "p1")]


@pytest.fixture
def graph() -> nx.Graph:
    g = nx.Graph(TIES)
    return g


def test_ei_index_by_hand(graph: nx.Graph) -> None:
    result = ei_index(graph, SPHERES, permutations=0)
    # internal = 4 (three civil-society ties, one market tie), external = 2
    assert result["network"] == pytest.approx((2 - 4) / 6)
    # possible pairs: 15; internal possible = 3 (civil) + 1 (market) = 4; external 11
    assert result["expected"] == pytest.approx((11 - 4) / 15)
    # civil society: internal 3, external 2 -> -1/5; market: internal 1, external 1 -> 0
    assert result["groups"] == {"civil_society": pytest.approx(-0.2), "market": 0.0, "public": 1.0}
    # a2 has ties a1, a3 (inside) and p1 (outside): (1 - 2) / 3
    assert result["actors"]["a2"] == pytest.approx(-1 / 3)
    assert result["actors"]["p1"] == 1.0


def test_permutation_test_detects_planted_silos_and_is_reproducible() -> None:
    planted = nx.planted_partition_graph(4, 10, 0.6, 0.02, seed=3)
    groups = {v: f"g{v // 10}" for v in planted}
    first = ei_index(planted, groups, permutations=500, seed=11)
    again = ei_index(planted, groups, permutations=500, seed=11)
    assert first == again
    assert first["network"] < first["expected"]
    assert first["p_value"] < 0.01 and first["p_siloed"] < 0.01
    mixed = ei_index(nx.gnm_random_graph(40, 120, seed=4), groups, permutations=500, seed=11)
    assert mixed["p_value"] > 0.05


def test_mixing_matrix_and_densities(graph: nx.Graph) -> None:
    matrix = mixing_matrix(graph, SPHERES)
    assert matrix["counts"]["civil_society"] == {"civil_society": 3, "market": 1, "public": 1}
    assert matrix["density"]["civil_society"]["civil_society"] == 1.0
    assert matrix["density"]["civil_society"]["market"] == pytest.approx(1 / 6)
    assert matrix["density"]["public"]["public"] is None  # a group of one has no inner pair


def test_missing_bridges(graph: nx.Graph) -> None:
    assert missing_bridges(graph, SPHERES) == [["market", "public"]]


def test_communities_are_seeded_and_compared_with_spheres() -> None:
    planted = nx.planted_partition_graph(3, 12, 0.7, 0.01, seed=5)
    first = louvain_communities(planted, weight=None, seed=1)
    assert first == louvain_communities(planted, weight=None, seed=1)
    nodes = sorted(planted)
    declared = [v // 12 for v in nodes]
    found = [first[v] for v in nodes]
    assert normalized_mutual_information(declared, found) == pytest.approx(1.0)
    assert adjusted_rand_index(declared, found) == pytest.approx(1.0)


def test_leiden_finds_planted_communities_all_connected() -> None:
    planted = nx.planted_partition_graph(4, 15, 0.6, 0.02, seed=7)
    first = leiden_communities(planted, weight=None, seed=2)
    assert first == leiden_communities(planted, weight=None, seed=2)
    nodes = sorted(planted)
    declared = [v // 15 for v in nodes]
    assert normalized_mutual_information(declared, [first[v] for v in nodes]) > 0.9
    for number in set(first.values()):
        members = [v for v in nodes if first[v] == number]
        assert nx.is_connected(planted.subgraph(members))
    # Unlike Louvain's, Leiden's communities are never split inside: a community
    # made of two cliques joined by nothing is two communities.
    split = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    assert len(set(leiden_communities(split, weight=None).values())) == 2


@pytest.mark.parametrize("seed", range(4))
def test_the_tie_table_gives_the_graphs_figures(seed: int) -> None:
    """The arrays a scope too large for a graph is counted on give what the graph
    gives: E-I (network, expected, groups), mixing, missing bridges, and networkx's
    assortativity and modularity, weighted or not (an isolated actor included)."""
    graph = nx.gnm_random_graph(60, 150, seed=seed)
    rng = random.Random(seed)
    partition = {node: rng.choice("abcd") for node in graph}
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = rng.choice([0.5, 1.0, 1.5])
    graph.add_node(999)
    partition[999] = "e"
    table = TieTable.of(graph, partition)
    ei = ei_index(graph, partition, permutations=0)
    nx.set_node_attributes(graph, partition, "_group")
    blocks: dict[str, set[int]] = {}
    for node, group in partition.items():
        blocks.setdefault(group, set()).add(node)
    for weighted in (False, True):
        figures = table_figures(table, permutations=0, seed=0, weighted=weighted)
        assert figures["ei_index"]["network"] == ei["network"]
        assert figures["ei_index"]["expected"] == pytest.approx(ei["expected"], abs=1e-12)
        assert figures["ei_index"]["groups"] == ei["groups"]
        assert figures["mixing_matrix"] == mixing_matrix(graph, partition)
        assert figures["missing_bridges"] == missing_bridges(graph, partition)
        assert figures["assortativity"] == pytest.approx(
            nx.attribute_assortativity_coefficient(graph, "_group"), abs=1e-12
        )
        modularity = nx.community.modularity(
            graph, list(blocks.values()), weight="weight" if weighted else None
        )
        assert figures["modularity"] == pytest.approx(modularity, abs=1e-12)
    tested = table_figures(table, permutations=200, seed=1, weighted=False)["ei_index"]
    assert 0 < tested["p_value"] <= 1 and 0 < tested["p_siloed"] <= 1


def test_nmi_and_ari_against_reference_values() -> None:
    # Reference values computed with scikit-learn 1.9 (normalized_mutual_info_score,
    # adjusted_rand_score) for these labels.
    a = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2]
    b = [0, 0, 1, 1, 1, 2, 2, 2, 0, 0]
    assert normalized_mutual_information(a, b) == pytest.approx(0.3946484, abs=1e-6)
    assert adjusted_rand_index(a, b) == pytest.approx(0.0909091, abs=1e-6)


def test_silo_change_reports_decloisonnement() -> None:
    before = {
        "ei_index": {"network": -0.6},
        "modularity": 0.5,
        "assortativity": 0.7,
        "missing_bridges": [["market", "union"], ["public", "union"]],
    }
    after = {
        "ei_index": {"network": -0.1},
        "modularity": 0.3,
        "assortativity": 0.2,
        "missing_bridges": [["public", "union"]],
    }
    change = silo_change(before, after)
    assert change["ei_index"] == pytest.approx(0.5)
    assert change["bridges_built"] == [["market", "union"]]
    assert change["bridges_lost"] == []
