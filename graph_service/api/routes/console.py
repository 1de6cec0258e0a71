"""The analysts' read-only Cypher console."""

from typing import Any

from fastapi import APIRouter

from graph_service.api.security import requires
from graph_service.api.services import ConsoleServiceDep
from graph_service.domain.access import Role
from graph_service.services.console import ConsoleRequest

router = APIRouter(tags=["console"])


@router.post(
    "/query",
    summary="Run a read-only Cypher query (analysts): rows, and the graph they hold",
    dependencies=[requires(Role.ANALYST)],
    responses={
        422: {"description": "A write, a forbidden operation, label or procedure; nothing ran."},
        503: {"description": "Past the time limit: the server stopped the query."},
    },
)
def run_query(request: ConsoleRequest, console: ConsoleServiceDep) -> dict[str, Any]:
    """The query runs in a read transaction (the database refuses any write), with a
    time limit and a row limit; its plan is checked first (see SECURITY.md).
    Returns ``columns``, ``rows``, ``truncated`` and ``graph`` (``nodes`` and
    ``relationships`` met in the rows, for drawing)."""
    return console.run(request)
