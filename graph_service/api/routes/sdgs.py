"""The Sustainable Development Goals (read only: seeded by the schema)."""

from typing import Annotated, Any

from fastapi import APIRouter, Path

from graph_service.api.deps import DatabaseDep
from graph_service.domain.nodes import SDGPublic
from graph_service.errors import NotFoundError
from graph_service.repositories.nodes import get_sdg, list_sdgs

router = APIRouter(prefix="/sdgs", tags=["sdgs"])


@router.get("", response_model=list[SDGPublic], summary="The 17 SDGs (ODD)")
def list_(database: DatabaseDep) -> list[dict[str, Any]]:
    return database.read(list_sdgs)


@router.get("/{number}", response_model=SDGPublic, summary="One SDG by number")
def read(number: Annotated[int, Path(ge=1, le=17)], database: DatabaseDep) -> dict[str, Any]:
    found = database.read(get_sdg, number)
    if found is None:
        raise NotFoundError("SDG", str(number))
    return found
