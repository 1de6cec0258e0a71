"""Actor use cases beyond CRUD: the neighbourhood of an actor, asked by id or
name, with persons as the caller may see them."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph_service.domain.access import Caller, Role
from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.domain.resources import ACTORS
from graph_service.errors import NotFoundError
from graph_service.repositories.actors import neighbourhood
from graph_service.repositories.database import Database
from graph_service.services.privacy import Privacy
from graph_service.services.references import ReferenceResolver


class ActorService:
    def __init__(self, database: Database, caller: Caller) -> None:
        self.database = database
        self.caller = caller
        self.privacy = Privacy(database, caller)

    def neighbourhood(
        self,
        reference: str,
        *,
        depth: int,
        types: list[RelationshipType] | None,
        at: date | None,
        equals: dict[str, Any],
        territory: str | None,
        limit: int,
    ) -> dict[str, Any]:
        """Everything within ``depth`` hops.  For a caller without the sensitive
        permission, persons are pseudonyms and the ties that touch them are left
        out (``hidden_relationships`` counts them)."""
        self.caller.require(Role.VIEWER)
        resolver = ReferenceResolver(self.database)
        if territory is not None:
            territory = resolver.resolve(NodeLabel.TERRITORY, territory, "territory")

        def around(id: str) -> dict[str, Any] | None:
            return self.database.read_statement(
                neighbourhood,
                id,
                depth=depth,
                types=types,
                at=at,
                equals=equals,
                territory=territory,
                limit=limit,
            )

        # Most callers (the maps, the explorer, scripts) give an id: tried as one
        # first, it answers in one transaction instead of a lookup and then the query.
        found = around(reference)
        if found is None:
            id = resolver.resolve(NodeLabel.ACTOR, reference, "id", not_found=ACTORS.name_en)
            found = around(id) if id != reference else None
        if found is None:
            raise NotFoundError(ACTORS.name_en, reference)
        persons = {n["id"] for n in found["nodes"] if Privacy.is_person(n)}
        found["hidden_relationships"] = 0
        if self.privacy.hides_persons and persons:
            kept = [
                r
                for r in found["relationships"]
                if r["from_id"] not in persons and r["to_id"] not in persons
            ]
            found["hidden_relationships"] = len(found["relationships"]) - len(kept)
            found["relationships"] = kept
        found["nodes"] = self.privacy.nodes(found["nodes"])
        return found
