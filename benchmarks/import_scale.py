"""Benchmark: importing a synthetic ecosystem, time and peak memory, against a peer.

    .venv/bin/python benchmarks/import_scale.py --actors 300000
        [--out benchmarks/results/import.json]

Needs a Neo4j the tests may wipe (NEO4J_URI etc., e.g. from ``maillage neo4j env``
of the test server): the database is emptied before each load.

The peer is the bare loader anyone would write first: ``json.load`` the file, then
the same batched ``UNWIND … MERGE`` statements through the official driver, with no
validation, no reference resolution, no created/updated/unchanged plan and no undo.
Both run in a child process of their own, so that each peak resident memory
(``ru_maxrss`` from ``wait4``) is that load's alone.  The ratios say what
validation costs in time, and what staging on disk saves in memory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from graph_service.config import Settings
from graph_service.domain.access import Caller
from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.local_neo4j.runtime import connection_info
from graph_service.repositories.cypher import query
from graph_service.repositories.database import Database
from graph_service.repositories.schema import apply_migrations, empty_database
from graph_service.repositories.transfer import BATCH_SIZE
from graph_service.services.transfer import TransferService
from importers.synthetic import write_json


def _database() -> Database:
    return Database(connection_info(Settings()), timeout_seconds=600)


def _empty(database: Database) -> None:
    empty_database(database, keep_label="MaillageTestDatabase")
    apply_migrations(database)


def _maillage_import(path: Path) -> dict[str, Any]:
    database = _database()
    report = TransferService(database, Caller.operator("benchmark", sensitive=True)).import_file(
        path
    )
    database.close()
    return {"changes": report.changes}


def _bare_load(path: Path) -> dict[str, Any]:
    """The peer: the whole file in memory, then the same MERGE statements."""
    document = json.loads(path.read_text(encoding="utf-8"))
    database = _database()
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for node in document["nodes"]:
        properties = node["properties"]
        by_labels[tuple(node["labels"])].append(
            {"id": properties["id"], "properties": properties, "recorded_at": None, "stamp": True}
        )
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in document["relationships"]:
        by_type[rel["type"]].append(
            {
                "id": rel["properties"]["id"],
                "from_id": rel["from"],
                "to_id": rel["to"],
                "properties": rel["properties"],
                "recorded_at": None,
            }
        )
    written = 0
    with database.driver.session(database=database.connection.database) as session:
        for labels, rows in by_labels.items():
            text = query("imports/merge_nodes", labels=[NodeLabel(label) for label in labels])
            for start in range(0, len(rows), BATCH_SIZE):
                session.run(text, rows=rows[start : start + BATCH_SIZE]).consume()
                written += len(rows[start : start + BATCH_SIZE])
        for rel_type, rows in by_type.items():
            text = query("imports/merge_relationships", rel_type=RelationshipType(rel_type))
            for start in range(0, len(rows), BATCH_SIZE):
                session.run(text, rows=rows[start : start + BATCH_SIZE]).consume()
                written += len(rows[start : start + BATCH_SIZE])
    database.close()
    return {"changes": written}


ROLES = {"maillage": _maillage_import, "bare": _bare_load}


def _in_child(role: str, path: Path) -> dict[str, Any]:
    """Run one load in a process of its own: wall time, peak memory, its output."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--role", role, "--file", str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{role} load failed")
    return {
        "seconds": round(elapsed, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024),
        **json.loads(output),
    }


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run of median time (its memory and output with it)."""
    return sorted(runs, key=lambda run: float(run["seconds"]))[len(runs) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs of each")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/import.json"))
    parser.add_argument("--role", choices=sorted(ROLES), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role:
        print(json.dumps(ROLES[args.role](args.file)))
        return
    database = _database()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.json"
        counts = write_json(path, args.actors, args.seed)
        size = path.stat().st_size
        # Interleaved, then the median of each: one load alone moves by 10-20%
        # with the server's state (its caches, a collection just finished).
        runs: dict[str, list[dict[str, Any]]] = {"maillage": [], "bare": []}
        for _ in range(args.repeat):
            for role in ("maillage", "bare"):
                _empty(database)
                runs[role].append(_in_child(role, path))
                print(role, json.dumps(runs[role][-1]), flush=True)
    database.close()
    records = counts["nodes"] + counts["relationships"]
    ours, peer = _median(runs["maillage"]), _median(runs["bare"])
    row = {
        "actors": args.actors,
        "records": records,
        "file_mib": round(size / 2**20, 1),
        "maillage_import_s": ours["seconds"],
        "maillage_peak_rss_mib": ours["peak_rss_mib"],
        "bare_load_s": peer["seconds"],
        "bare_load_peak_rss_mib": peer["peak_rss_mib"],
        "repeat": args.repeat,
        "time_ratio": round(ours["seconds"] / peer["seconds"], 2),
        "memory_ratio": round(ours["peak_rss_mib"] / peer["peak_rss_mib"], 2),
        "changes": ours["changes"],
    }
    print(json.dumps(row))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(args.out.read_text()) if args.out.is_file() else {"runs": []}
    kept = [r for r in previous["runs"] if r["actors"] != args.actors and "bare_load_s" in r]
    previous["runs"] = sorted([*kept, row], key=lambda r: r["actors"])
    args.out.write_text(json.dumps(previous, indent=2) + "\n")


if __name__ == "__main__":
    main()
