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
    # Each part: its header file, then its rows (as the importer reads them).
    return "".join(
        header.read_text(encoding="utf-8") + data.read_text(encoding="utf-8")
        for _, header, data in files.nodes
    )


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


def test_a_column_met_late_starts_a_part_whose_header_has_it(tmp_path: Path) -> None:
    files = write(
        tmp_path,
        lambda: iter([(("Actor",), [_node("a", name="A"), _node("b", name="B", x_rank=2)])]),
        lambda: iter([]),
        now=NOW,
    )
    parts = [
        (header.read_text(encoding="utf-8").split(","), data.read_text(encoding="utf-8"))
        for _, header, data in files.nodes
    ]
    assert len(parts) == 2
    (first_header, first_rows), (second_header, second_rows) = parts
    # Every row has as many cells as its part's header names.
    assert len(first_header) == len(first_rows.splitlines()[0].split(","))
    assert len(second_header) == len(second_rows.splitlines()[0].split(","))
    assert "x_rank:long" not in ",".join(first_header)
    assert "x_rank:long\n" in ",".join(second_header)
    assert [a for a in files.arguments() if a.startswith("--nodes")] == [
        f"--nodes=Entity:Actor={header},{data}" for _, header, data in files.nodes
    ]


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_only_the_files_holding_a_line_break_are_read_as_multiline(
    tmp_path: Path, line_break: str
) -> None:
    # The importer reads a multiline file on one thread: only the file where a
    # text spans lines is named, and none when no text does.
    plain = write(
        tmp_path / "plain",
        lambda: iter([(("Actor",), [_node("a", name="A"), _node("b", description="Une ligne")])]),
        lambda: iter([]),
        now=NOW,
    )
    assert plain.multiline == []
    assert "--multiline-fields=false" in plain.arguments()

    files = write(
        tmp_path / "broken",
        lambda: iter(
            [
                (("Actor",), [_node("a", name="A")]),
                (("Territory",), [_node("t", description=f"Première{line_break}seconde")]),
            ]
        ),
        lambda: iter([]),
        now=NOW,
    )
    territory_data = next(data for labels, _, data in files.nodes if labels == ("Territory",))
    assert files.multiline == [territory_data]
    assert files.arguments()[:2] == [
        "--multiline-fields-format=v2",
        f"--multiline-fields={territory_data}",
    ]
