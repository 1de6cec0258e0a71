"""Territory routes beyond CRUD: the PART_OF hierarchy."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from neo4j import ManagedTransaction

from graph_service.api.deps import DatabaseDep
from graph_service.domain.resources import TERRITORIES
from graph_service.errors import NotFoundError
from graph_service.repositories import territories as repo
from graph_service.repositories.nodes import get_node

router = APIRouter(prefix="/territories", tags=["territories"])

AtQuery = Annotated[date | None, Query(description="Only PART_OF ties valid on that day.")]


def _existing(tx: ManagedTransaction, id: str) -> None:
    if get_node(tx, TERRITORIES.label, id) is None:
        raise NotFoundError(TERRITORIES.name_en, id)


@router.get("/{id}/children", summary="Sub-territories of a territory")
def children(
    id: str,
    database: DatabaseDep,
    at: AtQuery = None,
    recursive: Annotated[bool, Query(description="The whole subtree, not only children.")] = False,
) -> list[dict[str, Any]]:
    """Each sub-territory with its ``depth`` (1 for a direct child)."""

    def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
        _existing(tx, id)
        return repo.sub_territories(tx, id, recursive=recursive, at=at)

    return database.read(work)


@router.get("/{id}/ancestors", summary="Territories a territory is part of")
def ancestors(id: str, database: DatabaseDep, at: AtQuery = None) -> list[dict[str, Any]]:
    """Nearest first (commune, then département, région, pays…), each with its ``distance``."""

    def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
        _existing(tx, id)
        return repo.ancestors(tx, id, at=at)

    return database.read(work)
