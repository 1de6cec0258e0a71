"""Maps, the explorer and /docs through the API and the CLI, on the CAAC
reference dataset in a real Neo4j."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.cli.transfer import shipped_dataset
from graph_service.domain.access import Role
from graph_service.repositories.database import Database
from graph_service.services.transfer import TransferService
from tests.callers import OPERATOR
from tests.integration.cli import run_cli

#: One request per kind of map, on the reference dataset.
MAPS: dict[str, dict[str, str]] = {
    "ecosystem": {"operation": "caac"},
    "brokers": {"operation": "caac", "size_by": "betweenness"},
    "silos": {"operation": "caac"},
    "allies": {"actor": "grdr"},
    "introductions": {"actor": "cgt", "target": "grdr"},
    "levels": {"operation": "caac"},
    "double-space": {},
    "horizontalisation": {"operation": "op-grdr-migrants-ess"},
    "similar": {"actor": "grdr"},
}


@pytest.fixture
def caac(client: TestClient, clean_database: Database) -> TestClient:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    return client


@pytest.mark.parametrize("kind", sorted(MAPS))
def test_every_map_is_a_private_self_contained_page(caac: TestClient, kind: str) -> None:
    response = caac.get(f"/maps/{kind}", params=MAPS[kind])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "private, no-store"
    assert "noindex" in response.headers["x-robots-tag"]
    assert '<html lang="fr">' in response.text and "<script src" not in response.text
    document = caac.get(f"/maps/{kind}/document", params=MAPS[kind]).json()
    assert document["kind"] == kind and document["reading"] and document["title"] in response.text
    assert document["nodes"] or document["geo"]["places"]


def test_the_brokers_map_names_the_cfsi_with_its_roles(caac: TestClient) -> None:
    document = caac.get("/maps/brokers/document", params={"operation": "caac"}).json()
    first = document["rows"][0]
    assert first["name"] == "Comité Français pour la Solidarité Internationale"
    assert first["group"] == "plateformes multi-acteurs" and "consultant" in first["sentence"]
    english = caac.get("/maps/brokers/document", params={"operation": "caac", "lang": "en"})
    assert english.json()["rows"][0]["group"] == "multi-actor platforms"


def test_the_double_space_map_links_hauts_de_france_to_kayes(caac: TestClient) -> None:
    document = caac.get("/maps/double-space/document").json()
    places = {place["name"]: place for place in document["geo"]["places"]}
    assert places["Hauts-de-France"]["feature"] == "FR-HDF"
    assert places["Région de Kayes"]["feature"] == "ML-1"
    assert "Grdr-Migration Citoyenneté Développement" in places["Région de Kayes"]["actors"]
    labels = {arc["label"] for arc in document["geo"]["arcs"]}
    assert "Hauts-de-France ↔ Région de Kayes" in labels and len(labels) == 3
    one = caac.get(
        "/maps/double-space/document", params={"link": "linked-to-hauts-de-france-region-de-kayes"}
    ).json()
    assert [arc["label"] for arc in one["geo"]["arcs"]] == ["Hauts-de-France ↔ Région de Kayes"]


def test_a_map_saved_for_sharing_is_a_download(caac: TestClient) -> None:
    response = caac.get("/maps/silos", params={"operation": "caac", "download": "true"})
    assert response.headers["content-disposition"] == 'attachment; filename="maillage-silos.html"'


@pytest.mark.parametrize(
    ("kind", "params", "field"),
    [
        ("allies", {"actor": "nobody"}, "actor"),
        ("ecosystem", {"compare_at": "2016-01-01"}, "query"),
        ("brokers", {"size_by": "colour"}, "size_by"),
        ("unknown-kind", {}, "kind"),
    ],
)
def test_bad_map_requests_are_problems(
    caac: TestClient, kind: str, params: dict[str, str], field: str
) -> None:
    response = caac.get(f"/maps/{kind}", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert field in response.text


def test_the_explorer_and_the_docs_use_only_local_assets(caac: TestClient) -> None:
    page = caac.get("/")
    assert page.status_code == 200 and "Maillage — explorateur" in page.text
    assert '<html lang="fr">' in page.text
    assert "Maillage — explorer" in caac.get("/", params={"lang": "en"}).text
    docs = caac.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert caac.get("/redoc").status_code == 404
    for asset in (
        "/static/maillage-explorer.js",
        "/static/maillage-map.js",
        "/static/swagger/swagger-ui-bundle.js",
        "/static/swagger/swagger-ui.css",
    ):
        assert caac.get(asset).status_code == 200, asset


def test_the_levels_map_names_persons_only_for_the_permission_and_when_asked(
    caac: TestClient, client_as: Callable[..., TestClient]
) -> None:
    def persons(client: TestClient, **params: str) -> list[str]:
        document = client.get("/maps/levels/document", params=params).json()
        return [n["label"] for n in document["nodes"] if n["kind"] == "person"]

    # The fixture's key holds the sensitive permission: persons named when asked.
    assert "Laure Vicard" in persons(caac, persons="true")
    assert persons(caac) == []
    assert persons(client_as(Role.VIEWER), persons="true") == []


def _cli(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(env, *arguments, timeout=180)


@pytest.fixture
def cli_env(caac: TestClient, neo4j_connection: Any) -> dict[str, str]:
    return {
        **os.environ,
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "NEO4J_DATABASE": neo4j_connection.database,
        "COLUMNS": "80",
        "MAILLAGE_LANG": "fr",
    }


def test_maillage_map_writes_a_page(cli_env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "double.html"
    result = _cli(cli_env, "map", "double-space", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "écrite dans" in result.stdout and "Région de Kayes" in target.read_text("utf-8")
    bad = _cli(cli_env, "map", "allies", "--actor", "nobody", "-o", str(target))
    assert bad.returncode == 1 and "nobody" in bad.stderr


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("brokers", "--operation", "caac", "--top", "5"), "agent de liaison"),
        (("silos", "--operation", "caac"), "indice E-I"),
        (("allies", "--actor", "grdr", "--top", "3"), "partenaires communs"),
        (("levels", "--operation", "caac"), "Niveaux voisins sans articulation"),
        (("double-space",), "Région de Kayes"),
        (("introductions", "--actor", "cgt", "--target", "grdr"), "Par "),
        (("similar", "--actor", "grdr", "--top", "3"), "partenaire(s) commun(s)"),
        (("similar", "--top", "3"), "Paire d'acteurs"),
    ],
)
def test_analysis_tables_read_in_an_80_column_terminal(
    cli_env: dict[str, str], arguments: tuple[str, ...], expected: str
) -> None:
    result = _cli(cli_env, "analyse", *arguments)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    text = " ".join(line.strip("│ ") for line in lines)
    assert expected in text.replace("  ", " ") or expected in result.stdout
    # Codes never reach the reader, whole or cut.
    for code in ("civil_society", "civil_s", "social_economy", "gatekeeper", "cons="):
        assert code not in result.stdout


def test_a_map_read_around_the_question_says_its_counts_are_not_the_scopes(
    caac: TestClient,
) -> None:
    """Allies and introductions read the actor's surroundings: their subtitle says
    the actors counted were read around the question; a whole-scope map does not."""
    for kind, params in (
        ("allies", {"actor": "GRDR"}),
        ("introductions", {"actor": "GRDR", "target": "APES"}),
    ):
        scope = caac.get(f"/maps/{kind}/document", params=params).json()["scope"]
        assert "lus autour de la question" in scope, (kind, scope)
    whole = caac.get("/maps/brokers/document").json()["scope"]
    assert "lus autour" not in whole and "acteurs" in whole
