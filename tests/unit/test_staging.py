"""The staging store of an import: the labels of the staged nodes, asked for
every relationship checked, answer the same from memory and from the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import staging as staging_module
from importers.records import Location
from importers.staging import Staging

WHERE = Location("test.json", "nodes", 1)


def _stage(tmp_path: Path) -> Staging:
    staging = Staging(tmp_path)
    staging.add_node("a", WHERE, ("Actor",), {"id": "a"})
    staging.add_node("cfsi", WHERE, ("Actor", "DialogueFramework"), {"id": "cfsi"})
    staging.add_node("broken", WHERE)  # an invalid row has no labels
    staging.add_node("a", WHERE, ("Territory",), {"id": "a"})  # a duplicate: not staged
    staging.add_node("t", WHERE, ("Territory",), {"id": "t"})
    return staging


EXPECTED = {
    "a": frozenset({"Actor"}),
    "cfsi": frozenset({"Actor", "DialogueFramework"}),
    "t": frozenset({"Territory"}),
}


@pytest.mark.parametrize("in_memory", [10, 2], ids=["in memory", "beyond the bound"])
def test_labels_of_staged_nodes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_memory: int
) -> None:
    monkeypatch.setattr(staging_module, "LABELS_IN_MEMORY", in_memory)
    staging = _stage(tmp_path)
    assert staging.labels_of(["a", "cfsi", "t", "broken", "nobody"]) == EXPECTED
    assert staging.labels_of([]) == {}
    staging.close()
