"""Evaluation of the possible-allies score: hide 10% of the ties, see whether the
score finds them again (AUC, precision@k), for same-sphere and cross-sphere ties.

Runs on a synthetic ecosystem built here (territories, spheres, issues; ties
mostly inside a territory, more often inside a sphere), or with ``--caac`` on the
CAAC reference dataset, imported (idempotently) into the configured Neo4j and
projected with the default tie types.

    .venv/bin/python benchmarks/allies_evaluation.py [--seeds 5] [--caac]
        [--out benchmarks/results/allies.json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from pathlib import Path
from typing import Any

import networkx as nx

from graph_service.analyses.allies import evaluate_allies
from graph_service.domain.access import Caller

SPHERES = (
    ["civil_society"] * 4
    + ["public"] * 2
    + ["market"] * 3
    + ["social_economy", "union", "academic"]
)


def synthetic_ecosystem(
    seed: int, actors: int = 400, territories: int = 20, issues: int = 6
) -> nx.Graph:
    """Actors on territories with spheres and issues; tie probability grows with a
    shared territory, a shared sphere and a shared issue."""
    rng = random.Random(seed)
    graph = nx.Graph()
    for i in range(actors):
        graph.add_node(
            f"a{i}",
            name=f"Acteur {i}",
            sphere=rng.choice(SPHERES),
            territories=frozenset({f"t{rng.randrange(territories)}"}),
            issues=frozenset(rng.sample([f"i{k}" for k in range(issues)], 2)),
            sdgs=frozenset(),
            frameworks=frozenset(),
            operations=frozenset(),
        )
    nodes = list(graph.nodes(data=True))
    for index, (u, du) in enumerate(nodes):
        for v, dv in nodes[index + 1 :]:
            p = 0.002
            if du["territories"] & dv["territories"]:
                p = 0.25
            if du["sphere"] == dv["sphere"]:
                p *= 2
            if du["issues"] & dv["issues"]:
                p *= 1.5
            if rng.random() < min(p, 0.9):
                graph.add_edge(u, v, weight=1.0)
    return graph


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.mean(known), 3) if known else None


def caac_graph() -> nx.Graph:
    """The CAAC dataset as analyses see it (imported first if needed)."""
    from graph_service.cli.transfer import shipped_dataset
    from graph_service.config import Settings
    from graph_service.local_neo4j.runtime import connection_info
    from graph_service.projection import ProjectionOptions, project
    from graph_service.repositories.database import Database
    from graph_service.repositories.schema import apply_migrations
    from graph_service.services.transfer import TransferService

    database = Database(connection_info(Settings()))
    try:
        apply_migrations(database)
        TransferService(database, Caller.operator("benchmark", sensitive=True)).import_file(
            shipped_dataset("caac")
        )
        return project(database, ProjectionOptions())
    finally:
        database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--caac", action="store_true", help="evaluate on the CAAC dataset")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(f"benchmarks/results/allies{'-caac' if args.caac else ''}.json")
    caac = caac_graph() if args.caac else None
    runs: list[dict[str, Any]] = []
    for seed in range(args.seeds):
        graph = caac if caac is not None else synthetic_ecosystem(seed)
        report = evaluate_allies(graph, hidden_share=0.1, seed=seed, k=10)
        report["actors"], report["ties"] = graph.number_of_nodes(), graph.number_of_edges()
        print(json.dumps(report), flush=True)
        runs.append(report)
    summary = {
        part: {
            metric: _mean([r[part][metric] for r in runs]) for metric in ("auc", "precision_at_k")
        }
        for part in ("all", "same_sphere", "cross_sphere")
    }
    record = {
        "evaluation": "allies",
        "dataset": "synthetic (benchmarks/allies_evaluation.py)",
        "hidden_share": 0.1,
        "k": 10,
        "seeds": args.seeds,
        "mean": summary,
        "runs": runs,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
