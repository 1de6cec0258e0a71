"""What a reader produces: format-neutral records that remember where they came
from (file, sheet, row, column), so that every problem can be located."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graph_service.config import Language
from graph_service.i18n import translate_or_keep

#: Prefix of properties a file carries beyond the domain model (GraphML/GEXF
#: attributes with no domain meaning): kept, round-tripped, never interpreted.
EXTRA_PREFIX = "x_"


@dataclass(frozen=True)
class Location:
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def at(self, column: str | None) -> Location:
        return Location(self.file, self.sheet, self.row, column)

    def describe(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            parts.append(f"#{self.row}")
        if self.column:
            parts.append(self.column)
        return ":".join(parts)


@dataclass
class NodeRecord:
    labels: tuple[str, ...]
    properties: dict[str, Any]
    location: Location


@dataclass
class RelationshipRecord:
    type: str
    source: str  # an id, or a name or alias to resolve
    target: str
    properties: dict[str, Any]
    location: Location


Record = NodeRecord | RelationshipRecord


@dataclass
class RecordStream:
    """What a reader gives: the file's records in any order, produced as they are
    read (JSON, CSV and XLSX readers never hold the whole file), to be gone
    through once.  Problems with the container itself (a broken file, an unknown
    sheet or column) raise :class:`graph_service.errors.ReadError`, possibly while
    it is gone through."""

    format: str
    records: Iterable[Record]
    #: Column titles as the file writes them, by (file, sheet) then field, where
    #: they are not the field's name (a spreadsheet with French headers).
    column_titles: Mapping[tuple[str, str | None], Mapping[str, str]] = field(default_factory=dict)

    def as_written(self, problem: ImportProblem) -> ImportProblem:
        """``problem`` located at the column's title in the file: checks name the
        field (``sphere``), the person reads the header they wrote (``sphère``)."""
        where = problem.location
        title = self.column_titles.get((where.file, where.sheet), {}).get(where.column or "")
        return problem if title is None else replace(problem, location=where.at(title))


@dataclass(frozen=True)
class ImportProblem:
    """One problem: where, which value, and why (a catalogue key or a message)."""

    location: Location
    message: str
    value: Any = None
    values: dict[str, object] = field(default_factory=dict)

    def render(self, language: Language) -> dict[str, Any]:
        text = translate_or_keep(self.message, language, self.values)
        rendered: dict[str, Any] = {
            "file": self.location.file,
            "sheet": self.location.sheet,
            "row": self.location.row,
            "column": self.location.column,
            "message": text,
        }
        if self.value is not None:
            rendered["value"] = (
                self.value if isinstance(self.value, str | int | float | bool) else str(self.value)
            )
        return rendered
