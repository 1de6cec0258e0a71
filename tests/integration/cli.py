"""Running the `maillage` command as a user does, against the tests' Neo4j."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any


def cli_env(connection: Any, **extra: str) -> dict[str, str]:
    """The environment of a command that talks to ``connection``."""
    return {
        **os.environ,
        "NEO4J_URI": connection.uri,
        "NEO4J_USER": connection.user,
        "NEO4J_PASSWORD": connection.password,
        "NEO4J_DATABASE": connection.database,
        **extra,
    }


def run_cli(
    env: dict[str, str], *arguments: str, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph_service.cli.main", *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
