"""Multi-level frameworks, double espace and inside allies on small hand-made graphs."""

from __future__ import annotations

from datetime import date

import networkx as nx

from graph_service.analyses.double_space import double_space, lead_brokerage_share
from graph_service.analyses.inside_allies import inside_allies
from graph_service.analyses.levels import multi_level


def _frameworks() -> nx.DiGraph:
    graph = nx.DiGraph()
    for node, level in [
        ("zae-committee", "local"),
        ("commune-forum", "local"),
        ("regional-platform", "regional"),
        ("fip", "national"),
        ("steering", "national"),
        ("subregional-network", "subregional"),
    ]:
        graph.add_node(node, kind="framework", level=level, name=node)
    graph.add_edge("steering", "fip", type="PART_OF")
    graph.add_edge("zae-committee", "commune-forum", type="SUCCEEDED_BY")
    for actor, framework in [
        ("grdr", "zae-committee"),
        ("grdr", "regional-platform"),
        ("grdr", "fip"),
        ("mayor", "commune-forum"),
        ("ministry", "fip"),
        ("ministry", "steering"),
    ]:
        graph.add_node(actor, kind="actor", name=actor.upper())
        graph.add_edge(actor, framework, type="PARTICIPATES_IN", role="member")
    return graph


def test_levels_nesting_articulation_and_multi_level_actors() -> None:
    result = multi_level(_frameworks())
    assert result["levels"] == ["local", "regional", "national", "subregional"]
    assert result["nesting"] == [["steering", "fip"]]
    assert result["succession"] == [["zae-committee", "commune-forum"]]
    assert result["unarticulated"] == [["national", "subregional"]]
    assert result["articulation"][0] == {
        "levels": ["local", "regional"],
        "through": ["participant:grdr"],
    }
    assert [(p["id"], p["levels"]) for p in result["multi_level_participants"]] == [
        ("grdr", ["local", "regional", "national"])
    ]


def test_double_space_holders_and_concentration() -> None:
    graph = nx.Graph()
    for node, space, side in [
        ("grdr", "here", "north"),
        ("lille", "here", "north"),
        ("kayes-council", "there", "south"),
        ("coop-kayes", "there", "south"),
        ("migrants", "both", "north"),
    ]:
        graph.add_node(node, space=space, side=side, name=node)
    graph.add_edges_from(
        [
            ("grdr", "kayes-council"),
            ("grdr", "coop-kayes"),
            ("lille", "kayes-council"),
            ("kayes-council", "coop-kayes"),
            ("grdr", "lille"),
        ]
    )
    result = double_space(graph)
    assert result["crossing_ties"] == 3
    assert [(h["id"], h["crossing_ties"]) for h in result["holders"]] == [("grdr", 2), ("lille", 1)]
    assert result["concentration"] == (2 / 3) ** 2 + (1 / 3) ** 2
    assert result["south_south_ties"] == [["coop-kayes", "kayes-council"]]
    assert result["on_both_sides"] == ["migrants"]


def test_lead_share_falls_as_partners_tie_to_each_other() -> None:
    early = nx.star_graph(["lead", "p1", "p2", "p3"])
    late = nx.Graph([("lead", "p1"), ("p1", "p2"), ("p2", "p3"), ("p3", "lead"), ("p1", "p3")])
    points = lead_brokerage_share({"2014-12-31": early, "2016-12-31": late}, {"lead"})
    assert points[0]["lead_share"] == 1.0
    assert points[1]["lead_share"] < 0.5


def test_inside_allies_ranking_staleness_and_via_whom() -> None:
    graph = nx.Graph()
    graph.add_edge("banana-link", "colsiba", weight=1.5)
    graph.add_edge("colsiba", "union-cr", weight=1.5)
    persons = [
        {
            "id": "p-stale-ally",
            "name": "A",
            "knows": ["union-cr"],
            "stances": [
                {"stance": "ally", "cause": "banana-link", "last_verified": date(2024, 1, 10)}
            ],
        },
        {
            "id": "p-fresh-sympathetic",
            "name": "B",
            "knows": [],
            "stances": [
                {
                    "stance": "sympathetic",
                    "cause": "fair-bananas",
                    "last_verified": date(2026, 5, 1),
                }
            ],
        },
        {
            "id": "p-fresh-ally",
            "name": "C",
            "knows": ["colsiba"],
            "stances": [
                {"stance": "ally", "cause": "fair-bananas", "last_verified": date(2026, 2, 1)}
            ],
        },
        {
            "id": "p-neutral",
            "name": "D",
            "knows": ["colsiba"],
            "stances": [{"stance": "neutral", "last_verified": date(2026, 5, 1)}],
        },
    ]
    ranked = inside_allies(graph, "banana-link", persons, today=date(2026, 6, 1))
    assert [r["id"] for r in ranked] == ["p-fresh-ally", "p-fresh-sympathetic", "p-stale-ally"]
    assert ranked[0]["via"] == ["colsiba"] and ranked[0]["stale"] is False
    assert ranked[1]["via"] is None  # nobody we know knows them
    assert ranked[2]["stale"] is True and ranked[2]["age_months"] == 28
    assert ranked[2]["via"] == ["colsiba", "union-cr"]
