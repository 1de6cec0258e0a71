"""The horizontalisation map: an operation at its second date, the lead (or the
main intermediary) ringed, the ties that appeared since the first date in
green, and the lead's share of brokerage at both dates in one sentence —
falling is the horizontalisation the field hopes for (seed 002:860-878)."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_service.config import Language
from visualisations.document import LegendItem, MapDocument, ResultRow
from visualisations.texts import text
from visualisations.views.common import (
    TIE_COLOR,
    MapInput,
    MapOptions,
    actor_node,
    layout,
    ringed,
    scaled,
    sphere_view,
    tie_edges,
)

__all__ = ["horizontalisation_map", "horizontalisation_sentence"]

NEW_COLOR = "#2E7D32"


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(100 * share)}"


def horizontalisation_sentence(report: dict[str, Any], language: Language) -> str:
    points = report.get("points", [])
    if len(points) < 2:
        return text("ui.empty", language)
    first, last = points[0], points[-1]
    change = report.get("change")
    if change is None:
        verdict = text("read.horiz_unknown", language)
    elif change < 0:
        verdict = text("read.horiz_falls", language, points=round(-100 * change))
    elif change > 0:
        verdict = text("read.horiz_rises", language, points=round(100 * change))
    else:
        verdict = text("read.horiz_same", language)
    names = ", ".join(str(lead["name"]) for lead in report.get("leads", [])) or "—"
    return text(
        f"read.horiz_{report.get('holder', 'lead')}",
        language,
        names=names,
        first=_percent(first["lead_share"]),
        last=_percent(last["lead_share"]),
        start=first["date"],
        end=last["date"],
        verdict=verdict,
    )


def horizontalisation_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    leads = {str(lead["id"]) for lead in report.get("leads", [])}
    points = report.get("points", [])
    start = date.fromisoformat(points[0]["date"]) if points else None
    positions = layout(graph, options)
    sizes = scaled({str(n): float(d) for n, d in graph.degree}, 4, 18)
    nodes = []
    for node in sorted(graph.nodes, key=str):
        item = actor_node(
            graph,
            node,
            positions[node],
            max(sizes[str(node)], 14.0) if str(node) in leads else sizes[str(node)],
            options,
            emphasis="requester" if str(node) in leads else None,
        )
        item.force_label = str(node) in leads or sizes[str(node)] >= 10
        nodes.append(item)
    edges = tie_edges(graph, options)
    for edge in edges:
        since = graph.edges[edge.source, edge.target].get("since")
        if start is not None and isinstance(since, date) and since > start:
            edge.color, edge.emphasis = NEW_COLOR, "new"
            edge.size += 0.8
    reading = [horizontalisation_sentence(report, language)]
    ties = report.get("ties", {})
    if ties.get("unchanged") and points:
        reading.append(
            text("read.no_change", language, start=points[0]["date"], end=points[-1]["date"])
        )
    rows = [
        ResultRow(
            name=point["date"],
            group=text("scope.counts", language, actors=point["actors"], ties=point["ties"]),
            measure=f"{_percent(point['lead_share'])} %",
        )
        for point in points
    ]
    return MapDocument(
        title=text(
            "title.horizontalisation", language, operation=map_input.name(report.get("operation"))
        ),
        reading=reading,
        views=sphere_view(
            graph, language, ringed(f"legend.{report.get('holder', 'lead')}", language)
        ),
        nodes=nodes,
        edges=edges,
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=[
            LegendItem(text("legend.new_tie", language), NEW_COLOR, "line"),
            LegendItem(text("legend.tie", language), TIE_COLOR, "line"),
        ],
        rows=rows,
    )
