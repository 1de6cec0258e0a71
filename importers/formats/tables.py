"""Spreadsheets: a CSV folder (one file per sheet) or an XLSX workbook (one sheet
per kind of record), with French or English column headers.

Sheets: ``actors``/``acteurs``, ``persons``/``personnes``,
``territories``/``territoires``, ``frameworks``/``cadres``,
``operations``/``opérations``, ``issues``/``enjeux``, ``relations`` (any
relationship: ``type``, ``from``/``de``, ``to``/``vers`` and its properties) and
``participations`` (who takes part in which dialogue framework).  A territory row
may name its ``parent`` (``PART_OF``); a framework row ``is_actor`` to be the same
node as the actor of that id.

Headers match the domain's field names in English, or their French names
(``nom``, ``pays``, ``niveau``…), whatever the case, accents or spaces.  Lists
(aliases, modes, issues) are separated by ``;``.  Empty cells are empty values.
Rows are read one at a time (csv, openpyxl's read-only mode) as the import goes
through them, so a large file is never held in memory.  The templates in
``templates/`` are written by :func:`write_templates`.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from itertools import compress
from pathlib import Path
from typing import Any

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.domain.relationships import RELATIONSHIP_MODELS
from graph_service.domain.resources import NODE_RESOURCES
from graph_service.errors import ReadError
from importers.records import (
    EXTRA_PREFIX,
    ImportProblem,
    Location,
    NodeRecord,
    Record,
    RecordStream,
    RelationshipRecord,
)

#: French names of the columns (English names are the domain's field names).
FRENCH: dict[str, str] = {
    "id": "identifiant",
    "name": "nom",
    "aliases": "alias",
    "kind": "genre",
    "sphere": "sphère",
    "nature": "nature",
    "country": "pays",
    "description": "description",
    "website": "site_web",
    "pseudonym": "pseudonyme",
    "title": "fonction",
    "level": "niveau",
    "code": "code",
    "lat": "latitude",
    "lon": "longitude",
    "type": "type",
    "formality": "formalité",
    "initiator": "initiateur",
    "decision_power": "pouvoir_de_décision",
    "programme": "programme",
    "start_date": "date_de_début",
    "end_date": "date_de_fin",
    "source": "source",
    "source_ref": "référence_source",
    "confidence": "confiance",
    "recorded_by": "saisi_par",
    "from": "de",
    "to": "vers",
    "valid_from": "valide_depuis",
    "valid_to": "valide_jusqu_au",
    "date_precision": "précision_des_dates",
    "date_source_ref": "référence_des_dates",
    "modes": "modes",
    "strength": "force",
    "amount": "montant",
    "currency": "devise",
    "instrument": "instrument",
    "board_seat": "siège_au_conseil",
    "intensity": "intensité",
    "resolved_at": "résolu_le",
    "primary": "principal",
    "role": "rôle",
    "unit": "service",
    "stance": "position",
    "last_verified": "vérifié_le",
    "seats": "sièges",
    "condition": "condition",
    "operation": "opération",
    "issues": "enjeux",
    "parent": "parent",
    "is_actor": "est_un_acteur",
    "actor": "acteur",
    "framework": "cadre",
}

LIST_FIELDS = {"aliases", "modes", "issues"}


@dataclass(frozen=True)
class Sheet:
    name: str
    french: str
    label: NodeLabel | None  # None for relations and participations
    columns: tuple[str, ...]


def _node_columns(label: NodeLabel) -> tuple[str, ...]:
    resource = next(r for r in NODE_RESOURCES if r.label is label)
    columns = list(resource.create.model_fields)
    if label is NodeLabel.TERRITORY:
        columns.append("parent")
    return tuple(columns)


def _relation_columns() -> tuple[str, ...]:
    columns: dict[str, None] = dict.fromkeys(["type", "from", "to", "id", "valid_from", "valid_to"])
    for model in RELATIONSHIP_MODELS.values():
        columns.update(
            dict.fromkeys(c for c in model.model_fields if c not in ("type", "from_id", "to_id"))
        )
    return tuple(columns)


SHEETS: tuple[Sheet, ...] = (
    Sheet("actors", "acteurs", NodeLabel.ACTOR, _node_columns(NodeLabel.ACTOR)),
    Sheet("persons", "personnes", NodeLabel.PERSON, _node_columns(NodeLabel.PERSON)),
    Sheet("territories", "territoires", NodeLabel.TERRITORY, _node_columns(NodeLabel.TERRITORY)),
    Sheet(
        "frameworks",
        "cadres",
        NodeLabel.DIALOGUE_FRAMEWORK,
        _node_columns(NodeLabel.DIALOGUE_FRAMEWORK),
    ),
    Sheet("operations", "opérations", NodeLabel.OPERATION, _node_columns(NodeLabel.OPERATION)),
    Sheet("issues", "enjeux", NodeLabel.ISSUE, _node_columns(NodeLabel.ISSUE)),
    Sheet("relations", "relations", None, _relation_columns()),
    Sheet(
        "participations",
        "participations",
        None,
        (
            "actor",
            "framework",
            "role",
            "seats",
            "decision_power",
            "valid_from",
            "valid_to",
            "date_precision",
            "date_source_ref",
            "id",
            "source",
            "source_ref",
            "confidence",
            "recorded_by",
        ),
    ),
)


def _key(text: str) -> str:
    """Header or sheet name folded: lower case, no accents, '_' for spaces and dashes.

    >>> _key("Date de début")
    'date_de_debut'
    """
    folded = unicodedata.normalize("NFKD", str(text).strip().lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return "_".join(folded.replace("-", " ").replace("'", " ").split())


_SHEETS_BY_KEY = {_key(name): sheet for sheet in SHEETS for name in (sheet.name, sheet.french)}


def sheet_named(name: str) -> Sheet | None:
    return _SHEETS_BY_KEY.get(_key(name))


def _column_map(sheet: Sheet) -> dict[str, str]:
    # Exports carry each record's recording date; templates do not ask for it.
    mapping = {"recorded_at": "recorded_at", _key("saisi_le"): "recorded_at"}
    for column in sheet.columns:
        mapping[_key(column)] = column
        mapping[_key(FRENCH.get(column, column))] = column
    return mapping


def _cell(value: Any, column: str) -> Any:
    """A cell's value as the domain reads it (lists split on ';', dates as dates)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("'"):  # neutralised on export (see neutralised)
            value = value[1:]
        if value == "":
            return None
        if column in LIST_FIELDS:
            return [part.strip() for part in value.split(";") if part.strip()]
    elif column in LIST_FIELDS:
        return [str(value)]
    if (
        isinstance(value, float)
        and value.is_integer()
        and column in ("strength", "seats", "intensity")
    ):
        return int(value)
    return value


@dataclass
class _Table:
    """One sheet of a file, its header checked: how its columns map to fields, and
    how to read its rows again (each pass opens the file anew)."""

    sheet: Sheet
    file_name: str
    sheet_label: str | None
    columns: list[str | None]
    rows: Callable[[], Iterator[tuple[int, list[Any]]]]
    #: The header as written, by field, where it is not the field's own name.
    titles: dict[str, str]
    #: Whether every cell is read as text (a CSV file): then an empty cell is a
    #: false value, and passing over the empty cells is done in C.
    text_only: bool = False


def _columns(
    sheet: Sheet,
    header: list[Any],
    file_name: str,
    sheet_label: str | None,
    problems: list[ImportProblem],
) -> list[str | None]:
    """The field of each column (None: ignored); unknown titles are problems."""
    mapping = _column_map(sheet)
    columns: list[str | None] = []
    for title in header:
        if title is None or str(title).strip() == "":
            columns.append(None)
            continue
        key = _key(str(title))
        if key in mapping:
            columns.append(mapping[key])
        elif key.startswith(EXTRA_PREFIX):
            columns.append(key)
        else:
            columns.append(None)
            problems.append(
                ImportProblem(
                    Location(file_name, sheet_label, 1, str(title)),
                    "import.unknown_column",
                    value=str(title),
                    values={"name": str(title), "sheet": sheet.name},
                )
            )
    return columns


def _titles(header: list[Any], columns: list[str | None]) -> dict[str, str]:
    """The title each field has in the file, where it is not the field's name (a
    French header): problems are located by field, and said with the title."""
    return {
        field: str(title).strip()
        for title, field in zip(header, columns, strict=False)
        if field is not None and str(title).strip() != field
    }


def _table_records(table: _Table) -> Iterator[Record]:
    columns = table.columns
    for row_number, values in table.rows():
        # Most cells of a wide sheet are empty (the relations sheet has 33 columns,
        # a row fills about six): they are passed over before any work on them.
        cells = zip(columns, values, strict=False)
        filled = (
            compress(cells, values)
            if table.text_only
            else ((c, v) for c, v in cells if v is not None and v != "")
        )
        row = {c: cell for c, v in filled if c is not None and (cell := _cell(v, c)) is not None}
        if not row and _is_blank(values):
            continue
        where = Location(table.file_name, table.sheet_label, row_number)
        yield from _row_records(table.sheet, row, where)


def _is_blank(values: list[Any]) -> bool:
    """A row with nothing in any cell, an ignored column's included (a row with a
    value only under an untitled column is read, and refused for what it lacks)."""
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _row_records(sheet: Sheet, row: dict[str, Any], where: Location) -> Iterator[Record]:
    if sheet.label is not None:
        parent = row.pop("parent", None)
        if sheet.label is NodeLabel.DIALOGUE_FRAMEWORK and str(row.pop("is_actor", "")).lower() in (
            "true",
            "1",
            "oui",
            "yes",
            "vrai",
        ):
            labels: tuple[str, ...] = _PLATFORM
        else:
            row.pop("is_actor", None)
            labels = (sheet.label.value,)
        for key in ("id", "code"):
            if key in row:
                row[key] = str(row[key])
        yield NodeRecord(labels, row, where)
        if parent is not None and "id" in row:
            yield RelationshipRecord(
                RelationshipType.PART_OF.value, row["id"], str(parent), {}, where.at("parent")
            )
    elif sheet.name == "participations":
        yield RelationshipRecord(
            RelationshipType.PARTICIPATES_IN.value,
            str(row.pop("actor", "")),
            str(row.pop("framework", "")),
            row,
            where,
        )
    else:
        yield RelationshipRecord(
            str(row.pop("type", "")), str(row.pop("from", "")), str(row.pop("to", "")), row, where
        )


_PLATFORM = (NodeLabel.ACTOR.value, NodeLabel.DIALOGUE_FRAMEWORK.value)


def _stream(format_name: str, tables: list[_Table], problems: list[ImportProblem]) -> RecordStream:
    if problems:
        raise ReadError(problems[0], problems)
    titles = {(t.file_name, t.sheet_label): t.titles for t in tables if t.titles}
    # The node sheets before the relation sheets, whatever order the files or tabs
    # come in ("relations.csv" sorts before "territories.csv"): a relation naming
    # nodes already read is checked at once, one naming a node still to come is
    # stored as read, then read back and checked in a second pass.
    in_order = sorted(tables, key=lambda table: table.sheet.label is None)
    return RecordStream(format_name, _with_platforms_merged(in_order), titles)


def _with_platforms_merged(tables: list[_Table]) -> Iterator[Record]:
    """Every table's records, except that a platform that is also an actor (a row
    in ``actors`` and a row with ``is_actor`` in ``frameworks``) comes out as one
    node with both labels and both rows' properties.  Platforms are few: their rows
    are read first and held until the end."""
    held: dict[Any, NodeRecord] = {}
    repeated: list[NodeRecord] = []  # a second platform row with the same id
    for table in tables:
        if table.sheet.label is NodeLabel.DIALOGUE_FRAMEWORK:
            for record in _table_records(table):
                if isinstance(record, NodeRecord) and record.labels == _PLATFORM:
                    key = record.properties.get("id")
                    if key in held:
                        repeated.append(record)
                    else:
                        held[key] = record
    for table in tables:
        for record in _table_records(table):
            if isinstance(record, NodeRecord):
                if record.labels == _PLATFORM:
                    continue
                platform = held.get(record.properties.get("id"))
                if platform is not None and record.labels == (NodeLabel.ACTOR.value,):
                    platform.properties = {**record.properties, **platform.properties}
                    continue
            yield record
    yield from held.values()
    yield from repeated


def _csv_delimiter(file: Path) -> str:
    with file.open(newline="", encoding="utf-8-sig") as stream:
        sample = stream.readline()
    return ";" if sample.count(";") > sample.count(",") else ","


def _csv_rows(file: Path, delimiter: str) -> Callable[[], Iterator[tuple[int, list[Any]]]]:
    def rows() -> Iterator[tuple[int, list[Any]]]:
        with file.open(newline="", encoding="utf-8-sig") as stream:
            reader = csv.reader(stream, delimiter=delimiter)
            next(reader, None)
            yield from enumerate(reader, start=2)

    return rows


def read_csv(path: Path) -> RecordStream:
    """A folder of ``<sheet>.csv`` files, or one such file.  ``,`` or ``;`` separated.
    Headers are checked now; rows are read as the stream is gone through."""
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    problems: list[ImportProblem] = []
    tables = []
    for file in files:
        sheet = sheet_named(file.stem)
        if sheet is None:
            problems.append(
                ImportProblem(
                    Location(file.name),
                    "import.unknown_sheet",
                    value=file.stem,
                    values={"sheets": ", ".join(s.name for s in SHEETS)},
                )
            )
            continue
        delimiter = _csv_delimiter(file)
        with file.open(newline="", encoding="utf-8-sig") as stream:
            header = next(csv.reader(stream, delimiter=delimiter), [])
        columns = _columns(sheet, list(header), file.name, None, problems)
        tables.append(
            _Table(
                sheet,
                file.name,
                None,
                columns,
                _csv_rows(file, delimiter),
                _titles(header, columns),
                text_only=True,
            )
        )
    return _stream("csv", tables, problems)


def _xlsx_rows(path: Path, title: str) -> Callable[[], Iterator[tuple[int, list[Any]]]]:
    def rows() -> Iterator[tuple[int, list[Any]]]:
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            values = workbook[title].iter_rows(min_row=2, values_only=True)
            yield from ((number, list(row)) for number, row in enumerate(values, start=2))
        finally:
            workbook.close()

    return rows


def read_xlsx(path: Path) -> RecordStream:
    """A workbook with one sheet per kind of record (other sheets are reported).
    Sheets are read in openpyxl's read-only mode, row by row."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    problems: list[ImportProblem] = []
    tables = []
    try:
        for worksheet in workbook.worksheets:
            sheet = sheet_named(worksheet.title)
            if sheet is None:
                problems.append(
                    ImportProblem(
                        Location(path.name, worksheet.title),
                        "import.unknown_sheet",
                        value=worksheet.title,
                        values={"sheets": ", ".join(s.name for s in SHEETS)},
                    )
                )
                continue
            header = list(next(worksheet.iter_rows(max_row=1, values_only=True), ()))
            columns = _columns(sheet, header, path.name, worksheet.title, problems)
            tables.append(
                _Table(
                    sheet,
                    path.name,
                    worksheet.title,
                    columns,
                    _xlsx_rows(path, worksheet.title),
                    _titles(header, columns),
                )
            )
    finally:
        workbook.close()
    return _stream("xlsx", tables, problems)


def write_templates(folder: Path) -> list[Path]:
    """Empty templates: ``fr/`` and ``en/`` CSV folders and one workbook per language."""
    from openpyxl import Workbook

    written = []
    for language in ("fr", "en"):
        (folder / language).mkdir(parents=True, exist_ok=True)
        workbook = Workbook()
        workbook.remove(workbook.active)
        for sheet in SHEETS:
            headers = [FRENCH.get(c, c) if language == "fr" else c for c in sheet.columns]
            title = sheet.french if language == "fr" else sheet.name
            target = folder / language / f"{title}.csv"
            with target.open("w", newline="", encoding="utf-8") as stream:
                csv.writer(stream).writerow(headers)
            written.append(target)
            workbook.create_sheet(title).append(headers)
        target = folder / f"maillage-{language}.xlsx"
        workbook.save(target)
        written.append(target)
    return written


#: A cell starting with one of these is a formula to a spreadsheet program: a name
#: such as "=HYPERLINK(…)" must stay text (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """Text a spreadsheet will not run: a leading apostrophe before a formula start
    (spreadsheets hide it; :func:`_cell` removes it when the file is read back).

    >>> neutralised("=HYPERLINK(1)"), neutralised("GRDR"), neutralised("'quoted")
    ("'=HYPERLINK(1)", 'GRDR', "''quoted")
    """
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def _text(value: Any) -> Any:
    """A property as a cell: lists joined by ';', dates and times as ISO text, and
    text that a spreadsheet would take for a formula neutralised."""
    if isinstance(value, list | tuple):
        return neutralised(";".join(str(item) for item in value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return neutralised(value)
    return value


_SHEET_OF_LABEL = {sheet.label.value: sheet for sheet in SHEETS if sheet.label is not None}
_RELATIONS_SHEET = next(sheet for sheet in SHEETS if sheet.name == "relations")


def _node_rows(node: dict[str, Any]) -> Iterator[tuple[Sheet, dict[str, Any]]]:
    """A node as sheet rows: one per label (a platform that is also an actor has a
    row in each sheet); SDGs are seeded, not exported."""
    labels = set(node["labels"])
    for label in sorted(labels & set(_SHEET_OF_LABEL)):
        sheet = _SHEET_OF_LABEL[label]
        own = set(sheet.columns) | {"recorded_at"}
        row = {
            k: v for k, v in node["properties"].items() if k in own or k.startswith(EXTRA_PREFIX)
        }
        if label == NodeLabel.DIALOGUE_FRAMEWORK.value and NodeLabel.ACTOR.value in labels:
            row["is_actor"] = True
        yield sheet, row


def _relation_row(rel: dict[str, Any]) -> dict[str, Any]:
    return {"type": rel["type"], "from": rel["from"], "to": rel["to"], **rel["properties"]}


def _rows_by_sheet(
    nodes: Iterable[dict[str, Any]], relationships: Iterable[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Records as rows, by sheet; every relationship goes to ``relations``."""
    rows: dict[str, list[dict[str, Any]]] = {sheet.name: [] for sheet in SHEETS}
    for node in nodes:
        for sheet, row in _node_rows(node):
            rows[sheet.name].append(row)
    rows[_RELATIONS_SHEET.name] = [_relation_row(rel) for rel in relationships]
    return rows


def _header(sheet: Sheet, rows: list[dict[str, Any]]) -> list[str]:
    present = {key for row in rows for key in row}
    columns = [
        c for c in sheet.columns if c in present or c in ("id", "name", "type", "from", "to")
    ]
    extras = sorted(k for k in present if k not in sheet.columns)
    return columns + extras


def _tables(
    nodes: Iterable[dict[str, Any]], relationships: Iterable[dict[str, Any]]
) -> Iterator[tuple[Sheet, list[str], list[list[Any]]]]:
    """(sheet, header, rows as cells) for every sheet that has rows."""
    for sheet_name, rows in _rows_by_sheet(nodes, relationships).items():
        if rows:
            sheet = next(s for s in SHEETS if s.name == sheet_name)
            header = _header(sheet, rows)
            yield sheet, header, [[_text(row.get(column)) for column in header] for row in rows]


def _count(counts: dict[str, int], sheet: Sheet, rows: int) -> None:
    counts["relationships" if sheet.label is None else "nodes"] += rows


def write_csv(
    folder: Path,
    nodes: Iterable[dict[str, Any]],
    relationships: Iterable[dict[str, Any]],
    scope: dict[str, Any],
) -> dict[str, int]:
    """A folder of CSV files (English headers), one per sheet that has rows."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {"nodes": 0, "relationships": 0}
    for sheet, header, rows in _tables(nodes, relationships):
        with (folder / f"{sheet.name}.csv").open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            writer.writerows(rows)
        _count(counts, sheet, len(rows))
    return counts


def write_csv_stream(
    folder: Path, nodes: Iterable[dict[str, Any]], relationships: Iterable[dict[str, Any]]
) -> dict[str, int]:
    """A CSV folder written one record at a time, for files too large to hold
    (``maillage synth --format csv``).  Headers cannot wait for the last row, so
    each file has every domain column of its sheet and ``recorded_at``; ``x_``
    properties, which only the whole file would tell, are not written."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {"nodes": 0, "relationships": 0}
    with ExitStack() as files:
        writers: dict[str, tuple[Any, list[str]]] = {}

        def write(sheet: Sheet, row: dict[str, Any]) -> None:
            if sheet.name not in writers:
                path = folder / f"{sheet.name}.csv"
                stream = files.enter_context(path.open("w", newline="", encoding="utf-8"))
                header = [*sheet.columns, "recorded_at"]
                writers[sheet.name] = (csv.writer(stream), header)
                writers[sheet.name][0].writerow(header)
            writer, header = writers[sheet.name]
            writer.writerow([_text(row.get(column)) for column in header])

        for node in nodes:
            for sheet, row in _node_rows(node):
                write(sheet, row)
            counts["nodes"] += 1
        for rel in relationships:
            write(_RELATIONS_SHEET, _relation_row(rel))
            counts["relationships"] += 1
    return counts


def write_xlsx(
    path: Path,
    nodes: Iterable[dict[str, Any]],
    relationships: Iterable[dict[str, Any]],
    scope: dict[str, Any],
) -> dict[str, int]:
    """A workbook (English headers), one sheet per kind of record that has rows."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    counts = {"nodes": 0, "relationships": 0}
    for sheet, header, rows in _tables(nodes, relationships):
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.append(header)
        for row in rows:
            worksheet.append(row)
        _count(counts, sheet, len(rows))
    workbook.save(path)
    return counts
