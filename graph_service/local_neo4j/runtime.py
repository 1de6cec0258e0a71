"""A local Neo4j Community server assembled from Maven Central, without Docker.

``pom.xml`` beside this file names the server (``org.neo4j:neo4j``), APOC and
the open Graph Data Science modules.  Maven copies them into a *home* that is
built once and reused (``MAILLAGE_NEO4J_HOME``); each instance keeps its data,
logs, configuration, pid and credentials in its own folder
(``MAILLAGE_DATA_DIR``), so a test server and a demo server can share one home.

The server runs ``org.neo4j.server.CommunityEntryPoint`` directly: only the
``bin/neo4j`` launcher (which a Maven assembly does not have) would read JVM
flags from ``neo4j.conf``, so they are passed here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import LiteralString
from xml.etree import ElementTree

import neo4j
import neo4j.exceptions as neo4j_errors
from neo4j import GraphDatabase

from graph_service.config import Settings
from graph_service.errors import LocalNeo4jError
from graph_service.repositories.database import ConnectionInfo

POM = Path(__file__).with_name("pom.xml")
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
#: The class behind the neo4j-admin script (the local home has no scripts).
ADMIN_ENTRY_POINT = "org.neo4j.cli.AdminTool"
SUPPORTED_JAVA = (17, 21)
DEFAULT_USER = "neo4j"
INITIAL_PASSWORD = "neo4j"  # Neo4j's own first-start password, changed at once

# What bin/neo4j would pass (see the "server.jvm.additional" defaults of 5.26).
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


def pom_versions() -> dict[str, str]:
    """The versions pinned in ``pom.xml`` (``neo4j.version``, ``apoc.version``, ``gds.version``)."""
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    properties = ElementTree.parse(POM).getroot().find("m:properties", namespace)
    assert properties is not None
    return {
        child.tag.split("}", 1)[1]: (child.text or "").strip()
        for child in properties
        if child.tag.endswith(".version")
    }


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    uri: str
    pid: int | None
    neo4j_version: str | None = None
    edition: str | None = None
    apoc_version: str | None = None
    gds_version: str | None = None
    error: str | None = None


class LocalNeo4j:
    """One local server instance: build, start, stop, status."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.version = pom_versions()["neo4j.version"]
        self.home = settings.neo4j_home / f"neo4j-{self.version}"
        self.instance_dir = settings.data_dir / "neo4j"
        self.conf_dir = self.instance_dir / "conf"
        self.logs_dir = self.instance_dir / "logs"
        self.pid_file = self.instance_dir / "neo4j.pid"
        self.credentials_file = self.instance_dir / "credentials.json"
        self.console_log = self.logs_dir / "console.log"
        self.uri = settings.local_bolt_uri

    # --- building the home ------------------------------------------------------

    def _pom_digest(self) -> str:
        return hashlib.sha256(POM.read_bytes()).hexdigest()

    def is_built(self) -> bool:
        stamp = self.home / ".maillage-build"
        return stamp.is_file() and stamp.read_text().strip() == self._pom_digest()

    def build(self, announce: Callable[[str, dict[str, object]], None] = lambda k, v: None) -> None:
        """Copy the server and its plugins from Maven Central into the home (once)."""
        if self.is_built():
            return
        maven = shutil.which(self.settings.maven)
        if maven is None:
            raise LocalNeo4jError("neo4j.maven_missing", maven=self.settings.maven)
        announce("neo4j.building", {"version": self.version})
        staging = self.home.with_name(self.home.name + ".building")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        shutil.copy(POM, staging / "pom.xml")
        result = subprocess.run(
            [
                maven,
                "-B",
                "-q",
                "-f",
                str(staging / "pom.xml"),
                f"-Dmaillage.home={staging}",
                "package",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
            raise LocalNeo4jError("neo4j.build_failed", code=result.returncode, tail=tail)
        shutil.rmtree(staging / "target", ignore_errors=True)
        (staging / ".maillage-build").write_text(self._pom_digest())
        # Swap in the finished home only now, so that a failed build never
        # leaves a half-copied one behind.
        shutil.rmtree(self.home, ignore_errors=True)
        staging.rename(self.home)

    # --- Java -------------------------------------------------------------------

    def java(self) -> Path:
        """A Java 17 or 21 executable: MAILLAGE_JAVA_HOME, then JAVA_HOME, then PATH."""
        candidates: list[Path] = []
        for home in (self.settings.java_home, os.environ.get("JAVA_HOME")):
            if home:
                candidates.append(Path(home) / "bin" / "java")
        on_path = shutil.which("java")
        if on_path:
            candidates.append(Path(on_path))
        existing = [c for c in candidates if c.is_file()]
        if not existing:
            raise LocalNeo4jError("neo4j.java_missing")
        java = existing[0]
        major = java_major_version(java)
        if major not in SUPPORTED_JAVA:
            raise LocalNeo4jError("neo4j.java_version", java=str(java), version=major)
        return java

    # --- running ----------------------------------------------------------------

    def running_pid(self) -> int | None:
        """The pid of this instance's server, if it is alive (and really ours)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            try:
                os.kill(pid, 0)
            except OSError:
                return None
            return pid  # no /proc (macOS): trust the pid file
        return pid if ENTRY_POINT in cmdline and str(self.conf_dir) in cmdline else None

    def _write_config(self) -> None:
        for folder in (
            self.conf_dir,
            self.logs_dir,
            self.instance_dir / "data",
            self.instance_dir / "run",
        ):
            folder.mkdir(parents=True, exist_ok=True)
        port = self.settings.neo4j_bolt_port
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.default_advertised_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{port}",
            "server.bolt.advertised_address": f"127.0.0.1:{port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "server.directories.data": str(self.instance_dir / "data"),
            "server.directories.logs": str(self.logs_dir),
            "server.directories.run": str(self.instance_dir / "run"),
            "server.directories.plugins": str(self.home / "plugins"),
            "server.directories.import": str(self.instance_dir / "import"),
            "server.memory.pagecache.size": self.settings.neo4j_pagecache,
            "dbms.security.auth_enabled": "true",
            "dbms.security.procedures.unrestricted": "apoc.*,gds.*",
            "dbms.security.procedures.allowlist": "apoc.*,gds.*",
            "db.tx_log.rotation.retention_policy": "2 files",
            "dbms.usage_report.enabled": "false",
            # Bolt's thread pools wait 5 s each for work at shutdown, after the
            # databases have closed (nothing left to do): seconds of every stop,
            # and of every bulk load, spent idle.
            "internal.server.bolt.thread_pool_shutdown_wait_time": "1s",
        }
        text = "# Written by `maillage neo4j start`; edits are overwritten.\n" + "".join(
            f"{key}={value}\n" for key, value in settings.items()
        )
        (self.conf_dir / "neo4j.conf").write_text(text)

    def _port_is_free(self) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", self.settings.neo4j_bolt_port))
            except OSError:
                return False
        return True

    def _port_answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.settings.neo4j_bolt_port), timeout=1):
                return True
        except OSError:
            return False

    def start(
        self, announce: Callable[[str, dict[str, object]], None] = lambda k, v: None
    ) -> tuple[int, bool]:
        """Start the server (building the home first if needed) and wait until Bolt
        answers with working credentials.  Returns ``(pid, already_running)``."""
        pid = self.running_pid()
        if pid is not None:
            return pid, True
        java = self.java()
        self.build(announce)
        if not self._port_is_free():
            raise LocalNeo4jError("neo4j.port_taken", port=self.settings.neo4j_bolt_port)
        self._write_config()
        announce("neo4j.starting", {"data": str(self.instance_dir)})
        heap = self.settings.neo4j_heap
        command = [
            str(java),
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *JVM_FLAGS,
            "-cp",
            f"{self.home / 'lib'}/*{os.pathsep}{self.home / 'plugins'}/*",
            ENTRY_POINT,
            f"--home-dir={self.home}",
            f"--config-dir={self.conf_dir}",
        ]
        with self.console_log.open("ab") as log:
            process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # survives the CLI; stopped by `maillage neo4j stop`
                cwd=self.instance_dir,
            )
        self.pid_file.write_text(str(process.pid))
        deadline = time.monotonic() + self.settings.neo4j_start_timeout_seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise LocalNeo4jError(
                    "neo4j.died", log=str(self.console_log), tail=self._log_tail()
                )
            if self._port_answers() and self._ensure_credentials():
                return process.pid, False
            time.sleep(0.5)
        self.stop()
        raise LocalNeo4jError(
            "neo4j.start_timeout",
            seconds=int(self.settings.neo4j_start_timeout_seconds),
            log=str(self.console_log),
        )

    def import_offline(self, arguments: list[str], report: Path) -> float:
        """Replace the ``neo4j`` database's store with Neo4j's offline importer
        (``neo4j-admin database import full``) reading the files ``arguments``
        name.  The server must be stopped; returns the importer's seconds.  The
        files have passed Maillage's validation, so the importer is told to stop at
        the first bad entry rather than skip it."""
        if self.running_pid() is not None:
            raise LocalNeo4jError("neo4j.bulk_running")
        java = self.java()
        self._write_config()
        command = [
            str(java),
            f"-Xmx{self.settings.neo4j_heap}",
            "-cp",
            f"{self.home / 'lib'}/*{os.pathsep}{self.home / 'plugins'}/*",
            ADMIN_ENTRY_POINT,
            "database",
            "import",
            "full",
            # The database comes first: after a --nodes option every word is a file.
            self.settings.neo4j_database,
            "--overwrite-destination=true",
            "--array-delimiter=U+001F",
            "--bad-tolerance=0",
            f"--report-file={report}",
            *arguments,
        ]
        environment = {
            **os.environ,
            "NEO4J_HOME": str(self.home),
            "NEO4J_CONF": str(self.conf_dir),
        }
        started = time.monotonic()
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            env=environment,
            cwd=self.instance_dir,
        )
        if result.returncode != 0:
            # The importer's own message comes first; a Java stack trace may follow.
            lines = (result.stdout + result.stderr).strip().splitlines()
            tail = "\n".join([line for line in lines if not line.lstrip().startswith("at ")][:15])
            raise LocalNeo4jError("neo4j.bulk_failed", code=result.returncode, tail=tail)
        return time.monotonic() - started

    def _log_tail(self, lines: int = 25) -> str:
        candidates = [self.logs_dir / "neo4j.log", self.console_log]
        text = "".join(p.read_text(errors="replace") for p in candidates if p.is_file())
        return "\n".join(text.strip().splitlines()[-lines:])

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server cleanly (SIGTERM, then SIGKILL after ``timeout``).
        Returns False when it was not running."""
        pid = self.running_pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True

    # --- credentials --------------------------------------------------------------

    def _stored_password(self) -> str | None:
        try:
            return str(json.loads(self.credentials_file.read_text())["password"])
        except (OSError, ValueError, KeyError):
            return None

    def _ensure_credentials(self) -> bool:
        """True once the stored password works; on first start, replace Neo4j's
        initial password by NEO4J_PASSWORD or a generated one, kept in a file only
        the user can read."""
        stored = self._stored_password()
        if stored is not None and self._can_login(stored):
            return True
        wanted = stored or (
            self.settings.neo4j_password.get_secret_value()
            if self.settings.neo4j_password
            else secrets.token_urlsafe(24)
        )
        try:
            with GraphDatabase.driver(self.uri, auth=(DEFAULT_USER, INITIAL_PASSWORD)) as driver:
                driver.execute_query(
                    "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                    old=INITIAL_PASSWORD,
                    new=wanted,
                    database_="system",
                )
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError):
            return False  # not ready yet; the caller tries again
        self.credentials_file.parent.mkdir(parents=True, exist_ok=True)
        self.credentials_file.touch(mode=0o600)
        self.credentials_file.write_text(json.dumps({"user": DEFAULT_USER, "password": wanted}))
        return self._can_login(wanted)

    def _can_login(self, password: str) -> bool:
        try:
            with GraphDatabase.driver(self.uri, auth=(DEFAULT_USER, password)) as driver:
                driver.execute_query("RETURN 1", database_=self.settings.neo4j_database)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError):
            return False
        return True

    def connection_info(self) -> ConnectionInfo:
        password = self._stored_password()
        if password is None:
            raise LocalNeo4jError("neo4j.credentials_missing")
        return ConnectionInfo(self.uri, DEFAULT_USER, password, self.settings.neo4j_database)

    # --- status -------------------------------------------------------------------

    def status(self) -> ServerStatus:
        pid = self.running_pid()
        if pid is None:
            return ServerStatus(running=False, uri=self.uri, pid=None)
        return probe_server(self.connection_info(), pid)


def probe_server(connection: ConnectionInfo, pid: int | None = None) -> ServerStatus:
    """Version, edition and whether APOC and GDS answer, on any server."""
    try:
        with GraphDatabase.driver(
            connection.uri, auth=(connection.user, connection.password)
        ) as driver:
            records, _, _ = driver.execute_query(
                "CALL dbms.components() YIELD name, versions, edition "
                "RETURN versions[0] AS version, edition",
                database_=connection.database,
            )
            version, edition = records[0]["version"], records[0]["edition"]
            apoc = _optional_version(
                driver, "RETURN apoc.version() AS version", connection.database
            )
            gds = _optional_version(driver, "RETURN gds.version() AS version", connection.database)
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
        return ServerStatus(running=pid is not None, uri=connection.uri, pid=pid, error=str(exc))
    return ServerStatus(True, connection.uri, pid, version, edition, apoc, gds)


def _optional_version(driver: neo4j.Driver, statement: LiteralString, database: str) -> str | None:
    try:
        records, _, _ = driver.execute_query(statement, database_=database)
    except neo4j_errors.ClientError:
        return None  # the plugin is not installed
    return str(records[0]["version"])


def java_major_version(java: Path) -> int:
    """The major version of a ``java`` executable (``17`` for ``17.0.15``)."""
    output = subprocess.run(
        [str(java), "-version"], capture_output=True, text=True, check=False
    ).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', output)
    if not match:
        return 0
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8" means Java 8


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie child has exited; reap it if it is ours
        waited, _ = os.waitpid(pid, os.WNOHANG)
        return waited == 0
    except ChildProcessError:
        return True


def connection_info(settings: Settings) -> ConnectionInfo:
    """Where to connect: ``NEO4J_URI`` when set, otherwise the local server."""
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return ConnectionInfo(
            settings.neo4j_uri, settings.neo4j_user, password, settings.neo4j_database
        )
    return LocalNeo4j(settings).connection_info()
