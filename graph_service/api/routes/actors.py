"""Actor routes beyond CRUD: the neighbourhood of an actor."""

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import Field

from graph_service.api.deps import DatabaseDep
from graph_service.api.routes.nodes import equality_filters, filter_model
from graph_service.api.schemas import Neighbourhood
from graph_service.domain.enums import RelationshipType
from graph_service.domain.resources import ACTORS
from graph_service.errors import FieldProblem, NotFoundError, ValidationProblem
from graph_service.repositories.actors import neighbourhood

router = APIRouter(prefix="/actors", tags=["actors"])


class NeighbourhoodQuery(filter_model(ACTORS)):  # type: ignore[misc]
    depth: int = Field(default=1, ge=1, le=2, description="1 or 2 hops.")
    types: list[RelationshipType] | None = Field(
        default=None, description="Relationship types to follow (default: all)."
    )
    limit: int = Field(default=500, ge=1, le=5000, description="Maximum number of paths.")


@router.get(
    "/{id}/neighbourhood", response_model=Neighbourhood, summary="Nodes and ties around an actor"
)
def actor_neighbourhood(
    id: str, query: Annotated[NeighbourhoodQuery, Query()], database: DatabaseDep
) -> dict[str, Any]:
    """Everything within ``depth`` hops, in either direction.  The filters
    (sphere, nature, country, kind, territory with its sub-territories) apply to
    the neighbouring actors; ``at`` keeps the ties valid on that day."""
    if query.q is not None:
        raise ValidationProblem([FieldProblem(("query", "q"), "q is not supported here")])
    found = database.read(
        neighbourhood,
        id,
        depth=query.depth,
        types=query.types,
        at=query.at,
        equals=equality_filters(ACTORS, query),
        territory=query.territory,
        limit=query.limit,
    )
    if found is None:
        raise NotFoundError(ACTORS.name_en, id)
    return found
