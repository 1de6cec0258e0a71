"""The plan of an import: what is new, changed or unchanged against what the
database holds, counted by label set and by type, and recorded row by row in the
staging store (the writes and their undo read it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from importers.loader import plan
from importers.records import Location
from importers.staging import Staging

WHERE = Location("test.json", "nodes", 1)


def _staged(tmp_path: Path) -> Staging:
    staging = Staging(tmp_path)
    staging.add_node("a", WHERE, ("Actor",), {"id": "a", "name": "A"})
    staging.add_node("b", WHERE, ("Actor",), {"id": "b", "name": "B bis"})
    staging.add_node("c", WHERE, ("Actor",), {"id": "c", "name": "C"})
    staging.add_node("t", WHERE, ("Territory",), {"id": "t", "name": "T"})
    staging.add_node("broken", WHERE)  # an invalid row: never planned
    tie: dict[str, Any] = {"id": "r1", "kind": "partnership"}
    # r1 is new, r2 stored as it is, r3 stored with another kind.
    staging.add_relationship("r1", WHERE, "COOPERATES_WITH", "a", "b", tie, None)
    same = {"id": "r2", "kind": "partnership"}
    staging.add_relationship("r2", WHERE, "COOPERATES_WITH", "a", "c", same, dict(same))
    changed = {"id": "r3", "kind": "funding"}
    stored = {"id": "r3", "kind": "partnership"}
    staging.add_relationship("r3", WHERE, "COOPERATES_WITH", "b", "c", changed, stored)
    staging.add_relationship("r4", WHERE, "ACTIVE_IN", "a", "t", {"id": "r4"}, None)
    return staging


def _stored_nodes(ids: list[str]) -> dict[str, Any]:
    # "a" stored as the file gives it, "b" under another name; "c" and "t" are new.
    database = {
        "a": {"labels": ["Actor", "Entity"], "properties": {"id": "a", "name": "A"}},
        "b": {"labels": ["Actor", "Entity"], "properties": {"id": "b", "name": "B"}},
    }
    return {id: database[id] for id in ids if id in database}


def test_the_plan_counts_and_records_each_outcome(tmp_path: Path) -> None:
    staging = _staged(tmp_path)
    summary = plan(staging, _stored_nodes, batch_size=2)
    assert summary == {
        "nodes": {
            "Actor": {"created": 1, "updated": 1, "unchanged": 1},
            "Territory": {"created": 1, "updated": 0, "unchanged": 0},
        },
        "relationships": {
            "COOPERATES_WITH": {"created": 1, "updated": 1, "unchanged": 1},
            "ACTIVE_IN": {"created": 1, "updated": 0, "unchanged": 0},
        },
    }
    # Only what is new or changed is written: b, c, t; r1, r3, r4.
    assert staging.changes() == 6
    assert [id for page in staging.created("node", 10) for id in page] == ["c", "t"]
    assert [id for page in staging.created("relationship", 10) for id in page] == ["r1", "r4"]
    # What the updates replace, to undo them.
    assert [row["id"] for page in staging.previous("node", 10) for row in page] == ["b"]
    assert [row["id"] for page in staging.previous("relationship", 10) for row in page] == ["r3"]
    staging.close()


def test_into_an_empty_database_every_valid_row_is_created(tmp_path: Path) -> None:
    staging = _staged(tmp_path)
    summary = plan(staging, lambda ids: {}, batch_size=3)
    assert summary["nodes"] == {
        "Actor": {"created": 3, "updated": 0, "unchanged": 0},
        "Territory": {"created": 1, "updated": 0, "unchanged": 0},
    }
    # The relationships' stored properties came from validation, not from here.
    assert summary["relationships"]["COOPERATES_WITH"]["created"] == 1
    assert staging.changes() == 4 + 3
    staging.close()
