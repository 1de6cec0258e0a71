"""Early bulk files: written by a child process as rows are staged, the same files
as those written from the plan afterwards, or not used at all."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from importers.bulk_files import BATCH_ROWS, EarlyFiles
from importers.formats.admin_csv import AdminFiles, MixedTypesError, write
from importers.loader import Summary

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _blob(properties: dict[str, Any]) -> bytes:
    return pickle.dumps(properties, protocol=pickle.HIGHEST_PROTOCOL)


def _contents(files: AdminFiles) -> list[tuple[Any, str, str]]:
    return [
        (group, header.read_text(encoding="utf-8"), data.read_text(encoding="utf-8"))
        for group, header, data in [*files.nodes, *files.relationships]
    ]


def _summary(nodes: dict[str, dict[str, int]], ties: dict[str, dict[str, int]]) -> Summary:
    return {"nodes": nodes, "relationships": ties}


def _created(count: int) -> dict[str, int]:
    return {"created": count, "updated": 0, "unchanged": 0}


def test_early_files_are_the_files_written_from_the_plan(tmp_path: Path) -> None:
    actors = [
        {"id": f"a{i}", "properties": {"name": f"A{i}", "aliases": [], "x_rank": i}}
        for i in range(BATCH_ROWS + 3)  # more than one message to the child
    ]
    actors[5]["properties"]["recorded_at"] = datetime(2024, 5, 1, tzinfo=UTC)
    ties = [
        {
            "id": f"t{i}",
            "from_id": f"a{i}",
            "to_id": f"a{i + 1}",
            "properties": {"valid_from": date(2020, 1, i % 28 + 1)},
        }
        for i in range(10)
    ]
    with EarlyFiles(tmp_path / "early", NOW) as early:
        for actor in actors:
            early.staged_node(actor["id"], ("Actor",), _blob(actor["properties"]))
        early.staged_node("sdg-1", ("SDG",), _blob({"number": 1}))  # never early
        for tie in ties:
            early.staged_relationship(
                tie["id"],
                "COOPERATES_WITH",
                tie["from_id"],
                tie["to_id"],
                _blob(tie["properties"]),
            )
        summary = _summary(
            {"Actor": _created(len(actors)), "SDG": {"created": 0, "updated": 0, "unchanged": 1}},
            {"COOPERATES_WITH": _created(len(ties))},
        )
        assert early.covers(summary)
        files = early.finish()

    def rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                **item,
                "properties": {k: v for k, v in item["properties"].items() if k != "recorded_at"},
                "recorded_at": item["properties"].get("recorded_at"),
            }
            for item in items
        ]

    planned = write(
        tmp_path / "planned",
        lambda: iter([(("Actor",), rows(actors))]),
        lambda: iter([("COOPERATES_WITH", rows(ties))]),
        now=NOW,
    )
    assert _contents(files) == _contents(planned)
    assert (files.node_count, files.relationship_count) == (len(actors), len(ties))
    assert files.empty_node_lists == {(("Actor",), "aliases")}
    assert "2024-05-01" in files.nodes[0][2].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "summary",
    [
        # A file that changes a seeded SDG: only the plan's files have it.
        _summary({"Actor": _created(2), "SDG": {"created": 0, "updated": 1, "unchanged": 0}}, {}),
        # Something already stored (not an empty database).
        _summary({"Actor": {"created": 1, "updated": 0, "unchanged": 1}}, {}),
        # Fewer rows than were handed over.
        _summary({"Actor": _created(1)}, {}),
    ],
)
def test_early_files_are_not_used_when_the_plan_writes_something_else(
    tmp_path: Path, summary: Summary
) -> None:
    with EarlyFiles(tmp_path, NOW) as early:
        early.staged_node("a", ("Actor",), _blob({"name": "A"}))
        early.staged_node("b", ("Actor",), _blob({"name": "B"}))
        assert not early.covers(summary)
        early.abandon()
        assert not early._child.is_alive()


def test_a_column_of_two_types_is_refused_from_the_child(tmp_path: Path) -> None:
    with EarlyFiles(tmp_path, NOW) as early:
        early.staged_node("a", ("Actor",), _blob({"x_when": date(2020, 1, 1)}))
        early.staged_node("b", ("Actor",), _blob({"x_when": 7}))
        with pytest.raises(MixedTypesError, match="x_when") as raised:
            early.finish()
    assert (raised.value.group, raised.value.key) == ("Actor", "x_when")


def test_a_rejected_file_stops_the_child(tmp_path: Path) -> None:
    with pytest.raises(ValueError), EarlyFiles(tmp_path, NOW) as early:
        early.staged_node("a", ("Actor",), _blob({"name": "A"}))
        child = early._child
        raise ValueError("the checks found a problem")
    assert not child.is_alive()
