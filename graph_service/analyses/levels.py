"""Multi-level cadres de dialogue: which levels have dialogue frameworks, how the
frameworks nest, which adjacent levels are not articulated, and who takes part at
several levels (multi-level brokers: GRDR "facilite la connexion entre les
différents niveaux d'acteurs", seed 002:716).
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import pairwise
from typing import Any

import networkx as nx

from graph_service.domain.enums import Level

__all__ = ["multi_level"]


def _level_rank(level: str) -> int:
    try:
        return Level(level).rank
    except ValueError:
        return len(Level)  # unknown levels sort last


def multi_level(graph: nx.DiGraph) -> dict[str, Any]:
    """Levels, nesting and articulation of the frameworks in ``graph`` (as built by
    :func:`graph_service.projection.project_frameworks`).

    Two levels that both have frameworks and are adjacent in the ordered list of
    levels present are *articulated* when a framework of one is nested in a
    framework of the other, or when some actor or person takes part at both;
    otherwise they are reported in ``unarticulated``.

    Examples
    --------
    >>> g = nx.DiGraph()
    >>> g.add_node("zae", kind="framework", level="local", name="ZAE")
    >>> g.add_node("fip", kind="framework", level="national", name="FIP")
    >>> g.add_node("grdr", kind="actor", name="GRDR")
    >>> g.add_edge("grdr", "zae", type="PARTICIPATES_IN", role="member")
    >>> g.add_edge("grdr", "fip", type="PARTICIPATES_IN", role="member")
    >>> result = multi_level(g)
    >>> result["levels"], result["unarticulated"], result["multi_level_participants"][0]["id"]
    (['local', 'national'], [], 'grdr')
    """
    frameworks = {n: d for n, d in graph.nodes(data=True) if d.get("kind") == "framework"}
    by_level: dict[str, list[Hashable]] = {}
    for node, data in frameworks.items():
        by_level.setdefault(data.get("level", "unknown"), []).append(node)
    # A framework without a level is reported apart: "unknown" is not a level.
    levels = sorted(
        (level for level in by_level if level != "unknown"),
        key=lambda level: (_level_rank(level), level),
    )

    nesting = sorted(
        ([u, v] for u, v, d in graph.edges(data=True) if d.get("type") == "PART_OF"), key=str
    )
    succession = sorted(
        ([u, v] for u, v, d in graph.edges(data=True) if d.get("type") == "SUCCEEDED_BY"), key=str
    )
    levels_of: dict[Hashable, set[str]] = {}
    for u, v, d in graph.edges(data=True):
        if d.get("type") == "PARTICIPATES_IN" and v in frameworks:
            levels_of.setdefault(u, set()).add(frameworks[v].get("level", "unknown"))

    def articulated(low: str, high: str) -> list[str]:
        ways = []
        for u, v in nesting:
            pair = {frameworks[u].get("level"), frameworks[v].get("level")}
            if pair == {low, high}:
                ways.append(f"nesting:{u}->{v}")
        for who, levels_held in sorted(levels_of.items(), key=lambda x: str(x[0])):
            if {low, high} <= levels_held:
                ways.append(f"participant:{who}")
        return ways

    articulation = []
    unarticulated = []
    ranked = [level for level in levels if level != "unknown"]
    for low, high in pairwise(ranked):
        ways = articulated(low, high)
        articulation.append({"levels": [low, high], "through": ways})
        if not ways:
            unarticulated.append([low, high])
    multi = [
        {
            "id": who,
            "name": graph.nodes[who].get("name", who),
            "kind": graph.nodes[who].get("kind"),
            "levels": sorted(known, key=lambda level: (_level_rank(level), level)),
        }
        for who, held in levels_of.items()
        if len(known := held - {"unknown"}) > 1
    ]
    multi.sort(key=lambda item: (-len(item["levels"]), str(item["id"])))
    return {
        "levels": levels,
        "frameworks": {
            level: sorted(
                (
                    {"id": f, "name": frameworks[f].get("name"), "type": frameworks[f].get("type")}
                    for f in by_level[level]
                ),
                key=lambda item: str(item["id"]),
            )
            for level in levels
        },
        "without_level": sorted(
            (
                {"id": f, "name": frameworks[f].get("name"), "type": frameworks[f].get("type")}
                for f in by_level.get("unknown", [])
            ),
            key=lambda item: str(item["id"]),
        ),
        "nesting": nesting,
        "succession": succession,
        "articulation": articulation,
        "unarticulated": unarticulated,
        "multi_level_participants": multi,
    }
