"""``maillage map KIND -o FILE.html``: the maps of the API, from the command line,
with the analyses' options (``--territory``, ``--operation``, ``--at``,
``--compare-at``, ``--actor``, ``--target``, ``--link``…)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph_service.cli import options
from graph_service.cli.operator import operator, record, with_database
from graph_service.cli.output import say, state
from graph_service.config import get_settings
from graph_service.repositories.database import Database
from graph_service.services.analyses import Partition
from graph_service.services.maps import MapKind, MapQuery, MapService, SizeMeasure


def map_command(
    kind: Annotated[
        MapKind,
        typer.Argument(
            help="ecosystem, brokers, silos, allies, introductions, inside-allies, levels, "
            "double-space, horizontalisation or similar"
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write (opens offline).")
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
    top: options.Top = 20,
    min_partners: options.MinPartners = 2,
    seed: options.Seed = 0,
    compare_at: options.CompareAt = None,
    size_by: Annotated[
        SizeMeasure, typer.Option(help="Actor size: degree, betweenness or brokerage.")
    ] = SizeMeasure.DEGREE,
    labels: Annotated[int, typer.Option(help="How many names are always shown.")] = 15,
    persons: options.Persons = False,
) -> None:
    """Draw an analysis as one self-contained HTML map."""
    raw = {key: value for key, value in locals().items() if key not in ("kind", "output")}
    query = options.validated(MapQuery, raw)
    caller = operator(persons=persons)

    def work(database: Database) -> str:
        service = MapService(database, get_settings(), state.language, caller=caller)
        page = service.render(kind, query)
        record(database, caller, f"map {kind.value}", writes=False)
        return page

    page = with_database(work)
    output.write_text(page, encoding="utf-8")
    say("map.written", path=output, kind=kind.value)
