"""The benchmark runner: every benchmark against its peer, in one command, then
``BENCHMARKS.md`` written from what they measured in this run — the machine, the
versions and the date, and for each figure the peer and the ratio.

    .venv/bin/python -m benchmarks.run            # full sizes; writes BENCHMARKS.md
    .venv/bin/python -m benchmarks.run --small --out /tmp/BENCHMARKS.md

``--small`` runs every benchmark at a toy size (a test does, in CI, to keep the
runner working); its numbers say nothing about speed.  The benchmarks that load
data (import, access) need a Neo4j the run may wipe: ``NEO4J_URI`` must name a
test server (one holding nothing, or the marker the tests leave), never real data.
The maps benchmark needs Debian's Chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Benchmark:
    name: str
    script: str
    full: tuple[str, ...]
    small: tuple[str, ...]


BENCHMARKS = (
    Benchmark("brokers", "brokers.py", (), ("--actors", "400", "--repeat", "1")),
    Benchmark(
        "communities",
        "communities.py",
        (),
        ("--actors", "400", "--repeat", "1", "--permutations", "50"),
    ),
    Benchmark(
        "import", "import_scale.py", ("--actors", "20000"), ("--actors", "300", "--repeat", "1")
    ),
    Benchmark(
        "maps",
        "maps.py",
        (),
        ("--actors", "150", "--ties", "300", "--seconds", "1", "--repeat", "1"),
    ),
    Benchmark("access", "access.py", (), ("--requests", "20", "--rounds", "1")),
    Benchmark(
        "national",
        "national.py",
        (),
        (
            *("--actors", "2000", "--queries", "10", "--clients", "4", "--seconds", "2"),
            *("--heap", "512m", "--pagecache", "256m"),
        ),
    ),
)


def _refuse_real_data() -> None:
    """The import benchmark empties the database: only a test server will do."""
    from neo4j import GraphDatabase

    from graph_service.config import Settings
    from graph_service.local_neo4j.runtime import connection_info

    info = connection_info(Settings())
    with GraphDatabase.driver(info.uri, auth=(info.user, info.password)) as driver:
        records, _, _ = driver.execute_query(
            "RETURN COUNT { MATCH (n) WHERE NOT n:MaillageTestDatabase } AS nodes, "
            "COUNT { MATCH (m:MaillageTestDatabase) } AS markers",
            database_=info.database,
        )
        if records[0]["nodes"] and not records[0]["markers"]:
            raise SystemExit(
                f"{info.uri} holds data that no test or benchmark run created: point "
                "NEO4J_URI at a test server (the benchmarks empty it)."
            )
        driver.execute_query("MERGE (:MaillageTestDatabase)", database_=info.database)


def run(benchmarks: tuple[Benchmark, ...], results: Path, small: bool) -> dict[str, Any]:
    measured: dict[str, Any] = {}
    for benchmark in benchmarks:
        out = results / f"{benchmark.name}.json"
        out.unlink(missing_ok=True)  # only this run's figures (import.json would keep old ones)
        arguments = benchmark.small if small else benchmark.full
        # As modules from the checkout, so that one benchmark can use another's graphs.
        module = f"benchmarks.{benchmark.script.removesuffix('.py')}"
        command = [sys.executable, "-m", module, *arguments]
        print(f"== {benchmark.name}: {' '.join(command[1:])}", flush=True)
        subprocess.run([*command, "--out", str(out)], cwd=ROOT, check=True)
        measured[benchmark.name] = json.loads(out.read_text(encoding="utf-8"))
    return measured


def _versions() -> dict[str, str]:
    from graph_service.local_neo4j.runtime import pom_versions

    found = {"python": platform.python_version()}
    for package in ("networkx", "rustworkx", "igraph", "neo4j", "fastapi", "uvicorn"):
        found[package] = version(package)
    pom = pom_versions()
    found.update(
        {"Neo4j": pom["neo4j.version"], "APOC": pom["apoc.version"], "GDS": pom["gds.version"]}
    )
    chromium = subprocess.run(
        ["chromium", "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if chromium:
        found["Chromium"] = chromium.removeprefix("Chromium ").split(" built")[0]
    return found


def _machine() -> str:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        total_kib = int(meminfo.read_text().split()[1])
        memory = f", {total_kib / 2**20:.0f} GiB"
    return f"{platform.platform()}, {os.cpu_count()} cores{memory}"


def _runs_before_and_after(load: dict[str, Any]) -> str:
    """How the LOAD CSV figure was made: the mean of a run before the bulk load and
    one after it (results written before that design have one run)."""
    runs = load.get("runs")
    if not runs:
        return ""
    return f" (mean of {runs[0]} s before the bulk load and {runs[1]} s after it)"


def render(measured: dict[str, Any], small: bool) -> str:
    """BENCHMARKS.md: one table of figures against their peers, then the details."""
    rows: list[tuple[str, str, str, str, str]] = []
    for row in measured["brokers"]["results"]:
        rows.append(
            (
                f"brokers analysis, {row['actors']:,} actors / {row['ties']:,} ties "
                f"({row['graph']})",
                f"{row['maillage_brokers_s']} s, +{row['maillage_peak_mib']} MiB",
                f"rustworkx exact betweenness alone: {row['rustworkx_betweenness_s']} s, "
                f"+{row['rustworkx_peak_mib']} MiB",
                f"{row['ratio']}",
                "≤ 1.5",
            )
        )
    for row in measured["communities"]["results"]:
        rows.append(
            (
                f"silos analysis with Leiden, {row['actors']:,} actors / {row['ties']:,} ties "
                f"({row['graph']}; {row['permutations']:,} permutations; its Leiden alone: "
                f"{row['maillage_leiden_s']} s; with Louvain: "
                f"{row['maillage_silos_louvain_s']} s)",
                f"{row['maillage_silos_s']} s, {row['maillage_communities']} communities, "
                f"+{row['maillage_peak_mib']} MiB",
                f"igraph Leiden alone, same settings: {row['igraph_leiden_s']} s, "
                f"{row['igraph_leiden_communities']} communities, +{row['igraph_peak_mib']} MiB",
                f"{row['ratio']} (Leiden alone: {row['detection_ratio']})",
                "—",
            )
        )
    for row in measured["import"]["runs"]:
        rows.append(
            (
                f"validated import, {row['records']:,} records ({row['actors']:,} actors), "
                f"median of {row.get('repeat', 1)} interleaved runs",
                f"{row['maillage_import_s']} s, {row['maillage_peak_rss_mib']} MiB peak",
                f"bare UNWIND … MERGE loader: {row['bare_load_s']} s, "
                f"{row['bare_load_peak_rss_mib']} MiB",
                f"{row['time_ratio']} (time), {row['memory_ratio']} (memory)",
                "≤ 1.5 (time)",
            )
        )
    maps = measured["maps"]
    ours, peer = maps["median"]["maillage"], maps["median"]["vis_network"]
    graph = maps["graph"]
    rows.append(
        (
            f"map first render, {graph['actors']:,} actors / {graph['ties']:,} ties (Chromium)",
            f"{ours['first_render_ms']} ms, {ours['fps']} frames/s",
            f"vis-network: {peer['first_render_ms']} ms, {peer['fps']} frames/s",
            f"{round(ours['first_render_ms'] / peer['first_render_ms'], 2)} (render)",
            "< 2 s, ≥ 30 frames/s",
        )
    )
    access = measured["access"]
    rows.append(
        (
            "a read with an API key (loopback HTTP, p50)",
            f"{access['with_key']['p50_ms']} ms",
            f"same read without a key: {access['without_key_peer']['p50_ms']} ms",
            f"{access['ratio_p50']}",
            "—",
        )
    )
    national = measured["national"]
    load, bulk = national["load_csv_peer"], national["bulk"]
    rows.append(
        (
            f"bulk load of the national ecosystem, {national['records']:,} records "
            f"({national['actors']:,} actors), checks included",
            f"{bulk['seconds']} s, {bulk['peak_rss_mib']} MiB peak (its server: "
            f"{bulk['server_peak_mib']} MiB)",
            f"Neo4j LOAD CSV of the same CSV files, no checks: {load['seconds']} s"
            + _runs_before_and_after(load)
            + f", its server: {load['server_peak_mib']} MiB peak",
            f"{national['load_ratio']}",
            "< 1",
        )
    )
    admin = national["neo4j_admin_peer"]
    rows.append(
        (
            f"the same bulk load against Neo4j's offline importer, {national['records']:,} records",
            f"{bulk['seconds']} s",
            f"neo4j-admin database import of the same CSV files, no checks, then start and "
            f"schema: {admin['seconds']} s (the import itself: {admin['offline_seconds']} s), "
            f"its server: {admin['server_peak_mib']} MiB peak",
            f"{national['admin_ratio']}",
            "—",
        )
    )
    for kind, peer_name in (
        ("allies", "its surroundings' Cypher alone"),
        ("neighbourhood", "its Cypher alone"),
        ("introductions", "Cypher shortestPath"),
    ):
        figures = national["answers"][kind]
        ours, peer = figures["maillage"], figures["peer"]
        rows.append(
            (
                f"{kind} for a random actor, national graph (p50 / p95 / p99)",
                f"{ours['p50_ms']} / {ours['p95_ms']} / {ours['p99_ms']} ms",
                f"{peer_name}: {peer['p50_ms']} / {peer['p95_ms']} / {peer['p99_ms']} ms",
                f"{figures['ratio_p95']} (p95)",
                "p95 < 200 ms",
            )
        )
    region = national["region"]
    for name, what in (
        ("brokers", f"brokers of a région, {region['brokers']['sample']} sampled sources"),
        ("silos", "silos of a région, 1,000 permutations"),
    ):
        figures = region[name]
        rows.append(
            (
                f"{what}, {figures['actors']:,} actors / {figures['ties']:,} ties, "
                "engine=gds in the database",
                f"{figures['in_database_s']} s",
                f"the same through the Python engine: {figures['python_s']} s",
                f"{figures['ratio']}",
                "in seconds",
            )
        )
    api = national["api"]
    peer = api["driver_neighbourhood_peer"]
    by_round = api["ratio_p95_by_round"]
    for endpoint, what, target in (
        ("neighbourhood", "API neighbourhood, local reader without a key", "≤ 1.5"),
        # A key is how every client but this machine's reads: the same target.
        ("neighbourhood_with_key", "API neighbourhood with a viewer's key", "≤ 1.5"),
        ("allies", "API allies", "—"),
    ):
        figures = api[endpoint]
        ratio = f"{round(figures['p95_ms'] / peer['p95_ms'], 2)} (p95)"
        if endpoint in by_round:
            ratio += f"; by round: {', '.join(str(r) for r in by_round[endpoint])}"
        rows.append(
            (
                f"{what}, {api['clients']} clients, {api['workers']} workers "
                "(p50 / p95 / p99, requests/s)",
                f"{figures['p50_ms']} / {figures['p95_ms']} / {figures['p99_ms']} ms, "
                f"{figures['per_second']}/s; the API's processes: {api['peak_mib']} MiB peak",
                f"neighbourhood Cypher by {api['clients']} driver threads, "
                f"{api['rounds']} rounds interleaved with the API's: {peer['p50_ms']} / "
                f"{peer['p95_ms']} / {peer['p99_ms']} ms, {peer['per_second']}/s",
                ratio,
                target,
            )
        )
    lines = [
        "# Benchmarks",
        "",
        "Written by `python -m benchmarks.run`"
        + (" **--small (toy sizes: these numbers say nothing about speed)**" if small else "")
        + f" on {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}. Every figure comes from",
        "that run, next to the peer measured in the same run on the same machine; the",
        "ratio is Maillage's time over the peer's (below 1: faster than the peer).",
        'Memory: "N MiB peak" is the most resident memory a process held; "+N MiB"',
        "what a computation added, at its peak, beyond its input graph already built",
        "(each side measured once apart, in a fresh process).",
        "",
        f"**Machine**: {_machine()}.",
        "",
        "**Versions**: " + ", ".join(f"{k} {v}" for k, v in _versions().items()) + ".",
        "",
        "| what | Maillage | peer (same run) | ratio | target |",
        "|---|---|---|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
        "## How each is measured",
        "",
    ]
    for benchmark in BENCHMARKS:
        script = ROOT / "benchmarks" / benchmark.script
        doc = (script.read_text(encoding="utf-8").split('"""')[1]).strip().splitlines()
        what = doc[0].removeprefix("Benchmark: ")
        lines += [f"- **{benchmark.name}** (`benchmarks/{benchmark.script}`): {what}"]
    lines += [
        "",
        "The raw results of this run are in `benchmarks/results/*.json`"
        + (" (not kept for a --small run)." if small else "."),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--small", action="store_true", help="toy sizes (CI)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--only", nargs="*", help="benchmark names to run (others skipped)")
    arguments = parser.parse_args()
    _refuse_real_data()
    chosen = tuple(b for b in BENCHMARKS if not arguments.only or b.name in arguments.only)
    if arguments.small:
        with tempfile.TemporaryDirectory() as folder:
            measured = run(chosen, Path(folder), small=True)
    else:
        measured = run(chosen, ROOT / "benchmarks" / "results", small=False)
    if len(chosen) == len(BENCHMARKS):
        arguments.out.write_text(render(measured, arguments.small), encoding="utf-8")
        print(f"written: {arguments.out}")


if __name__ == "__main__":
    main()
