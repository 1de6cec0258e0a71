"""The similar-actors map: for one actor, the actors whose partners most resemble
its own, each joined to it by a dashed line whose thickness is the similarity, and
the partners they share; for a whole scope, the most similar pairs.  Each line of
the table names the shared partners: "2 partenaire(s) commun(s) : CFSI, GRDR"."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph_service.config import Language
from graph_service.domain.labels import label
from visualisations.document import Edge, LegendItem, MapDocument, Node, Panel, ResultRow
from visualisations.texts import text
from visualisations.views.common import (
    TIE_COLOR,
    MapInput,
    MapOptions,
    actor_node,
    labelled,
    layout,
    number,
    ringed,
    sphere_view,
    tie_edges,
)

__all__ = ["shared_in_words", "similar_map"]

SIMILAR_COLOR = "#6A1B9A"
#: How many shared partners a sentence names before "…".
NAMES_SHOWN = 4


def _name(item: dict[str, Any]) -> str:
    return str(item.get("name") or item.get("id"))


def shared_in_words(result: dict[str, Any], language: Language) -> str:
    """ "2 partenaires communs : CFSI, GRDR ; déjà liés" — what makes two actors alike."""
    shared = result.get("shared", [])
    names = ", ".join(_name(p) for p in shared[:NAMES_SHOWN])
    if len(shared) > NAMES_SHOWN:
        names += "…"
    sentence = text("read.shared_partners", language, count=len(shared), names=names)
    if result.get("tied"):
        sentence += text("read.already_tied", language)
    return sentence


def _pair_name(result: dict[str, Any]) -> str:
    return f"{_name(result['a'])} ↔ {_name(result['b'])}"


def similar_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    results = report.get("results", [])
    actor = str(report["actor"]["id"]) if report.get("actor") else None
    if actor is not None:
        pairs = [(actor, str(r["id"]), r) for r in results]
    else:
        pairs = [(str(r["a"]["id"]), str(r["b"]["id"]), r) for r in results]
    alike = {end for a, b, _ in pairs for end in (a, b)} - {actor}
    # The actors compared, the partners they share and, for one actor, its own
    # partners: not the whole scope the analysis read.
    shared = {str(p["id"]) for r in results for p in r.get("shared", [])}
    shown = alike | shared
    if actor is not None:
        shown |= {actor, *(str(n) for n in graph[actor])} if actor in graph else {actor}
    graph = graph.subgraph(n for n in graph if str(n) in shown).copy()
    graph.graph.update(map_input.graph.graph)
    drawn = nx.Graph(graph)
    drawn.add_edges_from((a, b) for a, b, _ in pairs if a in graph and b in graph)
    positions = layout(drawn, options)
    nodes: list[Node] = []
    for node in sorted(graph.nodes, key=str):
        key = str(node)
        emphasis, size = None, 6.0
        if key == actor:
            emphasis, size = "requester", 18.0
        elif key in alike:
            emphasis, size = "similar", 12.0
        item = actor_node(graph, node, positions[node], size, options, emphasis=emphasis)
        # The shared partners are the reason: named too.
        item.force_label = emphasis is not None or key in shared
        nodes.append(item)
    edges: list[Edge] = tie_edges(graph, options)
    for a, b, result in pairs:
        if a in graph and b in graph:
            edges.append(
                Edge(
                    source=a,
                    target=b,
                    color=SIMILAR_COLOR,
                    size=1.0 + 4.0 * float(result["score"]),
                    style="dashed",
                    category=text("legend.similar", language),
                    tooltip=shared_in_words(result, language),
                    emphasis="similar",
                )
            )
    rows = [
        ResultRow(
            name=_name(r) if actor is not None else _pair_name(r),
            group=label("sphere", r.get("sphere"), language)
            if actor is not None
            else str(len(r.get("shared", []))),
            measure=number(r["score"], language),
            sentence=shared_in_words(r, language),
        )
        for r in results
    ]
    if actor is not None:
        title = text("title.similar", language, actor=map_input.name(actor))
        columns_key = "columns.similar"
    else:
        title = text("title.similar_pairs", language)
        columns_key = "columns.similar_pairs"
    return MapDocument(
        rows=rows,
        title=title,
        reading=_reading(results, actor, map_input, language),
        views=sphere_view(graph, language, ringed("legend.requester", language))
        if actor is not None
        else sphere_view(graph, language),
        nodes=nodes,
        edges=edges,
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=[
            LegendItem(text("legend.tie", language), TIE_COLOR, "line"),
            LegendItem(text("legend.similar", language), SIMILAR_COLOR, "dashed"),
        ],
        panels=[
            Panel(
                text("panel.similar", language),
                [labelled(f"{row.name} ({row.measure})", row.sentence, language) for row in rows],
                restates_results=True,
            )
        ]
        if rows
        else [],
        columns=text(columns_key, language).split("|"),
    )


def _reading(
    results: list[dict[str, Any]], actor: str | None, map_input: MapInput, language: Language
) -> list[str]:
    if not results:
        return [text("read.no_similar", language)]
    best = results[0]
    if actor is not None:
        sentence = text(
            "read.similar",
            language,
            count=len(results),
            actor=map_input.name(actor),
            name=_name(best),
            score=number(best["score"], language),
            shared=shared_in_words(best, language),
        )
    else:
        sentence = text(
            "read.similar_pairs",
            language,
            count=len(results),
            pair=_pair_name(best),
            score=number(best["score"], language),
            shared=shared_in_words(best, language),
        )
    return [sentence, text("read.similar_meaning", language)]
