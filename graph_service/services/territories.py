"""Territory use cases beyond CRUD: the ``PART_OF`` hierarchy, asked by id or name."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from graph_service.domain.access import Caller, Role
from graph_service.domain.enums import NodeLabel
from graph_service.domain.resources import TERRITORIES
from graph_service.errors import NotFoundError
from graph_service.repositories import territories as repo
from graph_service.repositories.database import Database
from graph_service.repositories.nodes import get_node
from graph_service.services.references import ReferenceResolver


class TerritoryService:
    def __init__(self, database: Database, caller: Caller) -> None:
        self.database = database
        self.caller = caller

    def _territory(self, reference: str) -> str:
        self.caller.require(Role.VIEWER)
        return ReferenceResolver(self.database).resolve(
            NodeLabel.TERRITORY, reference, "id", not_found=TERRITORIES.name_en
        )

    @staticmethod
    def _existing(tx: ManagedTransaction, id: str) -> None:
        if get_node(tx, TERRITORIES.label, id) is None:
            raise NotFoundError(TERRITORIES.name_en, id)

    def children(self, reference: str, *, recursive: bool, at: date | None) -> list[dict[str, Any]]:
        """Sub-territories (or the whole subtree), each with its ``depth``."""
        id = self._territory(reference)

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            self._existing(tx, id)
            return repo.sub_territories(tx, id, recursive=recursive, at=at)

        return self.database.read(work)

    def ancestors(self, reference: str, *, at: date | None) -> list[dict[str, Any]]:
        """Territories it is part of, nearest first, each with its ``distance``."""
        id = self._territory(reference)

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            self._existing(tx, id)
            return repo.ancestors(tx, id, at=at)

        return self.database.read(work)
