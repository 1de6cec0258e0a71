"""Relationships of every type: typed, temporal, with provenance."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Response, status
from pydantic import Field

from graph_service.api.query_string import QueryString
from graph_service.api.schemas import Page, PageQuery
from graph_service.api.security import requires
from graph_service.api.services import RelationshipServiceDep
from graph_service.domain.access import Role
from graph_service.domain.enums import RelationshipType
from graph_service.domain.nodes import NodeId
from graph_service.domain.relationships import (
    ENDPOINTS,
    RelationshipCreate,
    RelationshipPublic,
)
from graph_service.services.validation import etag_of

router = APIRouter(prefix="/relationships", tags=["relationships"])


class RelationshipQuery(PageQuery):
    types: list[RelationshipType] | None = Field(default=None, description="Only these types.")
    from_id: NodeId | None = None
    to_id: NodeId | None = None
    node_id: NodeId | None = Field(default=None, description="Either end.")


RELATIONSHIP_QUERY = QueryString(RelationshipQuery)


@router.get("/types", summary="Relationship types and the labels they join")
def types() -> list[dict[str, Any]]:
    return [
        {
            "type": rel_type.value,
            "from": sorted(label.value for label in ends.sources),
            "to": sorted(label.value for label in ends.targets),
            "same_label": ends.same_label,
        }
        for rel_type, ends in ENDPOINTS.items()
    ]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=RelationshipPublic,
    summary="Create a relationship",
    dependencies=[requires(Role.EDITOR)],
)
def create(payload: RelationshipCreate, relationships: RelationshipServiceDep) -> dict[str, Any]:
    """The body's ``type`` selects which properties are allowed.  Both ends must
    exist and have labels the type accepts; otherwise nothing is written."""
    return relationships.create(payload)


@router.get(
    "",
    response_model=Page[RelationshipPublic],
    summary="List relationships",
    openapi_extra=RELATIONSHIP_QUERY.openapi,
)
def list_(
    query: Annotated[RelationshipQuery, Depends(RELATIONSHIP_QUERY)],
    relationships: RelationshipServiceDep,
) -> dict[str, Any]:
    total, hidden, items = relationships.list(
        types=query.types,
        from_id=query.from_id,
        to_id=query.to_id,
        node_id=query.node_id,
        at=query.at,
        offset=query.offset,
        limit=query.limit,
    )
    return {
        "items": items,
        "total": total,
        "hidden": hidden,
        "limit": query.limit,
        "offset": query.offset,
    }


@router.get("/{id}", response_model=RelationshipPublic, summary="Read a relationship")
def read(id: str, relationships: RelationshipServiceDep, response: Response) -> dict[str, Any]:
    found = relationships.get(id)
    response.headers["ETag"] = etag_of(found)
    return found


@router.patch(
    "/{id}",
    response_model=RelationshipPublic,
    summary="Update a relationship",
    dependencies=[requires(Role.EDITOR)],
    responses={412: {"description": "If-Match names a version that changed since."}},
)
def update(
    id: str,
    relationships: RelationshipServiceDep,
    response: Response,
    patch: Annotated[dict[str, Any], Body(description="Properties to change; null removes one.")],
    if_match: Annotated[
        str | None, Header(description="The ETag read: refuse if it changed since.")
    ] = None,
) -> dict[str, Any]:
    updated = relationships.update(id, patch, if_match=if_match)
    response.headers["ETag"] = etag_of(updated)
    return updated


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a relationship",
    dependencies=[requires(Role.EDITOR)],
)
def delete(id: str, relationships: RelationshipServiceDep) -> Response:
    relationships.delete(id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
