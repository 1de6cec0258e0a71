"""Every kind of map and the explorer in headless Chromium, offline: the
expected nodes are drawn on a non-blank canvas, nothing fails in the console,
no request leaves the file or this machine, and a screenshot is kept (under
``test-artefacts/browser/``) to be looked at."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from graph_service.cli.transfer import shipped_dataset
from graph_service.config import Settings
from graph_service.domain.access import Role
from graph_service.repositories.database import Database
from graph_service.services.maps import MapKind, MapQuery, MapService
from graph_service.services.transfer import TransferService
from tests.callers import OPERATOR
from tests.e2e.conftest import LiveServer, Watched, keep_screenshot
from tests.integration.conftest import issue_key
from visualisations.document import MapDocument

pytestmark = pytest.mark.browser

QUERIES: dict[MapKind, dict[str, str]] = {
    MapKind.ECOSYSTEM: {"at": "2015-06-01", "compare_at": "2018-06-01"},
    MapKind.BROKERS: {"operation": "caac"},
    MapKind.SILOS: {"operation": "caac"},
    MapKind.ALLIES: {"actor": "grdr", "top": "8"},
    MapKind.INTRODUCTIONS: {"actor": "cgt", "target": "grdr"},
    MapKind.LEVELS: {"operation": "caac"},
    MapKind.DOUBLE_SPACE: {},
    MapKind.HORIZONTALISATION: {"here": "Hauts-de-France", "there": "Région de Kayes"},
    MapKind.SIMILAR: {"actor": "grdr", "top": "6"},
    MapKind.INSIDE_ALLIES: {
        "actor": "fictif-collectif",
        "target": "fictif-fruitco",
        "at": "2026-06-01",
    },
}


@dataclass
class SavedMap:
    path: Path
    document: MapDocument


@pytest.fixture
def saved_maps(clean_database: Database, tmp_path: Path) -> dict[MapKind, SavedMap]:
    for dataset in ("caac", "inside-allies-example"):
        TransferService(clean_database, OPERATOR).import_file(shipped_dataset(dataset))
    service = MapService(clean_database, Settings(), caller=OPERATOR)
    maps = {}
    for kind, raw in QUERIES.items():
        query = MapQuery.model_validate(raw)
        path = tmp_path / f"{kind.value}.html"
        path.write_text(service.render(kind, query), encoding="utf-8")
        maps[kind] = SavedMap(path, service.document(kind, query))
    return maps


def inked_pixels(png: bytes) -> int:
    """Pixels that are not the background (white, or the sea of the geographic map)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    background = {(255, 255, 255), (219, 233, 244)}
    return sum(
        count for count, colour in image.getcolors(1 << 24) or [] if colour not in background
    )


def open_map(watched: Watched, saved: SavedMap) -> None:
    watched.page.goto(saved.path.as_uri())
    watched.page.wait_for_function("window.maillageMap && window.maillageMap.ready", timeout=15000)
    watched.page.wait_for_timeout(300)


@pytest.mark.parametrize("kind", list(MapKind), ids=lambda kind: kind.value)
def test_every_map_draws_offline(
    kind: MapKind, saved_maps: dict[MapKind, SavedMap], watched: Watched
) -> None:
    saved = saved_maps[kind]
    open_map(watched, saved)
    page = watched.page
    drawn = page.evaluate("[window.maillageMap.nodes, window.maillageMap.edges]")
    if saved.document.geo is not None:
        assert drawn == [len(saved.document.geo.places), len(saved.document.geo.arcs)]
        assert page.locator(".leaflet-interactive").count() >= drawn[0]
    else:
        assert drawn[0] == len(saved.document.nodes) > 0
        assert page.evaluate("window.maillageMap.drawnNodes()") == drawn[0]
    stage = page.locator("#maillage-stage").screenshot()
    assert inked_pixels(stage) > 2000, "the map is blank"
    assert page.locator("h1").inner_text() == saved.document.title
    assert page.locator(".legend li").count() >= 2
    keep_screenshot(page, kind.value)
    assert watched.errors == []
    assert watched.refused == []


def test_search_selects_an_actor_and_shows_its_source(
    saved_maps: dict[MapKind, SavedMap], watched: Watched
) -> None:
    open_map(watched, saved_maps[MapKind.BROKERS])
    page = watched.page
    search = page.get_by_placeholder("Chercher un acteur par son nom…")
    search.fill("confederation generale du travail")
    search.press("Enter")
    details = page.locator(".details")
    details.get_by_text("Confédération Générale du Travail").first.wait_for()
    assert "Source" in details.inner_text() and "002:" in details.inner_text()
    assert "Voisins" in details.inner_text()
    keep_screenshot(page, "brokers-search")


def test_filters_hide_a_sphere_and_the_silos_view_switches_colours(
    saved_maps: dict[MapKind, SavedMap], watched: Watched
) -> None:
    open_map(watched, saved_maps[MapKind.SILOS])
    page = watched.page
    before = page.evaluate("window.maillageMap.drawnNodes()")
    page.get_by_label("pouvoirs publics").uncheck()
    after = page.evaluate("window.maillageMap.drawnNodes()")
    public = sum(
        1
        for n in saved_maps[MapKind.SILOS].document.nodes
        if n.facets.get("sphere") == "pouvoirs publics"
    )
    assert before - after == public > 0
    colours = "window.maillageMap.colorOf('cgt')"
    sphere_colour = page.evaluate(colours)
    page.get_by_label("communautés détectées").check()
    assert page.evaluate(colours) != sphere_colour
    assert "communauté 1" in page.locator(".legend").first.inner_text()
    keep_screenshot(page, "silos-communities")


def test_the_explorer_end_to_end(
    clean_database: Database, live_server: LiveServer, watched: Watched
) -> None:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    page = watched.page
    # A person without a session lands on the sign-in page, pastes a key, and
    # comes back to the explorer.
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Maillage — connexion"
    page.locator("input[name=key]").fill("mlg_0000000000000000_" + "x" * 40)
    page.get_by_role("button", name="Se connecter").click()
    assert "pas valable" in page.locator(".wrong").inner_text()
    # That refusal is a 401, which the browser logs: expected, and the only one.
    assert watched.errors == [
        "Failed to load resource: the server responded with a status of 401 (Unauthorized)"
    ]
    watched.errors.clear()
    page.locator("input[name=key]").fill(issue_key(clean_database, Role.ANALYST))
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Maillage — explorateur"
    page.locator("select[name=kind]").select_option("brokers")
    page.locator("input[name=operation]").fill("caac")
    page.get_by_role("button", name="Afficher").click()
    page.locator("#explorer-table tbody tr").first.wait_for(timeout=20000)
    assert "kind=brokers" in page.url and "operation=caac" in page.url
    first = page.locator("#explorer-table tbody tr").first.inner_text()
    assert "Comité Français pour la Solidarité Internationale" in first
    frame = page.frame_locator("#explorer-map")
    frame.locator("#maillage-stage canvas").first.wait_for()
    page.wait_for_timeout(500)
    keep_screenshot(page, "explorer")
    # The URL holds the whole state: a colleague opening it sees the same view.
    shared = watched.context.new_page()
    shared.goto(page.url)
    shared.locator("#explorer-table tbody tr").first.wait_for(timeout=20000)
    assert shared.locator("#explorer-table tbody tr").first.inner_text() == first
    shared.close()
    # Another map, its actor typed by name: each link beside it answers (the JSON
    # of the analysis gets only the options it reads, not the form's partition).
    page.locator("select[name=kind]").select_option("similar")
    page.locator("input[name=operation]").fill("")
    page.locator("input[name=actor]").fill("GRDR")
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url("**kind=similar**")
    body = page.locator("#explorer-table tbody")
    body.get_by_text("partenaire(s) commun(s)").first.wait_for(timeout=20000)
    assert page.locator("#explorer-table th").first.inner_text() == "Acteur semblable"
    hrefs = page.locator("#explorer-links a").evaluate_all("links => links.map(a => a.href)")
    assert any("/api/v1/analyses/similar?" in href for href in hrefs)
    for href in hrefs:
        if not href.endswith("#"):
            assert page.request.get(href).status == 200, href
    # The console: a read query, its rows in a table and its graph drawn.
    page.locator("#console summary").click()
    page.locator("#console-form textarea").fill(
        "MATCH (a:Actor)-[r:MEMBER_OF]->(c:Actor {id: 'cfsi'}) RETURN a, r, c"
    )
    page.get_by_role("button", name="Lancer").click()
    page.locator("#console-table tbody tr").first.wait_for(timeout=20000)
    assert "ligne(s)" in page.locator("#console-status").inner_text()
    assert page.locator("#console-graph canvas").count() == 1
    assert page.evaluate("window.maillageConsole.view.nodes.length") > 5
    page.locator("#console-graph").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    drawn = page.locator("#console-graph").screenshot()
    assert inked_pixels(drawn) > 2000  # nodes, ties and names, not a blank box
    keep_screenshot(page, "explorer-console")
    page.locator("#console-form textarea").fill("CREATE (n:Actor {id: 'pirate'})")
    page.get_by_role("button", name="Lancer").click()
    page.locator("#console-status.error").wait_for(timeout=20000)
    assert "ne fait que lire" in page.locator("#console-status").inner_text()
    # The refusal is a 422 the browser logs: expected, and the only one.
    assert watched.errors == [
        "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
    ]
    watched.errors.clear()
    page.goto(f"{live_server.url}/docs")
    page.locator(".swagger-ui .info").wait_for(timeout=20000)
    keep_screenshot(page, "api-docs")
    assert watched.errors == []
    assert watched.refused == []
