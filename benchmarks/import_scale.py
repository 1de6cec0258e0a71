"""Benchmark: importing a synthetic ecosystem (time and peak memory of the process).

    .venv/bin/python benchmarks/import_scale.py --actors 20000
        [--out benchmarks/results/import.json]

Needs a Neo4j the tests may wipe (NEO4J_URI etc., e.g. from ``maillage neo4j env``
of the test server): the database is emptied first.  The peer is the file itself:
the import's time is reported per record, next to the time to write the file.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from graph_service.config import Settings
from graph_service.repositories.database import Database, connection_info
from graph_service.repositories.schema import apply_migrations
from graph_service.services.transfer import TransferService
from importers.synthetic import write_json


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/import.json"))
    args = parser.parse_args()
    database = Database(connection_info(Settings()), timeout_seconds=600)
    with database.driver.session(database=database.connection.database) as session:
        # CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction.
        session.run(
            "MATCH (n) WHERE NOT n:MaillageTestDatabase "
            "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
    apply_migrations(database)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.json"
        start = time.perf_counter()
        counts = write_json(path, args.actors, args.seed)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        report = TransferService(database).import_file(path)
        imported = time.perf_counter() - start
        size = path.stat().st_size
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    records = counts["nodes"] + counts["relationships"]
    row = {
        "actors": args.actors,
        "records": records,
        "file_mib": round(size / 2**20, 1),
        "generate_s": round(generated, 1),
        "import_s": round(imported, 1),
        "records_per_s": round(records / imported),
        "peak_rss_mib": round(peak_mib),
        "changes": report.changes,
    }
    print(json.dumps(row))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(args.out.read_text()) if args.out.is_file() else {"runs": []}
    previous["runs"] = [r for r in previous["runs"] if r["actors"] != args.actors] + [row]
    args.out.write_text(json.dumps(previous, indent=2) + "\n")
    database.close()


if __name__ == "__main__":
    main()
