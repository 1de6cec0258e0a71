"""CSV folders, XLSX workbooks and Kumu exports, against a real Neo4j."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from graph_service.config import Language
from graph_service.errors import ImportRejectedError
from graph_service.repositories.database import Database
from graph_service.services.transfer import TransferService
from importers.formats.tables import write_templates
from tests.callers import OPERATOR

ROOT = Path(__file__).resolve().parents[2]


def _csv(path: Path, rows: list[list[Any]], delimiter: str = ";") -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)


def _node_count(database: Database) -> int:
    records, _, _ = database.driver.execute_query("MATCH (n:Entity) RETURN count(n) AS n")
    return int(records[0]["n"])


def test_csv_folder_with_french_headers(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "ecosysteme"
    folder.mkdir()
    _csv(
        folder / "territoires.csv",
        [
            ["identifiant", "nom", "niveau", "pays", "parent"],
            ["france", "France", "national", "FR", ""],
            ["hdf", "Hauts-de-France", "regional", "FR", "france"],
        ],
    )
    _csv(
        folder / "acteurs.csv",
        [
            ["Identifiant", "Nom", "Alias", "Sphère", "Nature", "Pays", "x_budget"],
            ["grdr", "GRDR", "Grdr;Groupe de recherche", "civil_society", "ong", "FR", "120"],
            ["apes", "APES", "", "social_economy", "reseau_associatif", "FR", ""],
        ],
    )
    _csv(
        folder / "cadres.csv",
        [
            ["identifiant", "nom", "type", "niveau"],
            ["forum-hdf", "Forum régional", "forum", "regional"],
        ],
    )
    _csv(
        folder / "relations.csv",
        [
            ["type", "de", "vers", "valide_depuis", "modes", "force", "référence_source"],
            [
                "COOPERATES_WITH",
                "GRDR",
                "apes",
                "2014-01-01",
                "mecenat;societal_innovation",
                "3",
                "002:716",
            ],
            ["ANCHORED_IN", "grdr", "Hauts-de-France", "", "", "", ""],
        ],
    )
    _csv(
        folder / "participations.csv", [["acteur", "cadre", "rôle"], ["grdr", "forum-hdf", "chair"]]
    )
    report = TransferService(clean_database, OPERATOR).import_file(folder)
    assert report.format == "csv"
    assert report.summary["relationships"]["PART_OF"]["created"] == 1
    grdr = client.get("/api/v1/actors/grdr").json()
    assert grdr["aliases"] == ["Grdr", "Groupe de recherche"]
    tie = client.get("/api/v1/relationships", params={"types": ["COOPERATES_WITH"]}).json()[
        "items"
    ][0]
    assert (tie["from_id"], tie["to_id"], tie["strength"], tie["valid_from"]) == (
        "grdr",
        "apes",
        3,
        "2014-01-01",
    )
    assert tie["modes"] == ["mecenat", "societal_innovation"]
    assert client.get("/api/v1/actors", params={"territory": "france"}).json()["total"] == 1
    assert TransferService(clean_database, OPERATOR).import_file(folder).changes == 0


def test_xlsx_workbook_with_english_headers(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    actors = workbook.create_sheet("actors")
    actors.append(["id", "name", "sphere", "country"])
    actors.append(["cgt", "CGT", "union", "FR"])
    actors.append(["cgt-vietnam", "CGT Vietnam", "union", "VN"])
    relations = workbook.create_sheet("Relations")
    relations.append(["Type", "From", "To", "Kind", "Valid from"])
    relations.append(["COOPERATES_WITH", "cgt", "cgt-vietnam", "historical", datetime(1946, 1, 1)])
    path = tmp_path / "ecosystem.xlsx"
    workbook.save(path)
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.format == "xlsx"
    tie = client.get("/api/v1/relationships").json()["items"][0]
    assert (tie["kind"], tie["valid_from"]) == ("historical", "1946-01-01")


def test_broken_spreadsheet_is_refused_with_every_problem_located(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    _csv(
        folder / "actors.csv",
        [
            ["id", "name", "sphere", "colour"],
            ["a", "A", "martian", "red"],
            ["b", "", "market", ""],
            ["a", "A again", "public", ""],
            ["c1", "Twin", "public", ""],
            ["c2", "Twin", "market", ""],
        ],
        delimiter=",",
    )
    _csv(
        folder / "relations.csv",
        [
            ["type", "from", "to", "valid_from"],
            ["COOPERATES_WITH", "c1", "nowhere", ""],
            ["COOPERATES_WITH", "c1", "twin", ""],
            ["COOPERATES_WITH", "c1", "c2", "31/12/2015"],
        ],
        delimiter=",",
    )
    before = _node_count(clean_database)
    with pytest.raises(ImportRejectedError) as caught:
        TransferService(clean_database, OPERATOR).import_file(folder)
    problems = [p.render(Language.EN) for p in caught.value.problems]
    # the unknown column is reported on the header row; nothing else is read then
    assert [(p["file"], p["row"], p["column"]) for p in problems] == [("actors.csv", 1, "colour")]
    (folder / "actors.csv").write_text(
        (folder / "actors.csv")
        .read_text()
        .replace(",colour", "")
        .replace(",red", "")
        .replace(",\n", "\n")
    )
    with pytest.raises(ImportRejectedError) as caught:
        TransferService(clean_database, OPERATOR).import_file(folder)
    located = {
        (p["file"], p["row"], p["column"])
        for p in (q.render(Language.EN) for q in caught.value.problems)
    }
    assert located >= {
        ("actors.csv", 2, "sphere"),
        ("actors.csv", 3, "name"),
        ("actors.csv", 4, "id"),
        ("relations.csv", 2, "to"),
        ("relations.csv", 3, "to"),
        ("relations.csv", 4, "valid_from"),
    }
    assert _node_count(clean_database) == before


def test_problems_of_a_french_spreadsheet_name_its_own_headers(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    """The checks work on the domain's fields; the person reads the header they
    wrote, as they wrote it, and the reason in French."""
    folder = tmp_path / "ecosysteme"
    folder.mkdir()
    _csv(
        folder / "acteurs.csv",
        [
            ["Identifiant", "Nom", "Sphère", "Pays"],
            ["a", "A", "martienne", "XX"],
            ["b", "B", "public", "FR"],
            ["c", "C", "market", "SN"],
        ],
    )
    _csv(
        folder / "relations.csv",
        [
            ["type", "de", "vers", "valide_depuis"],
            ["COOPERATES_WITH", "b", "c", "2015-13-01"],
            ["COOPERATES_WITH", "b", "ailleurs", ""],
        ],
    )
    with pytest.raises(ImportRejectedError) as caught:
        TransferService(clean_database, OPERATOR).import_file(folder)
    said = {
        (p["file"], p["row"], p["column"]): p["message"]
        for p in (q.render(Language.FR) for q in caught.value.problems)
    }
    assert said[("acteurs.csv", 2, "Sphère")].startswith("Valeur inconnue")
    assert "n'est pas un code pays" in said[("acteurs.csv", 2, "Pays")]
    assert said[("relations.csv", 2, "valide_depuis")].startswith("Date invalide")
    assert ("relations.csv", 3, "vers") in said


def test_kumu_workbook_and_json(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    workbook = Workbook()
    elements = workbook.active
    elements.title = "Elements"
    elements.append(["Label", "Type", "Description", "Tags", "sphere"])
    elements.append(["Banana Link", "Organisation", "ONG", "banane|syndicats", "civil_society"])
    elements.append(["COLSIBA", "Acteur", None, None, "union"])
    elements.append(["Forum mondial de la banane", "Cadre de dialogue", None, None, None])
    elements.append(["Plantation X", "Entreprise", None, None, "market"])
    connections = workbook.create_sheet("Connections")
    connections.append(["From", "To", "Type", "Strength"])
    connections.append(["Banana Link", "COLSIBA", "partenariat", 2])
    connections.append(["Banana Link", "Forum mondial de la banane", "PARTICIPATES_IN", None])
    path = tmp_path / "kumu.xlsx"
    workbook.save(path)
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.format == "kumu"
    assert client.get("/api/v1/frameworks/forum-mondial-de-la-banane").status_code == 200
    plantation = client.get("/api/v1/actors/plantation-x").json()
    assert plantation["sphere"] == "market"
    tie = client.get("/api/v1/relationships", params={"types": ["COOPERATES_WITH"]}).json()[
        "items"
    ][0]
    assert (tie["strength"], tie["x_type"]) == (2, "partenariat")

    document = {
        "elements": [
            {
                "_id": "e1",
                "attributes": {
                    "label": "GRET",
                    "element type": "Organisation",
                    "sphere": "civil_society",
                },
            },
            {"_id": "e2", "attributes": {"label": "Vietnam", "element type": "Territoire"}},
        ],
        "connections": [{"from": "e1", "to": "e2", "attributes": {"connection type": "ACTIVE_IN"}}],
    }
    kumu_json = tmp_path / "project.json"
    kumu_json.write_text(json.dumps(document))
    report = TransferService(clean_database, OPERATOR).import_file(kumu_json)
    assert report.summary["relationships"] == {
        "ACTIVE_IN": {"created": 1, "updated": 0, "unchanged": 0}
    }


def test_shipped_templates_are_current_and_import_empty(
    clean_database: Database, tmp_path: Path
) -> None:
    fresh = write_templates(tmp_path / "templates")
    for path in fresh:
        if path.suffix == ".csv":
            shipped = ROOT / "templates" / path.relative_to(tmp_path / "templates")
            assert shipped.read_text() == path.read_text(), (
                f"{shipped} is stale: rerun write_templates"
            )
    for template in (
        ROOT / "templates" / "fr",
        ROOT / "templates" / "en",
        ROOT / "templates" / "maillage-fr.xlsx",
        ROOT / "templates" / "maillage-en.xlsx",
    ):
        assert TransferService(clean_database, OPERATOR).import_file(template).changes == 0


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_spreadsheet_export_round_trip(
    client: TestClient, clean_database: Database, tmp_path: Path, export_format: str
) -> None:
    from graph_service.services.transfer import ExportFormat
    from importers.formats import FileFormat

    for body in (
        {"id": "cfsi", "name": "CFSI", "sphere": "multi", "aliases": ["Comité", "Plateforme"]},
        {"id": "grdr", "name": "GRDR", "sphere": "civil_society", "country": "FR"},
    ):
        assert client.post("/api/v1/actors", json=body).status_code == 201
    assert (
        client.post(
            "/api/v1/frameworks",
            json={"id": "cfsi", "name": "CFSI", "type": "platform", "is_actor": True},
        ).status_code
        == 201
    )
    assert (
        client.post(
            "/api/v1/territories", json={"id": "lille", "name": "Lille", "lat": 50.63, "lon": 3.06}
        ).status_code
        == 201
    )
    assert (
        client.post(
            "/api/v1/relationships",
            json={
                "type": "COOPERATES_WITH",
                "from_id": "grdr",
                "to_id": "cfsi",
                "modes": ["mecenat"],
                "strength": 2,
                "valid_from": "2014-01-01",
                "source_ref": "002:716",
            },
        ).status_code
        == 201
    )
    assert (
        client.post(
            "/api/v1/relationships",
            json={"type": "ANCHORED_IN", "from_id": "grdr", "to_id": "lille", "primary": True},
        ).status_code
        == 201
    )
    service = TransferService(clean_database, OPERATOR)
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    service.export_file(before, ExportFormat.JSON)
    sheet_path = tmp_path / f"export.{export_format}"
    service.export_file(sheet_path, ExportFormat(export_format))
    clean_database.driver.execute_query("MATCH (n:Entity) WHERE NOT n:SDG DETACH DELETE n")
    report = service.import_file(sheet_path, file_format=FileFormat(export_format))
    assert report.changes == 5  # CFSI (actor and framework), GRDR, Lille and two ties
    service.export_file(after, ExportFormat.JSON)
    assert json.loads(before.read_text()) == json.loads(after.read_text())
