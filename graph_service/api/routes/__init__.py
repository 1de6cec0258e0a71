"""One router per resource; :func:`include_api` puts them under ``/api/v1``."""

from fastapi import APIRouter, Depends, FastAPI

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

API_PREFIX = "/api/v1"


def resource_routers() -> list[APIRouter]:
    """Resource-specific routes first, so that e.g. /territories/{id}/children is
    not read as an id by the generic routes."""
    return [
        actors.router,
        territories.router,
        *(nodes.node_router(resource) for resource in NODE_RESOURCES),
        sdgs.router,
        relationships.router,
        analyses.router,
        transfer.router,
        console.router,
        access.router,
    ]


def include_api(app: FastAPI) -> None:
    """Every route under /api/v1 needs a key (or the session cookie): 401 otherwise.

    Each resource's router is included in the application itself, not through
    one /api/v1 router: FastAPI matches a request again at each level of routers
    included in routers (and walks the whole tree to see whether any changed), so
    one level less is one matching less on every request."""
    for router in resource_routers():
        app.include_router(router, prefix=API_PREFIX, dependencies=[Depends(current_caller)])


__all__ = ["API_PREFIX", "health", "include_api"]
