"""The staging store of one import: an SQLite file in a temporary folder holding
what has been read and checked so far.

Validation needs to see the whole file (duplicate ids, references by name to a
node a million rows further down) before anything is written, and a rejected
import must write nothing.  Keeping the file's records in the process would make
memory grow with the file (about 2 KiB per record); keeping them here keeps it
bounded by one batch, whatever the size of the file (and the nodes' labels, about
100 bytes a node, up to :data:`LABELS_IN_MEMORY` nodes).  The store is private to the
import and thrown away with it, so it trades durability for speed — until a large
import starts writing in several transactions: then :meth:`Staging.persist` puts it
on disk for good, because it is what undoes the import if the process dies.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from importers.records import Location, RelationshipRecord

_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = FILE;
-- One row per node id met in the file; labels and properties are NULL when the
-- row was invalid (its id is kept to report a second row with the same id).
CREATE TABLE node (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, location BLOB NOT NULL,
    labels TEXT, properties BLOB, outcome TEXT,
    defaulted TEXT  -- properties the row did not give ("a:b"); NULL: none
);
CREATE TABLE name (folded TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL);
-- Relationship records as read: resolved once every node is known.
CREATE TABLE raw_relationship (seq INTEGER PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE relationship (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, location BLOB NOT NULL,
    type TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
    properties BLOB NOT NULL, outcome TEXT,
    stored BLOB,  -- the properties in the database under this id; NULL: none there
    defaulted TEXT  -- as for node
);
-- What an update replaced, to undo an import written in several transactions.
CREATE TABLE previous (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, properties BLOB NOT NULL,
    labels TEXT
);
"""


def _dump(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _load(blob: bytes) -> Any:
    # Only this import wrote the file, in a folder only it knows.
    return pickle.loads(blob)


# Locations and raw records are kept as plain tuples: pickling a dataclass costs
# several times a tuple's, and an import stages one location per row.
def _dump_location(location: Location) -> bytes:
    return _dump((location.file, location.sheet, location.row, location.column))


def _location(blob: bytes) -> Location:
    return Location(*_load(blob))


def _dump_record(record: RelationshipRecord) -> bytes:
    where = record.location
    return _dump(
        (
            record.type,
            record.source,
            record.target,
            record.properties,
            (where.file, where.sheet, where.row, where.column),
        )
    )


def _record(blob: bytes) -> RelationshipRecord:
    rel_type, source, target, properties, where = _load(blob)
    return RelationshipRecord(rel_type, source, target, properties, Location(*where))


def load(blob: bytes) -> Any:
    """Staged properties, from what a :class:`StagingObserver` was handed."""
    return _load(blob)


#: Names staged together, in one statement.
NAMES_AT_ONCE = 5_000
#: Node ids whose labels stay in memory during the checks (about 100 MiB for a
#: million; a larger file's checks read them from the store).
LABELS_IN_MEMORY = 2_000_000


class StagingObserver(Protocol):
    """Told of every valid node and relationship as it is staged, with its
    properties as stored (see :func:`load`): a bulk load writes its files while
    the rest of the file is still being checked."""

    def staged_node(self, id: str, labels: tuple[str, ...], properties: bytes) -> None: ...

    def staged_relationship(
        self, id: str, rel_type: str, from_id: str, to_id: str, properties: bytes
    ) -> None: ...


class Staging:
    """Nodes, names and relationships of one import, on disk."""

    def __init__(
        self,
        folder: Path,
        *,
        existing: bool = False,
        observer: StagingObserver | None = None,
    ) -> None:
        """A new store in ``folder``; or, with ``existing``, the store an import
        that died left there (to undo what it wrote).  An ``observer`` is told of
        each valid row staged."""
        self.observer = observer
        self.path = folder / "staging.sqlite"
        # Shared with the thread that reads writes ahead (:func:`importers.loader.read_ahead`),
        # never at the same time.
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        if not existing:
            self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self._seq = 0
        # The labels of the valid nodes staged so far, by id, while they number
        # under LABELS_IN_MEMORY: each relationship checked asks for both its
        # ends', and the store's id index answered them at random, a tenth of a
        # national file's checks.  Beyond the bound, the store answers again.
        # The shared set itself is kept (one per combination of labels), so that
        # answering is a dictionary lookup per id, not a call too.
        self._labels: dict[str, frozenset[str]] | None = {}
        self._names: list[tuple[str, str, str]] = []  # written a batch at a time

    def close(self) -> None:
        self.db.close()

    def persist(self) -> None:
        """Commit what is staged and force it to disk: from here on the store is what
        undoes a large import that dies half-way, even after a machine restart."""
        self.db.execute("COMMIT")
        with self.path.open("rb+") as file:
            os.fsync(file.fileno())
        self.db.execute("BEGIN")

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    # -- nodes -----------------------------------------------------------------

    def add_node(
        self,
        id: str,
        location: Location,
        labels: tuple[str, ...] | None = None,
        properties: dict[str, Any] | None = None,
        defaulted: AbstractSet[str] = frozenset(),
    ) -> Location | None:
        """Stage a node (labels None: an invalid row); if the id is staged already,
        stage nothing and return where it was first met.  ``defaulted``: the
        properties the row did not give (written only if the node is created)."""
        blob = _dump(properties) if properties is not None else None
        joined = ":".join(labels) if labels is not None else None
        try:
            self.db.execute(
                "INSERT INTO node (id, seq, location, labels, properties, defaulted)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    id,
                    self._next(),
                    _dump_location(location),
                    joined,
                    blob,
                    _keys(defaulted),
                ),
            )
        except sqlite3.IntegrityError:
            return self.node_location(id)
        if self._labels is not None and joined is not None:
            if len(self._labels) < LABELS_IN_MEMORY:
                self._labels[id] = _label_set(joined)
            else:
                self._labels = None
        if self.observer is not None and labels is not None and blob is not None:
            self.observer.staged_node(id, labels, blob)
        return None

    def node_location(self, id: str) -> Location | None:
        row = self.db.execute("SELECT location FROM node WHERE id = ?", (id,)).fetchone()
        return _location(row[0]) if row else None

    def add_names(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(folded name, id, name as written) of a valid node."""
        self._names.extend(rows)
        if len(self._names) >= NAMES_AT_ONCE:
            self._write_names()

    def _write_names(self) -> None:
        # One statement per node was a call into SQLite per row of a national file.
        self.db.executemany("INSERT INTO name VALUES (?, ?, ?)", self._names)
        self._names = []

    def index_names(self) -> None:
        """Called once every node is staged (an index built at the end is cheaper)."""
        self._write_names()
        self.db.execute("CREATE INDEX name_folded ON name (folded)")

    def labels_of(self, ids: Iterable[str]) -> dict[str, frozenset[str]]:
        """The labels of the valid staged nodes among ``ids``."""
        known = self._labels
        if known is not None:
            return {id: labels for id in ids if (labels := known.get(id)) is not None}
        return {
            id: _label_set(labels)
            for id, labels in self.db.execute(
                "SELECT id, labels FROM node WHERE labels IS NOT NULL"
                " AND id IN (SELECT value FROM json_each(?))",
                (_json_list(ids),),
            )
        }

    def ids_by_name(self, folded: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """Folded name -> [(id, name)] of staged nodes with that name or alias."""
        self._write_names()
        found: dict[str, list[tuple[str, str]]] = {}
        for key, id, name in self.db.execute(
            "SELECT folded, id, name FROM name WHERE folded IN (SELECT value FROM json_each(?))",
            (_json_list(folded),),
        ):
            found.setdefault(key, []).append((id, name))
        return found

    def valid_nodes(self, size: int) -> Iterator[list[tuple[str, tuple[str, ...]]]]:
        """The valid nodes in file order, ``size`` at a time: (id, labels)."""
        for page in self._pages("id, labels", "node", "labels IS NOT NULL", (), size):
            yield [(id, tuple(labels.split(":"))) for id, labels in page]

    def node_properties(self, ids: Iterable[str]) -> dict[str, Any]:
        """The properties these valid nodes' rows give (those a plan compares with
        what is stored: unpickling every row's would cost more than the comparison)."""
        return {
            id: _given(_load(blob), defaulted)
            for id, blob, defaulted in self.db.execute(
                "SELECT id, properties, defaulted FROM node WHERE labels IS NOT NULL"
                " AND id IN (SELECT value FROM json_each(?))",
                (_json_list(ids),),
            )
        }

    # -- relationships ---------------------------------------------------------

    def add_raw_relationship(self, record: RelationshipRecord) -> None:
        self.db.execute(
            "INSERT INTO raw_relationship VALUES (?, ?)", (self._next(), _dump_record(record))
        )

    def raw_relationships(self, size: int) -> Iterator[list[RelationshipRecord]]:
        for page in self._pages("record", "raw_relationship", "1", (), size):
            yield [_record(blob) for (blob,) in page]

    def add_relationship(
        self,
        id: str,
        location: Location,
        rel_type: str,
        from_id: str,
        to_id: str,
        properties: dict[str, Any],
        stored: dict[str, Any] | None,
        defaulted: AbstractSet[str] = frozenset(),
    ) -> Location | None:
        """Stage a valid relationship with what the database holds under its id
        (``stored``); if the id is staged already, return where."""
        blob = _dump(properties)
        try:
            self.db.execute(
                "INSERT INTO relationship"
                " (id, seq, location, type, from_id, to_id, properties, stored, defaulted)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    id,
                    self._next(),
                    _dump_location(location),
                    rel_type,
                    from_id,
                    to_id,
                    blob,
                    _dump(stored) if stored is not None else None,
                    _keys(defaulted),
                ),
            )
        except sqlite3.IntegrityError:
            row = self.db.execute("SELECT location FROM relationship WHERE id = ?", (id,))
            return _location(row.fetchone()[0])
        if self.observer is not None:
            self.observer.staged_relationship(id, rel_type, from_id, to_id, blob)
        return None

    # -- outcomes, for writing and undoing -------------------------------------

    def set_outcomes(self, table: str, outcomes: Iterable[tuple[str, str]]) -> None:
        """(outcome, id) pairs: created, updated or unchanged."""
        # Table names cannot be SQL parameters: only these two are ever formatted in.
        assert table in ("node", "relationship")
        self.db.executemany(f"UPDATE {table} SET outcome = ? WHERE id = ?", outcomes)

    def mark_the_rest_created(self) -> None:
        """Every valid row without an outcome yet is new: what the plan did not
        find in the database."""
        self.db.execute(
            "UPDATE node SET outcome = 'created' WHERE outcome IS NULL AND labels IS NOT NULL"
        )
        self.db.execute("UPDATE relationship SET outcome = 'created' WHERE outcome IS NULL")

    def outcome_counts(self, table: str) -> dict[str, dict[str, int]]:
        """{label set or type: {"created": n, "updated": n, "unchanged": n}} of the
        planned rows."""
        group = {"node": "labels", "relationship": "type"}[table]
        counts: dict[str, dict[str, int]] = {}
        for key, outcome, count in self.db.execute(
            f"SELECT {group}, outcome, count(*) FROM {table}"
            " WHERE outcome IS NOT NULL GROUP BY 1, 2 ORDER BY min(seq)"
        ):
            counts.setdefault(key, {"created": 0, "updated": 0, "unchanged": 0})[outcome] = count
        return counts

    def remember_previous(
        self, kind: str, id: str, properties: dict[str, Any], labels: Iterable[str] = ()
    ) -> None:
        """What an update replaces: the stored properties (and a node's labels)."""
        self.db.execute(
            "INSERT INTO previous (kind, id, properties, labels) VALUES (?, ?, ?, ?)",
            (kind, id, _dump(properties), ":".join(labels)),
        )

    def changes(self) -> int:
        (count,) = self.db.execute(
            "SELECT (SELECT count(*) FROM node WHERE outcome IN ('created', 'updated'))"
            " + (SELECT count(*) FROM relationship WHERE outcome IN ('created', 'updated'))"
        ).fetchone()
        return int(count)

    def changed_nodes(self, size: int) -> Iterator[list[tuple[str, tuple[str, ...], Any, bool]]]:
        """Nodes to write, in file order: (id, labels, properties, whether the plan
        creates it)."""
        columns = "id, labels, properties, outcome, defaulted"
        for page in self._pages(columns, "node", _CHANGED, (), size):
            yield [
                (
                    id,
                    tuple(labels.split(":")),
                    _written(_load(blob), outcome, defaulted),
                    outcome == "created",
                )
                for id, labels, blob, outcome, defaulted in page
            ]

    def part_of_ties(self) -> list[tuple[str, str, Location]]:
        """The staged PART_OF ties: (from id, to id, where in the file)."""
        rows = self.db.execute(
            "SELECT from_id, to_id, location FROM relationship WHERE type = 'PART_OF' ORDER BY seq"
        )
        return [(source, target, _location(location)) for source, target, location in rows]

    def stored_relationships(self, size: int) -> Iterator[list[tuple[str, Any, Any]]]:
        """The staged relationships whose id the database holds, in file order:
        (id, properties, stored properties)."""
        columns = "id, properties, stored, defaulted"
        for page in self._pages(columns, "relationship", "stored IS NOT NULL", (), size):
            yield [
                (id, _given(_load(blob), defaulted), _load(stored))
                for id, blob, stored, defaulted in page
            ]

    def changed_relationships(
        self, size: int
    ) -> Iterator[list[tuple[str, str, str, str, Any, bool]]]:
        """Relationships to write, in file order: (id, type, from id, to id,
        properties, whether the plan creates it)."""
        columns = "id, type, from_id, to_id, properties, outcome, defaulted"
        for page in self._pages(columns, "relationship", _CHANGED, (), size):
            yield [
                (id, t, a, b, _written(_load(blob), outcome, defaulted), outcome == "created")
                for id, t, a, b, blob, outcome, defaulted in page
            ]

    def created(self, table: str, size: int, among_first: int | None = None) -> Iterator[list[str]]:
        """Ids of what the import creates (to delete if it must be undone); with
        ``among_first``, only those among the first rows it writes, in the order
        :meth:`changed_nodes` and :meth:`changed_relationships` give them."""
        if among_first is None:
            for page in self._pages("id", table, "outcome = 'created'", (), size):
                yield [id for (id,) in page]
            return
        left = among_first
        for page in self._pages("id, outcome", table, _CHANGED, (), size):
            rows, left = page[:left], left - len(page)
            yield [id for id, outcome in rows if outcome == "created"]
            if left <= 0:
                return

    def previous(self, kind: str, size: int) -> Iterator[list[dict[str, Any]]]:
        """What updates replaced: {"id", "properties", "labels"} (to restore if undone)."""
        for page in self._pages("id, properties, labels", "previous", "kind = ?", (kind,), size):
            yield [
                {"id": id, "properties": _load(blob), "labels": labels.split(":") if labels else []}
                for id, blob, labels in page
            ]

    def _pages(
        self, columns: str, table: str, condition: str, params: tuple[Any, ...], size: int
    ) -> Iterator[list[tuple[Any, ...]]]:
        """Rows in ``seq`` order, ``size`` at a time (keyset paging: no cursor stays
        open while the caller writes to the store)."""
        assert table in ("node", "relationship", "raw_relationship", "previous")
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT seq, {columns} FROM {table} WHERE ({condition}) AND seq > ?"
                " ORDER BY seq LIMIT ?",
                (*params, last, size),
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [row[1:] for row in rows]


_CHANGED = "outcome IN ('created', 'updated')"


def _keys(defaulted: AbstractSet[str]) -> str | None:
    return ":".join(sorted(defaulted)) if defaulted else None


def _given(properties: dict[str, Any], defaulted: str | None) -> dict[str, Any]:
    """The properties a row gave: its defaults left out."""
    for key in defaulted.split(":") if defaulted else ():
        properties.pop(key, None)
    return properties


def _written(properties: dict[str, Any], outcome: str, defaulted: str | None) -> dict[str, Any]:
    """What a write sets: everything on a new node or relationship; on one the
    database holds, only what the row gave (a default would overwrite a value)."""
    return properties if outcome == "created" else _given(properties, defaulted)


@cache
def _label_set(labels: str) -> frozenset[str]:
    """One shared set per combination of labels: a file has a handful, and every
    relationship checked looks up the labels of both its ends."""
    return frozenset(labels.split(":"))


def _json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values))
