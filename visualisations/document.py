"""What a map shows, before it is HTML: the map document.

Every kind of map (ecosystem, brokers, silos, allies…) builds one
:class:`MapDocument` from an analysis; :mod:`visualisations.html` turns it into
one self-contained page.  Everything a person reads is already in their
language here: the browser side only draws, filters and highlights.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = ["Edge", "GeoLayer", "LegendItem", "MapDocument", "Node", "Panel", "ResultRow", "View"]

EdgeStyle = Literal["solid", "dashed", "dotted"]
Shape = Literal["dot", "ring", "square", "line", "dashed", "dotted", "area"]


@dataclass
class LegendItem:
    label: str
    color: str
    shape: Shape = "dot"


@dataclass
class View:
    """One way of colouring the nodes (silos: declared spheres or detected
    communities); the legend follows the view."""

    key: str
    label: str
    legend: list[LegendItem]


@dataclass
class Node:
    id: str
    label: str
    x: float
    y: float
    size: float
    #: Colour per view key (one entry when the map has a single view).
    colors: dict[str, str]
    kind: str = "actor"
    #: Filterable facets: facet key -> value label (e.g. "sphere" -> "syndicats").
    facets: dict[str, str] = field(default_factory=dict)
    #: What the details panel lists, in order: (label, value).
    details: list[tuple[str, str]] = field(default_factory=list)
    #: Where the fact comes from: ``source`` and ``source_ref`` (e.g. "002:652").
    provenance: dict[str, str] = field(default_factory=dict)
    #: Short text on hover.
    tooltip: str = ""
    #: Drawn larger, labelled and ringed: top brokers, the requester, the target…
    emphasis: str | None = None
    force_label: bool = False
    #: A group of an aggregated map: the query options that open it.
    drill: dict[str, str] | None = None


@dataclass
class Edge:
    source: str
    target: str
    color: str
    size: float = 1.0
    style: EdgeStyle = "solid"
    #: Filterable tie category (a label: "coopère avec", "conflit…").
    category: str = ""
    tooltip: str = ""
    emphasis: str | None = None


@dataclass
class Panel:
    """A titled list beside the map: missing bridges, unarticulated levels…"""

    title: str
    rows: list[str]
    #: True when the panel says again what the results table says (the CLI,
    #: which prints the table, leaves it out).
    restates_results: bool = False


@dataclass
class GeoLayer:
    """A geographic map: boundaries (GeoJSON features) and what lies on them."""

    features: list[dict[str, Any]]
    #: Places: {id, name, lat, lon, feature (boundary id or None), side, actors: [names]}.
    places: list[dict[str, Any]]
    #: Arcs between places: {from, to, kind, label, color, style, tooltip}.
    arcs: list[dict[str, Any]]
    attribution: str


@dataclass
class ResultRow:
    """One line of the results table beside the map: a name, its group, the
    figure it is ranked by, and one plain sentence that reads it."""

    name: str
    group: str = ""
    measure: str = ""
    sentence: str = ""


@dataclass
class MapDocument:
    title: str
    #: Plain-language reading of the result, one sentence each.
    reading: list[str]
    views: list[View]
    #: Filled by :func:`visualisations.build_document` for every kind alike:
    #: the kind, the language, and what is shown for which scope and date.
    kind: str = ""
    language: str = ""
    scope: str = ""
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    #: Facet key -> facet label (the filters offered).
    facets: dict[str, str] = field(default_factory=dict)
    #: Edge categories legend (tie types).
    edge_legend: list[LegendItem] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)
    geo: GeoLayer | None = None
    #: The ranked results, for the explorer's table and the CLI, and the titles
    #: of their four columns (name, group, measure, in words; empty: not shown).
    rows: list[ResultRow] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    #: Interface words, in the document's language.
    ui: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
