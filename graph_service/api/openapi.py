"""The OpenAPI document as the API really answers: every error is a problem
document (RFC 9457) — FastAPI would describe its 422 with its own shape — and every
route behind a key says so, with its 401, 403, 429 and 503."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from graph_service.api.security import SECURITY_SCHEMES

PROBLEM = {
    "title": "Problem",
    "type": "object",
    "description": "An error (RFC 9457). A 422 lists each problem in `errors`.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["type", "title", "status", "detail"],
}
ERRORS = {
    "401": "No key, or one that is unknown, expired or revoked.",
    "403": "The key lacks the role or the permission this needs (or another site asked).",
    "422": "The request is not valid; nothing was written. Each problem is in `errors`.",
    "429": "Too many requests from this key; see Retry-After.",
    "503": "Neo4j does not answer, or the query ran past its time limit; see Retry-After.",
}
UNSECURED = {"/healthz", "/readyz"}


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


def install_openapi(app: FastAPI) -> None:
    def schema() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        components = document.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        schemas["Problem"] = PROBLEM
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        # The caller's dependency reads the key and the cookie itself (see
        # current_caller): the schemes are declared here, each one enough.
        components["securitySchemes"] = {
            scheme.scheme_name: scheme.model.model_dump(
                mode="json", by_alias=True, exclude_none=True
            )
            for scheme in SECURITY_SCHEMES
        }
        for path, operations in document.get("paths", {}).items():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                secured = path not in UNSECURED
                if secured:
                    operation["security"] = [
                        {scheme.scheme_name: []} for scheme in SECURITY_SCHEMES
                    ]
                for status, description in ERRORS.items():
                    if status == "422" and status not in responses:
                        continue  # only where FastAPI saw something to validate
                    if status in ("401", "403", "429") and not secured:
                        continue
                    known = responses.get(status, {}).get("description")
                    responses[status] = _problem_response(
                        known if known and status not in ("422",) else description
                    )
        app.openapi_schema = document
        return document

    app.openapi = schema  # type: ignore[method-assign]
