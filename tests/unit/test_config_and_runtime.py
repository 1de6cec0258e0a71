"""Settings and the local runtime's pure parts (no server started here)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from graph_service.config import Environment, Settings, setting_names
from graph_service.local_neo4j.runtime import LocalNeo4j, java_major_version, pom_versions


@pytest.fixture(autouse=True)
def _no_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI exports NEO4J_* for the test server; these tests must not see them."""
    for name in setting_names():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(Path(__file__).parent)  # no .env here


def test_production_refuses_a_placeholder_secret() -> None:
    with pytest.raises(ValidationError, match="NEO4J_PASSWORD"):
        Settings(
            MAILLAGE_ENV=Environment.PRODUCTION, NEO4J_URI="neo4j://db:7687", NEO4J_PASSWORD="neo4j"
        )
    with pytest.raises(ValidationError, match="NEO4J_URI"):
        Settings(MAILLAGE_ENV=Environment.PRODUCTION, NEO4J_PASSWORD="a-real-secret-value")
    ok = Settings(
        MAILLAGE_ENV=Environment.PRODUCTION,
        NEO4J_URI="neo4j://db:7687",
        NEO4J_PASSWORD="a-real-secret-value",
    )
    assert not ok.uses_local_neo4j


def test_setting_names_are_the_environment_variables() -> None:
    names = setting_names()
    assert {"NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "MAILLAGE_LANG"} <= set(
        names
    )
    assert len(names) == len(set(names))


def test_pom_pins_the_supported_versions() -> None:
    versions = pom_versions()
    assert versions["neo4j.version"].startswith("5.26.")
    assert versions["apoc.version"] == versions["neo4j.version"]
    assert versions["gds.version"].startswith("2.13.")


def test_config_listens_on_loopback_with_procedures_unrestricted(tmp_path: Path) -> None:
    server = LocalNeo4j(Settings(MAILLAGE_DATA_DIR=tmp_path, MAILLAGE_NEO4J_BOLT_PORT=7777))
    server._write_config()
    conf = (server.conf_dir / "neo4j.conf").read_text()
    assert "server.bolt.listen_address=127.0.0.1:7777" in conf
    assert "dbms.security.procedures.unrestricted=apoc.*,gds.*" in conf
    assert f"server.directories.data={tmp_path}" in conf


def test_java_version_is_read_from_the_executable(tmp_path: Path) -> None:
    fake = tmp_path / "java"
    fake.write_text("#!/bin/sh\necho 'openjdk version \"21.0.4\" 2024-07-16' >&2\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    assert java_major_version(fake) == 21
    fake.write_text("#!/bin/sh\necho 'java version \"1.8.0_402\"' >&2\n")
    assert java_major_version(fake) == 8


@pytest.mark.parametrize(
    ("uri", "local"),
    [
        (None, True),
        ("bolt://127.0.0.1:7690", True),
        ("neo4j://localhost:7690", True),
        ("bolt://127.0.0.1:7687", False),
        ("neo4j+s://example.databases.neo4j.io", False),
    ],
)
def test_the_local_server_is_recognised_behind_its_exported_uri(
    uri: str | None, local: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``eval "$(maillage neo4j env)"`` exports the local server's URI: ``neo4j stop``
    must still stop it."""
    monkeypatch.delenv("NEO4J_URI", raising=False)
    settings = Settings(NEO4J_URI=uri, MAILLAGE_NEO4J_BOLT_PORT=7690)
    assert settings.names_local_server is local
