"""Request limits.  Size: a body larger than the settings allow is refused with
413 before it is read into memory — by its ``Content-Length``, or, when it comes
in chunks, as soon as the bytes received pass the limit.  Pace: a client past its
requests per minute gets 429."""

from __future__ import annotations

import math
import re
import time
from collections import OrderedDict

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.api.deps import request_language
from graph_service.api.problems import send_problem
from graph_service.config import Settings
from graph_service.i18n import translate

__all__ = ["BodySizeLimit", "RateLimit"]

#: The one route that takes files: its limit is the upload one.
UPLOAD_PATH = "/api/v1/imports"


class BodySizeLimit:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def _limit(self, path: str) -> int:
        megabytes = (
            self.settings.max_upload_mb if path == UPLOAD_PATH else self.settings.max_body_mb
        )
        return int(megabytes * 1024 * 1024)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, send, limit)
            return
        received = 0
        exceeded = False
        refused = False

        async def counted() -> Message:
            # Past the limit the app gets an end of body instead of more bytes, and
            # whatever it answers is replaced by the 413 below.
            nonlocal received, exceeded
            if exceeded:
                return {"type": "http.request", "body": b"", "more_body": False}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        async def watched(message: Message) -> None:
            nonlocal refused
            if not exceeded:
                await send(message)
            elif not refused:
                refused = True
                await self._refuse(scope, send, limit)

        await self.app(scope, counted, watched)

    async def _refuse(self, scope: Scope, send: Send, limit: int) -> None:
        language = request_language(Request(scope))
        await send_problem(
            scope,
            send,
            413,
            "/problems/too-large",
            translate("error.too_large", language),
            translate("error.too_large.detail", language, mb=round(limit / 1024 / 1024)),
        )


class RateLimit:
    """Requests per minute, per API key (or per address for requests without
    one), as a token bucket: a burst of up to the limit, then the limit's pace.
    Past it, 429 with ``Retry-After``.  Health checks are never limited.  Each
    worker process counts for itself (with N workers, a client may get N times
    the limit)."""

    #: Buckets kept at most (the least recently used are forgotten).
    CAPACITY = 10_000

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.per_minute = settings.rate_limit_per_minute
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def _client(self, scope: Scope) -> str:
        request = Request(scope)
        presented = request.headers.get("authorization", "") or request.cookies.get(
            "maillage_session", ""
        )
        key = _KEY_ID.search(presented)
        if key:
            return f"key:{key.group(1)}"
        client = scope.get("client")
        return f"address:{client[0] if client else '?'}"

    def _wait(self, client: str) -> float:
        """0 when the request may go, else the seconds before it may."""
        now = time.monotonic()
        rate = self.per_minute / 60.0
        tokens, last = self.buckets.pop(client, (float(self.per_minute), now))
        tokens = min(float(self.per_minute), tokens + (now - last) * rate)
        if tokens >= 1.0:
            self.buckets[client] = (tokens - 1.0, now)
            wait = 0.0
        else:
            self.buckets[client] = (tokens, now)
            wait = (1.0 - tokens) / rate
        while len(self.buckets) > self.CAPACITY:
            self.buckets.popitem(last=False)
        return wait

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.per_minute == 0 or scope["path"] in _UNLIMITED:
            await self.app(scope, receive, send)
            return
        wait = self._wait(self._client(scope))
        if wait == 0.0:
            await self.app(scope, receive, send)
            return
        language = request_language(Request(scope))
        await send_problem(
            scope,
            send,
            429,
            "/problems/too-many-requests",
            translate("error.rate_limited", language),
            translate("error.rate_limited.detail", language, per_minute=self.per_minute),
            headers=((b"retry-after", str(math.ceil(wait)).encode()),),
        )


_KEY_ID = re.compile(r"mlg_([0-9a-f]{16})_")
_UNLIMITED = frozenset({"/healthz", "/readyz"})
