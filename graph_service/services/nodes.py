"""Node use cases: create, read, update (validated after merging), delete, list."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import ManagedTransaction
from pydantic import BaseModel, ValidationError

from graph_service.domain.access import Caller, Role
from graph_service.domain.enums import NodeLabel
from graph_service.domain.nodes import NodeBase
from graph_service.domain.resources import FRAMEWORKS, NodeResource
from graph_service.errors import ConflictError, FieldProblem, NotFoundError, ValidationProblem
from graph_service.repositories import nodes as repo
from graph_service.repositories.database import Database
from graph_service.services.privacy import Privacy
from graph_service.services.references import ReferenceResolver
from graph_service.services.validation import check_if_match, problems_from, property_changes

#: Fields that are derived by the service, never taken from a request.
_SERVER_FIELDS = {"recorded_at", "labels"}


def _node_id(payload: BaseModel) -> str:
    return str(payload.model_dump(include={"id"})["id"])


def _stored_props(model: BaseModel, recorded_by: str) -> dict[str, Any]:
    # Who recorded a fact is the account that wrote it, never what a client says.
    return {**model.model_dump(exclude={"is_actor"}, exclude_none=True), "recorded_by": recorded_by}


class NodeService:
    """The use cases of one node resource (actors, persons, territories…), as
    ``caller`` may use them: reads for every role, writes for editors; persons
    only with the sensitive permission (others see pseudonyms in lists)."""

    def __init__(self, database: Database, resource: NodeResource, caller: Caller) -> None:
        self.database = database
        self.resource = resource
        self.caller = caller
        self.privacy = Privacy(database, caller)

    @property
    def _is_person(self) -> bool:
        return self.resource.label is NodeLabel.PERSON

    def _may_write(self) -> None:
        self.caller.require(Role.EDITOR)
        if self._is_person:
            self.caller.require_sensitive()

    @property
    def label(self) -> NodeLabel:
        return self.resource.label

    def _not_found(self, id: str) -> NotFoundError:
        return NotFoundError(self.resource.name_en, id)

    def create(self, payload: NodeBase) -> dict[str, Any]:
        self._may_write()
        if self.resource is FRAMEWORKS and getattr(payload, "is_actor", False):
            return self._add_framework_to_actor(payload)
        try:
            created = self.database.write(
                repo.create_node, self.label, _stored_props(payload, self.caller.name)
            )
            self.caller.note(created=created.get("id"))
            return created
        except ConflictError as exc:
            raise ConflictError(
                "error.duplicate.detail", label=self.resource.name_en, id=_node_id(payload)
            ) from exc

    def _add_framework_to_actor(self, payload: NodeBase) -> dict[str, Any]:
        """Add the framework label and the properties the request gives to an
        existing actor; the actor keeps its name, and its aliases gain the new ones."""
        id = _node_id(payload)
        given = payload.model_dump(exclude_unset=True, exclude={"is_actor", "id", "name"})
        given["recorded_by"] = self.caller.name

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            actor = repo.get_node(tx, NodeLabel.ACTOR, id)
            if actor is None:
                raise ValidationProblem(
                    [
                        FieldProblem(
                            ("body", "id"), "error.dangling_reference", value=id, values={"id": id}
                        )
                    ]
                )
            if NodeLabel.DIALOGUE_FRAMEWORK.value in actor["labels"]:
                raise ConflictError("error.duplicate.detail", label=self.resource.name_en, id=id)
            if "aliases" in given:
                known = list(actor.get("aliases") or [])
                given["aliases"] = known + [a for a in given["aliases"] if a not in known]
            added = repo.add_framework_to_actor(tx, id, given)
            assert added is not None
            return added

        return self.database.write(work)

    def get(self, id: str) -> dict[str, Any]:
        if self._is_person:
            # Even "no such person" would tell a guessed name exists or not.
            self.caller.require_sensitive()
        node = self.database.read(repo.get_node, self.label, id)
        if node is None:
            raise self._not_found(id)
        self.privacy.saw_persons("person", 1 if self._is_person else 0)
        return node

    def update(
        self, id: str, patch: dict[str, Any], *, if_match: str | None = None
    ) -> dict[str, Any]:
        """Apply ``patch`` (only the fields the client sent; ``None`` removes).
        The node is locked first, then read, merged, validated as a whole and written
        in the same transaction: concurrent patches run one after the other and none
        is lost.  ``if_match`` (an ETag) refuses the write if the node changed."""
        self._may_write()
        patch = {**patch, "recorded_by": self.caller.name}

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            if not repo.lock_node(tx, self.label, id):
                raise self._not_found(id)
            current = repo.get_node(tx, self.label, id)
            if current is None:
                raise self._not_found(id)
            check_if_match(current, if_match)
            stored = {k: v for k, v in current.items() if k not in _SERVER_FIELDS}
            merged = {**stored, **patch}
            merged = {k: v for k, v in merged.items() if v is not None}
            try:
                validated = self.resource.create.model_validate(
                    {k: v for k, v in merged.items() if k in self.resource.create.model_fields}
                )
            except ValidationError as exc:
                raise problems_from(exc, ("body",)) from exc
            new_props = _stored_props(validated, self.caller.name)
            changes = property_changes(stored, patch, new_props)
            updated = repo.update_node(tx, self.label, id, changes) if changes else current
            assert updated is not None
            return updated

        return self.database.write(work)

    def delete(self, id: str, force: bool = False) -> None:
        self._may_write()

        def work(tx: ManagedTransaction) -> tuple[dict[str, Any] | None, tuple[int, bool] | None]:
            removed = repo.get_node(tx, self.label, id)
            return removed, repo.delete_node(tx, self.label, id, force)

        removed, outcome = self.database.write(work)
        if outcome is None:
            raise self._not_found(id)
        degree, deleted = outcome
        if not deleted:
            raise ConflictError("error.has_relationships.detail", id=id, count=degree)
        # The audit trail keeps what was removed (and how many ties went with it).
        self.caller.note(removed=removed, removed_relationships=degree if force else 0)

    def list(
        self,
        *,
        equals: dict[str, Any],
        text: str | None,
        territory: str | None,
        at: date | None,
        offset: int,
        limit: int,
    ) -> tuple[int, list[dict[str, Any]]]:
        if text is not None and self._is_person and self.privacy.hides_persons:
            # Searching persons by name would tell whether someone so named is recorded.
            self.caller.require_sensitive()
        if territory is not None:
            # A territory nobody recorded is an error naming the filter, not an
            # empty list that reads as "nobody there"; a name is as good as an id.
            territory = ReferenceResolver(self.database).resolve(
                NodeLabel.TERRITORY, territory, "territory"
            )

        def work(tx: ManagedTransaction) -> tuple[int, list[dict[str, Any]]]:
            ids = repo.search_ids(tx, self.label, text) if text else None
            return repo.list_nodes(
                tx,
                self.label,
                self.resource.placement,
                equals=equals,
                ids=ids,
                territory=territory,
                at=at,
                offset=offset,
                limit=limit,
            )

        total, items = self.database.read(work)
        return total, self.privacy.nodes(items)
