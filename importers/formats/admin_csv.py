"""Files for Neo4j's offline bulk importer (``neo4j-admin database import full``).

The importer reads CSV files whose header gives each column's role and type
(``id:ID(Entity)``, ``name:string``, ``aliases:string[]``, ``valid_from:date``,
``:START_ID(Entity)``…).  It is an order of magnitude faster than Cypher because it
writes the store directly, but it checks nothing: the rows written here are those
the import's own validation accepted (see :mod:`importers.validation`), so the
database ends up exactly as a validated import would have left it, minus the
transactions.

A header is fixed before the first row, so each group of rows (one label set of
nodes, one relationship type) is read twice from the staging store: once to learn
its columns and their types, once to write.  Arrays are separated by the unit
separator (U+001F), which no text may contain (control characters are refused at
validation), so a ``;`` in an alias stays in the alias.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

ARRAY_DELIMITER = "\x1f"
#: The id space every Maillage node shares (an id is unique across labels).
ID_SPACE = "Entity"


@dataclass
class AdminFiles:
    """What the bulk importer is given: node files by label set, relationship files
    by type, and how many rows each group holds."""

    nodes: list[tuple[tuple[str, ...], Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path]] = field(default_factory=list)
    node_count: int = 0
    relationship_count: int = 0
    #: List properties some rows hold empty: the importer cannot write an empty
    #: array, so they are set afterwards — (label set, key) and (type, key).
    empty_node_lists: set[tuple[tuple[str, ...], str]] = field(default_factory=set)
    empty_relationship_lists: set[tuple[str, str]] = field(default_factory=set)

    def arguments(self) -> list[str]:
        """The ``--nodes`` and ``--relationships`` options naming these files."""
        return [
            *(f"--nodes={':'.join((ID_SPACE, *labels))}={path}" for labels, path in self.nodes),
            *(f"--relationships={rel_type}={path}" for rel_type, path in self.relationships),
        ]


#: Properties that are lists of text in the domain, when a group holds only empty ones.
_LISTS = {"aliases", "modes"}


def _scalar_type(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, str):
        return "string"
    return None


def column_type(value: Any) -> str:
    """The importer's type for a property value.

    >>> column_type(["a"]), column_type(2.5), column_type(date(2014, 1, 1))
    ('string[]', 'double', 'date')
    """
    if isinstance(value, (list, tuple)):
        inner = {_scalar_type(item) for item in value} or {"string"}
        if len(inner) != 1 or None in inner:
            raise ValueError(f"an array must hold values of one simple type: {value!r}")
        return f"{inner.pop()}[]"
    found = _scalar_type(value)
    if found is None:
        raise ValueError(f"no bulk-import type for {type(value).__name__}")
    return found


def _empty_lists(properties: Mapping[str, Any]) -> list[str]:
    return [key for key, value in properties.items() if isinstance(value, list) and not value]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(_cell(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _columns(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Property name -> type over every row of a group (first non-empty value wins;
    a property with two types in one group is refused)."""
    columns: dict[str, str] = {}
    for row in rows:
        for key, value in row.items():
            if value is None or (isinstance(value, (list, tuple)) and not value):
                columns.setdefault(key, "")
                continue
            found = column_type(value)
            if columns.get(key) and columns[key] != found:
                raise ValueError(f"property {key!r} is both {columns[key]} and {found}")
            columns[key] = found
    # A property only ever empty gets the type its name suggests (aliases and modes
    # are lists of text); the importer then leaves it unset on those rows.
    return {
        key: kind or ("string[]" if key in _LISTS else "string") for key, kind in columns.items()
    }


NodeGroups = Callable[[], Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]]
RelationshipGroups = Callable[[], Iterator[tuple[str, list[dict[str, Any]]]]]


def _node_properties(row: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    return {**row["properties"], "id": row["id"], "recorded_at": row["recorded_at"] or now}


def _tie_properties(row: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    return {**row["properties"], "id": row["id"], "recorded_at": row["recorded_at"] or now}


def _learn(
    groups: Iterator[tuple[Any, list[dict[str, Any]]]],
    properties: Callable[[Mapping[str, Any], datetime], dict[str, Any]],
    now: datetime,
) -> dict[Any, dict[str, str]]:
    learned: dict[Any, dict[str, str]] = {}
    for key, batch in groups:
        merged = learned.setdefault(key, {})
        for column, kind in _columns(properties(row, now) for row in batch).items():
            merged[column] = merged.get(column) or kind
    return learned


def write(
    folder: Path,
    nodes: NodeGroups,
    relationships: RelationshipGroups,
    now: datetime,
) -> AdminFiles:
    """Write the bulk importer's files into ``folder``.  ``nodes`` and
    ``relationships`` are called twice each (columns, then rows) and yield batches
    as the import plan gives them: node rows ``{id, properties, recorded_at}`` by
    label set, relationship rows ``{id, from_id, to_id, properties, recorded_at}``
    by type.  ``now`` is the recording time of rows that carry none."""
    folder.mkdir(parents=True, exist_ok=True)
    files = AdminFiles()
    node_columns = _learn(
        ((tuple(labels), batch) for labels, batch in nodes()), _node_properties, now
    )
    tie_columns = _learn(relationships(), _tie_properties, now)
    with ExitStack() as stack:
        node_writers: dict[tuple[str, ...], tuple[Any, list[str]]] = {}
        for index, (labels, columns) in enumerate(sorted(node_columns.items())):
            keys = sorted(k for k in columns if k != "id")
            path = folder / f"nodes-{index}.csv"
            writer = csv.writer(
                stack.enter_context(path.open("w", newline="", encoding="utf-8")),
                lineterminator="\n",
            )
            writer.writerow([f"id:ID({ID_SPACE})", *(f"{k}:{columns[k]}" for k in keys)])
            node_writers[labels] = (writer, keys)
            files.nodes.append((labels, path))
        for labels, batch in nodes():
            writer, keys = node_writers[tuple(labels)]
            for row in batch:
                properties = _node_properties(row, now)
                files.empty_node_lists.update((tuple(labels), k) for k in _empty_lists(properties))
                writer.writerow([row["id"], *(_cell(properties.get(k)) for k in keys)])
                files.node_count += 1
        tie_writers: dict[str, tuple[Any, list[str]]] = {}
        for index, (rel_type, columns) in enumerate(sorted(tie_columns.items())):
            keys = sorted(columns)
            path = folder / f"relationships-{index}.csv"
            writer = csv.writer(
                stack.enter_context(path.open("w", newline="", encoding="utf-8")),
                lineterminator="\n",
            )
            writer.writerow(
                [f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})"]
                + [f"{k}:{columns[k]}" for k in keys]
            )
            tie_writers[rel_type] = (writer, keys)
            files.relationships.append((rel_type, path))
        for rel_type, batch in relationships():
            writer, keys = tie_writers[rel_type]
            for row in batch:
                properties = _tie_properties(row, now)
                files.empty_relationship_lists.update(
                    (rel_type, k) for k in _empty_lists(properties)
                )
                writer.writerow(
                    [row["from_id"], row["to_id"], *(_cell(properties.get(k)) for k in keys)]
                )
                files.relationship_count += 1
    return files
