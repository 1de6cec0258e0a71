"""Maps too big to read node by node: above :data:`AGGREGATE_ABOVE` actors a
map starts as one node per sphere, sized by its number of actors, with the
ties between spheres counted; a click on a sphere opens the same map scoped to
it (``spheres=…``), when the map is served by Maillage."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from graph_service.domain.labels import label
from visualisations.document import Edge, LegendItem, MapDocument, Node, ResultRow, View
from visualisations.texts import text
from visualisations.views.common import (
    SPHERE_COLORS,
    TIE_COLOR,
    MapInput,
    MapOptions,
    layout,
    scaled,
    sphere_legend,
)

__all__ = ["AGGREGATE_ABOVE", "aggregated_map"]

#: Above this many actors a network map starts aggregated (a browser still
#: draws 20,000 actors, but nobody reads them).
AGGREGATE_ABOVE = 20_000


def aggregated_map(kind: str, map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph = map_input.graph
    sphere_of = {n: str(d.get("sphere") or "unknown") for n, d in graph.nodes(data=True)}
    sizes = Counter(sphere_of.values())
    between: Counter[tuple[str, str]] = Counter()
    for u, v in graph.edges:
        pair = tuple(sorted((sphere_of[u], sphere_of[v])))
        between[(pair[0], pair[1])] += 1
    groups = nx.Graph()
    groups.add_nodes_from(sizes)
    groups.add_edges_from(pair for pair in between if pair[0] != pair[1])
    positions = layout(groups, options)
    radius = scaled({s: float(c) for s, c in sizes.items()}, 10, 40)
    nodes = [
        Node(
            id=f"sphere:{sphere}",
            label=f"{label('sphere', sphere, language)} ({count})",
            x=positions[sphere][0],
            y=positions[sphere][1],
            size=radius[sphere],
            colors={"main": SPHERE_COLORS.get(sphere, "#9E9E9E")},
            kind="group",
            facets={"sphere": label("sphere", sphere, language)},
            details=[
                (text("detail.sphere", language), label("sphere", sphere, language)),
                (text("detail.degree", language), str(between[(sphere, sphere)])),
            ],
            tooltip=f"{label('sphere', sphere, language)} : {count}",
            force_label=True,
            drill={"spheres": sphere},
        )
        for sphere, count in sorted(sizes.items())
    ]
    edges = [
        Edge(
            source=f"sphere:{a}",
            target=f"sphere:{b}",
            color=TIE_COLOR,
            size=1.0 + 6.0 * count / max(between.values()),
            category=text("legend.cross_sphere", language),
            tooltip=f"{label('sphere', a, language)} ↔ {label('sphere', b, language)} : {count}",
        )
        for (a, b), count in sorted(between.items())
        if a != b
    ]
    rows = [
        ResultRow(name=label("sphere", s, language), group=str(c), measure=str(between[(s, s)]))
        for s, c in sizes.most_common()
    ]
    return MapDocument(
        title=text(f"title.{kind}", language),
        reading=[text("read.aggregated", language, actors=graph.number_of_nodes())],
        views=[View("main", text("view.spheres", language), sphere_legend(graph, language))],
        nodes=nodes,
        edges=edges,
        facets={"sphere": text("detail.sphere", language)},
        edge_legend=[LegendItem(text("legend.cross_sphere", language), TIE_COLOR, "line")],
        rows=rows,
    )
