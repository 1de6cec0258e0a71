"""Liveness and readiness (outside /api/v1, where orchestrators expect them)."""

from fastapi import APIRouter, Request

from graph_service.api.deps import database_of

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Neo4j answers")
def readyz(request: Request) -> dict[str, str]:
    """200 when a query round trip succeeds; otherwise a 503 problem."""
    database_of(request).ping()
    return {"status": "ready"}
