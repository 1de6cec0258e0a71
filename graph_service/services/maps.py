"""Maps: the analysis the request names, drawn.

A map is a view of an analysis: this service runs the same projection and
analysis as :class:`~graph_service.services.analyses.AnalysisService`, gathers
the names and places the map needs to speak in words, and hands them to a pure
renderer of :mod:`visualisations`.  Who may see persons is decided here, once:
until accounts and roles exist, maps served by the API never name a person
(pseudonyms), and only the operator's own CLI may ask for names, and only when
the inside-allies switch is on.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from graph_service.analyses import brokers as brokers_analysis
from graph_service.config import Language, Settings
from graph_service.domain.access import Caller, Role
from graph_service.projection import project, side_of
from graph_service.repositories import projection as projection_repo
from graph_service.repositories.database import Database
from graph_service.services.analyses import (
    AnalysisName,
    AnalysisQuery,
    AnalysisService,
    north_countries,
    projection_options,
)
from visualisations import MapInput, MapKind, MapOptions, build_document, render_map
from visualisations.document import MapDocument

__all__ = ["MapKind", "MapQuery", "MapService", "SizeMeasure"]

#: How many brokers a brokers map asks the analysis for (sizes and labels).
BROKERS_ON_MAP = 1000


class SizeMeasure(StrEnum):
    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    BROKERAGE = "brokerage"


class MapQuery(AnalysisQuery):
    """The analysis options, and how to draw them."""

    size_by: SizeMeasure = Field(
        default=SizeMeasure.DEGREE,
        description="What sizes the actors: number of ties, betweenness or brokerage.",
    )
    labels: int = Field(default=15, ge=0, le=200, description="How many names are always shown.")
    lang: Language | None = Field(
        default=None, description="Language of the map (default: Accept-Language, else fr)."
    )
    download: bool = Field(
        default=False, description="Send the page as a file to save (maillage-KIND.html)."
    )
    persons: bool = Field(
        default=False,
        description="Name persons (inside allies, levels) — honoured only for a caller "
        "entitled to sensitive data; others always see pseudonyms.",
    )

    @model_validator(mode="after")
    def _change_needs_two_dates(self) -> MapQuery:
        if self.compare_at is not None and self.at is None:
            raise PydanticCustomError(
                "compare_needs_at", "compare_at needs at: the change is shown from at to compare_at"
            )
        return self


class MapService:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        language: Language = Language.FR,
        *,
        caller: Caller,
    ) -> None:
        self.database = database
        self.settings = settings
        self.language = language
        self.caller = caller
        self.analyses = AnalysisService(database, settings, language, caller=caller)

    def options(self, query: MapQuery, *, positions: bool = True) -> MapOptions:
        return MapOptions(
            language=self.language,
            size_by=query.size_by.value,
            labels=query.labels,
            seed=query.seed,
            # Names only when the caller may see them and the map asks for them.
            sensitive=self.caller.sensitive and query.persons,
            positions=positions,
            top=query.top,
        )

    def document(self, kind: MapKind, query: MapQuery, *, positions: bool = True) -> MapDocument:
        """What the map shows (the explorer's JSON; without positions, the words
        the CLI prints)."""
        options = self.options(query, positions=positions)
        return build_document(kind, self.map_input(kind, query), options)

    def render(self, kind: MapKind, query: MapQuery) -> str:
        """The map as one self-contained HTML page."""
        return render_map(kind, self.map_input(kind, query), self.options(query))

    # --- inputs ---------------------------------------------------------------------

    def map_input(self, kind: MapKind, query: MapQuery) -> MapInput:
        if kind is MapKind.ECOSYSTEM:
            map_input = self._ecosystem(query)
        elif kind is MapKind.DOUBLE_SPACE:
            map_input = self._double_space(query)
        else:
            if kind is MapKind.BROKERS:
                query = query.model_copy(update={"top": BROKERS_ON_MAP})
            analysis = self.analyses.analyse(AnalysisName(kind.value), query)
            map_input = MapInput(analysis.graph, analysis.report)
        map_input.names = self._names(map_input)
        return map_input

    def _ecosystem(self, query: MapQuery) -> MapInput:
        # No analysis runs here, so the names typed are resolved here (analyse()
        # resolves them for every other kind).
        self.caller.require(Role.VIEWER)
        query = self.analyses.resolved(query)
        options = projection_options(query, self.settings)
        graph = project(self.database, options)
        parameters = options.describe()
        report: dict[str, Any] = {"analysis": "ecosystem", "parameters": parameters}
        if query.size_by is not SizeMeasure.DEGREE:
            report["scores"] = brokers_analysis.betweenness(graph, k=query.sample, seed=query.seed)
        compared = None
        if query.compare_at is not None:
            compared = self.analyses.graph_at_second_date(query)
            parameters["compare_at"] = query.compare_at.isoformat()
        return MapInput(graph, report, compared=compared)

    def _double_space(self, query: MapQuery) -> MapInput:
        """The analysis's links (one, or every link of the period) on real places."""
        analysis = self.analyses.analyse(AnalysisName.DOUBLE_SPACE, query)
        links = [pair["link"] for pair in analysis.report["pairs"]]
        ends = sorted({str(link[end]) for link in links for end in ("here", "there")})
        places = self.database.read(projection_repo.territory_places, ends)
        north = north_countries(self.settings)
        for place in places:
            place["side"] = side_of(place.get("country"), north)
        return MapInput(analysis.graph, analysis.report, places=places)

    def _names(self, map_input: MapInput) -> dict[str, str]:
        """Names of the ids the scope line and the reasons mention."""
        report = map_input.report
        wanted = {
            str(value)
            for key in ("territory", "operation")
            if (value := report.get("parameters", {}).get(key))
        }
        for key in ("actor", "target"):
            value = report.get(key)
            if isinstance(value, str):
                wanted.add(value)
        for result in report.get("results", []):
            for reason in result.get("reasons", []) if isinstance(result, dict) else []:
                wanted.update(str(i) for i in reason.get("ids", []))
        wanted -= {str(n) for n in map_input.graph.nodes}
        if not wanted:
            return {}
        return self.database.read(projection_repo.names_of, sorted(wanted))
