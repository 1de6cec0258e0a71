"""The local server's life cycle through the CLI: start, status, stop, errors.

Runs a second instance on its own port and data folder (the suite's own server
keeps running), reusing the home that Maven already assembled.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph_service.config import Settings
from graph_service.local_neo4j.runtime import LocalNeo4j
from graph_service.repositories.database import Database
from tests.integration.cli import run_cli, second_instance_env

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None or shutil.which("mvn") is None,
    reason="the local server needs Java and Maven",
)


def _maillage(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(env, *arguments, timeout=600)


@pytest.fixture
def instance_env(tmp_path: Path) -> dict[str, str]:
    return second_instance_env(tmp_path / "instance")


def test_start_status_stop(instance_env: dict[str, str], database: Database) -> None:
    started = _maillage(instance_env, "neo4j", "start")
    assert started.returncode == 0, started.stderr
    assert "prêt" in started.stdout
    settings = Settings(
        MAILLAGE_DATA_DIR=instance_env["MAILLAGE_DATA_DIR"],
        MAILLAGE_NEO4J_BOLT_PORT=int(instance_env["MAILLAGE_NEO4J_BOLT_PORT"]),
    )
    server = LocalNeo4j(settings)
    pid = server.running_pid()
    try:
        assert pid is not None
        again = _maillage(instance_env, "neo4j", "start")
        assert again.returncode == 0 and "déjà" in again.stdout

        status = _maillage(instance_env, "--lang", "en", "neo4j", "status")
        assert status.returncode == 0, status.stderr
        assert "5.26" in status.stdout and "community" in status.stdout
        assert "APOC : 5.26" in status.stdout and "GDS  : 2.13" in status.stdout

        info = server.connection_info()
        with GraphDatabase.driver(info.uri, auth=(info.user, info.password)) as driver:
            records, _, _ = driver.execute_query(
                "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition"
            )
            assert records[0]["v"].startswith("5.26.") and records[0]["edition"] == "community"
            assert (
                driver.execute_query("RETURN gds.version() AS v").records[0]["v"].startswith("2.13")
            )
            assert (
                driver.execute_query("RETURN apoc.version() AS v")
                .records[0]["v"]
                .startswith("5.26")
            )
        assert (
            Path(instance_env["MAILLAGE_DATA_DIR"]) / "neo4j" / "credentials.json"
        ).stat().st_mode & 0o077 == 0
    finally:
        stopped = _maillage(instance_env, "neo4j", "stop")
    assert stopped.returncode == 0 and "arrêté" in stopped.stdout
    assert pid is not None
    assert not Path(f"/proc/{pid}").exists(), "a Java process was left behind"
    assert _maillage(instance_env, "neo4j", "status").returncode == 1


def test_port_taken_is_a_clear_error(instance_env: dict[str, str]) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", int(instance_env["MAILLAGE_NEO4J_BOLT_PORT"])))
        squatter.listen(1)
        result = _maillage(instance_env, "--lang", "en", "neo4j", "start")
    assert result.returncode == 1
    assert "already taken" in result.stderr and "MAILLAGE_NEO4J_BOLT_PORT" in result.stderr


def test_missing_java_and_maven_are_clear_errors(
    instance_env: dict[str, str], tmp_path: Path
) -> None:
    no_java = {**instance_env, "PATH": str(tmp_path), "MAILLAGE_JAVA_HOME": str(tmp_path / "none")}
    no_java.pop("JAVA_HOME", None)
    result = _maillage(no_java, "--lang", "en", "neo4j", "start")
    assert result.returncode == 1 and "Java not found" in result.stderr

    fresh_home = {
        **instance_env,
        "MAILLAGE_NEO4J_HOME": str(tmp_path / "home"),
        "MAILLAGE_MAVEN": "no-such-mvn",
    }
    result = _maillage(fresh_home, "--lang", "en", "neo4j", "start")
    assert result.returncode == 1 and "Maven not found" in result.stderr
