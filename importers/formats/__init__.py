"""File formats: each module reads a file as a :class:`~importers.records.RecordStream`
and, where the format can hold our graph, writes one back."""

from __future__ import annotations

import json
import re
import unicodedata
from enum import StrEnum
from pathlib import Path

from graph_service.errors import ReadError
from importers.records import ImportProblem, Location


class FileFormat(StrEnum):
    JSON = "json"  # the project's own, lossless
    CSV = "csv"  # a folder of CSV files, one per sheet (or one such file)
    XLSX = "xlsx"  # a workbook, one sheet per kind of record
    GRAPHML = "graphml"
    GEXF = "gexf"
    KUMU = "kumu"  # a Kumu export: XLSX (Elements, Connections) or JSON


def detect_format(path: Path) -> FileFormat:
    """The format of ``path``, from its extension, checked against its content.

    >>> detect_format(Path("ecosystem.graphml"))
    <FileFormat.GRAPHML: 'graphml'>
    """
    from importers.formats import kumu

    suffix = path.suffix.lower().lstrip(".")
    if path.is_dir() or suffix == "csv":
        return FileFormat.CSV
    if suffix == "xlsx":
        return (
            FileFormat.KUMU if path.is_file() and kumu.is_kumu_workbook(path) else FileFormat.XLSX
        )
    if suffix == "json":
        is_kumu = path.is_file() and kumu.is_kumu_json(path)
        return FileFormat.KUMU if is_kumu else FileFormat.JSON
    if suffix in (FileFormat.GRAPHML.value, FileFormat.GEXF.value):
        return FileFormat(suffix)
    if suffix == "xml" and path.is_file():
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        if "<graphml" in head:
            return FileFormat.GRAPHML
        if "<gexf" in head:
            return FileFormat.GEXF
    raise ReadError(
        ImportProblem(
            Location(path.name),
            "import.unknown_format",
            value=path.suffix,
            values={"formats": ", ".join(f.value for f in FileFormat)},
        )
    )


_NODE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")


def as_node_id(text: str) -> str:
    """``text`` when it is already a valid id (so that an export imports back with
    the same ids), else its :func:`slugify`.

    >>> as_node_id("grdr-"), as_node_id("Grdr Migration")
    ('grdr-', 'grdr-migration')
    """
    return text if _NODE_ID.match(text) else slugify(text)


def slugify(text: str) -> str:
    """A valid node id from any text: lower case, accents dropped, other characters
    replaced by dashes.

    >>> slugify("Conseil régional de Kayes (Mali)")
    'conseil-regional-de-kayes-mali'
    """
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9._-]+", "-", folded).strip("-._")
    return slug[:128] or "x"


def dumps_value(value: object) -> object:
    """A property value as a file attribute: lists as JSON text, dates as ISO text."""
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
