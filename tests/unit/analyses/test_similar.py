"""Similar actors: the Jaccard index of partner sets, against networkx's own
Jaccard coefficient (an independent implementation) and against a brute force over
every pair, on canonical and random graphs."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from graph_service.analyses.similar import similar_pairs, similar_to, similarity


def _random_graph(seed: int) -> nx.Graph:
    graph = nx.gnm_random_graph(40, 90, seed=seed)
    return nx.relabel_nodes(graph, {n: f"actor-{n:02d}" for n in graph})


@pytest.mark.parametrize("seed", range(5))
def test_the_score_is_networkx_jaccard_coefficient(seed: int) -> None:
    graph = _random_graph(seed)
    pairs = list(itertools.combinations(sorted(graph), 2))
    for a, b, expected in nx.jaccard_coefficient(graph, pairs):
        if graph.degree(a) or graph.degree(b):
            assert similarity(graph, a, b) == pytest.approx(expected, abs=1e-12), (a, b)


def test_weighted_the_weaker_ties_over_the_stronger() -> None:
    # a: x 1, y 3; b: x 2, z 1.  Shared x counts min 1; the union sums max: 2 + 3 + 1.
    graph = nx.Graph()
    graph.add_weighted_edges_from([("a", "x", 1.0), ("a", "y", 3.0), ("b", "x", 2.0)])
    graph.add_weighted_edges_from([("b", "z", 1.0)])
    assert similarity(graph, "a", "b", weight="weight") == pytest.approx(1 / 6)
    assert similarity(graph, "a", "b") == pytest.approx(1 / 3)


def test_an_actor_without_partners_is_like_no_one() -> None:
    graph = nx.Graph([("a", "x")])
    graph.add_node("alone")
    assert similarity(graph, "a", "alone") == 0.0


def _brute_force(graph: nx.Graph, min_partners: int) -> list[tuple[str, str, float, int]]:
    rows = []
    for a, b in itertools.combinations(sorted(graph), 2):
        shared = set(graph[a]) & set(graph[b])
        if shared and min(graph.degree(a), graph.degree(b)) >= min_partners:
            rows.append((a, b, similarity(graph, a, b), len(shared)))
    return sorted(rows, key=lambda r: (-round(r[2], 9), -r[3], r[0], r[1]))


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("min_partners", [1, 2, 4])
def test_pairs_are_every_pair_sharing_a_partner_best_first(seed: int, min_partners: int) -> None:
    graph = _random_graph(seed)
    expected = _brute_force(graph, min_partners)
    found = similar_pairs(graph, top=len(expected) + 5, min_partners=min_partners)
    assert [(r["a"], r["b"]) for r in found] == [(a, b) for a, b, _, _ in expected]
    for row, (_, _, score, shared) in zip(found, expected, strict=True):
        assert row["score"] == pytest.approx(score)
        assert len(row["shared"]) == shared
        assert row["tied"] == graph.has_edge(row["a"], row["b"])


@pytest.mark.parametrize("seed", range(5))
def test_one_actors_similar_actors_are_its_pairs(seed: int) -> None:
    graph = _random_graph(seed)
    pairs = _brute_force(graph, 2)
    for actor in sorted(graph):
        expected = [(b if a == actor else a, score) for a, b, score, _ in pairs if actor in (a, b)]
        found = similar_to(graph, actor, top=100)
        assert [r["id"] for r in found] == [other for other, _ in expected], actor
        for row in found:
            assert row["partners"] == graph.degree(row["id"])
            assert row["shared"] == sorted(set(graph[actor]) & set(graph[row["id"]]))


def test_equal_scores_put_more_shared_partners_first() -> None:
    # d shares both of a's partners among its four (0.5); c shares one, its only
    # partner (0.5 too): d comes first, though c comes first by id.
    graph = nx.Graph([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y"), ("c", "x")])
    graph.add_edges_from([("d", "x"), ("d", "y"), ("d", "v"), ("d", "u")])
    graph.add_edges_from([("e", "x"), ("e", "w")])
    found = [(r["id"], len(r["shared"])) for r in similar_to(graph, "a", min_partners=1)]
    assert found[:3] == [("b", 2), ("d", 2), ("c", 1)]
    assert found[3][0] == "e"  # one of three: 1/3


def test_too_few_partners_compare_with_no_one() -> None:
    # Members of one network only: identical partner sets that say nothing.
    graph = nx.star_graph(["network", "a", "b", "c"])
    assert similar_to(graph, "a") == []
    assert similar_pairs(graph) == []
    assert [r["id"] for r in similar_to(graph, "a", min_partners=1)] == ["b", "c"]


def test_another_engines_scores_are_kept_and_only_its_actors_listed() -> None:
    graph = nx.Graph([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y"), ("c", "y"), ("c", "z")])
    found = similar_to(graph, "a", scores={"c": 0.3333333333333333})
    assert [(r["id"], r["shared"]) for r in found] == [("c", ["y"])]
    pairs = similar_pairs(graph, scores={("a", "b"): 0.9999999999999999})
    assert [(r["a"], r["b"], r["score"], r["shared"]) for r in pairs] == [
        ("a", "b", 0.9999999999999999, ["x", "y"])
    ]


def test_an_unknown_actor_is_an_error() -> None:
    with pytest.raises(KeyError):
        similar_to(nx.Graph([("a", "b")]), "z")
