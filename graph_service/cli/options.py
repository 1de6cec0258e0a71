"""Options shared by ``maillage analyse`` and ``maillage map`` (the API's
analysis query string, as flags), and how they become a query."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError

from graph_service.cli.output import fail
from graph_service.services.analyses import Partition
from graph_service.services.validation import problems_from

Q = TypeVar("Q", bound=BaseModel)

Territory = Annotated[
    str | None, typer.Option(help="Scope: a territory (id or name) and its sub-territories.")
]
Operation = Annotated[
    str | None, typer.Option(help="Scope: an operation or programme (id or name).")
]
Spheres = Annotated[str | None, typer.Option(help="Scope: spheres, comma-separated.")]
At = Annotated[str | None, typer.Option(help="Ties valid on that day (YYYY-MM-DD).")]
PeriodFrom = Annotated[str | None, typer.Option("--from", help="Period start (YYYY-MM-DD).")]
PeriodTo = Annotated[str | None, typer.Option("--to", help="Period end (YYYY-MM-DD).")]
Relations = Annotated[
    str | None,
    typer.Option(help="Tie types, comma-separated (default COOPERATES_WITH,FUNDS,MEMBER_OF)."),
]
Weights = Annotated[
    str | None, typer.Option(help="Tie weights per type, e.g. FUNDS=0.5,MEMBER_OF=0.3.")
]
SharedWeight = Annotated[
    float, typer.Option(help="Weight of shared-framework/operation ties (0: none).")
]
PartitionOption = Annotated[
    Partition, typer.Option(help="Groups: sphere, side, territory or level.")
]
Actor = Annotated[
    str | None,
    typer.Option(
        help="The actor asking, by id or name (allies, introductions, inside-allies, similar)."
    ),
]
Target = Annotated[
    str | None,
    typer.Option(help="The actor to reach, or the institution (inside-allies), by id or name."),
]
Link = Annotated[str | None, typer.Option(help="LINKED_TO relationship id (double-space).")]
Here = Annotated[
    str | None, typer.Option(help="Double-space: the territory here of a link (id or name).")
]
There = Annotated[
    str | None, typer.Option(help="Double-space: the territory there of a link (id or name).")
]
Top = Annotated[int, typer.Option(help="Number of results.")]
MinPartners = Annotated[
    int, typer.Option(help="Similar: compare only actors with at least this many partners.")
]
Seed = Annotated[int, typer.Option(help="Seed of random choices (and of map layouts).")]
CompareAt = Annotated[
    str | None, typer.Option(help="Compare with this date (brokers, silos; maps: what changed).")
]


def comma_list(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def validated(model: type[Q], raw: dict[str, Any]) -> Q:
    """The query from the flags given (unset ones keep the model's defaults);
    invalid values end the command with located messages."""
    lists = ("spheres", "relations", "weights", "between")
    values = {k: comma_list(v) if k in lists else v for k, v in raw.items()}
    try:
        return model.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        raise fail(problems_from(exc, read=True)) from exc


Persons = Annotated[
    bool,
    typer.Option(
        help="Name persons (inside allies, levels): your decision as the operator, written "
        "to the audit trail. Keep such output private."
    ),
]
