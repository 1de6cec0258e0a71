"""Request size limits: a body larger than the settings allow is refused with 413
before it is read into memory — by its ``Content-Length``, or, when it comes in
chunks, as soon as the bytes received pass the limit."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.api.deps import request_language
from graph_service.config import Language, Settings
from graph_service.i18n import translate

__all__ = ["BodySizeLimit"]

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
        body = _problem(scope["path"], request_language(Request(scope)), limit)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _problem(path: str, language: Language, limit: int) -> bytes:
    document: dict[str, Any] = {
        "type": "/problems/too-large",
        "title": translate("error.too_large", language),
        "status": 413,
        "detail": translate("error.too_large.detail", language, mb=round(limit / 1024 / 1024)),
        "instance": path,
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
