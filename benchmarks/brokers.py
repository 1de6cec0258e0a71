"""Benchmark: the full brokers analysis against rustworkx's exact betweenness alone.

Target (analyses issue): the whole brokers analysis of a 10,000-actor /
50,000-tie graph within 1.5x the time rustworkx needs for exact betweenness alone
on the same graph.  Both run in the same process, on the same graph, so the
ratio holds whatever the machine.  Pure networkx betweenness is timed too (once:
it is slow) for context.  The memory each side adds beyond its graph, at its peak,
is measured once apart (:mod:`benchmarks.memory`).

    .venv/bin/python -m benchmarks.brokers [--repeat 3] [--networkx]
        [--out benchmarks/results/brokers.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx
import rustworkx

from benchmarks.memory import added_peak_mib
from graph_service.services.analyses import AnalysisQuery, brokers_report

SPHERES = [
    "civil_society",
    "public",
    "market",
    "union",
    "social_economy",
    "academic",
    "philanthropy",
]


def ecosystem(kind: str, actors: int = 10_000, seed: int = 42) -> nx.Graph:
    """``actors`` actors, about five ties each, spheres and sides as the projection sets them."""
    if kind == "uniform":
        graph = nx.gnm_random_graph(actors, 5 * actors, seed=seed)
    else:  # hubs, as real ecosystems have (platforms, federations, big NGOs)
        graph = nx.powerlaw_cluster_graph(actors, 5, 0.1, seed=seed)
    rng = random.Random(seed)
    for node in graph:
        graph.nodes[node].update(
            name=f"actor {node}",
            sphere=rng.choice(SPHERES),
            side=rng.choice(["north", "north", "south"]),
        )
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = 1.0
        graph.edges[u, v]["distance"] = 1.0
    return graph


def as_rustworkx(kind: str, actors: int) -> rustworkx.PyGraph:
    return rustworkx.networkx_converter(ecosystem(kind, actors))


def brokers_of(graph: nx.Graph) -> dict[str, Any]:
    return brokers_report(graph, AnalysisQuery(top=20, permutations=0))


def timed(work: Callable[[], Any], repeat: int) -> float:
    """Median wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--networkx", action="store_true", help="also time pure networkx (slow)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/brokers.json"))
    args = parser.parse_args()

    results = []
    for kind in ("uniform", "hubs"):
        graph = ecosystem(kind, args.actors)
        peer = rustworkx.networkx_converter(graph)
        rustworkx_alone = timed(partial(rustworkx.graph_betweenness_centrality, peer), args.repeat)
        full = timed(partial(brokers_of, graph), args.repeat)
        row: dict[str, Any] = {
            "graph": kind,
            "actors": graph.number_of_nodes(),
            "ties": graph.number_of_edges(),
            "rustworkx_betweenness_s": round(rustworkx_alone, 3),
            "maillage_brokers_s": round(full, 3),
            "ratio": round(full / rustworkx_alone, 2),
            # Memory each adds beyond its graph, at its peak (once each, apart).
            "maillage_peak_mib": added_peak_mib(partial(ecosystem, kind, args.actors), brokers_of),
            "rustworkx_peak_mib": added_peak_mib(
                partial(as_rustworkx, kind, args.actors), rustworkx.graph_betweenness_centrality
            ),
        }
        if args.networkx:
            pure = timed(partial(nx.betweenness_centrality, graph), 1)
            row["networkx_betweenness_s"] = round(pure, 1)
            row["networkx_ratio"] = round(pure / rustworkx_alone, 1)
        print(json.dumps(row), flush=True)
        results.append(row)

    record = {
        "benchmark": "brokers",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "versions": {"networkx": nx.__version__, "rustworkx": rustworkx.__version__},
        "target": "ratio <= 1.5 (at 10,000 actors)",
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
