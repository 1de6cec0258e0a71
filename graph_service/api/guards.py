"""Guards in front of every route: the ``Host`` a request names must be one this
service answers to (a DNS-rebinding page names its own), and a state-changing
request must not come from another site (a form on another page can post to
the API without any preflight).  Refusals are problem+json, and written to the
audit trail."""

from __future__ import annotations

from urllib.parse import urlsplit

import anyio.to_thread
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from graph_service.api.deps import request_language
from graph_service.api.problems import send_problem
from graph_service.config import Settings
from graph_service.domain.access import Caller, Role
from graph_service.i18n import translate
from graph_service.services.audit import AuditService

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Who the audit trail names when no key was looked at.
ANONYMOUS = "anonyme"


def anonymous(scope: Scope) -> Caller:
    """The caller of a request no key has been looked at for: known by its address."""
    client = scope.get("client")
    return Caller(ANONYMOUS, Role.VIEWER, address=client[0] if client else None)


def host_name(host_header: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]")[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class RequestGuards:
    def __init__(self, app: ASGIApp, settings: Settings, audit_of: object) -> None:
        self.app = app
        self.audit_of = audit_of  # a callable: the AuditService (its database is lazy)
        # Read once: every request is checked against them.
        self.host_names = settings.host_names
        self.origins = frozenset(settings.origins)

    def _origin_allowed(self, origin: str, host: str) -> bool:
        if origin.rstrip("/") in self.origins:
            return True
        parts = urlsplit(origin)
        # The same site: the page the API itself served (explorer, maps).
        return (parts.netloc or "").lower() == host.lower()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        host = request.headers.get("host", "")
        if host_name(host) not in self.host_names:
            language = request_language(request)
            await self._refused(scope, "bad-host", host[:80])
            await send_problem(
                scope,
                send,
                400,
                "/problems/bad-host",
                translate("error.bad_host", language),
                translate("error.bad_host.detail", language, host=host[:80]),
            )
            return
        if scope["method"] not in SAFE_METHODS:
            origin = request.headers.get("origin")
            fetch_site = request.headers.get("sec-fetch-site", "")
            if (origin and not self._origin_allowed(origin, host)) or fetch_site == "cross-site":
                language = request_language(request)
                await self._refused(scope, "cross-site", origin or fetch_site)
                await send_problem(
                    scope,
                    send,
                    403,
                    "/problems/forbidden",
                    translate("error.forbidden", language),
                    translate("error.forbidden.cross_site", language),
                )
                return
        await self.app(scope, receive, send)

    async def _refused(self, scope: Scope, reason: str, given: str) -> None:
        audit: AuditService = self.audit_of()  # type: ignore[operator]
        caller = anonymous(scope)
        action = f"{scope['method']} {scope['path']}"[:300]
        try:
            await anyio.to_thread.run_sync(
                lambda: audit.record(
                    caller, action, outcome="refused", details={"reason": reason, "given": given}
                )
            )
        except Exception:  # the refusal stands even when the trail cannot be written
            return
