"""Brokers: checked against networkx, brute-force enumeration and Monte Carlo."""

from __future__ import annotations

import itertools
import math
import random
from datetime import date

import networkx as nx
import pytest

from graph_service.analyses.brokers import (
    ROLES,
    between_group_brokers,
    betweenness,
    bridges_and_cut_points,
    brokerage_roles,
    burt_constraint,
    effective_size,
    introductions,
    sampled_betweenness,
)


def _weighted_random_graph(seed: int) -> nx.Graph:
    graph = nx.gnm_random_graph(40, 110, seed=seed)
    rng = random.Random(seed)
    for u, v in graph.edges:
        # Distances that are exact binary fractions: networkx compares path lengths
        # exactly, igraph with a tolerance, so 3 x (1/1.5) would split them.
        graph.edges[u, v]["weight"] = rng.choice([0.5, 1.0, 2.0])
        graph.edges[u, v]["distance"] = 1 / graph.edges[u, v]["weight"]
    return graph


def test_medici_are_the_top_broker_of_the_florentine_families() -> None:
    scores = betweenness(nx.florentine_families_graph())
    assert max(scores, key=scores.__getitem__) == "Medici"
    assert scores["Medici"] == pytest.approx(0.521978, abs=1e-6)  # Padgett & Ansell's network


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("normalized", [True, False])
def test_betweenness_matches_networkx(seed: int, normalized: bool) -> None:
    graph = _weighted_random_graph(seed)
    for weight in (None, "distance"):
        expected = nx.betweenness_centrality(graph, weight=weight, normalized=normalized)
        got = betweenness(graph, weight=weight, normalized=normalized)
        assert got == pytest.approx(expected, abs=1e-9)
        sampled_expected = nx.betweenness_centrality(
            graph, k=12, seed=seed, weight=weight, normalized=normalized
        )
        sampled = betweenness(graph, k=12, seed=seed, weight=weight, normalized=normalized)
        assert sampled == pytest.approx(sampled_expected, abs=1e-9)


def _brute_force_brokerage(graph: nx.DiGraph, groups: dict[int, str]) -> dict[int, dict[str, int]]:
    counts = {v: dict.fromkeys(ROLES, 0) for v in graph}
    for i, j, k in itertools.permutations(graph.nodes, 3):
        if graph.has_edge(i, j) and graph.has_edge(j, k) and not graph.has_edge(i, k):
            gi, gj, gk = groups[i], groups[j], groups[k]
            if gi == gj == gk:
                role = "coordinator"
            elif gi == gk:
                role = "itinerant"
            elif gi == gj:
                role = "representative"
            elif gj == gk:
                role = "gatekeeper"
            else:
                role = "liaison"
            counts[j][role] += 1
    return counts


@pytest.mark.parametrize("seed", range(6))
def test_gould_fernandez_counts_match_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    directed = seed % 2 == 0
    graph = nx.gnp_random_graph(18, 0.2, seed=seed, directed=directed)
    groups = {v: rng.choice("abc") for v in graph}
    result = brokerage_roles(graph, groups)
    truth = _brute_force_brokerage(graph if directed else graph.to_directed(), groups)
    for node in graph:
        for role in ROLES:
            assert result.raw[node][role] == truth[node][role], (node, role)
        assert result.raw[node]["total"] == sum(truth[node].values())
    if not directed:  # reciprocated arcs: every crossing two-path counts both ways
        assert all(result.raw[v]["representative"] == result.raw[v]["gatekeeper"] for v in graph)


def test_expected_roles_add_up_to_the_expected_total() -> None:
    graph = nx.gnp_random_graph(30, 0.15, seed=4, directed=True)
    groups = {v: "abcd"[v % 4] if v < 20 else "e" for v in graph}
    result = brokerage_roles(graph, groups)
    for node in graph:
        expected = result.expected[node]
        assert sum(expected[role] for role in ROLES) == pytest.approx(expected["total"])


def test_expected_roles_match_a_monte_carlo_of_random_digraphs() -> None:
    """sna's expectations: a random digraph of density d, fixed groups."""
    n, density, trials = 12, 0.3, 400
    groups = {v: "ab"[v % 2] if v < 9 else "c" for v in range(n)}
    rng = random.Random(7)
    sums = {role: 0.0 for role in (*ROLES, "total")}
    expected = None
    arcs = round(density * n * (n - 1))
    for _ in range(trials):
        graph = nx.gnm_random_graph(n, arcs, seed=rng.randrange(10**9), directed=True)
        result = brokerage_roles(graph, groups)
        expected = result.expected[0]
        for role in sums:
            sums[role] += result.raw[0][role]
    assert expected is not None
    for role, total in sums.items():
        mean = total / trials
        # gnm fixes the arc count, so the spread is a little under sna's variance.
        assert mean == pytest.approx(expected[role], rel=0.2, abs=0.35), role


def test_brokerage_z_is_none_where_there_is_no_variance() -> None:
    result = brokerage_roles(nx.path_graph(3), {0: "a", 1: "a", 2: "a"})
    assert result.raw[1]["coordinator"] == 2
    assert result.z[1]["liaison"] is None


def test_constraint_and_effective_size_match_networkx() -> None:
    for graph in (nx.florentine_families_graph(), nx.karate_club_graph()):
        assert burt_constraint(graph) == pytest.approx(nx.constraint(graph))
        assert effective_size(graph) == pytest.approx(nx.effective_size(graph))
    weighted = _weighted_random_graph(5)
    nodes = list(weighted)
    assert burt_constraint(weighted, "weight") == pytest.approx(
        nx.constraint(weighted, weight="weight")
    )
    # networkx 3.6's all-nodes path divides by the wrong maximum when weighted;
    # its per-node path follows Burt's definition, and so do we.
    assert effective_size(weighted, "weight") == pytest.approx(
        nx.effective_size(weighted, nodes=nodes, weight="weight")
    )


def test_isolated_actors_have_no_constraint() -> None:
    graph = nx.Graph([(1, 2)])
    graph.add_node(3)
    assert math.isnan(burt_constraint(graph)[3]) and math.isnan(effective_size(graph)[3])


def test_bridges_and_articulation_points_of_a_barbell() -> None:
    found = bridges_and_cut_points(nx.barbell_graph(4, 1))
    assert found == {"bridges": [[3, 4], [4, 5]], "articulation_points": [3, 4, 5]}


def test_between_group_brokers_count_each_pair_once() -> None:
    graph = nx.gnm_random_graph(25, 45, seed=9)
    rng = random.Random(9)
    groups = {v: rng.choice(["civil_society", "market", "public"]) for v in graph}
    got = between_group_brokers(graph, groups, "civil_society", "market")
    a = [v for v in graph if groups[v] == "civil_society"]
    b = [v for v in graph if groups[v] == "market"]
    truth = dict.fromkeys(graph, 0.0)
    for s, t in itertools.product(a, b):
        if not nx.has_path(graph, s, t):
            continue
        paths = list(nx.all_shortest_paths(graph, s, t))
        for path in paths:
            for v in path[1:-1]:
                truth[v] += 1 / len(paths)
    assert got == pytest.approx({v: x / (len(a) * len(b)) for v, x in truth.items()})


def test_introductions_prefer_strong_then_recent_ties() -> None:
    graph = nx.Graph()
    graph.add_edge("osi", "union", weight=1.5, since=date(1946, 1, 1), types=["COOPERATES_WITH"])
    graph.add_edge("union", "ministry", weight=1.5, since=date(2010, 1, 1), types=["KNOWS"])
    graph.add_edge("osi", "ngo", weight=1.5, since=date(2020, 1, 1), types=["COOPERATES_WITH"])
    graph.add_edge("ngo", "ministry", weight=1.5, since=date(2021, 1, 1), types=["COOPERATES_WITH"])
    graph.add_edge("osi", "ministry-agency", weight=0.5)
    graph.add_edge("ministry-agency", "ministry", weight=0.5)
    paths = introductions(graph, "osi", "ministry", k=3)
    assert [p["intermediaries"] for p in paths] == [["ngo"], ["union"], ["ministry-agency"]]
    assert paths[0]["ties"][0]["since"] == "2020-01-01"
    assert introductions(graph, "osi", "nobody") == []
    graph.add_node("island")
    assert introductions(graph, "osi", "island") == []


@pytest.mark.parametrize("weight", [None, "distance"])
def test_a_sampled_estimate_says_how_far_it_may_be(weight: str | None) -> None:
    """The standard error of a sampled betweenness, on a graph with hubs, over
    several seeds: with a sample of 160 sources out of 400 the exact value lies
    within three errors for at least 85% of the actors that matter (nonzero; the
    rest are actors whose paths run mostly through a few sources the sample
    missed, which no error computed from the sample can see), and the error
    shrinks as the sample grows; the estimate itself stays networkx's."""
    graph = nx.powerlaw_cluster_graph(400, 2, 0.3, seed=4)
    for u, v in graph.edges:
        graph.edges[u, v]["distance"] = 1.0 + (u * 7 + v * 13) % 3
    exact = nx.betweenness_centrality(graph, weight=weight)
    coverage, widths = {}, {}
    for k in (40, 160):
        covered = counted = 0
        spread = []
        for seed in range(8):
            scores, errors = sampled_betweenness(graph, weight=weight, k=k, seed=seed)
            assert scores == pytest.approx(
                nx.betweenness_centrality(graph, k=k, seed=seed, weight=weight), abs=1e-9
            )
            for node, value in exact.items():
                if value > 0.01:
                    counted += 1
                    covered += abs(scores[node] - value) <= 3 * errors[node] + 1e-12
                    spread.append(errors[node])
        coverage[k] = covered / counted
        widths[k] = sum(spread) / len(spread)
    assert coverage[160] >= 0.85, coverage
    assert widths[160] < widths[40] * 0.6, widths
