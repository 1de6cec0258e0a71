"""Large imports against a real Neo4j: the file is streamed and staged on disk, so
references resolve across batches, memory does not grow with the file, and a
file that breaks half-way leaves the database as it was."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph_service.config import Language
from graph_service.errors import ImportRejectedError
from graph_service.repositories import transfer as transfer_repo
from graph_service.repositories.database import Database
from graph_service.repositories.schema import apply_migrations, empty_database
from graph_service.services.transfer import ExportFormat, TransferService
from importers import validation
from importers.synthetic import write_csv, write_json
from tests.callers import OPERATOR
from tests.integration.cli import cli_env, run_cli


def _count(database: Database) -> int:
    records, _, _ = database.driver.execute_query(
        "MATCH (n:Entity) WHERE NOT n:SDG RETURN count(n) AS n"
    )
    return int(records[0]["n"])


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 3 records, so that a small file spans many of them."""
    monkeypatch.setattr(validation, "BATCH_SIZE", 3)
    monkeypatch.setattr(transfer_repo, "BATCH_SIZE", 3)


def _actor(id: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "labels": ["Actor"],
        "properties": {"id": id, "name": name, "sphere": "civil_society", **extra},
    }


def _tie(source: str, target: str, **properties: Any) -> dict[str, Any]:
    return {"type": "COOPERATES_WITH", "from": source, "to": target, "properties": properties}


def test_references_resolve_across_batches(
    clean_database: Database, tmp_path: Path, small_batches: None
) -> None:
    """A relationship may name a node by its name or alias many batches away."""
    document = {
        "format": "maillage",
        "nodes": [_actor(f"a-{i}", f"Acteur {i}", aliases=[f"Alias {i}"]) for i in range(20)],
        "relationships": [
            _tie("Acteur 19", "a-0"),
            _tie("a-1", "alias 18"),  # folded: case does not matter
            *(_tie(f"a-{i}", f"a-{i + 1}") for i in range(2, 15)),
        ],
    }
    path = tmp_path / "spread.json"
    path.write_text(json.dumps(document))
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.summary["nodes"]["Actor"]["created"] == 20
    assert report.summary["relationships"]["COOPERATES_WITH"]["created"] == 15
    records, _, _ = clean_database.driver.execute_query(
        "MATCH (a {id: 'a-1'})-[:COOPERATES_WITH]->(b) RETURN b.id AS id"
    )
    assert [r["id"] for r in records] == ["a-18"]
    assert TransferService(clean_database, OPERATOR).import_file(path).changes == 0


def test_duplicates_far_apart_are_found_with_where_they_first_were(
    clean_database: Database, tmp_path: Path, small_batches: None
) -> None:
    document = {
        "format": "maillage",
        "nodes": [_actor(f"a-{i}", f"Acteur {i}") for i in range(10)] + [_actor("a-2", "Encore")],
        "relationships": [_tie("a-0", "a-1", id="tie")]
        + [_tie(f"a-{i}", f"a-{i + 1}") for i in range(2, 8)]
        + [_tie("a-5", "a-6", id="tie")],
    }
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportRejectedError) as caught:
        TransferService(clean_database, OPERATOR).import_file(path)
    problems = [p.render(Language.EN) for p in caught.value.problems]
    assert [(p["sheet"], p["row"], p["column"]) for p in problems] == [
        ("nodes", 11, "id"),
        ("relationships", 8, "id"),
    ]
    assert "#3" in problems[0]["message"] and "#1" in problems[1]["message"]
    assert _count(clean_database) == 0


def test_a_file_broken_half_way_writes_nothing(clean_database: Database, tmp_path: Path) -> None:
    """The JSON reader streams: a file cut short is found out after many records
    have been read, and still nothing is written."""
    path = tmp_path / "cut.json"
    write_json(path, 300, seed=1)
    text = path.read_text()
    path.write_text(text[: len(text) * 3 // 4])
    with pytest.raises(ImportRejectedError) as caught:
        TransferService(clean_database, OPERATOR).import_file(path)
    (problem,) = [p.render(Language.FR) for p in caught.value.problems]
    assert problem["file"] == "cut.json" and "illisible" in problem["message"].lower()
    assert _count(clean_database) == 0


def test_beyond_the_limit_problems_are_counted_not_listed(
    clean_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation, "MAX_PROBLEMS", 3)
    document = {
        "format": "maillage",
        "nodes": [_actor(f"a-{i}", f"Acteur {i}", sphere="nowhere") for i in range(7)],
    }
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportRejectedError) as caught:
        TransferService(clean_database, OPERATOR).import_file(path)
    problems = [p.render(Language.EN) for p in caught.value.problems]
    assert [p["row"] for p in problems] == [1, 2, 3, None]
    assert "4 more problems" in problems[-1]["message"]


def _peak(work: Callable[[], object]) -> int:
    """Peak Python memory traced while ``work`` runs."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _validation_peak(database: Database, path: Path) -> int:
    return _peak(lambda: TransferService(database, OPERATOR).import_file(path, dry_run=True))


def test_memory_does_not_grow_with_the_file(
    clean_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Peak Python memory of checking a file four times larger stays about the
    same (held in memory, the records would make it grow fourfold)."""
    monkeypatch.setattr(validation, "BATCH_SIZE", 200)
    monkeypatch.setattr(transfer_repo, "BATCH_SIZE", 200)
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    write_json(small, 1_000, seed=2)
    write_json(large, 4_000, seed=2)
    _validation_peak(clean_database, small)  # imports and caches warmed up
    peak_small = _validation_peak(clean_database, small)
    peak_large = _validation_peak(clean_database, large)
    assert peak_large < 1.5 * peak_small, (peak_small, peak_large)


def test_synthetic_csv_folder_is_the_same_ecosystem_as_its_json(
    clean_database: Database, tmp_path: Path
) -> None:
    json_file, csv_folder = tmp_path / "synthetic.json", tmp_path / "synthetic-csv"
    counts = write_json(json_file, 300, seed=4)
    assert write_csv(csv_folder, 300, seed=4) == counts
    service = TransferService(clean_database, OPERATOR)
    assert service.import_file(csv_folder).changes == counts["nodes"] + counts["relationships"]
    assert service.import_file(json_file).changes == 0
    exported = tmp_path / "exported.json"
    seeded_sdgs = 17
    assert service.export_file(exported, ExportFormat.JSON) == {
        "nodes": counts["nodes"] + seeded_sdgs,
        "relationships": counts["relationships"],
    }


def _export_peak(database: Database, path: Path) -> int:
    return _peak(lambda: TransferService(database, OPERATOR).export_file(path, ExportFormat.JSON))


def test_a_whole_graph_json_export_streams(clean_database: Database, tmp_path: Path) -> None:
    """Exporting a graph four times larger takes about the same memory: the JSON
    writer consumes the database's results as they stream in."""
    service = TransferService(clean_database, OPERATOR)
    peaks = []
    for actors in (1_000, 4_000):
        empty_database(clean_database, keep_label="MaillageTestDatabase")
        apply_migrations(clean_database)
        source = tmp_path / f"synthetic-{actors}.json"
        write_json(source, actors, seed=3)
        service.import_file(source)
        _export_peak(clean_database, tmp_path / "warm-up.json")
        peaks.append(_export_peak(clean_database, tmp_path / f"export-{actors}.json"))
    assert peaks[1] < 1.5 * peaks[0], peaks
    exported = json.loads((tmp_path / "export-4000.json").read_text())
    assert len(exported["nodes"]) > 4_000


def test_a_stored_relationship_id_keeps_its_ends(
    clean_database: Database, tmp_path: Path, small_batches: None
) -> None:
    """A file may update a stored relationship under its id, never move it to other
    ends: the id is refused with the stored ends named, and nothing is written."""
    service = TransferService(clean_database, OPERATOR)
    first = tmp_path / "first.json"
    actors = [_actor(f"a-{i}", f"Acteur {i}") for i in range(6)]
    first.write_text(
        json.dumps(
            {"format": "maillage", "nodes": actors, "relationships": [_tie("a-0", "a-1", id="t")]}
        )
    )
    service.import_file(first)
    updated = tmp_path / "updated.json"
    updated.write_text(
        json.dumps(
            {
                "format": "maillage",
                "nodes": actors,
                "relationships": [_tie("a-0", "a-1", id="t", strength=3)],
            }
        )
    )
    assert service.import_file(updated, dry_run=True).summary["relationships"] == {
        "COOPERATES_WITH": {"created": 0, "updated": 1, "unchanged": 0}
    }
    moved = tmp_path / "moved.json"
    moved.write_text(
        json.dumps(
            {
                "format": "maillage",
                "nodes": actors,
                "relationships": [
                    *(_tie(f"a-{i}", f"a-{i + 1}") for i in range(1, 5)),
                    _tie("a-2", "a-3", id="t", strength=2),
                ],
            }
        )
    )
    with pytest.raises(ImportRejectedError) as caught:
        service.import_file(moved)
    (problem,) = [p.render(Language.EN) for p in caught.value.problems]
    assert (problem["row"], problem["column"], problem["value"]) == (5, "id", "t")
    assert "a-0" in problem["message"] and "a-1" in problem["message"]
    records, _, _ = clean_database.driver.execute_query(
        "MATCH ()-[r:COOPERATES_WITH]->() RETURN count(r) AS n"
    )
    assert records[0]["n"] == 1


# --- an import killed half-way ----------------------------------------------------------

#: Runs `maillage import FILE` with small committed steps, each followed by a pause,
#: so that the test can kill the process after its first step.
_SLOW_IMPORT = """
import sys, time
import graph_service.services.transfer as transfer
transfer.SINGLE_TRANSACTION_ROWS = 10
transfer.STEP_ROWS = 40
merge = transfer.repo.merge_nodes
def slowly(*args, **kwargs):
    written = merge(*args, **kwargs)
    time.sleep(1.0)
    return written
transfer.repo.merge_nodes = slowly
from graph_service.cli.main import run
sys.argv = ["maillage", "import", sys.argv[1]]
run()
"""


def _snapshot(database: Database) -> tuple[list[Any], int]:
    records, _, _ = database.driver.execute_query(
        "MATCH (n:Entity) WHERE NOT n:SDG RETURN n.id AS id, n.name AS name ORDER BY id"
    )
    relationships, _, _ = database.driver.execute_query(
        "MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n"
    )
    return [(r["id"], r["name"]) for r in records], int(relationships[0]["n"])


def test_an_import_killed_after_its_first_step_is_undone_at_the_next_start(
    clean_database: Database, neo4j_connection: Any, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys
    import time

    first = {"format": "maillage", "nodes": [_actor("kept", "Avant")], "relationships": []}
    (tmp_path / "first.json").write_text(json.dumps(first), encoding="utf-8")
    TransferService(clean_database, OPERATOR).import_file(tmp_path / "first.json")
    before = _snapshot(clean_database)
    # 200 new actors and an update of the stored one, then ties: many steps.
    nodes = [_actor("kept", "Après")] + [_actor(f"n-{i}", f"Nouveau {i}") for i in range(200)]
    ties = [_tie(f"n-{i}", f"n-{i + 1}") for i in range(199)]
    document = {"format": "maillage", "nodes": nodes, "relationships": ties}
    (tmp_path / "big.json").write_text(json.dumps(document), encoding="utf-8")
    env = cli_env(neo4j_connection, MAILLAGE_DATA_DIR=str(tmp_path / "data"))
    errors = tmp_path / "import-errors.txt"
    with errors.open("wb") as stderr:
        importing = subprocess.Popen(
            [sys.executable, "-c", _SLOW_IMPORT, str(tmp_path / "big.json")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    deadline = time.monotonic() + 120
    while _snapshot(clean_database)[0] == before[0]:
        assert importing.poll() is None, errors.read_text()
        assert time.monotonic() < deadline, "the import never wrote its first step"
        time.sleep(0.1)
    importing.send_signal(signal.SIGKILL)
    importing.wait(timeout=30)
    half_written = _snapshot(clean_database)
    assert half_written != before
    folders = list((tmp_path / "data" / "imports").glob("import-*"))
    assert len(folders) == 1 and (folders[0] / "journal.json").is_file()

    # Maillage runs again: the interrupted import is taken back, its folder removed.
    again = run_cli(env, "db", "init")
    assert again.returncode == 0, again.stderr
    assert "big.json" in again.stdout and "comme avant" in again.stdout
    assert _snapshot(clean_database) == before
    assert list((tmp_path / "data" / "imports").glob("import-*")) == []
    trail = clean_database.driver.execute_query(
        "MATCH (e:MaillageAudit {action: 'import.undone'}) RETURN e.target AS file"
    )[0]
    assert [r["file"] for r in trail] == ["big.json"]


def test_import_folders_are_removed_whatever_happens(
    clean_database: Database, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    service = TransferService(clean_database, OPERATOR, work)
    good = {"format": "maillage", "nodes": [_actor("a", "A")], "relationships": []}
    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    service.import_file(tmp_path / "good.json")
    (tmp_path / "bad.json").write_text('{"format": "maillage", "nodes": [{', encoding="utf-8")
    with pytest.raises(ImportRejectedError):
        service.import_file(tmp_path / "bad.json")
    assert list(work.iterdir()) == []
