"""Possible allies: a hidden tie ranks first; conflicts never count; evaluation."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graph_service.analyses.allies import (
    AllyWeights,
    evaluate_allies,
    existing_partners,
    possible_allies,
)


def _actor(graph: nx.Graph, node: str, sphere: str, **attributes: list[str]) -> None:
    graph.add_node(
        node, name=node.upper(), sphere=sphere, **{k: frozenset(v) for k, v in attributes.items()}
    )


def test_a_hidden_tie_ranks_first() -> None:
    graph = nx.Graph()
    for node, sphere in [
        ("grdr", "civil_society"),
        ("mairie", "public"),
        ("coop", "social_economy"),
        ("cci", "market"),
        ("univ", "academic"),
        ("far", "civil_society"),
    ]:
        _actor(graph, node, sphere)
    # grdr and coop share three partners but are not tied: the tie the data lacks.
    graph.add_edges_from(
        [
            ("grdr", "mairie"),
            ("grdr", "cci"),
            ("grdr", "univ"),
            ("coop", "mairie"),
            ("coop", "cci"),
            ("coop", "univ"),
            ("far", "univ"),
        ]
    )
    ranked = possible_allies(graph, "grdr")
    assert ranked[0]["id"] == "coop"
    assert ranked[0]["reasons"][0] == {
        "kind": "shared_partners",
        "ids": ["cci", "mairie", "univ"],
        # mairie and cci have two partners each, univ three
        "adamic_adar": pytest.approx(2 / math.log(2) + 1 / math.log(3)),
        "resource_allocation": pytest.approx(1 / 2 + 1 / 2 + 1 / 3),
    }
    assert "mairie" not in [r["id"] for r in ranked]  # already a partner


def test_conflicts_never_count_as_closeness() -> None:
    graph = nx.Graph(conflicts={frozenset(("union", "banana-co"))})
    for node, sphere in [("union", "union"), ("banana-co", "market"), ("ngo", "civil_society")]:
        _actor(graph, node, sphere)
    graph.add_edges_from([("union", "ngo"), ("banana-co", "ngo")])
    assert [r["id"] for r in possible_allies(graph, "union")] == []


def test_shared_attributes_and_complementarity_explain_themselves() -> None:
    graph = nx.Graph()
    _actor(graph, "osi", "civil_society", territories=["kayes"], issues=["water"], sdgs=[6])
    _actor(graph, "firm", "market", territories=["kayes"], issues=["water"], sdgs=[6])
    _actor(graph, "ngo", "civil_society", territories=["kayes"], issues=["water"], sdgs=[6])
    ranked = possible_allies(graph, "osi")
    assert [r["id"] for r in ranked] == ["firm", "ngo"]  # another sphere: complementarity
    kinds = [reason["kind"] for reason in ranked[0]["reasons"]]
    assert kinds == ["shared_territories", "shared_issues", "shared_sdgs", "complementarity"]
    assert ranked[0]["score"] - ranked[1]["score"] == pytest.approx(1.0)


def _planted_ecosystem(seed: int) -> nx.Graph:
    rng = random.Random(seed)
    graph = nx.Graph()
    spheres = ["civil_society", "public", "market", "social_economy"]
    for i in range(80):
        territory = f"t{i % 8}"
        _actor(
            graph, f"a{i}", spheres[i % 4], territories=[territory], issues=[f"issue{(i // 8) % 3}"]
        )
    nodes = list(graph)
    for u in nodes:
        for v in nodes:
            if u < v:
                same_place = graph.nodes[u]["territories"] == graph.nodes[v]["territories"]
                if rng.random() < (0.5 if same_place else 0.01):
                    graph.add_edge(u, v, weight=1.0)
    return graph


def test_evaluation_harness_finds_hidden_ties_and_is_deterministic() -> None:
    graph = _planted_ecosystem(1)
    report = evaluate_allies(graph, hidden_share=0.1, seed=3, k=5)
    assert report == evaluate_allies(graph, hidden_share=0.1, seed=3, k=5)
    assert report["hidden_ties"] == int(graph.number_of_edges() * 0.1)
    assert report["all"]["auc"] > 0.8
    assert report["all"]["precision_at_k"] > 0.1
    assert (
        report["same_sphere"]["hidden_ties"] + report["cross_sphere"]["hidden_ties"]
        == report["hidden_ties"]
    )


def test_actors_already_working_together_are_not_new_allies() -> None:
    graph = nx.Graph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    nx.set_node_attributes(graph, {"a": {"op"}, "b": {"op"}, "c": set()}, "operations")
    nx.set_node_attributes(graph, {n: set() for n in graph}, "frameworks")
    assert [r["id"] for r in possible_allies(graph, "a")] == ["c"]
    assert existing_partners(graph, "a") == {"b": {"operations": ["op"], "frameworks": []}}
    assert [r["id"] for r in possible_allies(graph, "a", exclude_partners=False)] == ["b", "c"]


def test_a_tie_in_score_goes_to_the_stronger_reasons() -> None:
    graph = nx.Graph([("a", "hub"), ("zed", "hub"), ("bob", "hub")])
    nx.set_node_attributes(graph, {"a": {"t"}, "zed": {"t"}, "bob": set()}, "territories")
    weights = AllyWeights(shared={"territories": 0.0})  # same score, more reasons for zed
    assert [r["id"] for r in possible_allies(graph, "a", weights=weights)] == ["zed", "bob"]
