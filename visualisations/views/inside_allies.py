"""The inside-allies map (alliés de l'intérieur): the target institution, the
persons inside it with their stance and how fresh it is, and the paths from the
actor asking to them.  Persons are named only for a caller entitled to
sensitive data; everyone else sees stable pseudonyms ("Personne 1 chez …")."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from graph_service.domain.labels import label
from visualisations.document import Edge, LegendItem, MapDocument, Node, Panel, ResultRow, View
from visualisations.texts import text
from visualisations.views.common import (
    TIE_COLOR,
    MapInput,
    MapOptions,
    actor_node,
    layout,
    sphere_legend,
)

__all__ = ["inside_allies_map", "person_names"]

STANCE_COLORS = {
    "ally": "#2E7D32",
    "sympathetic": "#9CCC65",
    "neutral": "#BDBDBD",
    "opposed": "#C62828",
    "unknown": "#9E9E9E",
}
PATH_COLOR = "#1565C0"


def person_names(map_input: MapInput, options: MapOptions) -> dict[str, str]:
    """Each ranked person's name for this caller: the real one with the
    sensitive permission, else "Personne N chez <institution>" in rank order."""
    institution = map_input.name(map_input.report.get("target"))
    names = {}
    for number, person in enumerate(map_input.report.get("results", []), start=1):
        names[str(person["id"])] = (
            str(person.get("name") or person["id"])
            if options.sensitive
            else text("read.pseudonym", options.language, number=number, institution=institution)
        )
    return names


def inside_allies_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    actor, target = str(report.get("actor")), str(report.get("target"))
    persons = report.get("results", [])
    names = person_names(map_input, options)
    # Pseudonymous callers get pseudonymous node ids too: a person's id is a name.
    node_id = {
        str(p["id"]): (str(p["id"]) if options.sensitive else f"person-{i}")
        for i, p in enumerate(persons, start=1)
    }
    via_actors = {str(n) for p in persons for n in (p.get("via") or []) if str(n) in graph}
    shown = {n for n in (actor, target, *via_actors) if n in graph}
    view = graph.subgraph(shown).copy()
    for person in persons:
        pid = node_id[str(person["id"])]
        view.add_node(pid, kind="person")
        if target in view:
            view.add_edge(pid, target)
        chain = [actor, *[str(n) for n in person.get("via") or []], pid]
        if person.get("via") is not None:
            view.add_edges_from(pairwise(n for n in chain if n in view or n == pid))
    positions = layout(view, options)
    nodes: list[Node] = []
    for node in sorted(view.nodes, key=str):
        if view.nodes[node].get("kind") == "person":
            continue
        emphasis = {actor: "requester", target: "target"}.get(str(node))
        item = actor_node(
            graph, node, positions[node], 16.0 if emphasis else 8.0, options, emphasis=emphasis
        )
        item.force_label = True
        nodes.append(item)
    edges: list[Edge] = []
    rows: list[str] = []
    table: list[ResultRow] = []
    for person in persons:
        pid = node_id[str(person["id"])]
        stance = str(person.get("stance") or "unknown")
        freshness = (
            text("read.stale", language)
            if person.get("stale")
            else text("read.fresh", language, months=person.get("age_months"))
        )
        via = person.get("via")
        if via is None:
            reach = text("read.unreachable", language)
        elif via:
            reach = text("read.via", language, names=" → ".join(map_input.name(n) for n in via))
        else:
            reach = text("read.direct_reach", language)
        sentence = text(
            "read.inside_ally",
            language,
            name=names[str(person["id"])],
            stance=label("stance", stance, language),
            freshness=freshness,
            via=reach,
        )
        rows.append(sentence)
        table.append(
            ResultRow(
                name=names[str(person["id"])],
                group=label("stance", stance, language),
                measure=person.get("last_verified") or "—",
                sentence=sentence,
            )
        )
        details = [
            (text("detail.stance", language), label("stance", stance, language)),
            (text("detail.verified", language), person.get("last_verified") or "—"),
            (text("detail.via", language), reach),
            (text("detail.works_in", language), map_input.name(target)),
        ]
        if options.sensitive and person.get("title"):
            details.insert(0, (text("detail.type", language), str(person["title"])))
        nodes.append(
            Node(
                id=pid,
                label=names[str(person["id"])],
                x=positions[pid][0],
                y=positions[pid][1],
                size=10.0,
                colors={"main": STANCE_COLORS.get(stance, "#9E9E9E")},
                kind="person",
                facets={"stance": label("stance", stance, language)},
                details=details,
                tooltip=sentence,
                emphasis="stale" if person.get("stale") else None,
                force_label=True,
            )
        )
        if target in view:
            edges.append(
                Edge(pid, target, TIE_COLOR, 1.0, "dotted", label("type", "WORKS_IN", language))
            )
        if via is not None:
            chain = [actor, *[str(n) for n in via], pid]
            for u, v in pairwise(chain):
                edges.append(
                    Edge(
                        u,
                        v,
                        PATH_COLOR,
                        2.5,
                        "solid",
                        text("legend.path", language),
                        emphasis="path",
                    )
                )
    reading = rows[:3] or [text("read.no_inside_allies", language)]
    if persons and not options.sensitive:
        reading.append(text("read.persons_hidden", language))
    legend = [
        *sphere_legend(graph.subgraph(shown), language),
        *(LegendItem(label("stance", s, language), c) for s, c in STANCE_COLORS.items()),
    ]
    return MapDocument(
        rows=table,
        title=text("title.inside-allies", language, target=map_input.name(target)),
        reading=reading,
        views=[View("main", text("legend.person", language), legend)],
        nodes=nodes,
        edges=_unique(edges),
        facets={
            "stance": text("detail.stance", language),
            "sphere": text("detail.sphere", language),
        },
        edge_legend=[
            LegendItem(text("legend.path", language), PATH_COLOR, "line"),
            LegendItem(label("type", "WORKS_IN", language), TIE_COLOR, "dotted"),
        ],
        panels=[Panel(text("panel.persons", language), rows, restates_results=True)]
        if rows
        else [],
    )


def _unique(edges: list[Edge]) -> list[Edge]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for edge in edges:
        key: Any = tuple(sorted((edge.source, edge.target)))
        if key not in seen:
            seen.add(key)
            kept.append(edge)
    return kept
