"""Imports and exports: read a file, validate all of it against the domain and the
database, then write it (in one transaction, or in undoable steps when it is too
large for one), or write nothing and say why."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction

from graph_service.config import Language
from graph_service.errors import MaillageError
from graph_service.repositories import nodes as node_repo
from graph_service.repositories import projection as projection_repo
from graph_service.repositories import transfer as repo
from graph_service.repositories.database import Database
from graph_service.repositories.nodes import fulltext_phrase
from importers.formats import FileFormat, detect_format, graphml, kumu, maillage_json, tables
from importers.loader import ImportPlan, plan
from importers.records import ImportBatch, ImportProblem, Location, ReadError
from importers.validation import domain_fields, fold, validate

#: Imports up to this many writes go in one transaction (atomic even if the process
#: dies); larger ones in committed steps with compensation (see _write_in_steps).
SINGLE_TRANSACTION_ROWS = 50_000
logger = logging.getLogger(__name__)
#: Rows per committed step of a large import.
STEP_ROWS = 20_000


class ExportFormat(StrEnum):
    JSON = "json"
    GRAPHML = "graphml"
    GEXF = "gexf"
    XLSX = "xlsx"
    CSV = "csv"  # a folder (a zip file through the API)


class ImportRejectedError(MaillageError):
    """422: the file has problems; nothing was written."""

    status_code = 422
    title_key = "import.rejected"
    problem_type = "/problems/import-rejected"

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        super().__init__("import.rejected.detail", count=len(problems))

    def extra(self, language: Language) -> dict[str, Any]:
        return {"errors": [p.render(language) for p in self.problems]}


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
    """What validation asks of the database, within one read transaction."""

    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx = tx

    def labels_by_id(self, ids: list[str]) -> dict[str, set[str] | None]:
        return node_repo.labels_by_id(self.tx, ids)

    def ids_by_name(self, names: list[str]) -> dict[str, list[tuple[str, str]]]:
        # The index finds candidates by phrase; only exact folded matches count.
        queries = [
            {"name": name, "lucene": phrase} for name in names if (phrase := fulltext_phrase(name))
        ]
        found: dict[str, list[tuple[str, str]]] = {}
        for row in repo.candidates_by_name(self.tx, queries):
            spellings = [row["node_name"] or "", *(row["aliases"] or [])]
            if any(fold(spelling) == row["name"] for spelling in spellings):
                found.setdefault(row["name"], []).append((row["id"], row["node_name"]))
        return found

    def relationship_ends(self, ids: list[str]) -> dict[str, tuple[str, str, str]]:
        return {
            rid: (row["type"], row["from_id"], row["to_id"])
            for rid, row in repo.relationship_ends(self.tx, ids).items()
        }


def read_file(path: Path, file_format: FileFormat | None = None) -> ImportBatch:
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
        return graphml.read_gexf(path, domain_fields())
    if path.suffix.lower() == ".json":
        return kumu.read_json(path, kumu.load_json(path), domain_fields())
    return _unreadable_as_workbook(lambda p: kumu.read_xlsx(p, domain_fields()), path)


def _unreadable_as_workbook(reader: Callable[[Path], ImportBatch], path: Path) -> ImportBatch:
    from zipfile import BadZipFile

    try:
        return reader(path)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(
            ImportProblem(Location(path.name), "import.unreadable", values={"error": str(exc)})
        ) from exc


class TransferService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def import_file(
        self,
        path: Path,
        *,
        file_format: FileFormat | None = None,
        dry_run: bool = False,
        progress: Callable[[str, int], None] | None = None,
    ) -> ImportReport:
        """Validate everything first; write only if nothing is wrong (one transaction)."""
        try:
            batch = read_file(path, file_format)
        except ReadError as exc:
            raise ImportRejectedError(exc.problems) from exc
        if progress:
            progress("read", len(batch.nodes) + len(batch.relationships))

        def check(tx: ManagedTransaction) -> tuple[ImportPlan, list[ImportProblem]]:
            validated, problems = validate(batch, DatabaseLookup(tx))
            if problems:
                return ImportPlan(summary={}), problems
            stored_nodes = repo.existing_nodes(tx, [n.properties["id"] for n in validated.nodes])
            stored_rels = repo.relationship_ends(
                tx, [r.properties["id"] for r in validated.relationships]
            )
            return plan(validated, stored_nodes, stored_rels), []

        import_plan, problems = self.database.read(check)
        if problems:
            raise ImportRejectedError(problems)
        if progress:
            progress("validated", import_plan.changes)
        if not dry_run and import_plan.changes:
            if import_plan.changes <= SINGLE_TRANSACTION_ROWS:
                self.database.write(_write_plan, import_plan, progress)
            else:
                self._write_in_steps(import_plan, progress)
        return ImportReport(batch.format, dry_run, import_plan.summary, import_plan.changes)

    def _write_in_steps(
        self, import_plan: ImportPlan, progress: Callable[[str, int], None] | None
    ) -> None:
        """A large import does not fit in one transaction (Neo4j bounds a
        transaction's memory): it is written in committed batches and, if one
        fails, undone: created nodes and relationships deleted, updated ones given
        back their stored properties.  Readers may see it half-written meanwhile."""
        try:
            for labels, rows in sorted(import_plan.node_rows.items()):
                for batch in repo.batches(rows, STEP_ROWS):
                    self.database.write(repo.merge_nodes, labels, batch)
                    if progress:
                        progress("nodes", len(batch))
            for rel_type, rows in sorted(import_plan.relationship_rows.items()):
                for batch in repo.batches(rows, STEP_ROWS):
                    self.database.write(repo.merge_relationships, rel_type, batch)
                    if progress:
                        progress("relationships", len(batch))
        except MaillageError:
            logger.warning("large import failed; undoing what it wrote")
            self.database.write(repo.delete_relationships, import_plan.created_relationships)
            self.database.write(repo.restore_relationships, import_plan.previous_relationships)
            self.database.write(repo.delete_nodes, import_plan.created_nodes)
            self.database.write(repo.restore_nodes, import_plan.previous_nodes)
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
        ``at``, and the nodes at the other end of those."""

        def read(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            ids: list[str] | None = None
            if territory or operation:
                actors = projection_repo.actors_in_scope(
                    tx, territory=territory, operation=operation, spheres=None, period=(at, at)
                )
                ids = [actor["id"] for actor in actors]
            relationships = repo.export_relationships(tx, ids, at)
            if ids is not None:
                ends = {r["from"] for r in relationships} | {r["to"] for r in relationships}
                ids = sorted(set(ids) | ends)
            return repo.export_nodes(tx, ids), relationships

        nodes, relationships = self.database.read(read)
        scope = {
            "territory": territory,
            "operation": operation,
            "at": at.isoformat() if at else None,
        }
        writer = {
            ExportFormat.JSON: maillage_json.write,
            ExportFormat.GRAPHML: graphml.write,
            ExportFormat.GEXF: graphml.write_gexf,
            ExportFormat.XLSX: tables.write_xlsx,
            ExportFormat.CSV: tables.write_csv,
        }[export_format]
        return writer(path, nodes, relationships, scope)


def _write_plan(
    tx: ManagedTransaction, import_plan: ImportPlan, progress: Callable[[str, int], None] | None
) -> None:
    for labels, rows in sorted(import_plan.node_rows.items()):
        repo.merge_nodes(tx, labels, rows)
        if progress:
            progress("nodes", len(rows))
    for rel_type, rows in sorted(import_plan.relationship_rows.items()):
        repo.merge_relationships(tx, rel_type, rows)
        if progress:
            progress("relationships", len(rows))
