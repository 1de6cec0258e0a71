"""The brokers map: actors sized by betweenness (or brokerage), the top brokers
named, each one's Gould–Fernandez roles in words with counts and z-scores, cut
points ringed and bridges drawn thick."""

from __future__ import annotations

from typing import Any

from graph_service.domain.labels import label
from visualisations.document import LegendItem, MapDocument, Panel, ResultRow, View
from visualisations.texts import text
from visualisations.views.common import (
    CONFLICT_COLOR,
    TIE_COLOR,
    MapInput,
    MapOptions,
    actor_node,
    conflict_edges,
    layout,
    number,
    scaled,
    sphere_legend,
    tie_edges,
)

__all__ = ["brokers_map", "roles_in_words"]

ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
BRIDGE_COLOR = "#37474F"


def roles_in_words(result: dict[str, Any], options: MapOptions, *, z: bool = True) -> str:
    """ "gardien 12 (z = 3,1), agent de liaison 4" — roles an actor plays, most first."""
    counts = result.get("brokerage", {})
    scores = result.get("brokerage_z", {})
    played = sorted(
        (role for role in ROLES if counts.get(role)), key=lambda r: (-counts[r], ROLES.index(r))
    )
    words = []
    for role in played:
        word = f"{label('role', role, options.language)} {int(counts[role])}"
        if z and scores.get(role) is not None:
            word += f" (z = {number(scores[role], options.language, 1)})"
        words.append(word)
    return ", ".join(words) or "—"


def brokers_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    results = {str(r["id"]): r for r in report.get("results", [])}
    if options.size_by == "brokerage":
        values = {
            str(n): float(results.get(str(n), {}).get("brokerage", {}).get("total", 0))
            for n in graph
        }
        measure = "brokerage"
    else:
        values = {str(n): float(results.get(str(n), {}).get("betweenness", 0.0)) for n in graph}
        measure = "betweenness"
    sizes = scaled(values, 3, 24)
    positions = layout(graph, options)
    ranked = sorted(results.values(), key=lambda r: (-r.get("betweenness", 0.0), str(r["id"])))
    top = [str(r["id"]) for r in ranked[: options.labels] if r.get("betweenness", 0) > 0]
    cut_points = {str(n) for n in report.get("articulation_points", [])}
    nodes = []
    for node in sorted(graph.nodes, key=str):
        result = results.get(str(node))
        details = []
        if result:
            details = [
                (text("detail.betweenness", language), number(result["betweenness"], language, 3)),
                (text("detail.roles", language), roles_in_words(result, options)),
            ]
            if result.get("constraint") is not None:
                details.append(
                    (text("detail.constraint", language), number(result["constraint"], language))
                )
        item = actor_node(
            graph,
            node,
            positions[node],
            sizes[str(node)],
            options,
            details=details,
            emphasis="cut_point" if str(node) in cut_points else None,
        )
        item.force_label = str(node) in top
        if result:
            item.tooltip += " — " + roles_in_words(result, options)
        nodes.append(item)

    bridges = {tuple(sorted(map(str, pair))) for pair in report.get("bridges", [])}
    edges = tie_edges(graph, options)
    for edge in edges:
        if tuple(sorted((edge.source, edge.target))) in bridges:
            edge.color, edge.size, edge.emphasis = BRIDGE_COLOR, edge.size + 1.5, "bridge"

    reading = []
    if ranked and ranked[0].get("betweenness", 0) > 0:
        best = ranked[0]
        reading.append(
            text(
                "read.broker",
                language,
                name=map_input.name(best["id"]),
                share=f"{100 * best['betweenness']:.0f}",
                roles=roles_in_words(best, options, z=False),
            )
        )
    else:
        reading.append(text("read.no_broker", language))
    if cut_points:
        names = sorted(map_input.name(n) for n in cut_points)
        reading.append(
            text(
                "read.cut_points",
                language,
                count=len(names),
                names=", ".join(names[:6]) + ("…" if len(names) > 6 else ""),
            )
        )
    change = report.get("change")
    if change is not None:
        start = report.get("parameters", {}).get("at") or "…"
        end = report.get("compared", {}).get("at") or "…"
        ties, moves = change["ties"], change["betweenness"]
        if ties["unchanged"] or not moves:
            reading.append(text("read.no_change", language, start=start, end=end))
        else:
            top_move = moves[0]
            reading.append(
                text(
                    "read.brokers_change",
                    language,
                    start=start,
                    end=end,
                    new=ties["new"],
                    ended=ties["ended"],
                    name=top_move["name"] or top_move["id"],
                    before=number(top_move["before"], language, 3),
                    after=number(top_move["after"], language, 3),
                )
            )
    panel = Panel(
        text("panel.top_brokers", language),
        [f"{map_input.name(n)} — {roles_in_words(results[n], options, z=False)}" for n in top[:10]],
        restates_results=True,
    )
    legend = [
        *sphere_legend(graph, language),
        LegendItem(text("legend.cut_point", language), "#212121", "ring"),
    ]
    rows = [
        ResultRow(
            name=map_input.name(r["id"]),
            group=label("sphere", graph.nodes[r["id"]].get("sphere"), language)
            if r["id"] in graph
            else "",
            measure=number(r["betweenness"], language, 3),
            sentence=roles_in_words(r, options),
        )
        for r in ranked[: options.top]
    ]
    return MapDocument(
        rows=rows,
        title=text("title.brokers", language),
        reading=reading,
        views=[
            View(
                "main",
                text("legend.size_by", language, measure=text(f"measure.{measure}", language)),
                legend,
            )
        ],
        nodes=nodes,
        edges=[*edges, *conflict_edges(graph, options)],
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=[
            LegendItem(text("legend.tie", language), TIE_COLOR, "line"),
            LegendItem(text("legend.bridge", language), BRIDGE_COLOR, "line"),
            LegendItem(text("legend.conflict", language), CONFLICT_COLOR, "dashed"),
        ],
        panels=[panel] if panel.rows else [],
    )
