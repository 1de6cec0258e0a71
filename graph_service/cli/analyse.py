"""``maillage analyse NAME``: the analyses of the API, from the command line,
with the same options (``--territory``, ``--operation``, ``--at``, ``--relations``,
``--partition``, ``--actor``, ``--target``, ``--top``, ``--format json|table``…)."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from graph_service.cli import options
from graph_service.cli.operator import operator, record, with_database
from graph_service.cli.output import console, state
from graph_service.cli.tables import print_document
from graph_service.config import get_settings
from graph_service.repositories.database import Database
from graph_service.services.analyses import (
    AnalysisName,
    AnalysisQuery,
    AnalysisService,
    CommunityAlgorithm,
    Engine,
    Partition,
)
from graph_service.services.maps import MapKind, MapQuery, MapService
from visualisations.document import MapDocument


class OutputFormat(StrEnum):
    JSON = "json"
    TABLE = "table"


def analyse_command(
    name: Annotated[
        AnalysisName,
        typer.Argument(
            help="brokers, silos, allies, inside-allies, levels, double-space, introductions, "
            "horizontalisation or similar"
        ),
    ],
    territory: options.Territory = None,
    operation: options.Operation = None,
    spheres: options.Spheres = None,
    at: options.At = None,
    period_from: options.PeriodFrom = None,
    period_to: options.PeriodTo = None,
    relations: options.Relations = None,
    weights: options.Weights = None,
    shared_weight: options.SharedWeight = 0.0,
    partition: options.PartitionOption = Partition.SPHERE,
    actor: options.Actor = None,
    target: options.Target = None,
    link: options.Link = None,
    here: options.Here = None,
    there: options.There = None,
    between: Annotated[
        str | None, typer.Option(help="Two groups, comma-separated: who connects them.")
    ] = None,
    top: options.Top = 20,
    weighted: Annotated[bool, typer.Option(help="Use tie strength.")] = False,
    sample: Annotated[
        int | None, typer.Option(help="Estimate betweenness from this many sources.")
    ] = None,
    seed: options.Seed = 0,
    permutations: Annotated[int, typer.Option(help="Permutations of the E-I test.")] = 1000,
    engine: Annotated[
        Engine,
        typer.Option(
            help="Where brokers' betweenness, silos' communities and similar actors run: "
            "python, or gds (inside Neo4j)."
        ),
    ] = Engine.PYTHON,
    algorithm: Annotated[
        CommunityAlgorithm,
        typer.Option(help="How silos find communities: louvain, or leiden (all connected)."),
    ] = CommunityAlgorithm.LOUVAIN,
    compare_at: options.CompareAt = None,
    max_age_months: Annotated[
        int, typer.Option(help="Inside allies: stale after this many months.")
    ] = 12,
    min_partners: options.MinPartners = 2,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="json or table.")
    ] = OutputFormat.TABLE,
    persons: options.Persons = False,
) -> None:
    """Run an analysis on the graph and print it (JSON has the API's shape)."""
    raw = {
        key: value for key, value in locals().items() if key not in ("name", "output", "persons")
    }
    query = options.validated(AnalysisQuery, raw)
    settings = get_settings()
    caller = operator(persons=persons)

    def work(database: Database) -> dict[str, Any] | MapDocument:
        result: dict[str, Any] | MapDocument
        if output is OutputFormat.JSON:
            analyses = AnalysisService(database, settings, state.language, caller=caller)
            result = analyses.run(name, query)
        else:
            service = MapService(database, settings, state.language, caller=caller)
            map_query = MapQuery.model_validate({**query.model_dump(), "persons": persons})
            result = service.document(MapKind(name.value), map_query, positions=False)
        record(database, caller, f"analyse {name.value}", writes=False)
        return result

    result = with_database(work)
    if isinstance(result, MapDocument):
        print_document(result, console)
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
