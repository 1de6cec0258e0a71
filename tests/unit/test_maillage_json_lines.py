"""The Maillage JSON reader reads a file laid out as the writer lays it out a line
at a time, and any other layout with the streaming parser: both give the same
records, and a broken file is unreadable either way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph_service.errors import ReadError
from importers.formats import maillage_json

NODES = [
    {"labels": ["Actor"], "properties": {"id": f"a-{i}", "name": f"Acteur « {i} »", "n": i}}
    for i in range(5)
] + [{"labels": ["Territory"], "properties": {"id": "t", "name": "Région ]", "x_big": 2**62}}]
TIES = [
    {"type": "COOPERATES_WITH", "from": "a-0", "to": f"a-{i}", "properties": {"w": 0.5 * i}}
    for i in range(1, 5)
]


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "graph.json"
    maillage_json.write(path, NODES, TIES, {"dataset": "test"})
    return path


def _records(path: Path, *, by_line: bool, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    with monkeypatch.context() as patch:
        if not by_line:
            patch.setattr(maillage_json, "_opening", lambda stream, part: None)
        # Every field of every record: labels or type and ends, properties, place.
        return [(type(r).__name__, vars(r)) for r in maillage_json.read(path).records]


def _layouts(written: str) -> dict[str, str]:
    header, rest = written.split("\n", 1)
    lines = rest.split("\n")
    pretty = json.dumps(json.loads(lines[3].rstrip(",")), indent=2) + ","
    pretty_middle = [*lines[:3], pretty, *lines[4:]]
    return {
        "as written": written,
        "indented": json.dumps(json.loads(written), indent=2),
        "one record over several lines": header + "\n" + "\n".join(pretty_middle),
        "two records on a line, a bracket after the last": written.replace(
            "},\n{", "}, {", 2
        ).replace("}\n]", "}]"),
        "relationships first": header
        + "\n"
        + json.dumps({"relationships": TIES, "nodes": NODES})[1:-1].replace("], ", "],\n")
        + "\n}",
        "blank lines and spaces": written.replace("\n", "\n\n  "),
    }


def test_every_layout_gives_the_records_the_streaming_parser_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = _written(tmp_path).read_text(encoding="utf-8")
    expected = None
    for index, (name, text) in enumerate(_layouts(written).items()):
        (tmp_path / str(index)).mkdir()
        path = tmp_path / str(index) / "graph.json"  # one name: the records name their file
        path.write_text(text, encoding="utf-8")
        reference = _records(path, by_line=False, monkeypatch=monkeypatch)
        assert _records(path, by_line=True, monkeypatch=monkeypatch) == reference, name
        expected = expected or reference
        if name != "relationships first":
            assert reference == expected, name
    assert expected is not None and len(expected) == len(NODES) + len(TIES)
    # The big number and the bracket inside a text come back as written.
    assert expected[5][1]["properties"] == NODES[5]["properties"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut in the middle of a record
        lambda text: text[: text.index('"relationships"') + 20],  # cut after an opening
        lambda text: text.replace('"n": 3', '"n": NaN'),
        lambda text: text.replace('2 »"}},', '2 »"},'),  # a record never closed
        lambda text: text.replace('"n": 1', '"n": [' * 5000 + "]" * 5000),
        lambda text: text.replace("Acteur", "Acteur\udcff"),
        lambda text: text.replace(f"{2**62}", f"{2**70}"),  # no 64-bit integer holds it
    ],
    ids=["cut", "cut after an opening", "NaN", "unclosed", "deep", "not UTF-8", "too large"],
)
def test_a_broken_file_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Any
) -> None:
    path = tmp_path / "broken.json"
    text = damage(_written(tmp_path).read_text(encoding="utf-8"))
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    for by_line in (True, False):
        with pytest.raises(ReadError):
            _records(path, by_line=by_line, monkeypatch=monkeypatch)
