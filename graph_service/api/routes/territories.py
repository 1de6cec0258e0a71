"""Territory routes beyond CRUD: the PART_OF hierarchy (id or name)."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from graph_service.api.services import TerritoryServiceDep

router = APIRouter(prefix="/territories", tags=["territories"])

AtQuery = Annotated[date | None, Query(description="Only PART_OF ties valid on that day.")]


@router.get("/{id}/children", summary="Sub-territories of a territory (id or name)")
def children(
    id: str,
    territories: TerritoryServiceDep,
    at: AtQuery = None,
    recursive: Annotated[bool, Query(description="The whole subtree, not only children.")] = False,
) -> list[dict[str, Any]]:
    """Each sub-territory with its ``depth`` (1 for a direct child)."""
    return territories.children(id, recursive=recursive, at=at)


@router.get("/{id}/ancestors", summary="Territories a territory is part of (id or name)")
def ancestors(
    id: str, territories: TerritoryServiceDep, at: AtQuery = None
) -> list[dict[str, Any]]:
    """Nearest first (commune, then département, région, pays…), each with its ``distance``."""
    return territories.ancestors(id, at=at)
