"""Who is asking: roles, the sensitive permission and the caller of a request.

Every service method receives a :class:`Caller`; it is the one place where
"may this caller do that, and see those persons?" is answered.  Roles are
ordered: each one may do everything the roles below it may.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from graph_service.errors import ForbiddenError


class Role(StrEnum):
    VIEWER = "viewer"  # reads data, analyses and maps (persons as pseudonyms)
    ANALYST = "analyst"  # + the Cypher console and exports
    EDITOR = "editor"  # + creates, changes, deletes and imports
    ADMIN = "admin"  # + accounts, keys and the audit trail

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def includes(self, other: Role) -> bool:
        return self.rank >= other.rank


@dataclass
class Caller:
    """The account behind a request (or a CLI command), with what it may see.

    ``audit`` collects what the services want the audit trail to say about this
    request (what a delete removed, which sensitive data was read, the console
    query); the API writes one entry per request from it.
    """

    name: str
    role: Role
    sensitive: bool = False
    key_id: str | None = None
    address: str | None = None
    audit: dict[str, Any] = field(default_factory=dict)

    def may(self, role: Role) -> bool:
        return self.role.includes(role)

    def require(self, role: Role) -> None:
        if not self.may(role):
            raise ForbiddenError("error.forbidden.role", role=role.value)

    def require_sensitive(self) -> None:
        if not self.sensitive:
            raise ForbiddenError("error.forbidden.sensitive")

    def note(self, **facts: Any) -> None:
        """Add facts to this request's audit entry."""
        self.audit.update(facts)

    @classmethod
    def operator(cls, name: str, *, sensitive: bool = False) -> Caller:
        """The person at the terminal: the CLI runs with the database's own
        credentials, so it acts as an administrator; persons are named only
        when the command asks for them (``--persons``)."""
        return cls(name=name, role=Role.ADMIN, sensitive=sensitive)
