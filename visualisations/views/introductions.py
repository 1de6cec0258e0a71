"""The introductions map: the best paths from one actor to another, the
intermediaries named, and each step's tie type and date."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from graph_service.config import Language
from graph_service.domain.labels import label
from visualisations.document import LegendItem, MapDocument, Panel, ResultRow
from visualisations.texts import text
from visualisations.views.common import (
    TIE_COLOR,
    MapInput,
    MapOptions,
    actor_node,
    category_color,
    layout,
    listing,
    number,
    ringed,
    sphere_view,
    tie_edges,
)

__all__ = ["introductions_map", "path_sentence"]


def _step(tie: dict[str, Any], map_input: MapInput, language: Language) -> str:
    types = ", ".join(label("type", t, language) for t in tie.get("types", []))
    since = tie.get("since")
    when = (" depuis " if language is Language.FR else " since ") + since[:4] if since else ""
    return f"{map_input.name(tie['from'])} → {map_input.name(tie['to'])} ({types}{when})"


def path_sentence(path: dict[str, Any], map_input: MapInput, language: Language) -> str:
    """ "Par GRDR : CFSI → GRDR (coopère avec depuis 2014) ; GRDR → EMDK (…)"."""
    names = ", ".join(
        str(i.get("name") or i.get("id")) if isinstance(i, dict) else map_input.name(i)
        for i in path.get("intermediaries", [])
    )
    steps = listing((_step(t, map_input, language) for t in path.get("ties", [])), language)
    return text("read.path", language, names=names or "—", steps=steps)


def introductions_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    actor, target = str(report.get("actor")), str(report.get("target"))
    paths = report.get("results", [])
    on_path: dict[frozenset[str], int] = {}
    shown = {actor, target}
    for order, path in enumerate(paths):
        members = [str(n) for n in path.get("path", [])]
        shown |= set(members)
        for u, v in pairwise(members):
            on_path.setdefault(frozenset((u, v)), order)
    # The paths and the partners around their ends, for context.
    for end in (actor, target):
        if end in graph:
            shown |= {str(n) for n in list(graph.neighbors(end))[:15]}
    view = graph.subgraph(n for n in graph if str(n) in shown)
    positions = layout(view, options)
    intermediaries = {str(n) for p in paths for n in p.get("path", [])[1:-1]}
    nodes = []
    for node in sorted(view.nodes, key=str):
        key = str(node)
        emphasis = {actor: "requester", target: "target"}.get(key)
        if emphasis is None and key in intermediaries:
            emphasis = "intermediary"
        size = 16.0 if key in (actor, target) else 11.0 if key in intermediaries else 5.0
        item = actor_node(view, node, positions[node], size, options, emphasis=emphasis)
        item.force_label = emphasis is not None
        nodes.append(item)
    edges = tie_edges(view, options)
    for edge in edges:
        rank = on_path.get(frozenset((edge.source, edge.target)))
        if rank is not None:
            edge.color = category_color(rank)
            edge.size += 2.5 - 0.4 * min(rank, 4)
            edge.emphasis = "path"
    if not paths:
        reading = [
            text(
                "read.no_path", language, actor=map_input.name(actor), target=map_input.name(target)
            )
        ]
    elif not paths[0].get("intermediaries"):
        reading = [
            text(
                "read.direct", language, actor=map_input.name(actor), target=map_input.name(target)
            )
        ]
    else:
        reading = [path_sentence(p, map_input, language) for p in paths[:3]]
    rows = [
        ResultRow(
            name=", ".join(str(i.get("name") or i.get("id")) for i in p.get("intermediaries", []))
            or "—",
            group=str(len(p.get("ties", []))),
            measure=number(p.get("cost", 0), language),
            sentence=path_sentence(p, map_input, language),
        )
        for p in paths
    ]
    return MapDocument(
        rows=rows,
        title=text(
            "title.introductions",
            language,
            actor=map_input.name(actor),
            target=map_input.name(target),
        ),
        reading=reading,
        views=sphere_view(
            view,
            language,
            ringed("legend.requester", language),
            ringed("legend.target", language),
        ),
        nodes=nodes,
        edges=edges,
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=[
            LegendItem(text("legend.path", language), category_color(0), "line"),
            LegendItem(text("legend.tie", language), TIE_COLOR, "line"),
        ],
        panels=[
            Panel(
                text("panel.paths", language),
                [path_sentence(p, map_input, language) for p in paths],
                restates_results=True,
            )
        ]
        if paths
        else [],
    )
