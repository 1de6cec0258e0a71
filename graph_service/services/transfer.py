"""Imports and exports: read a file, validate all of it against the domain and the
database, then write it (in one transaction, or in undoable steps when it is too
large for one), or write nothing and say why.  Imports are staged on disk as they
are read, so that a file of a million rows imports with bounded memory."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction

from graph_service.domain.access import Caller, Role
from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.errors import (
    ConflictError,
    ForbiddenError,
    ImportRejectedError,
    MaillageError,
    QueryTimeoutError,
    ReadError,
)
from graph_service.repositories import backup as backup_repo
from graph_service.repositories import nodes as node_repo
from graph_service.repositories import projection as projection_repo
from graph_service.repositories import transfer as repo
from graph_service.repositories.database import Database
from graph_service.repositories.nodes import fulltext_phrase
from graph_service.services.audit import AuditService
from graph_service.services.journal import ImportFolder, default_work_dir
from graph_service.services.references import ReferenceResolver
from importers.bulk_files import EarlyFiles
from importers.formats import (
    FileFormat,
    admin_csv,
    detect_format,
    gexf,
    graphml,
    kumu,
    maillage_json,
    tables,
)
from importers.loader import node_writes, plan, read_ahead, relationship_writes
from importers.records import ImportProblem, Location, Record, RecordStream
from importers.staging import Staging
from importers.validation import domain_fields, fold, validate

#: Imports up to this many writes go in one transaction (atomic even if the process
#: dies); larger ones in committed steps with compensation (see _write_in_steps).
SINGLE_TRANSACTION_ROWS = 50_000
logger = logging.getLogger(__name__)
#: Rows per committed step of a large import.  Smaller transactions commit faster
#: than they cost in round trips: a 20,000-actor file (69,824 writes) imported in
#: 5.3-5.8 s with steps of 5,000 rows against 6.3-6.5 s with steps of 20,000, and a
#: 100,000-actor one in 28.4 s against 31.1 s (2,500 was no faster than 5,000).
STEP_ROWS = 5_000
#: Records between two progress reports while reading.
PROGRESS_EVERY = 10_000


class ExportFormat(StrEnum):
    JSON = "json"
    GRAPHML = "graphml"
    GEXF = "gexf"
    XLSX = "xlsx"
    CSV = "csv"  # a folder (a zip file through the API)


@dataclass
class ImportReport:
    format: str
    dry_run: bool
    summary: dict[str, dict[str, dict[str, int]]]
    changes: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "dry_run": self.dry_run,
            "written": not self.dry_run,
            "changes": self.changes,
            "summary": self.summary,
        }


class DatabaseLookup:
    """What validation asks of the database, each question in a short read
    transaction (validation of a large file takes a while; no transaction should).

    An import into an empty graph (the first load of a territory, every bulk
    load) asks nothing per batch: the database's counts say at the start that no
    relationship is stored and which few nodes are (the seeded SDGs), and those
    answer every identity and relationship-id check.  A node written meanwhile by
    another request is not seen, as it would not be between any batch's check and
    the writes."""

    def __init__(self, database: Database) -> None:
        self.database = database
        nodes, relationships = database.read(repo.graph_counts)
        #: Every stored node's labels, when the graph holds nothing else than the SDGs.
        self._every_node = database.read(repo.all_node_labels) if nodes == 0 else None
        self._no_relationships = relationships == 0

    def labels_by_id(self, ids: list[str]) -> dict[str, set[str] | None]:
        if self._every_node is not None:
            return {id: self._every_node.get(id) for id in ids}
        return self.database.read(node_repo.labels_by_id, ids)

    def stored_nodes(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Labels and properties of the stored nodes among ``ids`` (the import's plan)."""
        if self._every_node is not None:
            ids = [id for id in ids if id in self._every_node]
            if not ids:
                return {}
        return self.database.read(repo.existing_nodes, ids)

    def ids_by_name(self, names: list[str]) -> dict[str, list[tuple[str, str]]]:
        # The index finds candidates by phrase; only exact folded matches count.
        queries = [
            {"name": name, "lucene": phrase} for name in names if (phrase := fulltext_phrase(name))
        ]
        found: dict[str, list[tuple[str, str]]] = {}
        for row in self.database.read(repo.candidates_by_name, queries):
            spellings = [row["node_name"] or "", *(row["aliases"] or [])]
            if any(fold(spelling) == row["name"] for spelling in spellings):
                found.setdefault(row["name"], []).append((row["id"], row["node_name"]))
        return found

    def stored_relationships(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        if self._no_relationships:
            return {}
        return self.database.read(repo.relationship_ends, ids)

    def part_of_above(self, ids: list[str]) -> list[tuple[str, str]]:
        if self._no_relationships:
            return []
        return self.database.read(repo.part_of_above, ids)


@contextmanager
def _collector_passes_over_older_objects() -> Iterator[None]:
    """Python's cycle collector, while an import runs, leaves alone the objects
    alive before it (modules, models, the driver: hundreds of thousands).

    An import allocates millions of short-lived containers; batches of them live
    long enough to reach the collector's oldest generation, whose every
    collection then walked all those older objects again.  That was a quarter of
    the checks' time (a 100,000-actor file: 13.3 s, 10.3 s with them set aside;
    ``gc.freeze``).  New objects are collected as before, so memory stays
    bounded; afterwards everything is collectable again — unless the process had
    set its own start-up objects aside (an API worker does): then what is alive
    is set aside again, after one full collection so that no garbage is kept.
    Two imports at once in one process may end each other's bracket early: the
    cost is speed, never correctness."""
    set_aside_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        if set_aside_before:
            gc.collect()
            gc.freeze()


def read_file(path: Path, file_format: FileFormat | None = None) -> RecordStream:
    """Read ``path`` with the reader of its format (detected unless given)."""
    chosen = file_format or detect_format(path)
    if chosen is FileFormat.JSON:
        return maillage_json.read(path)
    if chosen is FileFormat.CSV:
        return tables.read_csv(path)
    if chosen is FileFormat.XLSX:
        return _unreadable_as_workbook(tables.read_xlsx, path)
    if chosen is FileFormat.GRAPHML:
        return graphml.read(path, domain_fields())
    if chosen is FileFormat.GEXF:
        return gexf.read(path, domain_fields())
    if path.suffix.lower() == ".json":
        return kumu.read_json(path, kumu.load_json(path), domain_fields())
    return _unreadable_as_workbook(lambda p: kumu.read_xlsx(p, domain_fields()), path)


def _unreadable_as_workbook(reader: Callable[[Path], RecordStream], path: Path) -> RecordStream:
    from zipfile import BadZipFile

    try:
        return reader(path)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(
            ImportProblem(Location(path.name), "import.unreadable", values={"error": str(exc)})
        ) from exc


#: What a file may only carry for a caller with the sensitive permission.
_SENSITIVE_NODES = {NodeLabel.PERSON.value}
_SENSITIVE_TIES = {RelationshipType.WORKS_IN.value, RelationshipType.SUPPORTS.value}


class TransferService:
    """Imports (editors; persons only with the sensitive permission) and exports
    (analysts; a caller without the permission gets a public export, persons and
    their ties left out)."""

    def __init__(self, database: Database, caller: Caller, work_dir: Path | None = None) -> None:
        self.database = database
        self.caller = caller
        #: Where imports stage what they read (see :mod:`graph_service.services.journal`).
        self.work_dir = work_dir or default_work_dir()

    def import_file(
        self,
        path: Path,
        *,
        file_format: FileFormat | None = None,
        dry_run: bool = False,
        progress: Callable[[str, int], None] | None = None,
    ) -> ImportReport:
        """Validate and plan everything first, then write only if nothing is wrong.

        What is read is staged on disk (see :mod:`importers.staging`), so memory
        stays bounded by a batch whatever the size of the file."""
        self.caller.require(Role.EDITOR)
        with (
            _collector_passes_over_older_objects(),
            ImportFolder.create(self.work_dir, path.name) as folder,
        ):
            staging = Staging(folder.path)
            try:
                return self._import(path, staging, file_format, dry_run, progress, folder)
            finally:
                staging.close()

    def _validated(
        self,
        path: Path,
        staging: Staging,
        file_format: FileFormat | None,
        progress: Callable[[str, int], None] | None,
    ) -> tuple[str, dict[str, dict[str, dict[str, int]]]]:
        """Read and check the whole file into ``staging`` and plan its writes against
        the database: (the file's format, the plan's summary).  Nothing is written;
        a wrong file is an :class:`ImportRejectedError` listing every problem."""
        try:
            stream = read_file(path, file_format)
            lookup = DatabaseLookup(self.database)
            problems = validate(_counted(stream, progress), lookup, staging)
        except ReadError as exc:
            raise ImportRejectedError(exc.problems) from exc
        if problems:
            raise ImportRejectedError([stream.as_written(problem) for problem in problems])
        summary = plan(staging, lookup.stored_nodes, repo.BATCH_SIZE)
        self._check_sensitive(summary)
        return stream.format, summary

    def prepare_bulk(
        self,
        path: Path,
        folder: Path,
        *,
        file_format: FileFormat | None = None,
        progress: Callable[[str, int], None] | None = None,
    ) -> tuple[ImportReport, admin_csv.AdminFiles]:
        """The first half of a bulk load into an empty database: the same
        validation as every import (a wrong file prepares nothing), then the files
        Neo4j's offline importer reads, written into ``folder``.  The caller stops
        the server, runs the importer and starts it again (:mod:`graph_service.local_neo4j`).
        Refused (409) when the database already holds a graph: the offline
        importer replaces the whole store."""
        self.caller.require(Role.ADMIN)
        nodes, relationships = self.database.read(backup_repo.graph_size)
        if nodes or relationships:
            raise ConflictError("bulk.not_empty", nodes=nodes, relationships=relationships)
        now = datetime.now(UTC)
        early_folder, planned_folder = folder / "early", folder / "planned"
        with (
            _collector_passes_over_older_objects(),
            ImportFolder.create(self.work_dir, path.name) as work,
            EarlyFiles(early_folder, now) as early,
        ):
            staging = Staging(work.path, observer=early)
            try:
                found_format, summary = self._validated(path, staging, file_format, progress)
                try:
                    if early.covers(summary):
                        files = early.finish()
                    else:
                        # The plan writes something the early files lack (a
                        # changed SDG): written again from the plan.
                        early.abandon()
                        files = admin_csv.write(
                            planned_folder,
                            lambda: node_writes(staging, STEP_ROWS),
                            lambda: relationship_writes(staging, STEP_ROWS),
                            now=now,
                        )
                except admin_csv.MixedTypesError as exc:
                    # A free x_… property may hold a number here and a date there:
                    # Cypher stores that, the offline importer's typed columns cannot.
                    raise ConflictError(
                        "bulk.mixed_types",
                        group=exc.group,
                        key=exc.key,
                        first=exc.first,
                        second=exc.second,
                    ) from exc
                changes = staging.changes()
            finally:
                staging.close()
        self.caller.note(file=path.name, format=found_format, bulk=True, changes=changes)
        return ImportReport(found_format, False, summary, changes), files

    def complete_bulk(self, files: admin_csv.AdminFiles) -> None:
        """The second half of a bulk load, once the server holds the new store: the
        empty lists the offline importer could not write."""
        self.caller.require(Role.ADMIN)
        repo.fill_empty_lists(self.database, files.empty_node_lists, files.empty_relationship_lists)

    def _import(
        self,
        path: Path,
        staging: Staging,
        file_format: FileFormat | None,
        dry_run: bool,
        progress: Callable[[str, int], None] | None,
        folder: ImportFolder,
    ) -> ImportReport:
        found_format, summary = self._validated(path, staging, file_format, progress)
        changes = staging.changes()
        self.caller.note(file=path.name, format=found_format, dry_run=dry_run, changes=changes)
        if progress:
            progress("validated", changes)
        if not dry_run and changes:
            if changes <= SINGLE_TRANSACTION_ROWS:
                self.database.write(_write_staged, staging, progress)
            else:
                self._write_in_steps(staging, progress, folder)
        return ImportReport(found_format, dry_run, summary, changes)

    def _check_sensitive(self, summary: dict[str, dict[str, dict[str, int]]]) -> None:
        labels = {part for key in summary.get("nodes", {}) for part in key.split(":")}
        types = set(summary.get("relationships", {}))
        if (labels & _SENSITIVE_NODES or types & _SENSITIVE_TIES) and not self.caller.sensitive:
            raise ForbiddenError("error.forbidden.sensitive")

    def _write_in_steps(
        self,
        staging: Staging,
        progress: Callable[[str, int], None] | None,
        folder: ImportFolder,
    ) -> None:
        """A large import does not fit in one transaction (Neo4j bounds a
        transaction's memory): it is written in committed batches and, if one
        fails, undone: created nodes and relationships deleted, updated ones given
        back their stored properties.  Readers may see it half-written meanwhile.
        If the process dies instead, the journal written before the first step
        lets the next start undo it (:func:`recover_interrupted_imports`)."""
        staging.persist()
        folder.mark_writing()
        step: tuple[str, list[str]] = ("node", [])
        # Rows handed to the database so far, by kind: the steps come in the
        # staging store's order, so the undo knows which rows were never reached.
        handed = {"node": 0, "relationship": 0}
        try:
            with read_ahead(node_writes(staging, STEP_ROWS)) as node_steps:
                for labels, rows in node_steps:
                    step = ("node", [row["id"] for row in rows])
                    handed["node"] += len(rows)
                    self.database.write(repo.merge_nodes, labels, rows)
                    if progress:
                        progress("nodes", len(rows))
            with read_ahead(relationship_writes(staging, STEP_ROWS)) as relationship_steps:
                for rel_type, rel_rows in relationship_steps:
                    step = ("relationship", [row["id"] for row in rel_rows])
                    handed["relationship"] += len(rel_rows)
                    self.database.write(repo.merge_relationships, rel_type, rel_rows)
                    if progress:
                        progress("relationships", len(rel_rows))
        except MaillageError as exc:
            logger.warning("large import failed; undoing what it wrote")
            # A step the database refused (an id someone else has just created, a
            # timeout) was rolled back whole: what it would have created is not
            # this import's to delete.  Any other failure may have committed.
            refused = step if isinstance(exc, ConflictError | QueryTimeoutError) else None
            undo_import(self.database, staging, refused, _reached(handed))
            raise

    def export_file(
        self,
        path: Path,
        export_format: ExportFormat,
        *,
        territory: str | None = None,
        operation: str | None = None,
        at: date | None = None,
    ) -> dict[str, int]:
        """Write the graph, or the part scoped like an analysis: the actors of a
        territory (with sub-territories) or an operation, their relationships valid
        ``at``, and the nodes at the other end of those.  Without the sensitive
        permission, persons and the ties that touch them are left out."""
        self.caller.require(Role.ANALYST)
        hide = not self.caller.sensitive
        # A scope is asked by id, name or alias; one that names nothing is an error
        # naming the option, not an empty file.
        resolver = ReferenceResolver(self.database)
        if territory is not None:
            territory = resolver.resolve(NodeLabel.TERRITORY, territory, "territory")
        if operation is not None:
            operation = resolver.resolve(NodeLabel.OPERATION, operation, "operation")

        scope = {
            "territory": territory,
            "operation": operation,
            "at": at.isoformat() if at else None,
        }
        writer = {
            ExportFormat.JSON: maillage_json.write,
            ExportFormat.GRAPHML: graphml.write,
            ExportFormat.GEXF: gexf.write,
            ExportFormat.XLSX: tables.write_xlsx,
            ExportFormat.CSV: tables.write_csv,
        }[export_format]

        def write(tx: ManagedTransaction) -> dict[str, int]:
            # The writer consumes the results as they stream in, inside the read
            # transaction: a whole-graph JSON export never holds the graph in memory.
            if not (territory or operation):
                return writer(
                    path,
                    repo.export_nodes(tx, None, hide_persons=hide),
                    repo.export_relationships(tx, None, at, hide_persons=hide),
                    scope,
                )
            actors = projection_repo.actors_in_scope(
                tx, territory=territory, operation=operation, spheres=None, period=(at, at)
            )
            ids = [actor["id"] for actor in actors]
            relationships = list(repo.export_relationships(tx, ids, at, hide_persons=hide))
            ends = {r["from"] for r in relationships} | {r["to"] for r in relationships}
            nodes = repo.export_nodes(tx, sorted(set(ids) | ends), hide_persons=hide)
            return writer(path, nodes, relationships, scope)

        counts = self.database.read(write)
        self.caller.note(export=export_format.value, public=hide, **scope)
        if not hide:
            self.caller.note(sensitive_read="export")
        return counts


def _reached(handed: dict[str, int]) -> dict[str, int]:
    """How many rows of each kind the writes may have reached, in the staging
    store's order: every page of :data:`STEP_ROWS` rows they started (a page's
    steps, one per label set or type, come before the next page's)."""
    return {kind: -(-rows // STEP_ROWS) * STEP_ROWS for kind, rows in handed.items()}


def undo_import(
    database: Database,
    staging: Staging,
    refused: tuple[str, list[str]] | None = None,
    reached: dict[str, int] | None = None,
) -> None:
    """Take back what a large import wrote: created relationships and nodes deleted,
    updated ones given back their stored properties (each step idempotent, so an
    undo that is itself cut short is simply run again).  ``refused``: the kind and
    ids of a step the database rolled back, whose ids are left alone; ``reached``:
    how many rows of each kind the writes may have reached (the ids the plan
    creates beyond were never written, and may be someone else's by now).
    Without them (the process died), everything the plan creates is deleted."""
    kind, left_alone = refused or ("", [])
    spared = set(left_alone)

    def created(table: str) -> Iterator[list[str]]:
        among_first = reached[table] if reached is not None else None
        for ids in staging.created(table, STEP_ROWS, among_first):
            kept = [id for id in ids if kind != table or id not in spared]
            if kept:
                yield kept

    for ids in created("relationship"):
        database.write(repo.delete_relationships, ids)
    for previous in staging.previous("relationship", STEP_ROWS):
        database.write(repo.restore_relationships, previous)
    for ids in created("node"):
        database.write(repo.delete_nodes, ids)
    for previous in staging.previous("node", STEP_ROWS):
        database.write(repo.restore_nodes, previous)


def recover_interrupted_imports(database: Database, work_dir: Path | None = None) -> list[str]:
    """Undo every large import whose process died while writing, and remove the
    folders of imports that died earlier; returns the files undone.  Run at every
    start (API, ``db init``, ``import``)."""
    undone = []
    for folder in ImportFolder.abandoned(work_dir or default_work_dir()):
        if folder.was_writing():
            staging = Staging(folder.path, existing=True)
            try:
                undo_import(database, staging)
            finally:
                staging.close()
            undone.append(folder.file_name())
            logger.warning("undid the interrupted import of %s", folder.file_name())
            AuditService(database).record(
                Caller("maillage", Role.ADMIN),
                "import.undone",
                target=folder.file_name(),
                details={"reason": "the importing process died while writing"},
            )
        folder.remove()
    return undone


def _counted(stream: RecordStream, progress: Callable[[str, int], None] | None) -> RecordStream:
    """The same stream, telling ``progress`` how many records have been read."""
    if progress is None:
        return stream

    def records() -> Iterator[Record]:
        count = 0
        for count, record in enumerate(stream.records, start=1):
            if count % PROGRESS_EVERY == 0:
                progress("read", count)
            yield record
        progress("read", count)

    return RecordStream(stream.format, records(), stream.column_titles)


def _write_staged(
    tx: ManagedTransaction, staging: Staging, progress: Callable[[str, int], None] | None
) -> None:
    for labels, rows in node_writes(staging, repo.BATCH_SIZE):
        repo.merge_nodes(tx, labels, rows)
        if progress:
            progress("nodes", len(rows))
    for rel_type, rel_rows in relationship_writes(staging, repo.BATCH_SIZE):
        repo.merge_relationships(tx, rel_type, rel_rows)
        if progress:
            progress("relationships", len(rel_rows))
