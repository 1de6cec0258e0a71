"""One router per resource; :func:`api_router` assembles them under ``/api/v1``."""

from fastapi import APIRouter

from graph_service.api.routes import (
    actors,
    analyses,
    health,
    nodes,
    relationships,
    sdgs,
    territories,
    transfer,
)
from graph_service.domain.resources import NODE_RESOURCES


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1")
    # Resource-specific routes first, so that e.g. /territories/{id}/children is
    # not read as an id by the generic routes.
    router.include_router(actors.router)
    router.include_router(territories.router)
    for resource in NODE_RESOURCES:
        router.include_router(nodes.node_router(resource))
    router.include_router(sdgs.router)
    router.include_router(relationships.router)
    router.include_router(analyses.router)
    router.include_router(transfer.router)
    return router


__all__ = ["api_router", "health"]
