"""Browser tests: Debian's Chromium, headless, driven by Playwright (never a
browser downloaded by a test tool), with every request that would leave
``file:`` or this machine refused and recorded.

With ``CI=true`` a missing Chromium fails the tests; elsewhere they are skipped.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.repositories.database import Database

# The integration tests' real Neo4j, and its clean database per test.
from tests.integration.conftest import (  # noqa: F401
    clean_database,
    client,
    database,
    neo4j_connection,
)
from visualisations.headless import CHROMIUM_FLAGS, chromium_path

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-artefacts" / "browser"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("Chromium is required in CI (apt-get install chromium)", pytrace=False)
        pytest.skip("no Chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_FLAGS))
        yield launched
        launched.close()


@dataclass
class Watched:
    """A page and what it tried that it should not have."""

    page: Page
    context: BrowserContext
    errors: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="fr-FR")
    page = context.new_page()
    state = Watched(page, context)

    def guard(route: Route) -> None:
        url = urlparse(route.request.url)
        state.requested.append(route.request.url)
        if url.scheme in ("file", "data", "blob") or url.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            state.refused.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("console", lambda m: state.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: state.errors.append(str(error)))
    yield state
    context.close()


def keep_screenshot(page: Page, name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


@dataclass
class LiveServer:
    url: str


@pytest.fixture
def live_server(clean_database: Database) -> Iterator[LiveServer]:  # noqa: F811
    """The API on a free loopback port, on the test database."""
    config = uvicorn.Config(
        create_app(Settings(), database=clean_database),
        host="127.0.0.1",
        port=0,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield LiveServer(f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(timeout=10)
