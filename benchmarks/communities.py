"""Benchmark: the cloisonnement (silos) analysis against igraph's Leiden alone.

The peer is what an analyst with igraph would run to find communities: Leiden
(modularity, iterated until the partition no longer changes: the settings Maillage
uses) on a graph already in igraph's form.  Maillage's side is the whole silos
analysis of the same graph with ``algorithm=leiden``, as a request computes it: the
E-I index with its permutation test, assortativity, modularity of the declared
spheres, Leiden communities (the graph converted to igraph first) and their
agreement with the spheres.  Maillage's community detection alone (conversion and
Leiden) is timed too, so that the report says where the time goes, and the silos
analysis with Louvain (the default) for comparison.  Both run in this process, on the
same graphs as the brokers benchmark.  The memory each side adds beyond its graph,
at its peak, is measured once apart (:mod:`benchmarks.memory`).

    .venv/bin/python -m benchmarks.communities [--actors 10000] [--repeat 3]
        [--out benchmarks/results/communities.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import igraph
import networkx as nx

from benchmarks.brokers import ecosystem, timed
from benchmarks.memory import added_peak_mib
from graph_service.analyses.silos import leiden_communities
from graph_service.services.analyses import AnalysisQuery, CommunityAlgorithm, silos_report


def leiden_alone(graph: igraph.Graph) -> igraph.VertexClustering:
    return graph.community_leiden(objective_function="modularity", n_iterations=-1)


def as_igraph(kind: str, actors: int) -> igraph.Graph:
    graph = ecosystem(kind, actors)
    return igraph.Graph(n=graph.number_of_nodes(), edges=list(graph.edges))


def silos_with_leiden(permutations: int, graph: nx.Graph) -> dict[str, Any]:
    return silos_report(
        graph, AnalysisQuery(permutations=permutations, algorithm=CommunityAlgorithm.LEIDEN)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/communities.json"))
    args = parser.parse_args()

    results = []
    for kind in ("uniform", "hubs"):
        graph = ecosystem(kind, args.actors)
        peer = igraph.Graph(n=graph.number_of_nodes(), edges=list(graph.edges))
        random.seed(0)  # igraph's Leiden draws from Python's generator
        leiden = timed(partial(leiden_alone, peer), args.repeat)
        detection = timed(partial(leiden_communities, graph, weight=None), args.repeat)
        full = timed(partial(silos_with_leiden, args.permutations, graph), args.repeat)
        report = silos_with_leiden(args.permutations, graph)
        louvain = AnalysisQuery(permutations=args.permutations)
        with_louvain = timed(partial(silos_report, graph, louvain), args.repeat)
        found = leiden_alone(peer)
        row: dict[str, Any] = {
            "graph": kind,
            "actors": graph.number_of_nodes(),
            "ties": graph.number_of_edges(),
            "permutations": args.permutations,
            "igraph_leiden_s": round(leiden, 3),
            "igraph_leiden_communities": len(found),
            "igraph_leiden_modularity": round(peer.modularity(found.membership), 4),
            "maillage_leiden_s": round(detection, 3),
            "maillage_silos_s": round(full, 3),
            "maillage_silos_louvain_s": round(with_louvain, 3),
            "maillage_communities": report["communities"]["count"],
            "ratio": round(full / leiden, 2),
            "detection_ratio": round(detection / leiden, 2),
            # Memory each adds beyond its graph, at its peak (once each, apart).
            "maillage_peak_mib": added_peak_mib(
                partial(ecosystem, kind, args.actors),
                partial(silos_with_leiden, args.permutations),
            ),
            "igraph_peak_mib": added_peak_mib(partial(as_igraph, kind, args.actors), leiden_alone),
        }
        print(json.dumps(row), flush=True)
        results.append(row)

    record = {
        "benchmark": "communities",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "versions": {"networkx": nx.__version__, "igraph": igraph.__version__},
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
