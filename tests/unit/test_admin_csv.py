"""The offline importer's files: one type per column, learnt over every row."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from importers.formats.admin_csv import MixedTypesError, write

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _node(id: str, **properties: Any) -> dict[str, Any]:
    return {"id": id, "properties": properties, "recorded_at": None}


def _files(tmp_path: Path, *batches: list[dict[str, Any]]) -> str:
    files = write(
        tmp_path,
        lambda: iter([(("Actor",), batch) for batch in batches]),
        lambda: iter([]),
        now=NOW,
    )
    return files.nodes[0][1].read_text(encoding="utf-8")


def test_a_column_is_typed_by_its_values_in_any_batch(tmp_path: Path) -> None:
    # Empty in the first batch, numbers later: a number column, not text.
    text = _files(
        tmp_path,
        [_node("a", x_size=None, aliases=[])],
        [_node("b", x_size=3, aliases=["B; bis"]), _node("c", x_size=2.5)],
    )
    header = text.splitlines()[0]
    assert "x_size:double" in header and "aliases:string[]" in header
    assert "B; bis" in text  # a ';' stays inside its alias (arrays split on U+001F)


def test_two_types_in_one_column_are_refused_before_anything_is_loaded(tmp_path: Path) -> None:
    with pytest.raises(MixedTypesError, match="x_when"):
        _files(tmp_path, [_node("a", x_when=date(2020, 1, 1)), _node("b", x_when=7)])
