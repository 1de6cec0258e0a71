"""How the spreadsheet readers hand a folder's rows to validation: the node sheets
first whatever the files' order (a relation naming a node read before it is checked
in the first pass), blank rows passed over, and empty cells left out."""

from __future__ import annotations

from pathlib import Path

from importers.formats.tables import read_csv
from importers.records import NodeRecord, RelationshipRecord


def _folder(tmp_path: Path, sheets: dict[str, str]) -> Path:
    for name, text in sheets.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_node_sheets_come_before_relation_sheets_whatever_the_file_names(
    tmp_path: Path,
) -> None:
    # "relations.csv" sorts before "territories.csv": read in that order, the
    # relations would name territories not met yet.
    folder = _folder(
        tmp_path,
        {
            "actors.csv": "id,name,sphere\na1,Alpha,civil_society\n",
            "relations.csv": "type,from,to\nANCHORED_IN,a1,t1\nPART_OF,t1,t0\n",
            "territories.csv": "id,name,level\nt0,France,country\nt1,Lyon,commune\n",
        },
    )
    records = list(read_csv(folder).records)
    kinds = [type(record) for record in records]
    assert kinds == [NodeRecord, NodeRecord, NodeRecord, RelationshipRecord, RelationshipRecord]
    assert [r.location.file for r in records] == [
        "actors.csv",
        "territories.csv",
        "territories.csv",
        "relations.csv",
        "relations.csv",
    ]


def test_blank_rows_are_passed_over_and_empty_cells_left_out(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "actors.csv": (
                "id,name,aliases,sphere,description\n"
                "a1,Alpha,, civil_society ,   \n"
                ",,,,\n"
                "  ,\t,,,\n"
                "a2,Beta,B; Bêta,public,0\n"
            ),
        },
    )
    records = list(read_csv(folder).records)
    assert [r.location.row for r in records] == [2, 5]
    assert records[0].properties == {"id": "a1", "name": "Alpha", "sphere": "civil_society"}
    assert records[1].properties == {
        "id": "a2",
        "name": "Beta",
        "aliases": ["B", "Bêta"],
        "sphere": "public",
        "description": "0",
    }


def test_a_row_with_a_value_only_under_an_untitled_column_is_read(tmp_path: Path) -> None:
    # Not blank: validation refuses it for what it lacks, rather than the import
    # losing a row silently.
    folder = _folder(tmp_path, {"actors.csv": "id,name,\n,,stray\n"})
    (record,) = read_csv(folder).records
    assert isinstance(record, NodeRecord)
    assert record.properties == {}
    assert record.location.row == 2
