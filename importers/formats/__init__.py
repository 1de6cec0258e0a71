"""File formats: each module reads a file into an :class:`~importers.records.ImportBatch`
and, where the format can hold our graph, writes one back."""

from __future__ import annotations

import json
import re
import unicodedata
from enum import StrEnum
from pathlib import Path

from importers.records import ImportProblem, Location, ReadError


class FileFormat(StrEnum):
    JSON = "json"  # the project's own, lossless
    GRAPHML = "graphml"
    GEXF = "gexf"


def detect_format(path: Path) -> FileFormat:
    """The format of ``path``, from its extension, checked against its content.

    >>> detect_format(Path("ecosystem.graphml"))
    <FileFormat.GRAPHML: 'graphml'>
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix in {f.value for f in FileFormat}:
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
