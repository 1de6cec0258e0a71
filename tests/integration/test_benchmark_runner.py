"""The benchmark runner keeps working: at toy sizes, every benchmark runs against
its peer and BENCHMARKS.md is written with the machine, the versions and a ratio
per figure (the real run, at full sizes, is `python -m benchmarks.run`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from graph_service.repositories.database import Database
from tests.integration.cli import cli_env

ROOT = Path(__file__).resolve().parents[2]


def test_the_runner_writes_benchmarks_md_at_toy_sizes(
    clean_database: Database, neo4j_connection: Any, tmp_path: Path
) -> None:
    out = tmp_path / "BENCHMARKS.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--small", "--out", str(out)],
        cwd=ROOT,
        env=cli_env(neo4j_connection),
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    written = out.read_text(encoding="utf-8")
    assert "--small" in written and "**Machine**" in written and "Neo4j 5.26" in written
    table = [line for line in written.splitlines() if line.startswith("| ") and "---" not in line]
    # The header, then brokers ×2, silos ×2, import, maps, access, and the national
    # run: bulk load against LOAD CSV and against neo4j-admin, allies, neighbourhood,
    # introductions, a région's brokers and silos, API neighbourhood (without and
    # with a key) and allies.
    assert len(table) == 1 + 7 + 10
    for row in table[1:]:
        ratio = row.split(" | ")[3]
        assert float(ratio.split()[0]) > 0, row
    for peer in (
        "rustworkx",
        "UNWIND",
        "vis-network",
        "without a key",
        "LOAD CSV",
        "before the bulk load and",
        "neo4j-admin database import",
        "igraph Leiden",
        "through the Python engine",
        "shortestPath",
        "driver threads",
        "rounds interleaved",
    ):
        assert peer in written
    # Each side's peak memory: both sides of the analyses, both loads' servers, the API.
    brokers = next(row for row in table if row.startswith("| brokers analysis"))
    assert brokers.count(" MiB") == 2 and "+" in brokers.split(" | ")[2]
    bulk = next(row for row in table if row.startswith("| bulk load"))
    assert bulk.count("MiB") == 3
    assert "the API's processes:" in next(row for row in table if "API allies" in row)
