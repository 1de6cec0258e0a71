"""Setting a database up: the schema migrations, then, on the first run, the
admin account and its key (shown once)."""

from __future__ import annotations

from dataclasses import dataclass

from graph_service.repositories.database import Database
from graph_service.repositories.schema import apply_migrations
from graph_service.services.accounts import bootstrap_admin


@dataclass(frozen=True)
class Initialised:
    version: int
    applied: list[str]
    #: The first admin key, when this run created it; ``None`` afterwards.
    first_key: str | None


def migrate(database: Database) -> tuple[int, list[str]]:
    """Apply the migrations a database lacks (after a bulk load replaced its store)."""
    return apply_migrations(database)


def initialise(database: Database, key_lifetime_days: int) -> Initialised:
    """Idempotent: migrations only apply what is missing, and the admin key is
    created only while no account exists."""
    version, applied = apply_migrations(database)
    return Initialised(version, applied, bootstrap_admin(database, key_lifetime_days))
