"""The cloisonnement map: actors coloured by declared sphere or by detected
community (a toggle), ties across spheres drawn strong, the missing bridges
listed by sphere pair, and the E-I index read in one sentence."""

from __future__ import annotations

from typing import Any

from graph_service.config import Language
from graph_service.domain.labels import label
from visualisations.document import LegendItem, MapDocument, Panel, ResultRow, View
from visualisations.texts import text
from visualisations.views.common import (
    SPHERE_COLORS,
    TIE_COLOR,
    MapInput,
    MapOptions,
    actor_node,
    category_color,
    conflict_edges,
    layout,
    number,
    scaled,
    sphere_legend,
    tie_edges,
)

__all__ = ["ei_sentence", "silos_map"]

CROSS_COLOR = "#263238"
#: Below this p-value the E-I index is said to differ from chance.
SIGNIFICANCE = 0.05


def ei_sentence(ei: dict[str, Any], language: Language) -> str:
    """The E-I index, its expected value and its permutation test in one sentence."""
    observed, expected = ei.get("network"), ei.get("expected")
    if observed is None or expected is None:
        return text("read.no_ties", language)
    p_value = ei.get("p_value")
    if p_value is None or not ei.get("permutations"):
        p_words = "—"
    else:
        p_words = text(
            "read.p_value",
            language,
            p=number(p_value, language),
            times=round(100 * p_value),
        )
    values = {
        "ei": number(observed, language),
        "expected": number(expected, language),
        "p": p_words,
    }
    if p_value is not None and p_value < SIGNIFICANCE:
        key = "read.siloed" if observed < expected else "read.open"
    else:
        key = "read.as_chance"
    return text(key, language, **values)


def silos_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    positions = layout(graph, options)
    sizes = scaled({str(n): float(d) for n, d in graph.degree}, 4, 18)
    membership: dict[str, int] = report.get("communities", {}).get("membership", {})
    actor_ei: dict[str, float | None] = report.get("ei_index", {}).get("actors", {})
    community_ids = sorted(set(membership.values()))
    top = {n for n, _ in sorted(sizes.items(), key=lambda x: (-x[1], x[0]))[: options.labels]}
    nodes = []
    for node in sorted(graph.nodes, key=str):
        sphere = str(graph.nodes[node].get("sphere") or "unknown")
        community = membership.get(str(node))
        details = []
        if community is not None:
            details.append(
                (
                    text("detail.community", language),
                    text("community", language, number=community + 1),
                )
            )
        if actor_ei.get(str(node)) is not None:
            details.append(
                (text("detail.ei", language), number(actor_ei[str(node)] or 0.0, language))
            )
        item = actor_node(
            graph,
            node,
            positions[node],
            sizes[str(node)],
            options,
            colors={
                "spheres": SPHERE_COLORS.get(sphere, "#9E9E9E"),
                "communities": category_color(community_ids.index(community))
                if community is not None
                else "#9E9E9E",
            },
            details=details,
        )
        item.force_label = str(node) in top
        if community is not None:
            item.facets["community"] = text("community", language, number=community + 1)
        nodes.append(item)

    edges = tie_edges(graph, options)
    sphere_of = {str(n): graph.nodes[n].get("sphere") for n in graph}
    for edge in edges:
        if sphere_of[edge.source] != sphere_of[edge.target]:
            edge.color, edge.size, edge.emphasis = CROSS_COLOR, edge.size + 1.0, "cross"
        else:
            edge.color = TIE_COLOR
    missing = report.get("missing_bridges", [])
    partition = str(report.get("parameters", {}).get("partition") or "sphere")
    missing_rows = [_pair(item, partition, language) for item in missing]
    reading = [ei_sentence(report.get("ei_index", {}), language)]
    if missing_rows:
        reading.append(text("read.missing_bridges", language, count=len(missing_rows)))
    change = report.get("change", {}).get("ties")
    if change is not None:
        reading.append(_change_sentence(report, change, partition, language))
    communities = report.get("communities", {})
    if communities.get("count"):
        nmi = communities.get("nmi")
        reading.append(
            text(
                "read.communities",
                language,
                count=communities["count"],
                nmi=number(nmi, language) if nmi is not None else "—",
            )
        )
    community_legend = [
        LegendItem(text("community", language, number=c + 1), category_color(i))
        for i, c in enumerate(community_ids)
    ]
    group_ei = report.get("ei_index", {}).get("groups", {})
    sizes_of = report.get("mixing_matrix", {}).get("sizes", {})
    rows = [
        ResultRow(
            name=label(partition, group, language),
            group=str(sizes_of.get(group, "")),
            measure=number(value, language) if value is not None else "—",
        )
        for group, value in sorted(group_ei.items(), key=lambda x: (x[1] is None, x[1] or 0))
    ]
    return MapDocument(
        rows=rows,
        title=text("title.silos", language),
        reading=reading,
        views=[
            View("spheres", text("view.spheres", language), sphere_legend(graph, language)),
            View("communities", text("view.communities", language), community_legend),
        ],
        nodes=nodes,
        edges=[*edges, *conflict_edges(graph, options)],
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=[
            LegendItem(text("legend.cross_sphere", language), CROSS_COLOR, "line"),
            LegendItem(text("legend.same_sphere", language), TIE_COLOR, "line"),
        ],
        panels=[Panel(text("panel.missing_bridges", language), missing_rows)]
        if missing_rows
        else [],
    )


def _pair(groups: list[str], partition: str, language: Language) -> str:
    return " ↔ ".join(label(partition, str(g), language) for g in groups)


def _change_sentence(
    report: dict[str, Any], change: dict[str, Any], partition: str, language: Language
) -> str:
    """What changed between the two dates, in words — or that nothing did."""
    start = report.get("parameters", {}).get("at") or "…"
    end = report.get("compared", {}).get("at") or "…"
    if change["unchanged"]:
        return text("read.no_change", language, start=start, end=end)
    sentence = text(
        "read.silos_change",
        language,
        start=start,
        end=end,
        new=change["new"],
        ended=change["ended"],
        ei=number(report.get("change", {}).get("ei_index") or 0.0, language),
    )
    busiest = change["by_group_pair"][0]
    return (
        sentence
        + " "
        + text(
            "read.change_pair",
            language,
            pair=_pair(busiest["groups"], partition, language),
            new=busiest["new"],
            ended=busiest["ended"],
        )
    )
