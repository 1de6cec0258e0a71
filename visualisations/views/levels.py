"""The multi-level map: dialogue frameworks in rows from local (bottom) to
international (top), their nesting and succession, their participants, the
actors present at several levels highlighted, and the adjacent levels that
nothing articulates marked between the rows."""

from __future__ import annotations

import zlib
from collections import defaultdict
from typing import Any

from graph_service.config import Language
from graph_service.domain.enums import Level
from graph_service.domain.labels import label
from visualisations.document import Edge, LegendItem, MapDocument, Node, Panel, ResultRow, View
from visualisations.texts import text
from visualisations.views.common import (
    CONFLICT_COLOR,
    MapInput,
    MapOptions,
    listing,
)

__all__ = ["levels_map"]

FRAMEWORK_COLOR = "#5E35B1"
PARTICIPANT_COLOR = "#90A4AE"
MULTI_LEVEL_COLOR = "#F57C00"
NESTING_COLOR = "#311B92"
PARTICIPATION_COLOR = "#CFD8DC"
ROW_GAP = 4.0
#: Horizontal room per framework: long names need it to stay readable.
COLUMN_GAP = 7.0


def _rank(level: str) -> int:
    try:
        return Level(level).rank
    except ValueError:
        return -1  # frameworks without a level: a row of their own, below the others


def levels_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    graph, report = map_input.graph, map_input.report
    frameworks = {str(n): d for n, d in graph.nodes(data=True) if d.get("kind") == "framework"}
    # Frameworks without a level get a row of their own, below the levels.
    levels = sorted({str(d.get("level") or "unknown") for d in frameworks.values()}, key=_rank)
    row = {level: i for i, level in enumerate(levels)}
    by_level: dict[str, list[str]] = defaultdict(list)
    for fid, data in sorted(frameworks.items(), key=lambda x: str(x[1].get("name"))):
        by_level[str(data.get("level") or "unknown")].append(fid)
    position: dict[str, tuple[float, float]] = {}
    for level, members in by_level.items():
        for i, fid in enumerate(members):
            # Neighbours alternate slightly up and down so that their names do not meet.
            stagger = 0.6 if i % 2 else -0.6 if len(members) > 1 else 0.0
            position[fid] = (
                round(COLUMN_GAP * (i - (len(members) - 1) / 2), 3),
                row[level] * ROW_GAP + stagger,
            )
    multi = {str(p["id"]) for p in report.get("multi_level_participants", [])}
    # Persons are drawn for callers entitled to sensitive data only.
    nodes: list[Node] = []
    for level in levels:
        nodes.append(
            Node(
                id=f"level:{level}",
                label=label("level", level, language).upper(),
                x=-COLUMN_GAP * (max(len(m) for m in by_level.values()) / 2 + 0.5),
                y=row[level] * ROW_GAP,
                size=3.0,
                colors={"main": "#ECEFF1"},
                kind="axis",
                force_label=True,
            )
        )
    for fid, data in frameworks.items():
        level = str(data.get("level") or "unknown")
        nodes.append(
            Node(
                id=fid,
                label=str(data.get("name") or fid),
                x=position[fid][0],
                y=position[fid][1],
                size=14.0,
                colors={"main": FRAMEWORK_COLOR},
                kind="framework",
                facets={"level": label("level", level, language)},
                details=[
                    (text("detail.level", language), label("level", level, language)),
                    (text("detail.type", language), str(data.get("type") or "—").replace("_", " ")),
                ],
                provenance={k: str(data[k]) for k in ("source", "source_ref") if data.get(k)},
                tooltip=f"{data.get('name')} — {label('level', level, language)}",
                force_label=True,
            )
        )
    hidden_persons = 0
    edges: list[Edge] = []
    participants: dict[str, list[str]] = defaultdict(list)
    for u, v, data in graph.edges(data=True):
        u, v = str(u), str(v)
        kind = data.get("type")
        if kind == "PART_OF":
            edges.append(Edge(u, v, NESTING_COLOR, 2.5, "solid", text("legend.nesting", language)))
        elif kind == "SUCCEEDED_BY":
            edges.append(
                Edge(u, v, NESTING_COLOR, 2.0, "dotted", text("legend.succession", language))
            )
        elif kind == "PARTICIPATES_IN":
            participants[u].append(v)
    for who, held in sorted(participants.items()):
        data = graph.nodes[who]
        if data.get("kind") == "person" and not options.sensitive:
            hidden_persons += 1
            continue
        xs = [position[f][0] for f in held]
        ys = [position[f][1] for f in held]
        # A stable jitter (not hash(): it changes between processes).
        jitter = zlib.crc32(who.encode())
        spread = (jitter % 100) / 100 - 0.5
        x = sum(xs) / len(xs) + spread
        y = min(ys) - 1.1 - 0.5 * ((jitter // 100) % 3) / 3
        if who in multi:
            # Between the rows it joins, spread out so that every name reads.
            rank = sorted(multi).index(who)
            x = COLUMN_GAP * 0.8 * (rank - (len(multi) - 1) / 2)
            y = (min(ys) + max(ys)) / 2 + 0.8 * (rank % 2)
        held_levels = sorted(
            {str(frameworks[f].get("level") or "unknown") for f in held}, key=_rank
        )
        nodes.append(
            Node(
                id=who,
                label=str(data.get("name") or who),
                x=round(x, 3),
                y=round(y, 3),
                size=9.0 if who in multi else 4.0,
                colors={"main": MULTI_LEVEL_COLOR if who in multi else PARTICIPANT_COLOR},
                kind=str(data.get("kind") or "actor"),
                facets={"level": label("level", held_levels[0], language)},
                details=[
                    (
                        text("detail.levels", language),
                        ", ".join(label("level", lv, language) for lv in held_levels),
                    )
                ],
                tooltip=str(data.get("name") or who),
                emphasis="multi_level" if who in multi else None,
                force_label=who in multi,
            )
        )
        for framework in held:
            edges.append(
                Edge(
                    who,
                    framework,
                    MULTI_LEVEL_COLOR if who in multi else PARTICIPATION_COLOR,
                    1.2 if who in multi else 0.6,
                    "solid",
                    text("legend.participation", language),
                )
            )
    unarticulated = [list(pair) for pair in report.get("unarticulated", [])]
    for low, high in unarticulated:
        if low in row and high in row:
            edges.append(
                Edge(
                    f"level:{low}",
                    f"level:{high}",
                    CONFLICT_COLOR,
                    2.0,
                    "dashed",
                    text("panel.unarticulated", language),
                    tooltip=_pair(low, high, language),
                    emphasis="unarticulated",
                )
            )
    reading = _reading(report, levels, options)
    panels = []
    if unarticulated:
        panels.append(
            Panel(
                text("panel.unarticulated", language),
                [_pair(a, b, language) for a, b in unarticulated],
            )
        )
    unknown = [str(f["name"]) for f in report.get("without_level", [])]
    if unknown:
        panels.append(Panel(text("panel.unknown_level", language), unknown))
    if hidden_persons:
        reading.append(text("read.persons_hidden", language))
    rows = [
        ResultRow(
            name=str(data.get("name") or fid),
            group=label("level", str(data.get("level") or "unknown"), language),
            measure=str(sum(1 for held in participants.values() if fid in held)),
        )
        for fid, data in sorted(
            frameworks.items(),
            key=lambda x: (_rank(str(x[1].get("level") or "unknown")), str(x[1].get("name"))),
        )
    ]
    return MapDocument(
        rows=rows,
        title=text("title.levels", language),
        reading=reading,
        views=[
            View(
                "main",
                text("legend.framework", language),
                [
                    LegendItem(text("legend.framework", language), FRAMEWORK_COLOR),
                    LegendItem(text("legend.multi_level", language), MULTI_LEVEL_COLOR),
                    LegendItem(text("legend.participation", language), PARTICIPANT_COLOR),
                ],
            )
        ],
        nodes=nodes,
        edges=edges,
        facets={"level": text("detail.level", language)},
        edge_legend=[
            LegendItem(text("legend.nesting", language), NESTING_COLOR, "line"),
            LegendItem(text("legend.succession", language), NESTING_COLOR, "dotted"),
            LegendItem(text("panel.unarticulated", language), CONFLICT_COLOR, "dashed"),
            LegendItem(text("legend.participation", language), PARTICIPANT_COLOR, "line"),
            LegendItem(text("legend.multi_level", language), MULTI_LEVEL_COLOR, "line"),
        ],
        panels=panels,
    )


def _pair(low: str, high: str, language: Language) -> str:
    return f"{label('level', low, language)} ↔ {label('level', high, language)}"


def _reading(report: dict[str, Any], levels: list[str], options: MapOptions) -> list[str]:
    language = options.language
    known = [label("level", lv, language) for lv in levels if lv != "unknown"]
    if not known:
        return [text("ui.empty", language)]
    reading = [text("read.levels", language, levels=", ".join(known))]
    pairs = report.get("unarticulated", [])
    if pairs:
        reading.append(
            text(
                "read.unarticulated",
                language,
                pairs=listing((_pair(a, b, language) for a, b in pairs), language),
            )
        )
    else:
        reading.append(text("read.all_articulated", language))
    multi = [
        str(p.get("name") or p["id"])
        for p in report.get("multi_level_participants", [])
        if p.get("kind") != "person" or options.sensitive
    ]
    if multi:
        reading.append(text("read.multi_level", language, names=", ".join(multi[:8])))
    return reading
