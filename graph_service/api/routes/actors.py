"""Actor routes beyond CRUD: the neighbourhood of an actor."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from graph_service.api.query_string import QueryString
from graph_service.api.routes.nodes import equality_filters, filter_model
from graph_service.api.schemas import Neighbourhood
from graph_service.api.services import ActorServiceDep
from graph_service.domain.enums import RelationshipType
from graph_service.domain.resources import ACTORS
from graph_service.errors import FieldProblem, ValidationProblem

router = APIRouter(prefix="/actors", tags=["actors"])


class NeighbourhoodQuery(filter_model(ACTORS, paged=False)):  # type: ignore[misc]
    depth: int = Field(default=1, ge=1, le=2, description="1 or 2 hops.")
    types: list[RelationshipType] | None = Field(
        default=None, description="Relationship types to follow (default: all)."
    )
    limit: int = Field(default=500, ge=1, le=5000, description="Maximum number of paths.")


NEIGHBOURHOOD_QUERY = QueryString(NeighbourhoodQuery)


@router.get(
    "/{id}/neighbourhood",
    response_model=Neighbourhood,
    summary="Nodes and ties around an actor (id or name)",
    openapi_extra=NEIGHBOURHOOD_QUERY.openapi,
)
async def actor_neighbourhood(
    id: str,
    query: Annotated[NeighbourhoodQuery, Depends(NEIGHBOURHOOD_QUERY)],
    actors: ActorServiceDep,
) -> dict[str, Any]:
    """Everything within ``depth`` hops, in either direction.  The filters
    (sphere, nature, country, kind, territory with its sub-territories) apply to
    the neighbouring actors; ``at`` keeps the ties valid on that day.  Without
    the sensitive permission, persons are pseudonyms and their ties are left out."""
    if query.q is not None:
        raise ValidationProblem(
            [FieldProblem(("query", "q"), "error.query.text_search_not_here", value=query.q)]
        )
    # The most asked read (maps, explorer, scripts): awaited from a coroutine, the
    # service runs in the thread pool and FastAPI checks the answer in the event
    # loop, one hand-over between threads instead of two (a plain function's
    # answer is checked in the pool again).
    return await run_in_threadpool(
        actors.neighbourhood,
        id,
        depth=query.depth,
        types=query.types,
        at=query.at,
        equals=equality_filters(ACTORS, query),
        territory=query.territory,
        limit=query.limit,
    )
