"""The project's own JSON format: every node (labels and properties) and every
relationship (type, ends, properties), nothing lost.

.. code-block:: json

    {"format": "maillage", "version": 1,
     "nodes": [{"labels": ["Actor"], "properties": {"id": "grdr", "name": "GRDR"}}],
     "relationships": [{"type": "COOPERATES_WITH", "from": "grdr", "to": "cfsi",
                        "properties": {"id": "grdr-cfsi", "valid_from": "2010-01-01"}}]}

Dates are ISO texts; the domain models give them back their type on import.
The reader streams the document (ijson), so a file of a million records is
never held in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import ijson

from graph_service.errors import ReadError
from importers.formats import dumps_value
from importers.records import (
    ImportProblem,
    Location,
    NodeRecord,
    Record,
    RecordStream,
    RelationshipRecord,
)

FORMAT_NAME = "maillage"
VERSION = 1


def _unreadable(path: Path, exc: Exception) -> ReadError:
    return ReadError(
        ImportProblem(Location(path.name), "import.unreadable", values={"error": str(exc)})
    )


def _check_header(path: Path) -> None:
    """Fail early unless the document says ``"format": "maillage"`` (our writer puts
    it first, so this reads a few bytes of a well-formed file)."""
    with path.open("rb") as stream:
        try:
            events = ijson.parse(stream)
            for prefix, event, value in events:
                if prefix == "" and event == "map_key" and value == "format":
                    _, _, found = next(events)
                    if found == FORMAT_NAME:
                        return
                    break
                if prefix == "" and event in ("end_map", "start_array", "string", "number"):
                    break
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise _unreadable(path, exc) from exc
    raise ReadError(ImportProblem(Location(path.name), "import.not_maillage_json"))


def _items(path: Path, part: str) -> Iterator[tuple[int, Any]]:
    """The items of the top-level list ``part``, one at a time, numbered from 1."""
    with path.open("rb") as stream:
        try:
            yield from enumerate(ijson.items(stream, f"{part}.item", use_float=True), start=1)
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise _unreadable(path, exc) from exc


def read(path: Path) -> RecordStream:
    """Stream the records of a Maillage JSON document (nodes, then relationships)."""
    _check_header(path)
    return RecordStream("json", _records(path))


def _records(path: Path) -> Iterator[Record]:
    for index, node in _items(path, "nodes"):
        where = Location(path.name, "nodes", index)
        if not isinstance(node, dict) or not isinstance(node.get("properties"), dict):
            yield NodeRecord((), {}, where)  # reported by validation
            continue
        yield NodeRecord(tuple(node.get("labels") or ()), dict(node["properties"]), where)
    for index, rel in _items(path, "relationships"):
        where = Location(path.name, "relationships", index)
        if not isinstance(rel, dict):
            rel = {}
        yield RelationshipRecord(
            str(rel.get("type") or ""),
            str(rel.get("from") or ""),
            str(rel.get("to") or ""),
            dict(rel.get("properties") or {}),
            where,
        )


def _plain(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (value if isinstance(value, list) else dumps_value(value))
        for key, value in sorted(properties.items())
        if value is not None
    }


def write(
    path: Path,
    nodes: Iterable[dict[str, Any]],
    relationships: Iterable[dict[str, Any]],
    scope: dict[str, Any],
) -> dict[str, int]:
    """Write nodes (``labels``, ``properties``) and relationships (``type``, ``from``,
    ``to``, ``properties``) as one document, a record per line, as they come: a
    whole-graph export is never held in memory.  Returns the counts."""
    parts = (
        (
            "nodes",
            ({"labels": sorted(n["labels"]), "properties": _plain(n["properties"])} for n in nodes),
        ),
        (
            "relationships",
            (
                {
                    "type": r["type"],
                    "from": r["from"],
                    "to": r["to"],
                    "properties": _plain(r["properties"]),
                }
                for r in relationships
            ),
        ),
    )
    counts = {"nodes": 0, "relationships": 0}
    with path.open("w", encoding="utf-8") as stream:
        header = {"format": FORMAT_NAME, "version": VERSION, "scope": scope}
        stream.write(json.dumps(header, ensure_ascii=False)[:-1] + ",\n")
        for index, (part, records) in enumerate(parts):
            stream.write(f'"{part}": [')
            for record in records:
                stream.write(("," if counts[part] else "") + "\n")
                stream.write(json.dumps(record, ensure_ascii=False))
                counts[part] += 1
            stream.write("\n]" + (",\n" if index == 0 else "\n"))
        stream.write("}\n")
    return counts
