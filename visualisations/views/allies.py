"""The possible-allies map: the actor asking in the middle of its neighbourhood,
the suggested alliances as dashed edges, and for each suggestion the reasons as
a sentence that names the shared partners, territories, issues and frameworks."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph_service.config import Language
from graph_service.domain.labels import label
from visualisations.document import Edge, LegendItem, MapDocument, Panel, ResultRow
from visualisations.texts import text
from visualisations.views.common import (
    TIE_COLOR,
    MapInput,
    MapOptions,
    actor_node,
    conflict_edges,
    labelled,
    layout,
    listing,
    number,
    ringed,
    sphere_view,
    tie_edges,
)

__all__ = ["allies_map", "reason_in_words"]

SUGGESTED_COLOR = "#2E7D32"
#: How many names a reason lists before "…".
NAMES_SHOWN = 4


def reason_in_words(reason: dict[str, Any], map_input: MapInput, language: Language) -> str:
    """ "partenaires communs : CFSI, GRDR" — one reason, with names, never ids."""
    kind = reason.get("kind", "")
    heading = reason.get("label") or kind.replace("_", " ")
    if kind == "complementarity":
        return f"{heading} ({label('sphere', reason.get('sphere'), language)})"
    ids = [str(i) for i in reason.get("ids", [])]
    if kind == "shared_sdgs":
        names = [f"ODD {i}" if language is Language.FR else f"SDG {i}" for i in ids]
    else:
        names = [map_input.name(i) for i in ids]
    shown = ", ".join(names[:NAMES_SHOWN]) + ("…" if len(names) > NAMES_SHOWN else "")
    return labelled(heading, shown, language)


def reasons_in_words(result: dict[str, Any], map_input: MapInput, language: Language) -> str:
    return listing((reason_in_words(r, map_input, language) for r in result["reasons"]), language)


def suggestion_sentence(result: dict[str, Any], map_input: MapInput, language: Language) -> str:
    reasons = reasons_in_words(result, map_input, language)
    return text(
        "read.ally",
        language,
        name=result.get("name") or result["id"],
        sphere=label("sphere", result.get("sphere"), language),
        reasons=reasons,
    )


def allies_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    actor = str(report.get("actor", {}).get("id"))
    suggestions = report.get("results", [])
    suggested = [str(r["id"]) for r in suggestions]
    # The actor, its partners, the suggestions and the partners they share.
    shown = {actor, *suggested}
    if actor in graph:
        shown |= {str(n) for n in graph.neighbors(actor)}
    for result in suggestions:
        for reason in result.get("reasons", []):
            if reason.get("kind") == "shared_partners":
                shown |= {str(i) for i in reason.get("ids", [])}
    view = graph.subgraph(n for n in graph if str(n) in shown).copy()
    view.graph.update(graph.graph)
    drawn = nx.Graph(view)
    drawn.add_edges_from((actor, s) for s in suggested if s in view)
    positions = layout(drawn, options)
    nodes = []
    for node in sorted(view.nodes, key=str):
        key = str(node)
        details = []
        emphasis = None
        size = 8.0
        if key == actor:
            emphasis, size = "requester", 18.0
        elif key in suggested:
            result = suggestions[suggested.index(key)]
            emphasis, size = (
                "suggested",
                9.0 + 8.0 * (1 - suggested.index(key) / max(len(suggested), 1)),
            )
            details = [
                (text("detail.score", language), number(result["score"], language)),
                (text("detail.reasons", language), reasons_in_words(result, map_input, language)),
            ]
        item = actor_node(
            view, node, positions[node], size, options, details=details, emphasis=emphasis
        )
        item.force_label = key == actor or key in suggested[: options.labels]
        nodes.append(item)
    edges: list[Edge] = tie_edges(view, options)
    for key in suggested:
        if key in view:
            result = suggestions[suggested.index(key)]
            edges.append(
                Edge(
                    source=actor,
                    target=key,
                    color=SUGGESTED_COLOR,
                    size=2.0,
                    style="dashed",
                    category=text("legend.suggested", language),
                    tooltip=suggestion_sentence(result, map_input, language),
                    emphasis="suggested",
                )
            )
    if suggestions:
        best = suggestions[0]
        reading = [
            text(
                "read.allies",
                language,
                count=len(suggestions),
                name=best.get("name") or best["id"],
                sphere=label("sphere", best.get("sphere"), language),
                reasons=reasons_in_words(best, map_input, language),
            )
        ]
    else:
        reading = [text("read.no_allies", language)]
    actor_name = map_input.name(actor)
    rows = [
        ResultRow(
            name=str(r.get("name") or r["id"]),
            group=label("sphere", r.get("sphere"), language),
            measure=number(r["score"], language),
            sentence=reasons_in_words(r, map_input, language),
        )
        for r in suggestions
    ]
    return MapDocument(
        rows=rows,
        title=text("title.allies", language, actor=actor_name),
        reading=reading,
        views=sphere_view(view, language, ringed("legend.requester", language)),
        nodes=nodes,
        edges=[*edges, *conflict_edges(view, options)],
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=[
            LegendItem(text("legend.tie", language), TIE_COLOR, "line"),
            LegendItem(text("legend.suggested", language), SUGGESTED_COLOR, "dashed"),
        ],
        panels=[
            panel
            for panel in (
                Panel(
                    text("panel.suggestions", language),
                    [suggestion_sentence(r, map_input, language) for r in suggestions],
                    restates_results=True,
                ),
                Panel(
                    text("panel.already_partners", language),
                    [str(p.get("name") or p["id"]) for p in report.get("already_partners", [])],
                ),
            )
            if panel.rows
        ],
    )
