"""One audit entry per request that changes something, reads sensitive data,
queries the console or is refused a write: written after the answer is known
(its status is the outcome), from what the services noted on the caller."""

from __future__ import annotations

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.api.guards import SAFE_METHODS, anonymous
from graph_service.domain.access import Caller
from graph_service.services.audit import AuditService


def outcome_of(status: int) -> str:
    if status < 400:
        return "ok"
    return "refused" if status < 500 else "failed"


class AuditTrail:
    def __init__(self, app: ASGIApp, audit_of: object) -> None:
        self.app = app
        self.audit_of = audit_of  # a callable: the AuditService (its database is lazy)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            await self._record(scope, status)

    async def _record(self, scope: Scope, status: int) -> None:
        caller: Caller | None = (scope.get("state") or {}).get("caller")
        writes = scope["method"] not in SAFE_METHODS
        if caller is None:
            if not (writes and status in (401, 403)):
                return
            caller = anonymous(scope)
        if not (writes or caller.audit):
            return
        action = f"{scope['method']} {scope['path']}"[:300]
        details = dict(caller.audit)
        audit: AuditService = self.audit_of()  # type: ignore[operator]
        try:
            await anyio.to_thread.run_sync(
                lambda: audit.record(
                    caller, action, outcome=outcome_of(status), status=status, details=details
                )
            )
        except Exception:  # the trail must never turn an answer into an error
            return
