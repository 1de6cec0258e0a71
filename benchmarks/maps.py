"""Benchmark: a 5,000-actor, 12,000-tie map in headless Chromium.

Measures, for Maillage's map (a 2D canvas drawn in batches) and, in the same
run on the same graph and positions, for vis-network (the engine behind pyvis)
with physics off and straight edges — the peer the renderer is held against:

- the server side: building the map document and the page (Python);
- the first render: from navigation start to a drawn map (``performance.now()``);
- panning and zooming: frames actually rendered per second while the camera
  moves every animation frame for a few seconds.

Targets (maps issue): first render under 2 s, 30 frames per second or more.
The ratio Maillage / vis-network says what our renderer buys on this machine.
(sigma.js, WebGL, was tried first: drawn in software without a GPU, it moved at
4 frames per second on this graph; see docs/maps.md.)

    .venv/bin/python benchmarks/maps.py [--actors 5000] [--ties 12000] [--seconds 4]
        [--out benchmarks/results/maps.json]

Chromium is Debian's (``/usr/bin/chromium``), headless, with WebGL drawn in
software (SwiftShader): there is no GPU on these machines, so the figures are a
floor for a person's laptop.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx
from playwright.sync_api import Page, sync_playwright

from graph_service.config import Language
from visualisations import MapInput, MapKind, MapOptions, build_document
from visualisations.headless import CHROMIUM_FLAGS, chromium_path
from visualisations.html import inline_json, page

ROOT = Path(__file__).resolve().parents[1]
VIS_NETWORK = ROOT / "visualisations" / "node_modules" / "vis-network" / "standalone" / "umd"
SPHERES = ["civil_society"] * 4 + ["public"] * 2 + ["market"] * 2 + ["social_economy", "union"]


def synthetic_projection(actors: int, ties: int, seed: int = 0) -> nx.Graph:
    """An analysis graph as the projection builds it: actors on territories of
    about 100, with 80% of ties inside a territory."""
    rng = random.Random(seed)
    graph = nx.Graph(conflicts=set(), conflict_kinds={})
    territories = max(1, actors // 100)
    for i in range(actors):
        graph.add_node(
            f"a{i}",
            name=f"Acteur {i}",
            sphere=rng.choice(SPHERES),
            country="FR",
            home_name=f"Territoire {i % territories}",
        )
    while graph.number_of_edges() < ties:
        u = rng.randrange(actors)
        local = rng.random() < 0.8  # most ties stay on their territory
        v = min(
            (u // 100) * 100 + rng.randrange(100) if local else rng.randrange(actors), actors - 1
        )
        if u != v:
            graph.add_edge(f"a{u}", f"a{v}", weight=1.0, types=["COOPERATES_WITH"], since=None)
    return graph


def vis_network_page(document: dict[str, Any]) -> str:
    """The same nodes, positions, colours and edges drawn by vis-network."""
    script = (VIS_NETWORK / "vis-network.min.js").read_text(encoding="utf-8")
    data = {
        "nodes": [
            {
                "id": n["id"],
                "x": n["x"] * 400,
                "y": -n["y"] * 400,
                "size": n["size"],
                "color": next(iter(n["colors"].values())),
                "label": n["label"] if n["force_label"] else None,
            }
            for n in document["nodes"]
        ],
        "edges": [{"from": e["source"], "to": e["target"]} for e in document["edges"]],
    }
    script = script.replace("</script", "<\\/script")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html,body{{margin:0;height:100%}}#net{{width:100%;height:100vh}}</style></head><body>
<div id="net"></div><script>{script}</script>
<script>
const data = {inline_json(data)};
const network = new vis.Network(document.getElementById("net"),
  {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}},
  {{physics: false, edges: {{smooth: false, color: "#9AA5B1"}},
    nodes: {{shape: "dot"}}, interaction: {{hideEdgesOnDrag: false, hideEdgesOnZoom: false}}}});
let drawn = 0;
network.on("afterDrawing", () => {{
  drawn += 1;
  if (!window.bench) window.bench = {{readyAt: performance.now()}};
}});
window.frames = () => drawn;
window.move = (t) => network.moveTo({{position: {{x: 300 * Math.cos(t), y: 300 * Math.sin(t)}},
  scale: 0.6 + 0.4 * Math.sin(t / 2)}});
</script></body></html>"""


MAILLAGE_HOOKS = """
window.bench = {readyAt: window.maillageMap.readyAt};
window.frames = () => window.maillageMap.frames();
const view = window.maillageMap.view, home = {...view.home};
const reach = view.width / home.zoom;
window.move = (t) => view.setCamera({x: home.x + 0.2 * reach * Math.cos(t),
  y: home.y + 0.2 * reach * Math.sin(t), zoom: home.zoom * (1.6 + 0.6 * Math.sin(t / 2))});
"""


def measure(page_: Page, url: str, ready: str, hooks: str, seconds: float) -> dict[str, float]:
    page_.goto(url)
    page_.wait_for_function(ready, timeout=120_000)
    if hooks:
        page_.evaluate(hooks)
    page_.wait_for_function("window.bench && window.bench.readyAt", timeout=120_000)
    ready_at = page_.evaluate("window.bench.readyAt")
    frames = page_.evaluate(
        """async (seconds) => {
          const start = performance.now(); const first = window.frames(); let ticks = 0;
          await new Promise((done) => {
            const step = (now) => {
              window.move((now - start) / 400); ticks += 1;
              if (now - start < seconds * 1000) requestAnimationFrame(step); else done();
            };
            requestAnimationFrame(step);
          });
          const elapsed = (performance.now() - start) / 1000;
          return {rendered: (window.frames() - first) / elapsed, ticks: ticks / elapsed};
        }""",
        seconds,
    )
    return {
        "first_render_ms": round(ready_at, 1),
        "fps": round(frames["rendered"], 1),
        "animation_frames_per_s": round(frames["ticks"], 1),
    }


def run(actors: int, ties: int, seconds: float, repeat: int) -> dict[str, Any]:
    graph = synthetic_projection(actors, ties)
    started = time.perf_counter()
    document = build_document(
        MapKind.ECOSYSTEM, MapInput(graph, {"parameters": {}}), MapOptions(language=Language.FR)
    )
    built = time.perf_counter() - started
    started = time.perf_counter()
    html = page(document)
    written = time.perf_counter() - started
    # The pages are thrown away with their folder (each run used to leave one behind).
    with tempfile.TemporaryDirectory(prefix="maillage-bench-") as scratch:
        folder = Path(scratch)
        (folder / "maillage.html").write_text(html, encoding="utf-8")
        (folder / "vis.html").write_text(vis_network_page(document.to_json()), encoding="utf-8")
        runs: dict[str, list[dict[str, float]]] = {"maillage": [], "vis_network": []}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=list(CHROMIUM_FLAGS)
            )
            for _ in range(repeat):  # interleaved, so that both see the same machine
                for name, file, ready, hooks in (
                    (
                        "maillage",
                        "maillage.html",
                        "window.maillageMap && window.maillageMap.ready",
                        MAILLAGE_HOOKS,
                    ),
                    ("vis_network", "vis.html", "window.bench && window.bench.readyAt", ""),
                ):
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    tab = context.new_page()
                    runs[name].append(measure(tab, (folder / file).as_uri(), ready, hooks, seconds))
                    context.close()
            browser.close()
    medians = {
        name: {key: statistics.median(r[key] for r in results) for key in results[0]}
        for name, results in runs.items()
    }
    return {
        "benchmark": "maps",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.processor(), "cpus": 2},
        "graph": {"actors": graph.number_of_nodes(), "ties": graph.number_of_edges()},
        "server": {
            "document_s": round(built, 3),
            "page_s": round(written, 3),
            "page_bytes": len(html.encode("utf-8")),
        },
        "repeat": repeat,
        "seconds_of_motion": seconds,
        "median": medians,
        "ratio_maillage_over_vis_network": {
            "first_render": round(
                medians["maillage"]["first_render_ms"] / medians["vis_network"]["first_render_ms"],
                3,
            ),
            "fps": round(medians["maillage"]["fps"] / max(medians["vis_network"]["fps"], 0.1), 3),
        },
        "targets": {"first_render_ms": 2000, "fps": 30},
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--ties", type=int, default=12000)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "maps.json")
    arguments = parser.parse_args()
    result = run(arguments.actors, arguments.ties, arguments.seconds, arguments.repeat)
    arguments.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {
                k: result[k]
                for k in ("graph", "server", "median", "ratio_maillage_over_vis_network")
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
