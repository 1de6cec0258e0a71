"""``maillage analyse NAME``: the analyses of the API, from the command line,
with the same options (``--territory``, ``--operation``, ``--at``, ``--relations``,
``--partition``, ``--actor``, ``--target``, ``--top``, ``--format json|table``…)."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from graph_service.cli.output import fail, state
from graph_service.config import Language, get_settings
from graph_service.errors import MaillageError
from graph_service.repositories.database import Database, connection_info
from graph_service.services.analyses import AnalysisName, AnalysisQuery, AnalysisService, Partition
from graph_service.services.validation import problems_from


class OutputFormat(StrEnum):
    JSON = "json"
    TABLE = "table"


def _comma_list(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


def analyse_command(
    name: Annotated[
        AnalysisName,
        typer.Argument(
            help="brokers, silos, allies, inside-allies, levels, double-space or introductions"
        ),
    ],
    territory: Annotated[
        str | None, typer.Option(help="Scope: a territory and its sub-territories.")
    ] = None,
    operation: Annotated[str | None, typer.Option(help="Scope: an operation or programme.")] = None,
    spheres: Annotated[str | None, typer.Option(help="Scope: spheres, comma-separated.")] = None,
    at: Annotated[str | None, typer.Option(help="Ties valid on that day (YYYY-MM-DD).")] = None,
    period_from: Annotated[
        str | None, typer.Option("--from", help="Period start (YYYY-MM-DD).")
    ] = None,
    period_to: Annotated[str | None, typer.Option("--to", help="Period end (YYYY-MM-DD).")] = None,
    relations: Annotated[
        str | None,
        typer.Option(help="Tie types, comma-separated (default COOPERATES_WITH,FUNDS,MEMBER_OF)."),
    ] = None,
    weights: Annotated[
        str | None, typer.Option(help="Tie weights per type, e.g. FUNDS=0.5,MEMBER_OF=0.3.")
    ] = None,
    shared_weight: Annotated[
        float, typer.Option(help="Weight of shared-framework/operation ties (0: none).")
    ] = 0.0,
    partition: Annotated[
        Partition, typer.Option(help="Groups: sphere, side, territory or level.")
    ] = Partition.SPHERE,
    actor: Annotated[
        str | None, typer.Option(help="The actor asking (allies, introductions, inside-allies).")
    ] = None,
    target: Annotated[
        str | None, typer.Option(help="The actor to reach, or the institution (inside-allies).")
    ] = None,
    link: Annotated[
        str | None, typer.Option(help="LINKED_TO relationship id (double-space).")
    ] = None,
    between: Annotated[
        str | None, typer.Option(help="Two groups, comma-separated: who connects them.")
    ] = None,
    top: Annotated[int, typer.Option(help="Number of results.")] = 20,
    weighted: Annotated[bool, typer.Option(help="Use tie strength.")] = False,
    sample: Annotated[
        int | None, typer.Option(help="Estimate betweenness from this many sources.")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of random choices.")] = 0,
    permutations: Annotated[int, typer.Option(help="Permutations of the E-I test.")] = 1000,
    compare_at: Annotated[str | None, typer.Option(help="Silos: compare with this date.")] = None,
    max_age_months: Annotated[
        int, typer.Option(help="Inside allies: stale after this many months.")
    ] = 12,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="json or table.")
    ] = OutputFormat.TABLE,
) -> None:
    """Run an analysis on the graph and print it (JSON has the API's shape)."""
    raw: dict[str, Any] = {
        "territory": territory,
        "operation": operation,
        "spheres": _comma_list(spheres),
        "at": at,
        "period_from": period_from,
        "period_to": period_to,
        "relations": _comma_list(relations),
        "weights": _comma_list(weights),
        "shared_weight": shared_weight,
        "partition": partition,
        "actor": actor,
        "target": target,
        "link": link,
        "between": _comma_list(between),
        "top": top,
        "weighted": weighted,
        "sample": sample,
        "seed": seed,
        "permutations": permutations,
        "compare_at": compare_at,
        "max_age_months": max_age_months,
    }
    try:
        query = AnalysisQuery.model_validate({k: v for k, v in raw.items() if v is not None})
    except ValidationError as exc:
        raise fail(problems_from(exc)) from exc
    settings = get_settings()
    try:
        database = Database(connection_info(settings), settings.neo4j_timeout_seconds)
        try:
            report = AnalysisService(database, settings, state.language).run(name, query)
        finally:
            database.close()
    except MaillageError as exc:
        raise fail(exc) from exc
    if output is OutputFormat.JSON:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=_json_default))
    else:
        print_table(report, state.language)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_table(report: dict[str, Any], language: Language) -> None:
    """A readable summary: the ranked results as a table, then the headline figures."""
    console = Console()
    labels = report.get("labels", {})
    rows = report.get("results")
    if rows:
        scalar_columns = [
            key
            for key, value in rows[0].items()
            if not isinstance(value, dict | list) or key in ("brokerage", "intermediaries")
        ]
        table = Table(title=report["analysis"])
        for column in scalar_columns:
            table.add_column(labels.get(column, column))
        for row in rows:
            cells = []
            for column in scalar_columns:
                value = row.get(column)
                if column == "brokerage" and isinstance(value, dict):
                    value = " ".join(
                        f"{labels.get(k, k)[:4]}={int(v)}" for k, v in value.items() if v
                    )
                elif column == "intermediaries" and isinstance(value, list):
                    value = " → ".join(str(item.get("name") or item.get("id")) for item in value)
                cells.append("" if value is None else str(value))
            table.add_row(*cells)
        console.print(table)
    headline = {
        key: value
        for key, value in report.items()
        if key not in ("results", "labels", "parameters", "analysis")
        and not (isinstance(value, dict) and len(value) > 12)
    }
    console.print_json(json.dumps(headline, ensure_ascii=False, default=_json_default))
