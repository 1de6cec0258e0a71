"""The Sustainable Development Goals (read only: seeded by the schema)."""

from __future__ import annotations

from typing import Any

from graph_service.domain.access import Caller, Role
from graph_service.errors import NotFoundError
from graph_service.repositories.database import Database
from graph_service.repositories.nodes import get_sdg, list_sdgs


class SdgService:
    def __init__(self, database: Database, caller: Caller) -> None:
        self.database = database
        self.caller = caller

    def all(self) -> list[dict[str, Any]]:
        self.caller.require(Role.VIEWER)
        return self.database.read(list_sdgs)

    def get(self, number: int) -> dict[str, Any]:
        self.caller.require(Role.VIEWER)
        found = self.database.read(get_sdg, number)
        if found is None:
            raise NotFoundError("SDG", str(number))
        return found
