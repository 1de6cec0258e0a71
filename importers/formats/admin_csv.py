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
from collections.abc import Callable, Iterator, Mapping
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


class MixedTypesError(ValueError):
    """A property holds values of two types in one label set or relationship type:
    the importer's header gives a column one type."""

    def __init__(self, group: str, key: str, first: str, second: str) -> None:
        super().__init__(f"{group}: property {key!r} is both {first} and {second}")
        self.group, self.key, self.first, self.second = group, key, first, second


def _merged(kinds: tuple[str, str]) -> str | None:
    """The one type two observed types fit in ("" is a value not seen yet), or None.

    >>> _merged(("", "long")), _merged(("long", "double")), _merged(("date", "long"))
    ('long', 'double', None)
    """
    first, second = kinds
    if not first or first == second:
        return second or first
    if not second:
        return first
    if {first, second} == {"long", "double"}:
        return "double"  # a whole number among decimals stays a number
    return None


def _learn(
    groups: Iterator[tuple[Any, list[dict[str, Any]]]], now: datetime
) -> dict[Any, dict[str, str]]:
    """Property name -> type for each group, over every row; a property only ever
    empty gets the type its name suggests (aliases and modes are lists of text) and
    the importer leaves it unset on those rows."""
    learned: dict[Any, dict[str, str]] = {}
    for group, batch in groups:
        columns = learned.setdefault(group, {})
        for row in batch:
            for key, value in _with_identity(row, now).items():
                empty = value is None or (isinstance(value, (list, tuple)) and not value)
                seen = columns.get(key, "")
                kind = _merged((seen, "" if empty else column_type(value)))
                if kind is None:
                    name = ":".join(group) if isinstance(group, tuple) else str(group)
                    raise MixedTypesError(name, key, seen, column_type(value))
                columns[key] = kind
    return {
        group: {key: kind or ("string[]" if key in _LISTS else "string") for key, kind in c.items()}
        for group, c in learned.items()
    }


NodeGroups = Callable[[], Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]]
RelationshipGroups = Callable[[], Iterator[tuple[str, list[dict[str, Any]]]]]


def _with_identity(row: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """A row's stored properties: its own, its id, and when it was recorded."""
    return {**row["properties"], "id": row["id"], "recorded_at": row["recorded_at"] or now}


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
    node_columns = _learn(((tuple(labels), batch) for labels, batch in nodes()), now)
    tie_columns = _learn(relationships(), now)
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
                properties = _with_identity(row, now)
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
                properties = _with_identity(row, now)
                files.empty_relationship_lists.update(
                    (rel_type, k) for k in _empty_lists(properties)
                )
                writer.writerow(
                    [row["from_id"], row["to_id"], *(_cell(properties.get(k)) for k in keys)]
                )
                files.relationship_count += 1
    return files
