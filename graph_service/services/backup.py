"""Backups and restores: the whole database as one file, and back.

A backup is a zip holding ``graph.json`` — the graph as Maillage JSON, which
imports back losslessly — and ``maillage.json``: accounts, API keys (their
hashes, so that keys keep working) and the audit trail.  Both are read in one
read transaction, so they are one consistent snapshot even while the service
keeps writing.  A restore refuses a database that holds a graph unless told to
replace it; the graph goes back through the validated import (all or nothing).
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction

from graph_service import __version__
from graph_service.domain.access import Caller, Role
from graph_service.errors import ConflictError, ReadError
from graph_service.repositories import backup as repo
from graph_service.repositories import transfer as transfer_repo
from graph_service.repositories.database import Database
from graph_service.services.transfer import TransferService
from importers.formats import maillage_json
from importers.records import ImportProblem, Location

FORMAT = "maillage-backup"
GRAPH = "graph.json"
INTERNAL = "maillage.json"


@dataclass(frozen=True)
class BackupSummary:
    nodes: int
    relationships: int
    records: int  # accounts, keys and audit entries


def _encoded(value: Any) -> Any:
    """JSON for internal records: dates and times tagged, so they come back as such."""
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [_encoded(v) for v in value]
    if isinstance(value, dict):
        return {key: _encoded(v) for key, v in value.items()}
    return value


def _decoded(value: Any) -> Any:
    if isinstance(value, dict) and "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if isinstance(value, dict) and "$date" in value:
        return date.fromisoformat(value["$date"])
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    if isinstance(value, dict):
        return {key: _decoded(v) for key, v in value.items()}
    return value


class BackupService:
    def __init__(self, database: Database, caller: Caller, work_dir: Path | None = None) -> None:
        self.database = database
        self.caller = caller
        self.work_dir = work_dir

    def backup(self, path: Path) -> BackupSummary:
        """Write the whole database to ``path`` (a zip), from one read transaction."""
        self.caller.require(Role.ADMIN)
        self.caller.require_sensitive()  # a backup holds every person
        with tempfile.TemporaryDirectory(prefix="maillage-backup-") as folder:
            graph = Path(folder) / GRAPH

            def snapshot(tx: ManagedTransaction) -> tuple[dict[str, int], list[dict[str, Any]]]:
                counts = maillage_json.write(
                    graph,
                    transfer_repo.export_nodes(tx, None),
                    transfer_repo.export_relationships(tx, None, None),
                    {"backup": True},
                )
                return counts, repo.internal_records(tx)

            counts, internal = self.database.read(snapshot)
            document = {
                "format": FORMAT,
                "version": 1,
                "maillage": __version__,
                "created_at": datetime.now(UTC).isoformat(),
                "records": [
                    {"label": r["label"], "properties": _encoded(r["properties"])} for r in internal
                ],
            }
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.write(graph, GRAPH)
                archive.writestr(INTERNAL, json.dumps(document, ensure_ascii=False))
            partial.replace(path)  # never a half-written backup under the real name
        self.caller.note(backup=path.name, **counts)
        return BackupSummary(counts["nodes"], counts["relationships"], len(internal))

    def restore(self, path: Path, *, replace: bool = False) -> BackupSummary:
        """Put a backup back.  A database that holds a graph is refused unless
        ``replace``: then its graph is removed first (accounts and keys of the
        backup are added to those already there)."""
        self.caller.require(Role.ADMIN)
        self.caller.require_sensitive()
        with tempfile.TemporaryDirectory(prefix="maillage-restore-") as folder:
            graph, records = self._unpacked(path, Path(folder))
            nodes, relationships = self.database.read(repo.graph_size)
            if (nodes or relationships) and not replace:
                raise ConflictError("backup.not_empty", nodes=nodes, relationships=relationships)
            transfer = TransferService(self.database, self.caller, self.work_dir)
            # Checked whole before anything is removed: a broken backup changes nothing.
            transfer.import_file(graph, dry_run=True)
            if nodes or relationships:
                repo.clear_graph(self.database)
            report = transfer.import_file(graph)
        self.put_back(
            [{"label": r["label"], "properties": _decoded(r.get("properties"))} for r in records]
        )
        self.caller.note(restore=path.name, replaced=bool(nodes or relationships))
        return BackupSummary(
            _total(report.summary, "nodes"), _total(report.summary, "relationships"), len(records)
        )

    def own_records(self) -> list[dict[str, Any]]:
        """Maillage's own records (accounts, key hashes, audit), to be put back with
        :meth:`put_back` after the store is replaced (a bulk load)."""
        self.caller.require(Role.ADMIN)
        self.caller.require_sensitive()
        return self.database.read(repo.internal_records)

    def put_back(self, records: list[dict[str, Any]]) -> int:
        """Write back records read by :meth:`own_records` (or from a backup)."""
        self.caller.require(Role.ADMIN)
        written = 0
        for label in repo.RESTORE_QUERIES:
            rows = [r["properties"] for r in records if r["label"] == label]
            for start in range(0, len(rows), 5000):
                written += self.database.write(
                    repo.restore_internal, label, rows[start : start + 5000]
                )
        return written

    @staticmethod
    def _unpacked(path: Path, folder: Path) -> tuple[Path, list[dict[str, Any]]]:
        def unreadable(message: str) -> ReadError:
            return ReadError(ImportProblem(Location(path.name), message))

        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if not {GRAPH, INTERNAL} <= names:
                    raise unreadable("backup.not_a_backup")
                archive.extract(GRAPH, folder)
                document = json.loads(archive.read(INTERNAL).decode("utf-8"))
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise unreadable("backup.not_a_backup") from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise unreadable("backup.not_a_backup")
        records = document.get("records")
        if not isinstance(records, list) or not all(
            isinstance(r, dict) and r.get("label") in repo.RESTORE_QUERIES for r in records
        ):
            raise unreadable("backup.not_a_backup")
        return folder / GRAPH, records


def _total(summary: dict[str, dict[str, dict[str, int]]], part: str) -> int:
    return sum(sum(counts.values()) for counts in summary.get(part, {}).values())
