"""CRUD routes of a node resource, built from its :class:`NodeResource`.

Each resource (actors, persons, territories, frameworks, operations, issues)
gets its own router from the same factory: the rules are the same, only the
models and filters differ.  (No ``from __future__ import annotations`` here:
FastAPI reads these annotations at run time.)
"""

from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from pydantic import BaseModel, Field, create_model

from graph_service.api.deps import database_of
from graph_service.api.query_string import QueryString
from graph_service.api.schemas import PAGING, Page, PlacedQuery
from graph_service.api.security import CallerDep, requires
from graph_service.domain.access import Role
from graph_service.domain.nodes import optional_type
from graph_service.domain.resources import NodeResource
from graph_service.services.nodes import NodeService
from graph_service.services.validation import etag_of


def filter_model(resource: NodeResource, *, paged: bool = True) -> type[BaseModel]:
    """The list query of ``resource``: paging, text, territory, date, and an
    equality filter per filterable property, typed as in the create model.
    ``paged=False`` leaves ``limit`` and ``offset`` out, for a read that is not a
    page of a list (the neighbourhood): a parameter offered there and ignored
    would say it did something."""
    fields: dict[str, Any] = {
        name: (optional_type(resource.create.model_fields[name].annotation), Field(default=None))
        for name in resource.filters
    }
    name = f"{resource.create.__name__.removesuffix('Create')}Query"
    if paged:
        return create_model(name, __base__=PlacedQuery, **fields)
    placed: dict[str, Any] = {
        field: (info.annotation, info)
        for field, info in PlacedQuery.model_fields.items()
        if field not in PAGING
    }
    unpaged: type[BaseModel] = create_model(
        name, __config__=PlacedQuery.model_config, **placed, **fields
    )
    return unpaged


def equality_filters(resource: NodeResource, query: BaseModel) -> dict[str, Any]:
    values = {name: getattr(query, name) for name in resource.filters}
    return {name: value for name, value in values.items() if value is not None}


def node_router(resource: NodeResource) -> APIRouter:
    router = APIRouter(prefix=f"/{resource.path}", tags=[resource.path])
    Create, Update, Public = resource.create, resource.update, resource.public
    Filters = filter_model(resource)
    filters_of = QueryString(Filters)

    # A coroutine: a plain function dependency is handed to the thread pool.
    async def service(request: Request, caller: CallerDep) -> NodeService:
        return NodeService(database_of(request), resource, caller)

    Service = Annotated[NodeService, Depends(service)]

    @router.post(
        "",
        status_code=status.HTTP_201_CREATED,
        response_model=Public,
        summary=f"Create a {resource.name_en}",
        dependencies=[requires(Role.EDITOR)],
    )
    def create(payload: Create, nodes: Service) -> dict[str, Any]:  # type: ignore[valid-type]
        return nodes.create(payload)

    @router.get(
        "",
        response_model=Page[Public],  # type: ignore[valid-type]
        summary=f"List {resource.path}",
        openapi_extra=filters_of.openapi,
    )
    def list_(query: Annotated[Filters, Depends(filters_of)], nodes: Service) -> dict[str, Any]:  # type: ignore[valid-type]
        page = cast(PlacedQuery, query)
        total, items = nodes.list(
            equals=equality_filters(resource, page),
            text=page.q,
            territory=page.territory,
            at=page.at,
            offset=page.offset,
            limit=page.limit,
        )
        return {"items": items, "total": total, "limit": page.limit, "offset": page.offset}

    @router.get("/{id}", response_model=Public, summary=f"Read a {resource.name_en}")
    def read(id: str, nodes: Service, response: Response) -> dict[str, Any]:
        node = nodes.get(id)
        response.headers["ETag"] = etag_of(node)
        return node

    @router.patch(
        "/{id}",
        response_model=Public,
        summary=f"Update a {resource.name_en}",
        dependencies=[requires(Role.EDITOR)],
        responses={412: {"description": "If-Match names a version that changed since."}},
    )
    def update(
        id: str,
        payload: Update,  # type: ignore[valid-type]
        nodes: Service,
        response: Response,
        if_match: Annotated[
            str | None, Header(description="The ETag read: refuse if the node changed since.")
        ] = None,
    ) -> dict[str, Any]:
        changes = payload.model_dump(exclude_unset=True)  # type: ignore[attr-defined]
        node = nodes.update(id, changes, if_match=if_match)
        response.headers["ETag"] = etag_of(node)
        return node

    @router.delete(
        "/{id}",
        status_code=status.HTTP_204_NO_CONTENT,
        summary=f"Delete a {resource.name_en}",
        dependencies=[requires(Role.EDITOR)],
    )
    def delete(
        id: str,
        nodes: Service,
        force: Annotated[bool, Query(description="Also delete its relationships.")] = False,
    ) -> Response:
        nodes.delete(id, force=force)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return router
