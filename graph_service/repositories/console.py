"""The analysts' console: a query of the caller's own, planned (``EXPLAIN``) and
run in read transactions.  The text is the analyst's; values travel as
parameters, as everywhere else."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction


def explain(
    tx: ManagedTransaction, text: str, parameters: dict[str, Any]
) -> tuple[str | None, dict[str, Any] | None]:
    """The query's type (``r``, ``rw``, ``w``, ``s``) and its plan, without running it."""
    # The analyst's own text; its values travel as parameters.
    summary = tx.run("EXPLAIN " + text, parameters).consume()
    return summary.query_type, summary.plan


def rows(
    tx: ManagedTransaction, text: str, parameters: dict[str, Any], max_rows: int
) -> tuple[list[str], list[list[Any]], bool]:
    """Column names, at most ``max_rows`` rows (raw driver values) and whether
    there were more (the rest is not fetched)."""
    result = tx.run(text, parameters)
    keys = list(result.keys())
    kept: list[list[Any]] = []
    more = False
    for record in result:
        if len(kept) == max_rows:
            more = True
            break
        kept.append(list(record.values()))
    result.consume()
    return keys, kept, more
