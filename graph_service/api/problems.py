"""One error shape for the whole API: ``application/problem+json`` (RFC 9457).

Every exception ends here: the service's own (:class:`MaillageError`, which
carries its status), FastAPI's request validation, HTTP errors of the routing
layer, and anything unexpected (a 500 that says nothing about the query).
"""

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope, Send

from graph_service.api.deps import request_language
from graph_service.config import Language
from graph_service.errors import MaillageError
from graph_service.i18n import translate
from graph_service.services.validation import problems_from_errors

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger(__name__)


def problem_response(
    request: Request,
    status: int,
    title: str,
    detail: str,
    type_: str = "about:blank",
    **extra: Any,
) -> JSONResponse:
    body = {
        "type": type_,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


#: Seconds a client should wait before asking again when Neo4j does not answer.
RETRY_AFTER_SECONDS = 5


def _maillage_error(request: Request, exc: MaillageError) -> JSONResponse:
    language = request_language(request)
    response = problem_response(
        request,
        exc.status_code,
        exc.title(language),
        exc.detail(language),
        exc.problem_type,
        **exc.extra(language),
    )
    if exc.status_code == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


async def handle_maillage_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MaillageError)
    if exc.status_code >= 500:
        logger.warning("request failed: %s", exc)
    return _maillage_error(request, exc)


async def handle_request_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    read = request.method in ("GET", "HEAD")
    return _maillage_error(request, problems_from_errors(exc.errors(), read=read))


async def handle_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    language = request_language(request)
    title = (
        translate("error.not_found", language)
        if exc.status_code == 404
        else (translate("error.bad_request", language))
    )
    return problem_response(request, exc.status_code, title, str(exc.detail))


async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unexpected error on %s", request.url.path, exc_info=exc)
    language = request_language(request)
    return problem_response(
        request,
        500,
        translate("error.internal", language),
        translate("error.internal.detail", language),
    )


async def send_problem(
    scope: Scope,
    send: Send,
    status: int,
    type_: str,
    title: str,
    detail: str,
    headers: tuple[tuple[bytes, bytes], ...] = (),
) -> None:
    """A problem answered by an ASGI middleware (before any route runs)."""
    document = {"type": type_, "title": title, "status": status, "detail": detail}
    document["instance"] = scope["path"]
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(MaillageError, handle_maillage_error)
    app.add_exception_handler(RequestValidationError, handle_request_validation)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(Exception, handle_unexpected)


__all__ = [
    "PROBLEM_JSON",
    "Language",
    "install_problem_handlers",
    "problem_response",
    "send_problem",
]
