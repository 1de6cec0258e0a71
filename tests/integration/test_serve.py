"""`maillage serve` as an operator starts it: the access log is off unless asked
for, so that names asked in a URL do not reach the terminal or the journal."""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
from urllib.parse import quote

import pytest

from graph_service.repositories.database import Database
from tests.integration.cli import cli_env, free_port

#: A person's name asked in a URL, as the API allows (a name wherever an id).
ASKED_NAME = "Jeanne Secrète"


def _serve_and_ask(env: dict[str, str], workers: int) -> str:
    """Start the API, ask for a neighbourhood by name (no key: 401), stop it and
    return what it wrote to the terminal."""
    port = free_port()
    command = [sys.executable, "-m", "graph_service.cli.main", "serve"]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                probe.request("GET", "/healthz")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
            finally:
                probe.close()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", f"/api/v1/actors/{quote(ASKED_NAME)}/neighbourhood")
            assert connection.getresponse().status == 401
        finally:
            connection.close()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=60)
    return output


@pytest.mark.parametrize(
    ("workers", "access_log", "logged"),
    [(1, None, False), (1, "true", True), (2, "true", True), (2, "false", False)],
)
def test_the_access_log_is_off_unless_asked_for(
    clean_database: Database, workers: int, access_log: str | None, logged: bool
) -> None:
    env = cli_env(clean_database.connection, MAILLAGE_LANG="fr")
    env.pop("MAILLAGE_ACCESS_LOG", None)
    if access_log is not None:
        env["MAILLAGE_ACCESS_LOG"] = access_log
    output = _serve_and_ask(env, workers)
    assert "Uvicorn running" in output or "Application startup complete" in output, output
    request_line = "/neighbourhood HTTP/1.1"
    assert (request_line in output) is logged, output
    if not logged:
        assert quote(ASKED_NAME) not in output and ASKED_NAME not in output
