"""One router per resource; :func:`api_router` assembles them under ``/api/v1``."""

from fastapi import APIRouter, Depends

from graph_service.api.routes import (
    access,
    actors,
    analyses,
    console,
    health,
    nodes,
    relationships,
    sdgs,
    territories,
    transfer,
)
from graph_service.api.security import current_caller
from graph_service.domain.resources import NODE_RESOURCES


def api_router() -> APIRouter:
    # Every route under /api/v1 needs a key (or the session cookie): 401 otherwise.
    router = APIRouter(prefix="/api/v1", dependencies=[Depends(current_caller)])
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
    router.include_router(console.router)
    router.include_router(access.router)
    return router


__all__ = ["api_router", "health"]
