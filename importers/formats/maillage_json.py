"""The project's own JSON format: every node (labels and properties) and every
relationship (type, ends, properties), nothing lost.

.. code-block:: json

    {"format": "maillage", "version": 1,
     "nodes": [{"labels": ["Actor"], "properties": {"id": "grdr", "name": "GRDR"}}],
     "relationships": [{"type": "COOPERATES_WITH", "from": "grdr", "to": "cfsi",
                        "properties": {"id": "grdr-cfsi", "valid_from": "2010-01-01"}}]}

Dates are ISO texts; the domain models give them back their type on import.
The reader streams the document, so a file of a million records is never held in
memory whole: a record at a time, line by line (orjson), when the file is laid out
as :func:`write` lays it out (``"nodes": [`` on its own line), and otherwise
through a streaming parser (ijson), which reads any layout but took a sixth of a
national file's checks.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import ijson
import orjson

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
            lines = _opening(stream, part)
            items = (
                _items_by_line(lines)
                if lines is not None
                else ijson.items(stream, f"{part}.item", use_float=True)
            )
            yield from enumerate(items, start=1)
        # JSON and UTF-8 errors are ValueErrors; a list nested thousands deep is
        # too deep for the standard parser.
        except (ijson.JSONError, ValueError, RecursionError) as exc:
            raise _unreadable(path, exc) from exc


#: Where the writer puts each list: on a line of its own, after the header line
#: (the nodes) or after the nodes' closing bracket (the relationships).
_OPENINGS = {"nodes": b'"nodes": [', "relationships": b'"relationships": ['}
#: Nineteen digits in a row may be an integer no 64-bit integer holds, which orjson
#: would read as a decimal: such a line goes to the standard parser, which refuses
#: it.  The digits are found by mapping every byte to a digit or a space (a regular
#: expression cost as much as the parsing itself).
_DIGITS = bytes(48 if b in b"0123456789" else 32 for b in range(256))
_LONG_NUMBER = b"0" * 19
#: A record longer than this, over several lines, is not one (a broken file).
_LONGEST_RECORD = 4 << 20


def _opening(stream: IO[bytes], part: str) -> Iterator[bytes] | None:
    """The lines after ``part``'s opening bracket, when the file is laid out as
    :func:`write` lays it out; otherwise None, with ``stream`` back at its start
    for the streaming parser (which reads any layout)."""
    line: bytes | None = None
    if _is_header(stream.readline()):
        line = stream.readline()
        if part == "relationships" and line.strip() == _OPENINGS["nodes"]:
            line = _after_records(stream)
    if line is not None and line.strip() == _OPENINGS[part]:
        return iter(stream)
    stream.seek(0)
    return None


def _is_header(line: bytes) -> bool:
    """Whether a first line holds whole members of the document and nothing else
    (``{"format": "maillage", …,``): the line after it is then at the top level."""
    text = line.strip()
    if not text.startswith(b"{") or not text.endswith(b","):
        return False
    try:
        return isinstance(orjson.loads(text[:-1] + b"}"), dict)
    except orjson.JSONDecodeError:
        return False


def _after_records(stream: IO[bytes]) -> bytes | None:
    """The first line after a list of one-line records (the nodes, skipped without
    being parsed), or None when a line is not one record: only then is a line
    after the closing bracket surely at the top level."""
    for line in stream:
        text = line.strip()
        if text in (b"]", b"],"):
            return next((following for following in stream if following.strip()), None)
        if not (text.startswith(b"{") and text.endswith((b"}", b"},"))):
            return None
    return None


def _items_by_line(lines: Iterator[bytes]) -> Iterator[Any]:
    """The items of a list from its lines, up to its closing bracket: one record a
    line as the writer puts them, read by orjson; a record over several lines, or
    several on one line, by the standard parser."""
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text in (b"]", b"],"):
            return
        if _LONG_NUMBER not in text.translate(_DIGITS):
            try:
                yield orjson.loads(text[:-1] if text.endswith(b",") else text)
                continue
            except orjson.JSONDecodeError:
                pass
        if (yield from _items_of_text(text, lines)):
            return
    raise ValueError("the file ends inside a list")


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _integer(text: str) -> int:
    # What the streaming parser and Neo4j hold: a 64-bit integer.
    value = int(text)
    if not -(2**63) <= value < 2**63:
        raise ValueError(f"integer overflow: {text}")
    return value


#: The standard parser, as strict as the streaming one (no NaN, 64-bit integers).
_DECODER = json.JSONDecoder(parse_constant=_refuse, parse_int=_integer)


def _items_of_text(text: bytes, lines: Iterator[bytes]) -> Generator[Any, None, bool]:
    """The items in ``text`` and, while one is incomplete, the lines after it;
    returns whether the list's closing bracket came."""
    buffer = text.decode("utf-8")
    position = 0
    while True:
        while position < len(buffer) and buffer[position] in " \t\r\n,":
            position += 1
        if position == len(buffer):
            return False
        if buffer[position] == "]":
            if buffer[position + 1 :].strip() not in ("", ","):
                raise ValueError(f"unexpected text after a list: {buffer[position:][:40]!r}")
            return True
        try:
            item, position = _DECODER.raw_decode(buffer, position)
        except json.JSONDecodeError as exc:
            if exc.pos < len(buffer.rstrip()) or len(buffer) > _LONGEST_RECORD:
                raise
            more = next(lines, None)  # the item goes on over the next line
            if more is None:
                raise
            buffer = buffer[position:] + more.decode("utf-8")
            position = 0
            continue
        yield item


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
