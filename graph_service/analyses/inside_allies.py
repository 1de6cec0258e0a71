"""Alliés de l'intérieur (inside allies): people inside a target institution (a
multinational, a ministry) whose stance towards our cause is ally or
sympathetic, ranked by stance, by how recently that was verified, and by the best
path from our organisation to them ("via whom").  Banana Link maps them in
multinationals and stresses regular updates (seed 002:1028).

Sensitive: naming a person as an inside ally can expose them.  The service
serves this analysis only when a deployment enables it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import date
from typing import Any

import networkx as nx

__all__ = ["STANCE_RANK", "inside_allies"]

#: Best first; only the first two are allies.
STANCE_RANK = {"ally": 0, "sympathetic": 1}


def _months_between(earlier: date, later: date) -> int:
    return (
        (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)
    )


def inside_allies(
    graph: nx.Graph,
    requester: Hashable,
    persons: Iterable[Mapping[str, Any]],
    *,
    today: date,
    max_age_months: int = 12,
) -> list[dict[str, Any]]:
    """Rank the inside allies among ``persons`` (working in the target).

    ``graph`` is the actor graph with weights (tie strength) to which the
    persons' acquaintances are added; each person mapping has ``id``, ``name``,
    ``stances`` (maps with ``stance`` and ``last_verified``) and ``knows`` (ids of
    the actors and persons they know, including the target they work in).  A
    stance verified more than ``max_age_months`` ago is *stale*: it still shows, after
    the fresh ones.  Order: fresh before stale, ally before sympathetic, most
    recently verified first, shortest path from ``requester`` first, then id.

    Examples
    --------
    >>> g = nx.Graph([("banana-link", "union")])
    >>> people = [{"id": "p1", "name": "P1", "knows": ["union"],
    ...            "stances": [{"stance": "ally", "last_verified": date(2026, 3, 1)}]},
    ...           {"id": "p2", "name": "P2", "knows": [],
    ...            "stances": [{"stance": "opposed", "last_verified": date(2026, 3, 1)}]}]
    >>> ranked = inside_allies(g, "banana-link", people, today=date(2026, 6, 1))
    >>> [(a["id"], a["via"]) for a in ranked]
    [('p1', ['union'])]
    """
    reach = graph.copy()
    for person in persons:
        reach.add_node(person["id"])
        for other in person.get("knows", ()):
            # An acquaintance is a weaker tie than a working partnership.
            reach.add_edge(person["id"], other, weight=0.5)
    for _, _, data in reach.edges(data=True):
        data["distance"] = 1.0 / float(data.get("weight", 1.0))
    distances: dict[Hashable, float] = {}
    paths: dict[Hashable, list[Hashable]] = {}
    if requester in reach:
        distances, paths = nx.single_source_dijkstra(reach, requester, weight="distance")

    ranked = []
    for person in persons:
        best = None
        for stance in person.get("stances", ()):
            if stance.get("stance") not in STANCE_RANK:
                continue
            verified = stance.get("last_verified")
            age = _months_between(verified, today) if isinstance(verified, date) else None
            stale = age is None or age > max_age_months
            key = (
                stale,
                STANCE_RANK[stance["stance"]],
                -(verified.toordinal() if isinstance(verified, date) else 0),
            )
            if best is None or key < best[0]:
                best = (key, stance, age, stale)
        if best is None:
            continue
        key, stance, age, stale = best
        path = paths.get(person["id"])
        ranked.append(
            {
                "id": person["id"],
                "name": person.get("name"),
                "title": person.get("title"),
                "role": person.get("role"),
                "unit": person.get("unit"),
                "stance": stance["stance"],
                "cause": stance.get("cause"),
                "last_verified": stance["last_verified"].isoformat()
                if isinstance(stance.get("last_verified"), date)
                else None,
                "age_months": age,
                "stale": stale,
                "via": path[1:-1] if path else None,
                "path_cost": round(distances[person["id"]], 6) if path else None,
                "_key": (*key, distances.get(person["id"], float("inf")), str(person["id"])),
            }
        )
    ranked.sort(key=lambda item: item["_key"])
    for item in ranked:
        del item["_key"]
    return ranked
