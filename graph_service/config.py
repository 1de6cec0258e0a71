"""Settings: one ``BaseSettings`` read from the environment (and a ``.env`` file).

Every field here is documented in the README's configuration table; a test keeps
the two in step.  Neo4j connection settings use the ``NEO4J_`` names that every
Neo4j tool understands; Maillage's own settings use the ``MAILLAGE_`` prefix.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_PASSWORDS = frozenset({"", "neo4j", "password", "changeme", "change-me", "secret"})


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Language(StrEnum):
    FR = "fr"
    EN = "en"


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "maillage"


def _default_neo4j_home() -> Path:
    return Path.home() / ".cache" / "maillage" / "neo4j-server"


class Settings(BaseSettings):
    """Runtime configuration of the service, the CLI and the local Neo4j."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    environment: Annotated[Environment, Field(validation_alias="MAILLAGE_ENV")] = (
        Environment.DEVELOPMENT
    )
    language: Annotated[Language, Field(validation_alias="MAILLAGE_LANG")] = Language.FR

    # External Neo4j (Aura, a cluster, docker compose). When the URI is unset the
    # locally assembled server (`maillage neo4j start`) is used.
    neo4j_uri: Annotated[str | None, Field(validation_alias="NEO4J_URI")] = None
    neo4j_user: Annotated[str, Field(validation_alias="NEO4J_USER")] = "neo4j"
    neo4j_password: Annotated[SecretStr | None, Field(validation_alias="NEO4J_PASSWORD")] = None
    neo4j_database: Annotated[str, Field(validation_alias="NEO4J_DATABASE")] = "neo4j"
    neo4j_timeout_seconds: Annotated[
        float, Field(gt=0, validation_alias="MAILLAGE_NEO4J_TIMEOUT_SECONDS")
    ] = 5.0
    query_timeout_seconds: Annotated[
        float, Field(gt=0, le=86_400, validation_alias="MAILLAGE_QUERY_TIMEOUT_SECONDS")
    ] = 120.0

    # The local server assembled from Maven Central.
    data_dir: Annotated[Path, Field(validation_alias="MAILLAGE_DATA_DIR")] = Field(
        default_factory=_default_data_dir
    )
    neo4j_home: Annotated[Path, Field(validation_alias="MAILLAGE_NEO4J_HOME")] = Field(
        default_factory=_default_neo4j_home
    )
    neo4j_bolt_port: Annotated[
        int, Field(ge=1, le=65535, validation_alias="MAILLAGE_NEO4J_BOLT_PORT")
    ] = 7687
    neo4j_heap: Annotated[
        str, Field(pattern=r"^\d+[kmgKMG]$", validation_alias="MAILLAGE_NEO4J_HEAP")
    ] = "1g"
    neo4j_pagecache: Annotated[
        str, Field(pattern=r"^\d+[kmgKMG]$", validation_alias="MAILLAGE_NEO4J_PAGECACHE")
    ] = "512m"
    neo4j_start_timeout_seconds: Annotated[
        float, Field(gt=0, validation_alias="MAILLAGE_NEO4J_START_TIMEOUT_SECONDS")
    ] = 180.0
    java_home: Annotated[Path | None, Field(validation_alias="MAILLAGE_JAVA_HOME")] = None
    maven: Annotated[str, Field(validation_alias="MAILLAGE_MAVEN")] = "mvn"

    # Open vocabularies grow per deployment (comma-separated values).
    extra_natures: Annotated[str, Field(validation_alias="MAILLAGE_EXTRA_NATURES")] = ""
    extra_framework_types: Annotated[
        str, Field(validation_alias="MAILLAGE_EXTRA_FRAMEWORK_TYPES")
    ] = ""

    # Analyses.
    north_countries: Annotated[str, Field(validation_alias="MAILLAGE_NORTH_COUNTRIES")] = ""
    #: With engine=gds, brokers and silos of scopes of more actors than this are
    #: computed in the database alone (no graph of the scope is built in Python).
    gds_in_database_above: Annotated[
        int, Field(ge=0, le=100_000_000, validation_alias="MAILLAGE_GDS_IN_DATABASE_ABOVE")
    ] = 50_000

    # HTTP API.
    api_host: Annotated[str, Field(validation_alias="MAILLAGE_API_HOST")] = "127.0.0.1"
    api_port: Annotated[int, Field(ge=1, le=65535, validation_alias="MAILLAGE_API_PORT")] = 8000
    max_body_mb: Annotated[
        float, Field(gt=0, le=10_000, validation_alias="MAILLAGE_MAX_BODY_MB")
    ] = 10.0
    max_upload_mb: Annotated[
        float, Field(gt=0, le=100_000, validation_alias="MAILLAGE_MAX_UPLOAD_MB")
    ] = 100.0
    rate_limit_per_minute: Annotated[
        int, Field(ge=0, le=1_000_000, validation_alias="MAILLAGE_RATE_LIMIT_PER_MINUTE")
    ] = 600
    # Off by default: actors and persons are asked by name as well as by id, and a
    # request line would carry those names into the terminal or the system journal,
    # where no role guards them; the audit trail already records writes and
    # sensitive reads.  It also cost a tenth of the API's CPU (a record per request).
    access_log: Annotated[bool, Field(validation_alias="MAILLAGE_ACCESS_LOG")] = False

    # Access: accounts, keys, hosts, the audit trail and the Cypher console.
    allowed_hosts: Annotated[str, Field(validation_alias="MAILLAGE_ALLOWED_HOSTS")] = (
        "localhost,127.0.0.1,::1"
    )
    cors_origins: Annotated[str, Field(validation_alias="MAILLAGE_CORS_ORIGINS")] = (
        "http://localhost:8000,http://127.0.0.1:8000"
    )
    open_local_read: Annotated[bool, Field(validation_alias="MAILLAGE_OPEN_LOCAL_READ")] = False
    key_lifetime_days: Annotated[
        int, Field(ge=1, le=3650, validation_alias="MAILLAGE_KEY_LIFETIME_DAYS")
    ] = 365
    # How long what a key's lookup found answers for the same key without another
    # read: a key revoked by the CLI or through another worker (or whose account
    # changed role) stops within this time; through this worker, at once.
    key_recheck_seconds: Annotated[
        float, Field(ge=0, le=60, validation_alias="MAILLAGE_KEY_RECHECK_SECONDS")
    ] = 1.0
    audit_retention_days: Annotated[
        int, Field(ge=1, le=36500, validation_alias="MAILLAGE_AUDIT_RETENTION_DAYS")
    ] = 365
    console_timeout_seconds: Annotated[
        float, Field(gt=0, le=600, validation_alias="MAILLAGE_CONSOLE_TIMEOUT_SECONDS")
    ] = 10.0
    console_max_rows: Annotated[
        int, Field(ge=1, le=100_000, validation_alias="MAILLAGE_CONSOLE_MAX_ROWS")
    ] = 1000

    @model_validator(mode="after")
    def _refuse_placeholder_secret_in_production(self) -> Settings:
        # Each rule is its own error type, which the catalogue says in the reader's
        # language (``pydantic.<type>``); the English sentence starts with the
        # variable to fix, where the CLI reports it.
        if self.environment is Environment.PRODUCTION:
            password = self.neo4j_password.get_secret_value() if self.neo4j_password else ""
            if password.strip().lower() in PLACEHOLDER_PASSWORDS:
                raise PydanticCustomError(
                    "production_password",
                    "NEO4J_PASSWORD must be set to a real secret when MAILLAGE_ENV=production",
                )
            if not self.neo4j_uri:
                raise PydanticCustomError(
                    "production_uri",
                    "NEO4J_URI must name the production server when MAILLAGE_ENV=production",
                )
            if self.open_local_read:
                raise PydanticCustomError(
                    "production_open_read",
                    "MAILLAGE_OPEN_LOCAL_READ is a development switch: never in production",
                )
        return self

    @property
    def host_names(self) -> frozenset[str]:
        return frozenset(h.strip().lower() for h in self.allowed_hosts.split(",") if h.strip())

    @property
    def origins(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.cors_origins.split(",") if o.strip()]

    @property
    def uses_local_neo4j(self) -> bool:
        return not self.neo4j_uri

    @property
    def names_local_server(self) -> bool:
        """Whether Maillage's own local server is the one to start, stop or probe:
        no ``NEO4J_URI``, or one that names its address and port (as
        ``eval "$(maillage neo4j env)"`` exports)."""
        if not self.neo4j_uri:
            return True
        uri = urlsplit(self.neo4j_uri)
        return (
            uri.scheme in ("bolt", "neo4j")
            and uri.hostname in ("127.0.0.1", "localhost", "::1")
            and uri.port == self.neo4j_bolt_port
        )

    @property
    def import_dir(self) -> Path:
        """Where imports stage what they read, and where an interrupted one is found."""
        return self.data_dir / "imports"

    @property
    def local_bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.neo4j_bolt_port}"


# Documented names of every setting, in field order (the README table follows it).
def setting_names() -> list[str]:
    names: list[str] = []
    for field in Settings.model_fields.values():
        assert isinstance(field.validation_alias, str)
        names.append(field.validation_alias)
    return names


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
