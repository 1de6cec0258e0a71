"""Map renderers: (analysis graph, analysis report, options) -> one self-contained
HTML page.

Renderers are pure: they never touch the database.  A service projects the
graph and runs the analysis, then calls :func:`render_map`.  Each kind of map is
built as a :class:`~visualisations.document.MapDocument` by its module in
:mod:`visualisations.views`, then written out by :mod:`visualisations.html`
with the browser bundle (sigma.js for networks, Leaflet for the geographic
map) and its data inlined: a saved map opens with no network at all.
"""

from __future__ import annotations

from collections.abc import Callable

from visualisations.document import MapDocument
from visualisations.html import page
from visualisations.kinds import MapKind
from visualisations.texts import text, ui_words
from visualisations.views.aggregate import AGGREGATE_ABOVE, aggregated_map
from visualisations.views.allies import allies_map
from visualisations.views.brokers import brokers_map
from visualisations.views.common import MapInput, MapOptions, scope_line
from visualisations.views.double_space import double_space_map
from visualisations.views.ecosystem import ecosystem_map
from visualisations.views.horizontalisation import horizontalisation_map
from visualisations.views.inside_allies import inside_allies_map
from visualisations.views.introductions import introductions_map
from visualisations.views.levels import levels_map
from visualisations.views.silos import silos_map
from visualisations.views.similar import similar_map

__all__ = ["MapInput", "MapKind", "MapOptions", "build_document", "render_map"]


BUILDERS: dict[MapKind, Callable[[MapInput, MapOptions], MapDocument]] = {
    MapKind.ECOSYSTEM: ecosystem_map,
    MapKind.BROKERS: brokers_map,
    MapKind.SILOS: silos_map,
    MapKind.ALLIES: allies_map,
    MapKind.INTRODUCTIONS: introductions_map,
    MapKind.INSIDE_ALLIES: inside_allies_map,
    MapKind.LEVELS: levels_map,
    MapKind.DOUBLE_SPACE: double_space_map,
    MapKind.HORIZONTALISATION: horizontalisation_map,
    MapKind.SIMILAR: similar_map,
}


#: Maps of a whole scope, which can be national: they start aggregated when large.
AGGREGATED_KINDS = frozenset({MapKind.ECOSYSTEM, MapKind.BROKERS, MapKind.SILOS})


def build_document(kind: MapKind, map_input: MapInput, options: MapOptions) -> MapDocument:
    """What the map of ``kind`` shows, in the caller's language (no HTML yet)."""
    if kind in AGGREGATED_KINDS and map_input.graph.number_of_nodes() > AGGREGATE_ABOVE:
        document = aggregated_map(kind.value, map_input, options)
    else:
        document = BUILDERS[kind](map_input, options)
    check = map_input.report.get("scope_check", {})
    if check.get("too_small"):
        values = {k: check[k] for k in ("actors", "ties", "min_actors", "min_ties")}
        document.reading.insert(0, text("read.too_small", options.language, **values))
    document.kind = kind.value
    document.language = options.language.value
    document.scope = scope_line(map_input, options)
    document.ui = ui_words(options.language)
    if "in_database" in map_input.report:
        # A scope analysed in the database: the map holds a part of it, or nothing;
        # say so rather than let an empty canvas read as an empty scope.
        summary = map_input.report["summary"]
        shown = map_input.graph.number_of_nodes()
        document.reading.insert(
            0, text("read.in_database", options.language, shown=shown, **summary)
        )
        document.ui["empty"] = text("read.in_database_empty", options.language)
    if not document.columns:  # a view whose columns depend on the report sets its own
        document.columns = text(f"columns.{kind.value}", options.language).split("|")
    return document


def render_map(kind: MapKind, map_input: MapInput, options: MapOptions) -> str:
    """One self-contained HTML page: the map of ``kind`` of this analysis."""
    return page(build_document(kind, map_input, options))
