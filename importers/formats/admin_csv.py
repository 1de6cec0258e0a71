"""Files for Neo4j's offline bulk importer (``neo4j-admin database import full``).

The importer reads CSV files whose header gives each column's role and type
(``id:ID(Entity)``, ``name:string``, ``aliases:string[]``, ``valid_from:date``,
``:START_ID(Entity)``…).  It is an order of magnitude faster than Cypher because it
writes the store directly, but it checks nothing: the rows written here are those
the import's own validation accepted (see :mod:`importers.validation`), so the
database ends up exactly as a validated import would have left it, minus the
transactions.

The rows are written as they come (:class:`AdminWriter`: in a bulk load, by a
second process while the file is still being checked, see
:mod:`importers.bulk_files`; or from the import's plan, :func:`write`); the
headers are written last, in files of their own, once every row has told each
column's type.  A group of rows (one label set of nodes, one relationship type)
goes to a new part, with a header of its own, whenever a row brings a column the
part has not got (rare after the first rows: a file's records share their
columns).  Reading the store twice, to learn the columns and then to write, took
half of a bulk load's preparation.  Arrays are separated by the unit
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
    """What the bulk importer is given: node files by label set and relationship
    files by type, each as (group, header file, data file), and how many rows
    they hold."""

    nodes: list[tuple[tuple[str, ...], Path, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path, Path]] = field(default_factory=list)
    node_count: int = 0
    relationship_count: int = 0
    #: List properties some rows hold empty: the importer cannot write an empty
    #: array, so they are set afterwards — (label set, key) and (type, key).
    empty_node_lists: set[tuple[tuple[str, ...], str]] = field(default_factory=set)
    empty_relationship_lists: set[tuple[str, str]] = field(default_factory=set)
    #: Data files where a text holds a line break.  The importer must be told: it
    #: then reads those files line by line on one thread (``--multiline-fields``
    #: on every file made the national load's import step half as slow again).
    multiline: list[Path] = field(default_factory=list)

    def arguments(self) -> list[str]:
        """The options naming these files for the importer: ``--nodes``,
        ``--relationships`` and which files hold line breaks in a text."""
        line_breaks = ["--multiline-fields=false"]
        if any("," in str(path) for path in self.multiline):
            line_breaks = ["--multiline-fields=true"]  # the list is comma-separated
        elif self.multiline:
            files = ",".join(map(str, self.multiline))
            line_breaks = ["--multiline-fields-format=v2", f"--multiline-fields={files}"]
        return [
            *line_breaks,
            *(
                f"--nodes={':'.join((ID_SPACE, *labels))}={header},{data}"
                for labels, header, data in self.nodes
            ),
            *(
                f"--relationships={rel_type}={header},{data}"
                for rel_type, header, data in self.relationships
            ),
        ]


#: Properties that are lists of text in the domain, when a group holds only empty ones.
_LISTS = {"aliases", "modes"}


#: The importer's type of each scalar Python type (bool before int: exact types).
_SCALAR_KINDS: dict[type, str] = {
    bool: "boolean",
    int: "long",
    float: "double",
    datetime: "datetime",
    date: "date",
    str: "string",
}


def _scalar_type(value: Any) -> str | None:
    kind = _SCALAR_KINDS.get(type(value))
    if kind is not None:
        return kind
    # A subclass (a StrEnum member is text): the first type it is an instance of,
    # in the table's order (bool before int, datetime before date).
    for python_type, kind in _SCALAR_KINDS.items():
        if isinstance(value, python_type):
            return kind
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


NodeGroups = Callable[[], Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]]
RelationshipGroups = Callable[[], Iterator[tuple[str, list[dict[str, Any]]]]]


def _with_identity(row: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """A row's stored properties: its own, its id, and when it was recorded."""
    return {**row["properties"], "id": row["id"], "recorded_at": row["recorded_at"] or now}


@dataclass
class _Part:
    """Rows of one group written with the same columns, in this order."""

    keys: list[str]
    header: Path
    data: Path
    rows: int = 0


class _Group:
    """One label set or relationship type: each column's type over every row so
    far, and the parts its rows went to."""

    def __init__(self, name: str, folder: Path, stem: str, stack: ExitStack) -> None:
        self.name, self.folder, self.stem, self.stack = name, folder, stem, stack
        self.kinds: dict[str, str] = {}
        self.parts: list[_Part] = []
        self._writer: Any = None
        self._known: set[str] = set()
        self._file: Any = None

    def learn(self, properties: Mapping[str, Any]) -> None:
        kinds = self.kinds
        for key, value in properties.items():
            # The common case first: a scalar of the type the column already has.
            kind = _SCALAR_KINDS.get(type(value))
            if kind is not None and kinds.get(key) == kind:
                continue
            empty = value is None or (isinstance(value, (list, tuple)) and not value)
            seen = kinds.get(key, "")
            merged = _merged((seen, "" if empty else column_type(value)))
            if merged is None:
                raise MixedTypesError(self.name, key, seen, column_type(value))
            kinds[key] = merged

    def writer_for(self, properties: Mapping[str, Any], fixed: set[str]) -> tuple[Any, _Part]:
        """The writer of the part these properties fit, and that part."""
        if self._writer is None or not properties.keys() <= self._known:
            keys = [*(self.parts[-1].keys if self.parts else [])]
            keys += sorted(k for k in properties if k not in self._known and k not in fixed)
            if self._file is not None:
                self._file.close()
            index = len(self.parts)
            part = _Part(
                keys,
                self.folder / f"{self.stem}-{index}-header.csv",
                self.folder / f"{self.stem}-{index}.csv",
            )
            self._file = self.stack.enter_context(part.data.open("w", newline="", encoding="utf-8"))
            self._writer = csv.writer(self._file, lineterminator="\n")
            self._known = set(keys) | fixed
            self.parts.append(part)
        return self._writer, self.parts[-1]

    def column(self, key: str) -> str:
        kind = self.kinds.get(key) or ("string[]" if key in _LISTS else "string")
        return f"{key}:{kind}"


class AdminWriter:
    """Writes rows into the importer's files as they come, a batch at a time
    (nodes of one label set, relationships of one type), then the headers at
    :meth:`finish`.  A column with values of two types raises
    :class:`MixedTypesError`.  Use as a context manager: the data files stay open
    until it is left."""

    def __init__(self, folder: Path, now: datetime) -> None:
        """``now`` is the recording time of rows that carry none."""
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.now = folder, now
        self.files = AdminFiles()
        self._stack = ExitStack()
        self._node_groups: dict[tuple[str, ...], _Group] = {}
        self._tie_groups: dict[str, _Group] = {}

    def __enter__(self) -> AdminWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def nodes(self, labels: tuple[str, ...], batch: list[dict[str, Any]]) -> None:
        """Node rows ``{id, properties, recorded_at}`` of one label set."""
        group = self._node_groups.get(labels)
        if group is None:
            stem = f"nodes-{len(self._node_groups)}"
            group = _Group(":".join(labels), self.folder, stem, self._stack)
            self._node_groups[labels] = group
        for row in batch:
            properties = _with_identity(row, self.now)
            group.learn(properties)
            self.files.empty_node_lists.update((labels, k) for k in _empty_lists(properties))
            writer, part = group.writer_for(properties, {"id"})
            writer.writerow([row["id"], *(_cell(properties.get(k)) for k in part.keys)])
            part.rows += 1
        self.files.node_count += len(batch)

    def relationships(self, rel_type: str, batch: list[dict[str, Any]]) -> None:
        """Relationship rows ``{id, from_id, to_id, properties, recorded_at}`` of one type."""
        group = self._tie_groups.get(rel_type)
        if group is None:
            stem = f"relationships-{len(self._tie_groups)}"
            group = self._tie_groups[rel_type] = _Group(rel_type, self.folder, stem, self._stack)
        for row in batch:
            properties = _with_identity(row, self.now)
            group.learn(properties)
            self.files.empty_relationship_lists.update(
                (rel_type, k) for k in _empty_lists(properties)
            )
            writer, part = group.writer_for(properties, set())
            writer.writerow(
                [row["from_id"], row["to_id"], *(_cell(properties.get(k)) for k in part.keys)]
            )
            part.rows += 1
        self.files.relationship_count += len(batch)

    def finish(self) -> AdminFiles:
        """Close the data files and write the headers: only now is every column's
        type known.  Returns what to give the importer."""
        self._stack.close()
        self.files.multiline = [
            part.data
            for group in (*self._node_groups.values(), *self._tie_groups.values())
            for part in group.parts
            if _breaks_lines(part.data, part.rows)
        ]
        for labels, group in sorted(self._node_groups.items()):
            for part in group.parts:
                _write_header(part.header, [f"id:ID({ID_SPACE})", *map(group.column, part.keys)])
                self.files.nodes.append((labels, part.header, part.data))
        for rel_type, group in sorted(self._tie_groups.items()):
            for part in group.parts:
                _write_header(
                    part.header,
                    [
                        f":START_ID({ID_SPACE})",
                        f":END_ID({ID_SPACE})",
                        *map(group.column, part.keys),
                    ],
                )
                self.files.relationships.append((rel_type, part.header, part.data))
        return self.files


def write(
    folder: Path,
    nodes: NodeGroups,
    relationships: RelationshipGroups,
    now: datetime,
) -> AdminFiles:
    """Write the bulk importer's files into ``folder`` from batches as the import
    plan gives them (see :class:`AdminWriter` for the rows)."""
    with AdminWriter(folder, now) as writer:
        for labels, batch in nodes():
            writer.nodes(tuple(labels), batch)
        for rel_type, batch in relationships():
            writer.relationships(rel_type, batch)
        return writer.finish()


def _breaks_lines(data: Path, rows: int) -> bool:
    """Whether a text in this data file holds a line break: more line ends than
    rows written, or a carriage return anywhere (rows end with a bare line feed).
    Counting afterwards costs a read of the file from the page cache; checking
    every cell as it is written would cost more than that in Python."""
    line_feeds = 0
    with data.open("rb") as file:
        while chunk := file.read(1 << 23):
            if b"\r" in chunk:
                return True
            line_feeds += chunk.count(b"\n")
    return line_feeds > rows


def _write_header(path: Path, columns: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file, lineterminator="\n").writerow(columns)
