"""Backups restore (#11): the whole database to one file, from one snapshot, and
back to an identical graph — accounts and keys included, so that keys keep
working; a restore refuses a database that holds a graph unless told."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.api.app import create_app
from graph_service.cli.transfer import shipped_dataset
from graph_service.domain.access import Role
from graph_service.errors import ConflictError, ImportRejectedError
from graph_service.repositories.database import Database
from graph_service.repositories.schema import apply_migrations, empty_database
from graph_service.services.backup import BackupService
from graph_service.services.transfer import ExportFormat, TransferService
from tests.callers import OPERATOR, VIEWER
from tests.integration.cli import cli_env, run_cli
from tests.integration.conftest import api_settings, issue_key


def _graph(database: Database, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / f"export-{len(list(tmp_path.iterdir()))}.json"
    TransferService(database, OPERATOR).export_file(path, ExportFormat.JSON)
    document = json.loads(path.read_text(encoding="utf-8"))
    return {"nodes": document["nodes"], "relationships": document["relationships"]}


def _audit_count(database: Database) -> int:
    records, _, _ = database.driver.execute_query(
        "MATCH (e:MaillageAudit) RETURN count(e) AS n", database_=database.connection.database
    )
    return int(records[0]["n"])


def test_a_backup_restores_to_an_identical_graph(clean_database: Database, tmp_path: Path) -> None:
    for dataset in ("caac", "inside-allies-example"):
        TransferService(clean_database, OPERATOR).import_file(shipped_dataset(dataset))
    token = issue_key(clean_database, Role.ANALYST, sensitive=True)
    before = _graph(clean_database, tmp_path)
    audit_before = _audit_count(clean_database)
    assert audit_before > 0 and len(before["nodes"]) > 200
    backups = BackupService(clean_database, OPERATOR)
    summary = backups.backup(tmp_path / "backup.zip")
    assert summary.nodes == len(before["nodes"])
    assert summary.relationships == len(before["relationships"])

    # Into a database that holds a graph: refused, nothing changed.
    with pytest.raises(ConflictError):
        backups.restore(tmp_path / "backup.zip")
    # A fresh server: schema only, then the restore.
    empty_database(clean_database, keep_label="MaillageTestDatabase")
    apply_migrations(clean_database)
    restored = backups.restore(tmp_path / "backup.zip")
    assert restored.records == summary.records
    assert _graph(clean_database, tmp_path) == before
    assert _audit_count(clean_database) == audit_before
    with TestClient(create_app(api_settings(), database=clean_database)) as client:
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200 and me.json()["sensitive"] is True

    # Over a graph that changed since: refused unless replaced, then identical again.
    TransferService(clean_database, OPERATOR).import_file(
        _write(tmp_path, {"format": "maillage", "nodes": [_actor("intrus")], "relationships": []})
    )
    backups.restore(tmp_path / "backup.zip", replace=True)
    assert _graph(clean_database, tmp_path) == before


def _actor(id: str) -> dict[str, Any]:
    return {"labels": ["Actor"], "properties": {"id": id, "name": id, "sphere": "market"}}


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "extra.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_file_that_is_not_a_backup_changes_nothing(
    clean_database: Database, tmp_path: Path
) -> None:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    before = _graph(clean_database, tmp_path)
    for content in (b"not a zip", b"PK\x03\x04broken"):
        (tmp_path / "fake.zip").write_bytes(content)
        with pytest.raises(ImportRejectedError):
            BackupService(clean_database, OPERATOR).restore(tmp_path / "fake.zip", replace=True)
    assert _graph(clean_database, tmp_path) == before
    # And only an administrator with the sensitive permission may take one.
    with pytest.raises(Exception, match="role"):
        BackupService(clean_database, VIEWER).backup(tmp_path / "no.zip")
    assert not (tmp_path / "no.zip").exists()


def test_backup_and_restore_from_the_command_line(
    clean_database: Database, neo4j_connection: Any, tmp_path: Path
) -> None:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    before = _graph(clean_database, tmp_path)
    env = cli_env(neo4j_connection)

    def cli(*arguments: str) -> subprocess.CompletedProcess[str]:
        return run_cli(env, *arguments)

    made = cli("backup", str(tmp_path / "cli.zip"))
    assert made.returncode == 0, made.stderr
    assert "Sauvegarde écrite" in made.stdout
    refused = cli("restore", str(tmp_path / "cli.zip"))
    assert refused.returncode == 1 and "--replace" in refused.stderr
    replaced = cli("restore", str(tmp_path / "cli.zip"), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert _graph(clean_database, tmp_path) == before
