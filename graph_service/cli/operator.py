"""The person at the terminal, as the services and the audit trail see them.

The CLI connects with the database's own credentials, so it acts as an
administrator; it names persons only when the command says so (``--persons``),
and what it changes or reads of persons goes to the audit trail like the API's."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import TypeVar

from graph_service.cli.output import fail
from graph_service.config import get_settings
from graph_service.domain.access import Caller
from graph_service.errors import MaillageError
from graph_service.local_neo4j.runtime import connection_info
from graph_service.repositories.database import Database
from graph_service.services.audit import AuditService

T = TypeVar("T")


def operator(*, persons: bool = False) -> Caller:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (a container's numeric user)
        user = "inconnu"
    return Caller.operator(f"cli:{user}", sensitive=persons)


def record(database: Database, caller: Caller, action: str, *, writes: bool) -> None:
    """One audit entry for a command that wrote, or read what the trail must see."""
    if writes or caller.audit:
        AuditService(database).record(caller, action, details=dict(caller.audit))


def with_database(work: Callable[[Database], T]) -> T:
    """Run ``work`` with a database opened from the settings, closed afterwards; an
    error ends the command with its message."""
    settings = get_settings()
    try:
        database = Database(connection_info(settings), settings.neo4j_timeout_seconds)
        try:
            return work(database)
        finally:
            database.close()
    except MaillageError as exc:
        raise fail(exc) from exc
