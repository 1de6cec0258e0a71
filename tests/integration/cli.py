"""Running the `maillage` command as a user does, against the tests' Neo4j."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def second_instance_env(folder: Path) -> dict[str, str]:
    """The environment of commands that drive a second local server of their own
    (its own port and data folder; the suite's server is left alone)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(
        MAILLAGE_DATA_DIR=str(folder),
        MAILLAGE_NEO4J_BOLT_PORT=str(free_port()),
        MAILLAGE_LANG="fr",
    )
    return env
