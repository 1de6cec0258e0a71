"""Hostile values (#11): control characters and non-finite numbers are refused at
write, formulas never survive into a spreadsheet, and errors echo only a short
prefix of what they were given."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from graph_service.repositories.database import Database
from graph_service.services.transfer import ExportFormat, TransferService
from tests.callers import OPERATOR


@pytest.mark.parametrize("name", ["GRDR\x07", "GR\x00DR", "GRDR\x1b[31m", "deux\nlignes"])
def test_control_characters_are_refused_at_write(client: TestClient, name: str) -> None:
    response = client.post(
        "/api/v1/actors", json={"id": "grdr", "name": name, "sphere": "civil_society"}
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "name"
    assert client.get("/api/v1/actors/grdr").status_code == 404


def test_a_description_keeps_its_lines(client: TestClient) -> None:
    body = {"id": "grdr", "name": "GRDR", "sphere": "civil_society", "description": "a\nb\tc"}
    assert client.post("/api/v1/actors", json=body).status_code == 201


def test_non_finite_amounts_are_refused(client: TestClient) -> None:
    for id in ("afd", "grdr"):
        body = {"id": id, "name": id, "sphere": "public"}
        assert client.post("/api/v1/actors", json=body).status_code == 201
    for amount in ("1e999", "-1e999"):  # JSON numbers that read as infinity
        response = client.post(
            "/api/v1/relationships",
            content=f'{{"type": "FUNDS", "from_id": "afd", "to_id": "grdr", "amount": {amount}}}',
            headers={"content-type": "application/json"},
        )
        assert response.status_code == 422, response.text


def test_errors_echo_a_short_prefix_only(client: TestClient) -> None:
    response = client.post(
        "/api/v1/actors", json={"id": "x", "name": "N" * 5000, "sphere": "civil_society"}
    )
    assert response.status_code == 422
    assert len(response.text) < 1000
    assert response.json()["errors"][0]["value"].endswith("…")


def test_no_formula_survives_into_a_spreadsheet(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    hostile = '=HYPERLINK("http://example.invalid","clic")'
    body = {"id": "piege", "name": hostile, "sphere": "civil_society", "aliases": ["@SUM(A1)"]}
    assert client.post("/api/v1/actors", json=body).status_code == 201
    workbook_path = tmp_path / "export.xlsx"
    TransferService(clean_database, OPERATOR).export_file(workbook_path, ExportFormat.XLSX)
    workbook = load_workbook(workbook_path)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [c for c in cells if c.data_type == "f"], "a formula survived"
    assert any(c.value == "'" + hostile for c in cells)
    csv_folder = tmp_path / "csv"
    TransferService(clean_database, OPERATOR).export_file(csv_folder, ExportFormat.CSV)
    text = "".join(p.read_text(encoding="utf-8") for p in csv_folder.glob("*.csv"))
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    for exported in (workbook_path, csv_folder):
        assert TransferService(clean_database, OPERATOR).import_file(exported).changes == 0
    assert client.get("/api/v1/actors/piege").json()["name"] == hostile
