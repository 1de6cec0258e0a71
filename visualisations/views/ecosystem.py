"""The ecosystem map: who is there, in which sphere, tied to whom — and, given a
second date, which ties are new and which have ended."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from graph_service.config import Language
from graph_service.domain.labels import label
from visualisations.document import Edge, LegendItem, MapDocument, ResultRow, View
from visualisations.texts import text
from visualisations.views.common import (
    CONFLICT_COLOR,
    TIE_COLOR,
    TYPE_COLORS,
    MapInput,
    MapOptions,
    actor_node,
    conflict_edges,
    layout,
    scaled,
    sphere_legend,
    tie_edges,
    type_legend,
)

__all__ = ["ecosystem_map"]

NEW_COLOR = "#2E7D32"
ENDED_COLOR = "#8D8D8D"


def _measure(map_input: MapInput, options: MapOptions) -> dict[str, float]:
    scores = map_input.report.get("scores")
    if options.size_by != "degree" and scores:
        return {str(node): float(value) for node, value in scores.items()}
    return {str(node): float(degree) for node, degree in map_input.graph.degree}


def ecosystem_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph = map_input.graph
    union = nx.compose(graph, map_input.compared) if map_input.compared is not None else graph
    positions = layout(union, options)
    measure = _measure(map_input, options)
    sizes = scaled({str(n): measure.get(str(n), 0.0) for n in union.nodes})
    top = {n for n, _ in sorted(sizes.items(), key=lambda x: (-x[1], x[0]))[: options.labels]}
    nodes = []
    for node in sorted(union.nodes, key=str):
        item = actor_node(union, node, positions[node], sizes[str(node)], options)
        item.force_label = str(node) in top
        nodes.append(item)

    reading = []
    spheres = Counter(str(d.get("sphere", "unknown")) for _, d in union.nodes(data=True))
    if spheres:
        sphere, count = max(spheres.items(), key=lambda x: (x[1], x[0]))
        reading.append(
            text(
                "read.ecosystem",
                language,
                actors=union.number_of_nodes(),
                ties=union.number_of_edges(),
                sphere=label("sphere", sphere, language),
                count=count,
            )
        )
    else:
        reading.append(text("ui.empty", language))
    conflict_legend = LegendItem(text("legend.conflict", language), CONFLICT_COLOR, "dashed")
    if map_input.compared is not None:
        edges = _change_edges(map_input, options, reading)
        edge_legend = [
            LegendItem(text("legend.new_tie", language), NEW_COLOR, "line"),
            LegendItem(text("legend.ended_tie", language), ENDED_COLOR, "dashed"),
            LegendItem(text("legend.kept_tie", language), TIE_COLOR, "line"),
            conflict_legend,
        ]
    else:
        edges = tie_edges(graph, options)
        for edge in edges:
            edge.color = TYPE_COLORS.get(_type_of(edge, language), TIE_COLOR)
        edge_legend = [*type_legend(edges, options), conflict_legend]
    conflicts = conflict_edges(union, options)
    if conflicts:
        reading.append(text("read.conflicts", language, count=len(conflicts)))
    measure_name = text(f"measure.{options.size_by}", language)
    legend = [*sphere_legend(union, language)]
    views = [View("main", text("legend.size_by", language, measure=measure_name), legend)]
    ranked = sorted(union.nodes, key=lambda n: (-measure.get(str(n), 0.0), str(n)))
    rows = [
        ResultRow(
            name=str(union.nodes[n].get("name") or n),
            group=label("sphere", union.nodes[n].get("sphere"), language),
            measure=f"{measure.get(str(n), 0.0):g}",
        )
        for n in ranked[: options.top]
    ]
    return MapDocument(
        rows=rows,
        title=text("title.ecosystem", language),
        reading=reading,
        views=views,
        nodes=nodes,
        edges=[*edges, *conflicts],
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=edge_legend,
    )


def _type_of(edge: Edge, language: Language) -> str:
    """The type code behind an edge's category label."""
    for kind in TYPE_COLORS:
        if label("type", kind, language) == edge.category:
            return kind
    return ""


def _change_edges(map_input: MapInput, options: MapOptions, reading: list[str]) -> list[Edge]:
    """Ties at the first date against the second: new ones green, ended ones grey
    and dashed, the others as usual."""
    language = options.language
    before, after = map_input.graph, map_input.compared
    assert after is not None
    first = map_input.report.get("parameters", {}).get("at") or "…"
    second = map_input.report.get("parameters", {}).get("compare_at") or "…"
    edges = []
    counts = Counter[str]()
    for edge in tie_edges(nx.compose(before, after), options):
        pair = (edge.source, edge.target)
        if not before.has_edge(*pair):
            edge.color, edge.emphasis = NEW_COLOR, "new"
            edge.size += 0.8
            counts["new"] += 1
        elif not after.has_edge(*pair):
            edge.color, edge.style, edge.emphasis = ENDED_COLOR, "dashed", "ended"
            counts["ended"] += 1
        else:
            counts["kept"] += 1
        edges.append(edge)
    if counts["new"] or counts["ended"]:
        reading.append(
            text(
                "read.change",
                language,
                start=first,
                end=second,
                new=counts["new"],
                ended=counts["ended"],
                kept=counts["kept"],
            )
        )
    else:
        reading.append(text("read.no_change", language, start=first, end=second))
    return edges
