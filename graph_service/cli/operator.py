"""The person at the terminal, as the services and the audit trail see them.

The CLI connects with the database's own credentials, so it acts as an
administrator; it names persons only when the command says so (``--persons``),
and what it changes or reads of persons goes to the audit trail like the API's."""

from __future__ import annotations

import getpass

from graph_service.domain.access import Caller
from graph_service.repositories.database import Database
from graph_service.services.audit import AuditService


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
