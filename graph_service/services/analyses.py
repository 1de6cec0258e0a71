"""Analysis use cases: project the graph the request names, run the pure
analyses on it, and shape the JSON reports the API and the CLI return.

The report shapes are part of the API (kept stable): every report has
``analysis`` and ``parameters``; brokers, allies and inside allies have
``results``; silos has ``ei_index``, ``mixing_matrix``, ``assortativity``,
``modularity``, ``communities`` and ``missing_bridges``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

import networkx as nx
import numpy as np
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from graph_service.analyses import allies as allies_analysis
from graph_service.analyses import brokers as brokers_analysis
from graph_service.analyses import double_space as double_space_analysis
from graph_service.analyses import inside_allies as inside_allies_analysis
from graph_service.analyses import levels as levels_analysis
from graph_service.analyses import silos as silos_analysis
from graph_service.analyses import similar as similar_analysis
from graph_service.config import Language, Settings
from graph_service.domain.access import Caller, Role
from graph_service.domain.enums import NodeLabel, RelationshipType, Sphere
from graph_service.domain.nodes import NodeId, Reference, dates_out_of_order
from graph_service.errors import FieldProblem, NotFoundError, ValidationProblem
from graph_service.i18n import translate
from graph_service.projection import (
    DEFAULT_NORTH,
    DEFAULT_RELATIONS,
    ProjectionOptions,
    actor_attributes,
    project,
    project_around,
    project_double_space,
    project_frameworks,
    project_rings,
    project_surroundings,
    scope_actors,
)
from graph_service.repositories import gds as gds_repo
from graph_service.repositories import projection as projection_repo
from graph_service.repositories.database import Database
from graph_service.services.privacy import Privacy
from graph_service.services.references import ReferenceResolver
from graph_service.services.validation import problems_from


class Partition(StrEnum):
    """Attributes that split actors into groups for brokerage and silos."""

    SPHERE = "sphere"
    SIDE = "side"
    TERRITORY = "territory"
    LEVEL = "level"


class AnalysisName(StrEnum):
    BROKERS = "brokers"
    SILOS = "silos"
    ALLIES = "allies"
    INSIDE_ALLIES = "inside-allies"
    LEVELS = "levels"
    DOUBLE_SPACE = "double-space"
    INTRODUCTIONS = "introductions"
    HORIZONTALISATION = "horizontalisation"
    SIMILAR = "similar"


#: The largest weight a tie type may get (a weight is a multiplier of tie strength).
MAX_WEIGHT = 1000.0


class Engine(StrEnum):
    """Where the heaviest measures run."""

    PYTHON = "python"
    GDS = "gds"


class CommunityAlgorithm(StrEnum):
    """How silos find communities (to compare with the declared groups)."""

    LOUVAIN = "louvain"
    LEIDEN = "leiden"


class AnalysisQuery(BaseModel):
    """Options shared by every analysis (API query string and CLI flags)."""

    model_config = ConfigDict(extra="forbid")

    territory: Reference | None = Field(
        default=None,
        description="Scope: this territory and its sub-territories (id, name or alias).",
    )
    operation: Reference | None = Field(
        default=None,
        description="Scope: this operation/programme and its sub-operations (id, name or alias).",
    )
    spheres: list[Sphere] | None = Field(
        default=None, description="Scope: only actors of these spheres."
    )
    at: date | None = Field(default=None, description="Ties valid on that day.")
    period_from: date | None = Field(
        default=None, description="Ties valid at some time from this day…"
    )
    period_to: date | None = Field(default=None, description="…to this day.")
    relations: list[RelationshipType] = Field(
        default_factory=lambda: list(DEFAULT_RELATIONS),
        description="Relationship types that count as ties.",
    )
    weights: list[str] | None = Field(
        default=None,
        description="Per-type tie weights as TYPE=number, e.g. FUNDS=0.5 (default 1 each).",
    )
    shared_weight: float = Field(
        default=0.0,
        ge=0,
        le=10,
        description="Weight of a derived tie per shared framework/operation (0: left out).",
    )
    partition: Partition = Partition.SPHERE
    actor: Reference | None = Field(
        default=None,
        description="The actor asking (allies, introductions, inside allies): id, name or alias.",
    )
    target: Reference | None = Field(
        default=None,
        description="The actor to reach (introductions) or the institution (inside allies): "
        "id, name or alias.",
    )
    link: NodeId | None = Field(
        default=None, description="A LINKED_TO relationship id (double space)."
    )
    here: Reference | None = Field(
        default=None,
        description="Double space: the territory 'ici' of a link (id, name or alias), with there.",
    )
    there: Reference | None = Field(
        default=None,
        description="Double space: the territory 'là-bas' of a link (id, name or alias).",
    )
    between: list[str] | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="Two groups of the partition: who connects them (brokers).",
    )
    top: int = Field(default=20, ge=1, le=1000)
    weighted: bool = Field(
        default=False, description="Use tie strength (paths prefer strong ties)."
    )
    sample: int | None = Field(
        default=None, ge=2, description="Estimate betweenness from this many sources."
    )
    seed: int = Field(
        default=0,
        ge=0,
        le=2**31 - 1,
        description="Seed of every random choice (same seed, same output).",
    )
    permutations: int = Field(default=1000, ge=0, le=100_000)
    engine: Engine = Field(
        default=Engine.PYTHON,
        description="Where betweenness (brokers), communities (silos) and node similarity "
        "(similar) are computed: python (networkx, igraph) or gds (Neo4j's Graph Data "
        "Science, inside the database).",
    )
    algorithm: CommunityAlgorithm = Field(
        default=CommunityAlgorithm.LOUVAIN,
        description="Silos: how communities are found: louvain, or leiden (every community "
        "connected; iterated until the partition no longer changes).",
    )
    compare_at: date | None = Field(
        default=None, description="Silos: also compute at this date, and the change."
    )
    max_age_months: int = Field(
        default=12, ge=1, le=120, description="Inside allies: older stances are stale."
    )
    min_partners: int = Field(
        default=similar_analysis.MIN_PARTNERS,
        ge=1,
        le=10_000,
        description="Similar actors: only actors with at least this many partners are "
        "compared (two actors whose one partner is the same network say little).",
    )

    @field_validator("weights")
    @classmethod
    def _weights_are_type_equals_number(cls, value: list[str] | None) -> list[str] | None:
        for item in value or ():
            name, _, number = item.partition("=")
            try:
                RelationshipType(name.strip())
                # NaN and infinity reach igraph's C code, which aborts the process.
                if not math.isfinite(float(number)) or not 0 <= float(number) <= MAX_WEIGHT:
                    raise ValueError
            except ValueError:
                raise PydanticCustomError(
                    "type_weight",
                    "'{item}' is not TYPE=weight with a relationship type and a number "
                    "from 0 to {most}",
                    {"item": item[:60], "most": f"{MAX_WEIGHT:g}"},
                ) from None
        return value

    def type_weights(self) -> dict[RelationshipType, float]:
        return {
            RelationshipType(name.strip()): float(number)
            for name, _, number in (item.partition("=") for item in self.weights or ())
        }

    @model_validator(mode="after")
    def _one_kind_of_date(self) -> AnalysisQuery:
        if self.at and (self.period_from or self.period_to):
            raise PydanticCustomError(
                "date_or_period", "at and period_from/period_to exclude each other"
            )
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise dates_out_of_order("period_to", "period_from")
        return self


#: The measures a brokers row holds, labelled in the report's language.
BROKER_MEASURES = ["betweenness", "constraint", "effective_size", *brokers_analysis.ROLES, "total"]

#: The options every analysis takes: its scope (territory, operation, spheres,
#: dates, tie types and weights) and the seed of its random choices.
SCOPE_OPTIONS = (
    "territory",
    "operation",
    "spheres",
    "at",
    "period_from",
    "period_to",
    "relations",
    "weights",
    "shared_weight",
    "seed",
)
#: The options each analysis reads beyond its scope (what its API route documents).
ANALYSIS_OPTIONS: dict[AnalysisName, tuple[str, ...]] = {
    AnalysisName.BROKERS: (
        "partition",
        "between",
        "top",
        "weighted",
        "sample",
        "engine",
        "compare_at",
    ),
    AnalysisName.SILOS: (
        "partition",
        "permutations",
        "weighted",
        "engine",
        "algorithm",
        "compare_at",
    ),
    AnalysisName.ALLIES: ("actor", "top"),
    AnalysisName.INSIDE_ALLIES: ("actor", "target", "top", "max_age_months"),
    AnalysisName.LEVELS: (),
    AnalysisName.DOUBLE_SPACE: ("link", "here", "there"),
    AnalysisName.INTRODUCTIONS: ("actor", "target", "top"),
    AnalysisName.HORIZONTALISATION: ("link", "here", "there", "compare_at"),
    AnalysisName.SIMILAR: ("actor", "top", "weighted", "min_partners", "engine"),
}


def options_model(name: AnalysisName) -> type[BaseModel]:
    """The query of one analysis: only the options it reads, described as in
    :class:`AnalysisQuery` (which still validates the whole once it is read)."""
    fields: dict[str, Any] = {
        field: (AnalysisQuery.model_fields[field].annotation, AnalysisQuery.model_fields[field])
        for field in (*SCOPE_OPTIONS, *ANALYSIS_OPTIONS[name])
    }
    title = "".join(part.title() for part in name.value.split("-"))
    model: type[BaseModel] = create_model(
        f"{title}Query", __config__=ConfigDict(extra="forbid"), **fields
    )
    return model


def query_of(options: BaseModel) -> AnalysisQuery:
    """The whole query from one analysis's options (the others keep their defaults);
    problems across options (two kinds of date…) are located like any other."""
    try:
        return AnalysisQuery.model_validate(options.model_dump(exclude_unset=True))
    except ValidationError as exc:
        raise problems_from(exc, ("query",), read=True) from exc


#: Options that designate a node, and the label it must have.
REFERENCE_FIELDS: dict[str, NodeLabel] = {
    "territory": NodeLabel.TERRITORY,
    "operation": NodeLabel.OPERATION,
    "actor": NodeLabel.ACTOR,
    "target": NodeLabel.ACTOR,
    "here": NodeLabel.TERRITORY,
    "there": NodeLabel.TERRITORY,
}
Q = TypeVar("Q", bound=AnalysisQuery)


#: Below these, a scope is too small to conclude anything about brokerage or
#: siloing: a measure on 6 actors and 2 ties says more about the data than the field.
MIN_ACTORS = 10
MIN_TIES = 5
#: How many actors the rings of an introduction search may hold before the paths
#: found are given as found (a hub three ties away can bring in a whole region).
INTRODUCTION_BUDGET = 50_000
#: The longest introduction looked for: six ties, five intermediaries.  A longer
#: chain is not an introduction anyone can ask for (the chains of the small-world
#: experiments averaged five or six), and bounding it keeps the search local.
INTRODUCTION_MAX_TIES = 6
#: How many actors the rings around an actor whose similar actors are sought may
#: hold (three rings: its partners, theirs, and all the partners of those).
SIMILAR_BUDGET = 50_000


def scope_check(graph: nx.Graph, summary: dict[str, int] | None = None) -> dict[str, Any]:
    """Whether the scope is large enough to conclude (:data:`MIN_ACTORS`,
    :data:`MIN_TIES`): ``graph``'s size, or the ``summary`` of a scope analysed in
    the database (whose graph is only the part a map shows).

    >>> scope_check(nx.path_graph(3))["too_small"]
    True
    """
    if summary is not None:
        actors, ties = summary["actors"], summary["ties"]
    else:
        actors, ties = graph.number_of_nodes(), graph.number_of_edges()
    return {
        "actors": actors,
        "ties": ties,
        "min_actors": MIN_ACTORS,
        "min_ties": MIN_TIES,
        "too_small": actors < MIN_ACTORS or ties < MIN_TIES,
    }


def north_countries(settings: Settings) -> frozenset[str]:
    configured = {c.strip().upper() for c in settings.north_countries.split(",") if c.strip()}
    return frozenset(configured) or DEFAULT_NORTH


def projection_options(
    query: AnalysisQuery, settings: Settings, **overrides: Any
) -> ProjectionOptions:
    try:
        options = ProjectionOptions(
            territory=query.territory,
            operation=query.operation,
            spheres=tuple(s.value for s in query.spheres or ()),
            at=query.at,
            period=(query.period_from, query.period_to)
            if (query.period_from or query.period_to)
            else None,
            relations=tuple(query.relations),
            weights=query.type_weights(),
            shared_weight=query.shared_weight,
            north_countries=north_countries(settings),
        )
    except ValueError as exc:
        raise ValidationProblem([FieldProblem(("query", "relations"), str(exc))]) from exc
    return ProjectionOptions(**{**options.__dict__, **overrides}) if overrides else options


def _finite(value: float | None) -> float | None:
    return (
        None
        if value is None or (isinstance(value, float) and math.isnan(value))
        else round(value, 6)
    )


def _labels(keys: list[str], language: Language) -> dict[str, str]:
    return {key: translate(f"analysis.{key}", language) for key in keys}


def _require(value: Any, field: str, analysis: AnalysisName) -> None:
    if value is None:
        raise ValidationProblem(
            [
                FieldProblem(
                    ("query", field), "analysis.required", values={"analysis": analysis.value}
                )
            ]
        )


def _in_scope(graph: nx.Graph, node: str, field: str) -> None:
    if node not in graph:
        raise ValidationProblem(
            [
                FieldProblem(
                    ("query", field), "analysis.not_in_scope", value=node, values={"id": node}
                )
            ]
        )


def _scope_groups(
    actors: list[dict[str, Any]], partition: Partition, options: ProjectionOptions
) -> dict[str, str]:
    """The group of each actor row of a scope (what :func:`partition_of` gives the
    nodes of its graph), for scopes analysed without building that graph."""
    return {actor["id"]: str(actor_attributes(actor, options)[partition.value]) for actor in actors}


def partition_of(graph: nx.Graph, partition: Partition) -> dict[Hashable, str]:
    return {
        node: str(data.get(partition.value, "unknown")) for node, data in graph.nodes(data=True)
    }


class AnalysisService:
    """The analyses, run for ``caller``: every role may run them; the inside-allies
    analysis needs the sensitive permission, and elsewhere persons are pseudonyms."""

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
        self.privacy = Privacy(database, caller, language)

    def run(self, name: AnalysisName, query: AnalysisQuery) -> dict[str, Any]:
        """The report of analysis ``name`` (the API's and the CLI's JSON)."""
        return self.analyse(name, query).report

    def resolved(self, query: Q) -> Q:
        """``query`` with every reference typed by a person (a name, an alias) turned
        into the id it designates; unknown or ambiguous ones are located errors."""
        resolver = ReferenceResolver(self.database)
        changes = {
            field: resolver.resolve(label, value, field)
            for field, label in REFERENCE_FIELDS.items()
            if (value := getattr(query, field)) is not None
        }
        return query.model_copy(update=changes) if changes else query

    def analyse(self, name: AnalysisName, query: AnalysisQuery) -> Analysis:
        """The report and the graph it was computed on (what a map draws)."""
        self.caller.require(Role.VIEWER)
        analysis = self._dispatch(name, self.resolved(query))
        if name in (AnalysisName.BROKERS, AnalysisName.SILOS):
            report = analysis.report
            whole = report["summary"] if "in_database" in report else None
            report["scope_check"] = scope_check(analysis.graph, whole)
        return analysis

    def _at_second_date(self, query: AnalysisQuery) -> ProjectionOptions:
        """The scope's options on ``compare_at`` (change between two dates)."""
        return projection_options(query, self.settings, at=query.compare_at, period=None)

    def _scope_at_second_date(
        self, query: AnalysisQuery
    ) -> tuple[ProjectionOptions, list[dict[str, Any]]]:
        """The scope's options on ``compare_at`` and its actors then (the reports
        computed in the database compare two dates this way)."""
        later = self._at_second_date(query)
        return later, scope_actors(self.database, later)

    def graph_at_second_date(self, query: AnalysisQuery) -> nx.Graph:
        """The same scope projected on ``compare_at`` (change between two dates)."""
        assert query.compare_at is not None
        return project(self.database, self._at_second_date(query))

    def _dispatch(self, name: AnalysisName, query: AnalysisQuery) -> Analysis:
        handler: Callable[[AnalysisQuery], Analysis] = {
            AnalysisName.BROKERS: self.brokers,
            AnalysisName.SILOS: self.silos,
            AnalysisName.ALLIES: self.allies,
            AnalysisName.INSIDE_ALLIES: self.inside_allies,
            AnalysisName.LEVELS: self.levels,
            AnalysisName.DOUBLE_SPACE: self.double_space,
            AnalysisName.INTRODUCTIONS: self.introductions,
            AnalysisName.HORIZONTALISATION: self.horizontalisation,
            AnalysisName.SIMILAR: self.similar,
        }[name]
        return handler(query)

    def _header(
        self, name: AnalysisName, options: ProjectionOptions, query: AnalysisQuery
    ) -> dict[str, Any]:
        parameters = options.describe()
        parameters.update(partition=query.partition.value, seed=query.seed)
        return {"analysis": name.value, "parameters": parameters}

    # --- brokers -------------------------------------------------------------------

    def brokers(self, query: AnalysisQuery) -> Analysis:
        options = projection_options(query, self.settings)
        report = self._header(AnalysisName.BROKERS, options, query)
        report["parameters"].update(weighted=query.weighted, sample=query.sample)
        actors = self._scope_left_in_database(query, options)
        if actors is not None:
            return self._brokers_in_database(query, options, actors, report)
        graph = project(self.database, options)
        report.update(brokers_report(graph, query, self._gds_betweenness(graph, query, options)))
        if query.compare_at is not None:
            later = self._at_second_date(query)
            compared = project(self.database, later)
            after = brokers_report(compared, query, self._gds_betweenness(compared, query, later))
            report["compared"] = {"at": query.compare_at.isoformat(), **after}
            report["change"] = {
                "ties": silos_analysis.tie_change(graph, compared, query.partition.value),
                "betweenness": brokers_analysis.betweenness_change(
                    report["results"], after["results"]
                ),
            }
        report["labels"] = _labels(BROKER_MEASURES, self.language)
        return Analysis(graph, report)

    # --- silos ---------------------------------------------------------------------

    def silos(self, query: AnalysisQuery) -> Analysis:
        options = projection_options(query, self.settings)
        report = self._header(AnalysisName.SILOS, options, query)
        report["parameters"]["permutations"] = query.permutations
        actors = self._scope_left_in_database(query, options)
        if actors is not None:
            return self._silos_in_database(query, options, actors, report)
        graph = project(self.database, options)
        report.update(silos_report(graph, query, self._gds_communities(graph, query, options)))
        if query.compare_at is not None:
            later = self._at_second_date(query)
            compared = project(self.database, later)
            after = silos_report(compared, query, self._gds_communities(compared, query, later))
            report["compared"] = {"at": query.compare_at.isoformat(), **after}
            report["change"] = silos_analysis.silo_change(report, after)
            report["change"]["ties"] = silos_analysis.tie_change(
                graph, compared, query.partition.value
            )
        report["labels"] = _labels(["ei_index"], self.language)
        return Analysis(graph, report)

    # --- the GDS engine --------------------------------------------------------------

    def _scope_left_in_database(
        self, query: AnalysisQuery, options: ProjectionOptions
    ) -> list[dict[str, Any]] | None:
        """The scope's actors when the analysis runs in the database alone: with the
        GDS engine, on more actors than ``gds_in_database_above``, without derived
        co-attendance ties (GDS projects stored ties only).  None otherwise."""
        if query.engine is not Engine.GDS or options.shared_weight > 0:
            return None
        actors = scope_actors(self.database, options)
        return actors if len(actors) > self.settings.gds_in_database_above else None

    def _brokers_in_database(
        self,
        query: AnalysisQuery,
        options: ProjectionOptions,
        actors: list[dict[str, Any]],
        report: dict[str, Any],
    ) -> Analysis:
        """Brokers of a scope too large to read into Python: GDS ranks every actor
        inside Neo4j and returns the top rows only; their other measures are computed
        on their surroundings (two rings: constraint needs the partners' own ties),
        which give the same values as the whole scope.  Brokerage expectations use the
        whole scope's size, density and groups.  What needs every actor (totals,
        bridges, cut points, between-group shares) is not computed."""
        figures, graph = self._top_brokers_in_database(query, options, actors)
        report.update(figures)
        if query.compare_at is not None:
            later, later_actors = self._scope_at_second_date(query)
            after, _ = self._top_brokers_in_database(query, later, later_actors)
            report["compared"] = {"at": query.compare_at.isoformat(), **after}
            report["change"] = {
                "betweenness": brokers_analysis.betweenness_change(
                    report["results"], after["results"]
                )
            }
        report["labels"] = _labels(BROKER_MEASURES, self.language)
        return Analysis(graph, report)

    def _silos_in_database(
        self,
        query: AnalysisQuery,
        options: ProjectionOptions,
        actors: list[dict[str, Any]],
        report: dict[str, Any],
    ) -> Analysis:
        """Cloisonnement of a scope too large to hold as a graph: GDS projects it and
        finds its communities; their members and the ties (as pairs of numbers) are
        counted by group on arrays, never built into a graph.  Each actor's own E-I
        index and community are left out (a nation's would be a million rows)."""
        report.update(self._silos_figures_in_database(query, options, actors))
        if query.compare_at is not None:
            later, later_actors = self._scope_at_second_date(query)
            after = self._silos_figures_in_database(query, later, later_actors)
            report["compared"] = {"at": query.compare_at.isoformat(), **after}
            report["change"] = silos_analysis.silo_change(report, after)
        report["labels"] = _labels(["ei_index"], self.language)
        # The map draws the figures (E-I, missing bridges), no actor.
        return Analysis(nx.Graph(), report)

    def _silos_figures_in_database(
        self, query: AnalysisQuery, options: ProjectionOptions, actors: list[dict[str, Any]]
    ) -> dict[str, Any]:
        group_of = _scope_groups(actors, query.partition, options)
        config, leiden = _gds_communities_config(query)
        with gds_repo.projected(
            self.database, list(group_of), *_gds_scope_options(options)
        ) as name:
            n, count = gds_repo.size(self.database, name)
            members = gds_repo.communities(self.database, name, config, leiden=leiden)
            ties = gds_repo.ties(self.database, name) if count else []
        index = {node: i for i, (node, _, _) in enumerate(members)}
        table = silos_analysis.TieTable(
            [group_of[id] for _, id, _ in members],
            np.array([(index[a], index[b]) for a, b, _ in ties], dtype=np.int64).reshape(-1, 2),
            np.array([weight for _, _, weight in ties]),
        )
        figures = silos_analysis.table_figures(
            table, permutations=query.permutations, seed=query.seed, weighted=query.weighted
        )
        communities: dict[str, Any] = {"nmi": None, "ari": None, "count": 0}
        if count:
            detected = silos_analysis.numbered({id: community for _, id, community in members})
            communities = _agreement(sorted(detected, key=str), group_of, detected)
        return {
            "summary": {"actors": n, "ties": count},
            **figures,
            "assortativity": _finite(figures["assortativity"]),
            "modularity": _finite(figures["modularity"]),
            "communities": communities,
            "in_database": {
                "above": self.settings.gds_in_database_above,
                "not_computed": ["ei_index.actors", "communities.membership", "change.ties"],
            },
        }

    def _top_brokers_in_database(
        self, query: AnalysisQuery, options: ProjectionOptions, actors: list[dict[str, Any]]
    ) -> tuple[dict[str, Any], nx.Graph]:
        ids = [actor["id"] for actor in actors]
        config = _gds_betweenness_config(query, len(ids))
        scope = (ids, *_gds_scope_options(options))
        with gds_repo.projected(self.database, *scope) as name:
            n, ties = gds_repo.size(self.database, name)
            ranked = gds_repo.top_betweenness(self.database, name, config, query.top)
        scale = _gds_betweenness_scale(n, config)
        scores = sorted(
            ((id, raw * scale) for id, raw in ranked), key=lambda x: (-round(x[1], 9), x[0])
        )[: query.top]
        top = [id for id, _ in scores]
        around = project_surroundings(self.database, options, top, rings=2, scope=set(ids))
        strength = "weight" if query.weighted else None
        groups = partition_of(around, query.partition)
        sizes: Counter[Hashable] = Counter(_scope_groups(actors, query.partition, options).values())
        local = _LocalBrokerage(
            around,
            groups,
            brokers_analysis.burt_constraint(around, weight=strength),
            brokers_analysis.effective_size(around, weight=strength),
            brokers_analysis.brokerage_roles(
                around, groups, brokers_analysis.ScopeCounts(n, 2 * ties, sizes)
            ),
            errors={},
        )
        shown = set(top).union(*(around[id] for id in top))
        figures = {
            "summary": {"actors": n, "ties": ties},
            "results": [local.row(id, score) for id, score in scores],
            "in_database": {
                "above": self.settings.gds_in_database_above,
                "actors_read": around.number_of_nodes(),
                "not_computed": [
                    "brokerage_totals",
                    "bridges",
                    "articulation_points",
                    "between_groups",
                    "betweenness_error",
                ],
            },
        }
        return figures, around.subgraph(shown).copy()

    def _gds_betweenness(
        self, graph: nx.Graph, query: AnalysisQuery, options: ProjectionOptions
    ) -> dict[Hashable, float] | None:
        """Betweenness from Neo4j's Graph Data Science on the same actors and ties,
        scaled as the Python engine scales it; None with the Python engine."""
        if query.engine is not Engine.GDS or graph.number_of_nodes() == 0:
            return None
        n = graph.number_of_nodes()
        config = _gds_betweenness_config(query, n)
        with gds_repo.projected(self.database, *_gds_scope(graph, options)) as name:
            raw = gds_repo.betweenness(self.database, name, config)
        scale = _gds_betweenness_scale(n, config)
        return {node: raw.get(str(node), 0.0) * scale for node in graph.nodes}

    def _gds_communities(
        self, graph: nx.Graph, query: AnalysisQuery, options: ProjectionOptions
    ) -> dict[Hashable, int] | None:
        """Louvain or Leiden communities from Neo4j's Graph Data Science, numbered as
        the Python engine numbers them; None with the Python engine."""
        if query.engine is not Engine.GDS or graph.number_of_edges() == 0:
            return None
        config, leiden = _gds_communities_config(query)
        with gds_repo.projected(self.database, *_gds_scope(graph, options)) as name:
            members = gds_repo.communities(self.database, name, config, leiden=leiden)
        found = {id: community for _, id, community in members}
        return silos_analysis.numbered({node: found.get(str(node), -1) for node in graph.nodes})

    # --- allies --------------------------------------------------------------------

    def allies(self, query: AnalysisQuery) -> Analysis:
        _require(query.actor, "actor", AnalysisName.ALLIES)
        assert query.actor is not None
        options = projection_options(query, self.settings)
        # Allies need the actor's surroundings only (project_around says why the
        # answer is the same); derived co-attendance ties need the whole scope.
        around = options.shared_weight == 0
        graph = (
            project_around(self.database, options, query.actor, allies_analysis.LARGE_PLACE)
            if around
            else project(self.database, options, place_sizes=True)
        )
        _in_scope(graph, query.actor, "actor")
        report = self._header(AnalysisName.ALLIES, options, query)
        report["search"] = {"around": around, "actors_read": graph.number_of_nodes()}
        report["actor"] = {"id": query.actor, "name": graph.nodes[query.actor].get("name")}
        report["results"] = [
            {**result, "reasons": [self._reason(r) for r in result["reasons"]]}
            for result in allies_analysis.possible_allies(graph, query.actor, top=query.top)
        ]
        # Listed apart: they already work with the actor (an operation, a small
        # framework), so they are not new allies.
        report["already_partners"] = [
            {
                "id": node,
                "name": graph.nodes[node].get("name"),
                "sphere": graph.nodes[node].get("sphere"),
                **shared,
            }
            for node, shared in sorted(
                allies_analysis.existing_partners(graph, query.actor).items(),
                key=lambda item: str(item[0]),
            )
        ]
        return Analysis(graph, report)

    def _reason(self, reason: dict[str, Any]) -> dict[str, Any]:
        return {**reason, "label": translate(f"analysis.{reason['kind']}", self.language)}

    # --- inside allies -------------------------------------------------------------

    def inside_allies(self, query: AnalysisQuery) -> Analysis:
        # It names persons inside an institution, with their stances: never pseudonymised
        # (a stance with an employer is already too much), only for the permission.
        self.caller.require_sensitive()
        _require(query.actor, "actor", AnalysisName.INSIDE_ALLIES)
        _require(query.target, "target", AnalysisName.INSIDE_ALLIES)
        assert query.actor is not None and query.target is not None
        causes = self.database.read(projection_repo.causes_of, query.actor)
        if causes is None:
            raise NotFoundError("actor", query.actor)
        persons = self.database.read(
            projection_repo.inside_ally_rows, query.target, causes, query.at
        )
        # Paths run over the whole actor graph: the target and the requester are
        # rarely in one territory.
        options = projection_options(query, self.settings, territory=None, operation=None)
        graph = project(self.database, options)
        for person in persons:
            person["knows"] = [*person["knows"], query.target]
        report = self._header(AnalysisName.INSIDE_ALLIES, options, query)
        report.update(
            actor=query.actor,
            target=query.target,
            causes=causes,
            max_age_months=query.max_age_months,
            results=inside_allies_analysis.inside_allies(
                graph,
                query.actor,
                persons,
                today=query.at or date.today(),
                max_age_months=query.max_age_months,
            )[: query.top],
        )
        self.caller.note(sensitive_read="inside-allies", target=query.target)
        return Analysis(graph, report)

    # --- multi-level frameworks ------------------------------------------------------

    def levels(self, query: AnalysisQuery) -> Analysis:
        """Any scope: an operation, a territory, or the whole graph."""
        options = projection_options(query, self.settings)
        report = self._header(AnalysisName.LEVELS, options, query)
        graph = self.privacy.graph(project_frameworks(self.database, options))
        report.update(levels_analysis.multi_level(graph))
        return Analysis(graph, report)

    # --- double espace ---------------------------------------------------------------

    def double_space(self, query: AnalysisQuery) -> Analysis:
        """One link (``link``, or ``here`` and ``there``), or every link of the
        period; and the South–South ties of the whole scope."""
        options = projection_options(query, self.settings)
        links = self._territory_links(query, options)
        graph = nx.Graph()
        pairs = []
        for link in links:
            projected = project_double_space(self.database, link["id"], options)
            if projected is None:
                continue
            pair_graph = projected[1]
            pairs.append({"link": link, **double_space_analysis.double_space(pair_graph)})
            graph = nx.compose(graph, pair_graph)
        report = self._header(AnalysisName.DOUBLE_SPACE, options, query)
        report["parameters"].update(link=query.link, here=query.here, there=query.there)
        report["pairs"] = pairs
        one = query.link is not None or query.here is not None
        if one and pairs:
            report.update(pairs[0])  # the single link's figures at the top, as before
            operation = query.operation or pairs[0]["link"].get("operation")
            if operation:
                report["over_time"] = self._lead_share_over_time(operation, query)
        report["south_south"] = double_space_analysis.south_south(project(self.database, options))
        return Analysis(graph, report)

    def _territory_links(
        self, query: AnalysisQuery, options: ProjectionOptions
    ) -> list[dict[str, Any]]:
        if query.link is not None:
            links = self.database.read(projection_repo.territory_links, query.link, (None, None))
            if not links:
                raise NotFoundError("LINKED_TO relationship", query.link)
            return links
        if query.here is None and query.there is None:
            return self.database.read(projection_repo.territory_links, None, options.window)
        _require(query.here, "here", AnalysisName.DOUBLE_SPACE)
        _require(query.there, "there", AnalysisName.DOUBLE_SPACE)
        links = [
            link
            for link in self.database.read(projection_repo.territory_links, None, (None, None))
            if {link["here"], link["there"]} == {query.here, query.there}
        ]
        if not links:
            raise ValidationProblem(
                [
                    FieldProblem(
                        ("query", "there"),
                        "analysis.no_link",
                        values={"here": query.here, "there": query.there},
                    )
                ],
                read=True,
            )
        return links

    def _operation_span(self, operation: str) -> tuple[set[str], date | None, date | None]:
        """An operation's Northern leads (co-leads too) and its first and last days."""
        roles = self.database.read(projection_repo.operation_roles, operation)
        if not roles:
            raise NotFoundError("operation", operation)
        north = north_countries(self.settings)
        leads = {
            r["actor"]
            for r in roles
            if r["actor"] and r["role"] in ("lead", "co_lead") and (r["country"] or "") in north
        }
        starts = [r["op_start"] for r in roles if r["op_start"]] + [
            r["valid_from"] for r in roles if r["valid_from"]
        ]
        ends = [r["op_end"] for r in roles if r["op_end"]] + [
            r["valid_to"] for r in roles if r["valid_to"]
        ]
        return leads, min(starts, default=None), max(ends, default=None)

    def _operation_graph(self, operation: str, query: AnalysisQuery, day: date) -> nx.Graph:
        options = projection_options(
            query, self.settings, operation=operation, territory=None, at=day, period=None
        )
        return project(self.database, options)

    def _lead_share_over_time(self, operation: str, query: AnalysisQuery) -> dict[str, Any]:
        leads, first, last = self._operation_span(operation)
        if first is None:
            return {"operation": operation, "leads": sorted(leads), "points": []}
        last = last or date.today()
        graphs = {}
        for year in range(first.year, last.year + 1):
            day = date(year, 12, 31) if year < last.year else last
            graphs[day.isoformat()] = self._operation_graph(operation, query, day)
        return {
            "operation": operation,
            "leads": sorted(leads),
            "points": double_space_analysis.lead_brokerage_share(graphs, leads),
        }

    # --- horizontalisation -------------------------------------------------------------

    def horizontalisation(self, query: AnalysisQuery) -> Analysis:
        """The share of brokerage the lead holds at two dates, and its change: a
        falling share is the horizontalisation the field hopes for (002:860-878).
        The operation is ``operation``, or that of a link (``link``, ``here``/``there``);
        the dates ``at`` and ``compare_at``, by default the operation's first and last
        days.  Without a Northern lead, the main intermediary at the first date
        stands for it."""
        operation = query.operation
        if operation is None and (query.link or query.here):
            link = self._territory_links(query, projection_options(query, self.settings))[0]
            operation = link.get("operation")
        _require(operation, "operation", AnalysisName.HORIZONTALISATION)
        assert operation is not None
        leads, first, last = self._operation_span(operation)
        start = query.at or first
        end = query.compare_at or last or date.today()
        if start is None:
            _require(None, "at", AnalysisName.HORIZONTALISATION)
        assert start is not None
        before = self._operation_graph(operation, query, start)
        after = self._operation_graph(operation, query, end)
        main = "lead"
        if not leads and before.number_of_nodes():
            scores = brokers_analysis.betweenness(before)
            leads = {str(max(sorted(scores, key=str), key=lambda n: scores[n]))}
            main = "main_intermediary"
        points = double_space_analysis.lead_brokerage_share(
            {start.isoformat(): before, end.isoformat(): after}, leads
        )
        shares = [p["lead_share"] for p in points]
        change = None if None in shares else round(shares[-1] - shares[0], 6)
        options = projection_options(query, self.settings, operation=operation, territory=None)
        report = self._header(AnalysisName.HORIZONTALISATION, options, query)
        report.update(
            operation=operation,
            holder=main,
            leads=[
                {"id": n, "name": after.nodes[n]["name"] if n in after else n}
                for n in sorted(leads)
            ],
            points=points,
            change=change,
            ties=silos_analysis.tie_change(before, after),
        )
        return Analysis(after, report)

    # --- introductions ---------------------------------------------------------------

    def introductions(self, query: AnalysisQuery) -> Analysis:
        _require(query.actor, "actor", AnalysisName.INTRODUCTIONS)
        _require(query.target, "target", AnalysisName.INTRODUCTIONS)
        assert query.actor is not None and query.target is not None
        options = projection_options(query, self.settings)
        graph, paths, search = self._introductions_between(
            options, query.actor, query.target, query.top
        )
        _in_scope(graph, query.actor, "actor")
        _in_scope(graph, query.target, "target")
        report = self._header(AnalysisName.INTRODUCTIONS, options, query)
        report["search"] = search
        for path in paths:
            path["intermediaries"] = [
                {
                    "id": node,
                    "name": graph.nodes[node].get("name"),
                    "sphere": graph.nodes[node].get("sphere"),
                }
                for node in path["intermediaries"]
            ]
        report.update(actor=query.actor, target=query.target, results=paths)
        return Analysis(graph, report)

    def _introductions_between(
        self, options: ProjectionOptions, actor: str, target: str, top: int
    ) -> tuple[nx.Graph, list[dict[str, Any]], dict[str, Any]]:
        """The introduction paths of at most ``INTRODUCTION_MAX_TIES`` ties, read
        from the rings of half that many hops around both ends instead of the whole
        scope: every such path lies in them, so the answer is the whole scope's
        (``search.exact``) unless the rings reached ``INTRODUCTION_BUDGET`` actors
        first.  With derived co-attendance ties, the whole scope is read."""
        k = min(top, 10)
        if options.shared_weight > 0:
            graph = project(self.database, options)
            paths, _ = brokers_analysis.introduction_candidates(
                graph, actor, target, k, max_ties=INTRODUCTION_MAX_TIES
            )
            whole = {"exact": True, "around": False, "actors_read": graph.number_of_nodes()}
            return graph, paths, whole
        radius = math.ceil(INTRODUCTION_MAX_TIES / 2)
        rings = project_rings(
            self.database, options, (actor, target), radius=radius, budget=INTRODUCTION_BUDGET
        )
        paths, _ = brokers_analysis.introduction_candidates(
            rings.graph, actor, target, k, max_ties=INTRODUCTION_MAX_TIES
        )
        search = {
            "around": True,
            "exact": rings.closed or rings.radius >= radius,
            "max_ties": INTRODUCTION_MAX_TIES,
            "actors_read": rings.graph.number_of_nodes(),
        }
        return rings.graph, paths, search

    # --- similar actors ----------------------------------------------------------------

    def similar(self, query: AnalysisQuery) -> Analysis:
        """The actors whose partners most resemble ``actor``'s; without an actor, the
        most similar pairs of the scope (with the GDS engine, on a scope larger than
        ``gds_in_database_above``, found inside the database)."""
        options = projection_options(query, self.settings)
        report = self._header(AnalysisName.SIMILAR, options, query)
        report["parameters"].update(
            weighted=query.weighted, min_partners=query.min_partners, engine=query.engine.value
        )
        if query.actor is not None:
            return self._similar_to(query, options, report)
        actors = self._scope_left_in_database(query, options)
        if actors is None:
            graph = project(self.database, options)
            scores = self._gds_similar_pairs(list(graph.nodes), query, options)
            search = {"around": False, "in_database": False, "actors_read": len(graph)}
        else:
            ids = [actor["id"] for actor in actors]
            scores = self._gds_similar_pairs(ids, query, options)
            assert scores is not None
            # The pairs' own partners are all the report needs (their shared
            # partners, the map): one ring around them, within the scope.
            members = sorted({id for pair in scores for id in pair})
            graph = project_surroundings(self.database, options, members, rings=1, scope=set(ids))
            search = {"around": True, "in_database": True, "actors_read": len(graph)}
        pairs = similar_analysis.similar_pairs(graph, scores=scores, **self._similarity(query))
        report["search"] = search
        report["results"] = [
            {
                "a": _named(graph, pair["a"]),
                "b": _named(graph, pair["b"]),
                "score": round(pair["score"], 6),
                "shared": [_named(graph, partner) for partner in pair["shared"]],
                "tied": pair["tied"],
            }
            for pair in pairs
        ]
        return Analysis(graph, report)

    def _similar_to(
        self, query: AnalysisQuery, options: ProjectionOptions, report: dict[str, Any]
    ) -> Analysis:
        """Similar actors of one actor, read from three rings around it: its partners,
        the actors they bring (the candidates) and all the candidates' partners, which
        give the same scores as the whole scope unless the rings reached
        :data:`SIMILAR_BUDGET` actors first (``search.exact``).  With derived
        co-attendance ties, the whole scope is read."""
        actor = query.actor
        assert actor is not None
        if options.shared_weight > 0:
            graph = project(self.database, options)
            search = {"around": False, "exact": True, "actors_read": len(graph)}
        else:
            rings = project_rings(self.database, options, [actor], radius=3, budget=SIMILAR_BUDGET)
            graph = rings.graph
            exact = rings.closed or rings.radius >= 3
            search = {"around": True, "exact": exact, "actors_read": len(graph)}
        _in_scope(graph, actor, "actor")
        scores = None
        if query.engine is Engine.GDS:
            config = {**self._gds_similarity_config(query), "topK": max(len(graph) - 1, 1)}
            with gds_repo.projected(self.database, *_gds_scope(graph, options)) as name:
                scores = dict(gds_repo.similar_to(self.database, name, actor, config))
        similar = similar_analysis.similar_to(
            graph, actor, scores=scores, **self._similarity(query)
        )
        report["search"] = search
        report["actor"] = _named(graph, actor)
        report["results"] = [
            {
                **_named(graph, row["id"]),
                "score": round(row["score"], 6),
                "shared": [_named(graph, partner) for partner in row["shared"]],
                "partners": row["partners"],
                "tied": row["tied"],
            }
            for row in similar
        ]
        return Analysis(graph, report)

    @staticmethod
    def _similarity(query: AnalysisQuery) -> dict[str, Any]:
        """The options of the Python similarity that ``query`` sets."""
        return {
            "top": query.top,
            "weight": "weight" if query.weighted else None,
            "min_partners": query.min_partners,
        }

    @staticmethod
    def _gds_similarity_config(query: AnalysisQuery) -> dict[str, Any]:
        """GDS node similarity as the Python engine computes it: Jaccard over partner
        sets (weighted: over tie weights), among actors with ``min_partners``."""
        config: dict[str, Any] = {"degreeCutoff": query.min_partners}
        if query.weighted:
            config["relationshipWeightProperty"] = "weight"
        return config

    def _gds_similar_pairs(
        self, ids: list[str], query: AnalysisQuery, options: ProjectionOptions
    ) -> dict[tuple[str, str], float] | None:
        """The most similar pairs among ``ids`` from GDS node similarity; None with the
        Python engine.  Twice ``top`` pairs are asked, a margin that lets the Python
        side order equal scores at the cut as it orders its own: each actor's best
        that many, then that many best overall (every pair of the overall best is
        among its actors' own best; GDS counts each pair in both directions)."""
        if query.engine is not Engine.GDS or not ids:
            return None
        wanted = 2 * query.top
        config = {**self._gds_similarity_config(query), "topK": wanted, "topN": 2 * wanted}
        with gds_repo.projected(self.database, ids, *_gds_scope_options(options)) as name:
            pairs = gds_repo.similar_pairs(self.database, name, config)
        return {(a, b): score for a, b, score in pairs}


def _named(graph: nx.Graph, node: Hashable) -> dict[str, Any]:
    """An actor as a report names it: its id, name and sphere."""
    data = graph.nodes[node] if node in graph else {}
    return {"id": node, "name": data.get("name", node), "sphere": data.get("sphere")}


@dataclass
class Analysis:
    """An analysis's report with the graph it was computed on: the API returns the
    report; a map draws the graph with the report's figures on it."""

    graph: nx.Graph
    report: dict[str, Any]


def _gds_scope(
    graph: nx.Graph, options: ProjectionOptions
) -> tuple[list[str], list[str], dict[str, float], tuple[date | None, date | None]]:
    """What the GDS projection needs to project the same graph as ``graph``."""
    return ([str(node) for node in graph.nodes], *_gds_scope_options(options))


def _gds_scope_options(
    options: ProjectionOptions,
) -> tuple[list[str], dict[str, float], tuple[date | None, date | None]]:
    """The tie types, their weights and the dates a GDS projection keeps."""
    return (
        [r.value for r in options.relations],
        {r.value: w for r, w in options.weights.items()},
        options.window,
    )


def _gds_communities_config(query: AnalysisQuery) -> tuple[dict[str, Any], bool]:
    """The GDS configuration of the communities ``query`` asks for, and whether they
    are Leiden's.  One thread, and Leiden's seed: the same run gives the same answer."""
    config: dict[str, Any] = {"concurrency": 1}
    if query.weighted:
        config["relationshipWeightProperty"] = "weight"
    leiden = query.algorithm is CommunityAlgorithm.LEIDEN
    if leiden:
        config["randomSeed"] = query.seed
    return config, leiden


def _gds_betweenness_config(query: AnalysisQuery, actors: int) -> dict[str, Any]:
    config: dict[str, Any] = {}
    if query.weighted:
        config["relationshipWeightProperty"] = "distance"
    if query.sample is not None and query.sample < actors:
        # One thread: with several, the same seed gave different sources (measured on
        # a région), and the same seed must give the same answer.
        config.update(samplingSize=query.sample, samplingSeed=query.seed, concurrency=1)
    return config


def _gds_betweenness_scale(actors: int, config: dict[str, Any]) -> float:
    """GDS counts each unordered pair once, unnormalised; networkx divides by the
    (n-1)(n-2)/2 pairs.  A sample is scaled up to all sources, as networkx does."""
    n = actors
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    if "samplingSize" in config:
        scale *= n / config["samplingSize"]
    return scale


def _agreement(
    nodes: list[Hashable], groups: Mapping[Any, str], detected: Mapping[Any, int]
) -> dict[str, Any]:
    """How the communities found agree with the declared groups, over ``nodes``."""
    declared = [groups[n] for n in nodes]
    found = [detected[n] for n in nodes]
    return {
        "nmi": _finite(silos_analysis.normalized_mutual_information(declared, found)),
        "ari": _finite(silos_analysis.adjusted_rand_index(declared, found)),
        "count": len(set(found)),
    }


@dataclass(frozen=True)
class _LocalBrokerage:
    """What a brokers row says of an actor besides its betweenness: measures of its
    surroundings, computed on a graph holding at least its partners and theirs."""

    graph: nx.Graph
    groups: dict[Hashable, str]
    constraint: dict[Hashable, float]
    size: dict[Hashable, float]
    brokerage_analysis: brokers_analysis.BrokerageResult
    errors: dict[Hashable, float]

    def row(self, node: Hashable, score: float) -> dict[str, Any]:
        brokerage = self.brokerage_analysis
        return {
            "id": node,
            "name": self.graph.nodes[node].get("name"),
            "group": self.groups[node],
            "betweenness": round(score, 9),
            "betweenness_error": round(self.errors[node], 9) if node in self.errors else None,
            "constraint": _finite(self.constraint[node]),
            "effective_size": _finite(self.size[node]),
            "brokerage": {
                role: brokerage.raw[node][role] for role in (*brokers_analysis.ROLES, "total")
            },
            "brokerage_expected": {
                role: round(v, 6) for role, v in brokerage.expected[node].items()
            },
            "brokerage_z": {role: _finite(v) for role, v in brokerage.z[node].items()},
        }


def brokers_report(
    graph: nx.Graph, query: AnalysisQuery, scores: dict[Hashable, float] | None = None
) -> dict[str, Any]:
    """The brokers figures of ``graph`` (pure: no database); ``scores``, when given,
    is the betweenness another engine computed."""
    weight = "distance" if query.weighted else None
    strength = "weight" if query.weighted else None
    # A sampled estimate comes with its standard error; an exact value has none, and
    # neither has another engine's estimate (GDS gives no spread).
    errors: dict[Hashable, float] = {}
    if scores is None:
        if query.sample is not None and query.sample < graph.number_of_nodes():
            scores, errors = brokers_analysis.sampled_betweenness(
                graph, weight=weight, k=query.sample, seed=query.seed
            )
        else:
            scores = brokers_analysis.betweenness(graph, weight=weight)
    constraint = brokers_analysis.burt_constraint(graph, weight=strength)
    size = brokers_analysis.effective_size(graph, weight=strength)
    groups = partition_of(graph, query.partition)
    brokerage = brokers_analysis.brokerage_roles(graph, groups)
    local = _LocalBrokerage(
        graph, groups, constraint, size, brokerage_analysis=brokerage, errors=errors
    )
    results = [local.row(node, scores[node]) for node in graph.nodes]
    results.sort(key=lambda r: (-r["betweenness"], str(r["id"])))
    report: dict[str, Any] = {
        "summary": {"actors": graph.number_of_nodes(), "ties": graph.number_of_edges()},
        "results": results[: query.top],
        "brokerage_totals": brokerage.totals,
        **brokers_analysis.bridges_and_cut_points(graph),
    }
    if query.between:
        group_a, group_b = query.between
        shares = brokers_analysis.between_group_brokers(
            graph, groups, group_a, group_b, weight=weight
        )
        ranked = sorted(
            ((n, s) for n, s in shares.items() if s > 0), key=lambda x: (-x[1], str(x[0]))
        )
        report["between_groups"] = {
            "groups": [group_a, group_b],
            "results": [
                {
                    "id": n,
                    "name": graph.nodes[n].get("name"),
                    "group": groups[n],
                    "share": round(s, 6),
                }
                for n, s in ranked[: query.top]
            ],
        }
    return report


def silos_report(
    graph: nx.Graph, query: AnalysisQuery, detected: dict[Hashable, int] | None = None
) -> dict[str, Any]:
    """The cloisonnement figures of ``graph`` (pure: no database); ``detected``, when
    given, is the communities another engine found."""
    groups = partition_of(graph, query.partition)
    weight = "weight" if query.weighted else None
    assortativity = None
    modularity = None
    communities: dict[str, Any] = {"nmi": None, "ari": None, "count": 0}
    if graph.number_of_edges():
        nx.set_node_attributes(graph, groups, "_group")
        with np.errstate(all="ignore"):  # one group only: 0/0, reported as None
            value = nx.attribute_assortativity_coefficient(graph, "_group")
        assortativity = _finite(float(value))
        blocks: dict[str, set[Hashable]] = {}
        for node, group in groups.items():
            blocks.setdefault(group, set()).add(node)
        modularity = _finite(nx.community.modularity(graph, list(blocks.values()), weight=weight))
        if detected is None:
            detect = (
                silos_analysis.leiden_communities
                if query.algorithm is CommunityAlgorithm.LEIDEN
                else silos_analysis.louvain_communities
            )
            detected = detect(graph, weight=weight, seed=query.seed)
        nodes = sorted(graph.nodes, key=str)
        communities = {
            **_agreement(nodes, groups, detected),
            "membership": {str(n): detected[n] for n in nodes},
        }
    return {
        "summary": {"actors": graph.number_of_nodes(), "ties": graph.number_of_edges()},
        "ei_index": silos_analysis.ei_index(
            graph, groups, permutations=query.permutations, seed=query.seed
        ),
        "mixing_matrix": silos_analysis.mixing_matrix(graph, groups),
        "assortativity": assortativity,
        "modularity": modularity,
        "communities": communities,
        "missing_bridges": silos_analysis.missing_bridges(graph, groups),
    }
