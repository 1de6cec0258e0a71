"""What every kind of map shares: the input, colours, the layout, actor nodes,
tie edges and the scope line."""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import igraph as ig
import networkx as nx

from graph_service.config import Language
from graph_service.domain.labels import label
from visualisations.document import Edge, LegendItem, Node, View
from visualisations.texts import text

__all__ = [
    "CATEGORY_COLORS",
    "CONFLICT_COLOR",
    "SPHERE_COLORS",
    "MapInput",
    "MapOptions",
    "actor_node",
    "category_color",
    "conflict_edges",
    "layout",
    "number",
    "ringed",
    "scaled",
    "scope_line",
    "sphere_legend",
    "sphere_view",
    "tie_category",
    "tie_edges",
    "type_legend",
]

K = TypeVar("K", bound=Hashable)

#: One colour per sphere, kept across every map (Okabe–Ito, colour-blind safe).
SPHERE_COLORS: dict[str, str] = {
    "civil_society": "#0072B2",
    "public": "#D55E00",
    "market": "#E69F00",
    "union": "#CC79A7",
    "social_economy": "#009E73",
    "academic": "#56B4E9",
    "philanthropy": "#8C6D31",
    "multi": "#6A3D9A",
    "unknown": "#9E9E9E",
}
#: Colours of groups that have no fixed colour (communities, territories…).
CATEGORY_COLORS = (
    "#1B9E77", "#D95F02", "#7570B3", "#E7298A", "#66A61E", "#E6AB02", "#A6761D",
    "#1F78B4", "#B15928", "#6A3D9A", "#33A02C", "#FB9A99",
)  # fmt: skip
CONFLICT_COLOR = "#C62828"
TIE_COLOR = "#9AA5B1"
#: The ecosystem map tells tie types apart by colour (dashes are kept for
#: conflicts, suggestions and ended ties).
TYPE_COLORS = {
    "COOPERATES_WITH": TIE_COLOR,
    "FUNDS": "#B8860B",
    "MEMBER_OF": "#5C6BC0",
    "KNOWS": "#80CBC4",
    "INSPIRED_BY": "#AB47BC",
    "SHARED": "#CFD8DC",
}
OTHER_COLOR = "#B0B0B0"


@dataclass(frozen=True)
class MapOptions:
    """How to draw: the caller's language, the measure that sizes actors, how
    many labels, the seed of the layout, and whether persons may be named."""

    language: Language = Language.FR
    size_by: str = "degree"
    labels: int = 15
    seed: int = 0
    #: Persons are named only for a caller entitled to sensitive data; otherwise
    #: they are pseudonyms ("Personne 1 chez …") or left out.
    sensitive: bool = False
    #: False when only the words are wanted (the CLI's tables): no positions.
    positions: bool = True
    #: How many results the table lists.
    top: int = 20


@dataclass
class MapInput:
    """What a service hands a renderer: the analysis graph and report, and the
    names and places the map needs to speak in words (never ids)."""

    graph: nx.Graph
    report: dict[str, Any]
    #: id -> name of every node the scope line or the report mentions.
    names: dict[str, str] = field(default_factory=dict)
    #: Double space: the linked territories with their geography.
    places: list[dict[str, Any]] = field(default_factory=list)
    #: Change view: the graph at the second date.
    compared: nx.Graph | None = None

    def name(self, node: Hashable) -> str:
        key = str(node)
        if key in self.graph:
            return str(self.graph.nodes[key].get("name") or key)
        return self.names.get(key, key)


def number(value: float, language: Language, digits: int = 2) -> str:
    """A figure as its reader writes it: ``0,17`` in French, ``0.17`` in English.

    >>> number(0.1684, Language.FR), number(0.1684, Language.EN, 3)
    ('0,17', '0.168')
    """
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if language is Language.FR else shown


def listing(parts: Iterable[str], language: Language) -> str:
    """Items joined by a semicolon, spaced the French way in French."""
    return (" ; " if language is Language.FR else "; ").join(parts)


def labelled(heading: str, value: str, language: Language) -> str:
    """A heading and what it introduces, with the colon spaced the French way in French.

    >>> labelled("partenaires communs", "CFSI", Language.FR)
    'partenaires communs : CFSI'
    """
    return f"{heading} : {value}" if language is Language.FR else f"{heading}: {value}"


def category_color(index: int) -> str:
    return CATEGORY_COLORS[index % len(CATEGORY_COLORS)]


def layout(graph: nx.Graph, options: MapOptions) -> dict[Hashable, tuple[float, float]]:
    """Positions computed once, on the server, with a seed (same seed, same map):
    igraph's Fruchterman–Reingold, which stays fast at thousands of nodes where
    networkx's spring layout does not (its grid variant is used above 1,000)."""
    nodes = sorted(graph.nodes, key=str)
    if not options.positions:
        return dict.fromkeys(nodes, (0.0, 0.0))
    if not nodes:
        return {}
    seed = options.seed
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.edges]
    # Opponents are drawn near each other: a conflict across the whole map
    # would read as a tie between the two crowds it crosses.
    for conflict in sorted(graph.graph.get("conflicts", ()), key=lambda p: sorted(map(str, p))):
        ends = [index[n] for n in conflict if n in index]
        if len(ends) == 2:
            pairs.append((ends[0], ends[1]))
    shadow = ig.Graph(n=len(nodes), edges=pairs)
    rng = random.Random(seed)
    # Start at the scale the layout ends at: squeezed starts overload its grid.
    spread = max(1.0, len(nodes) ** 0.5)
    start = [[rng.uniform(-spread, spread), rng.uniform(-spread, spread)] for _ in nodes]
    ig.set_random_number_generator(rng)
    try:
        positions = shadow.layout_fruchterman_reingold(
            seed=start, niter=500, grid="grid" if len(nodes) > 1000 else "nogrid"
        )
    finally:
        ig.set_random_number_generator(random)
    return {node: (round(x, 3), round(y, 3)) for node, (x, y) in zip(nodes, positions, strict=True)}


def scaled(values: Mapping[K, float], smallest: float = 4, largest: float = 20) -> dict[K, float]:
    """Sizes proportional to the square root of ``values`` (areas read as amounts)."""
    top = max(values.values(), default=0.0)
    if top <= 0:
        return {node: smallest for node in values}
    return {
        node: round(smallest + (largest - smallest) * (max(v, 0.0) / top) ** 0.5, 2)
        for node, v in values.items()
    }


def sphere_legend(graph: nx.Graph, language: Language) -> list[LegendItem]:
    present = sorted({str(d.get("sphere", "unknown")) for _, d in graph.nodes(data=True)})
    order = list(SPHERE_COLORS)
    present.sort(key=lambda s: order.index(s) if s in order else len(order))
    return [
        LegendItem(label("sphere", sphere, language), SPHERE_COLORS.get(sphere, OTHER_COLOR))
        for sphere in present
    ]


def ringed(key: str, language: Language) -> LegendItem:
    """The legend line of a ringed node (the actor asking, the target, the lead…)."""
    return LegendItem(text(key, language), "#212121", "ring")


def sphere_view(graph: nx.Graph, language: Language, *extra: LegendItem) -> list[View]:
    """The one view of a map coloured by sphere, its legend ending with ``extra``."""
    return [View("main", text("view.spheres", language), [*sphere_legend(graph, language), *extra])]


def _provenance(data: Mapping[str, Any]) -> dict[str, str]:
    return {k: str(data[k]) for k in ("source", "source_ref") if data.get(k)}


def actor_node(
    graph: nx.Graph,
    node: Hashable,
    position: tuple[float, float],
    size: float,
    options: MapOptions,
    *,
    colors: dict[str, str] | None = None,
    details: Iterable[tuple[str, str]] = (),
    emphasis: str | None = None,
) -> Node:
    """An actor as a map node: its name, sphere colour, facets, details and source."""
    data = graph.nodes[node]
    language = options.language
    sphere = str(data.get("sphere") or "unknown")
    rows = [
        (text("detail.sphere", language), label("sphere", sphere, language)),
        (text("detail.nature", language), label("nature", data.get("nature"), language)),
        (text("detail.country", language), str(data.get("country") or "—")),
        (text("detail.home", language), str(data.get("home_name") or "—")),
        (text("detail.degree", language), str(graph.degree(node))),
        *details,
    ]
    return Node(
        id=str(node),
        label=str(data.get("name") or node),
        x=position[0],
        y=position[1],
        size=size,
        colors=colors or {"main": SPHERE_COLORS.get(sphere, OTHER_COLOR)},
        facets={"sphere": label("sphere", sphere, language)},
        details=[(k, v) for k, v in rows if v and v != "—"],
        provenance=_provenance(data),
        tooltip=f"{data.get('name') or node} — {label('sphere', sphere, language)}",
        emphasis=emphasis,
    )


def tie_category(types: Iterable[str], language: Language) -> str:
    """The label a tie is filtered by: its first type in the domain's order."""
    kinds = sorted(types)
    return label("type", kinds[0], language) if kinds else ""


def _dates(since: Any, until: Any) -> str:
    if isinstance(since, date) and isinstance(until, date):
        return f"{since.isoformat()} → {until.isoformat()}"
    if isinstance(since, date):
        return f"{since.isoformat()} →"
    return ""


def tie_edges(graph: nx.Graph, options: MapOptions, *, color: str = TIE_COLOR) -> list[Edge]:
    """The projected ties as map edges, labelled by type, dates and source lines."""
    edges = []
    # Ends in a fixed order (the graph is undirected): the same map every time.
    ends = ((*sorted((u, v), key=str), data) for u, v, data in graph.edges(data=True))
    for u, v, data in sorted(ends, key=lambda e: (str(e[0]), str(e[1]))):
        types = [label("type", t, options.language) for t in data.get("types", [])]
        when = _dates(data.get("since"), data.get("until"))
        sources = ", ".join(data.get("sources", []))
        tooltip = " · ".join(part for part in (", ".join(types), when, sources) if part)
        edges.append(
            Edge(
                source=str(u),
                target=str(v),
                color=color,
                size=0.6 + 0.5 * float(data.get("weight", 1.0)),
                category=tie_category(data.get("types", []), options.language),
                tooltip=tooltip,
            )
        )
    return edges


def type_legend(edges: list[Edge], options: MapOptions) -> list[LegendItem]:
    """One legend line per tie type drawn (in the order of :data:`TYPE_COLORS`)."""
    drawn = {edge.category for edge in edges}
    return [
        LegendItem(label("type", kind, options.language), color, "line")
        for kind, color in TYPE_COLORS.items()
        if label("type", kind, options.language) in drawn
    ]


def conflict_edges(graph: nx.Graph, options: MapOptions) -> list[Edge]:
    """Conflicts and power relations: red and dashed, never mistaken for a tie."""
    kinds: dict[frozenset[Hashable], str] = graph.graph.get("conflict_kinds", {})
    edges = []
    for pair in sorted(graph.graph.get("conflicts", set()), key=lambda p: sorted(map(str, p))):
        u, v = sorted(pair, key=str)
        if u not in graph or v not in graph:  # a conflict with someone out of view
            continue
        kind = kinds.get(pair, "conflict")
        edges.append(
            Edge(
                source=str(u),
                target=str(v),
                color=CONFLICT_COLOR,
                size=1.6,
                style="dashed",
                category=label("type", "OPPOSES", options.language),
                tooltip=label("opposition", kind, options.language),
                emphasis="conflict",
            )
        )
    return edges


def scope_line(map_input: MapInput, options: MapOptions) -> str:
    """Which scope, which date, which ties and how many: the map's subtitle."""
    language = options.language
    parameters = map_input.report.get("parameters", {})
    parts = []
    if parameters.get("territory"):
        name = map_input.names.get(parameters["territory"], parameters["territory"])
        parts.append(text("scope.territory", language, name=name))
    if parameters.get("operation"):
        name = map_input.names.get(parameters["operation"], parameters["operation"])
        parts.append(text("scope.operation", language, name=name))
    if parameters.get("spheres"):
        names = ", ".join(label("sphere", s, language) for s in parameters["spheres"])
        parts.append(text("scope.spheres", language, names=names))
    if not parts:
        parts.append(text("scope.whole", language))
    if parameters.get("compare_at") and parameters.get("at"):
        parts.append(
            text("scope.compare", language, start=parameters["at"], end=parameters["compare_at"])
        )
    elif parameters.get("at"):
        parts.append(text("scope.at", language, date=parameters["at"]))
    elif parameters.get("period"):
        start, end = parameters["period"]
        parts.append(text("scope.period", language, start=start or "…", end=end or "…"))
    else:
        parts.append(text("scope.all_dates", language))
    relations = parameters.get("relations")
    if relations:
        types = ", ".join(label("type", r, language) for r in relations)
        parts.append(text("scope.ties", language, types=types))
    graph = map_input.graph
    if graph.number_of_nodes() and not isinstance(graph, nx.DiGraph):
        # An analysis that read only the question's surroundings says so: its
        # counts are not the scope's.
        around = (map_input.report.get("search") or {}).get("around")
        parts.append(
            text(
                "scope.counts_around" if around else "scope.counts",
                language,
                actors=graph.number_of_nodes(),
                ties=graph.number_of_edges(),
            )
        )
    return " · ".join(parts)
