"""Relationship use cases.  Endpoints are checked (they exist, and their labels
fit the type) in the same transaction as the write."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from neo4j import ManagedTransaction
from pydantic import ValidationError

from graph_service.domain.access import Caller, Role
from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.domain.relationships import ENDPOINTS, RelationshipBase, relationship_adapter
from graph_service.errors import (
    ConflictError,
    FieldProblem,
    ForbiddenError,
    NotFoundError,
    ValidationProblem,
)
from graph_service.repositories import nodes as node_repo
from graph_service.repositories import relationships as repo
from graph_service.repositories.database import Database
from graph_service.services.privacy import PERSON, SENSITIVE_TYPES, Privacy
from graph_service.services.validation import check_if_match, problems_from, property_changes

_FIXED_FIELDS = ("type", "from_id", "to_id", "id")
_SERVER_FIELDS = {"recorded_at"}


def _domain_labels(labels: set[str]) -> str:
    return "/".join(sorted(label for label in labels if label in set(NodeLabel)))


def _reference_problems(tx: ManagedTransaction, payload: RelationshipBase) -> list[FieldProblem]:
    """Dangling ids and endpoints of the wrong label, all at once."""
    references: list[tuple[tuple[str | int, ...], str]] = [
        (("body", "from_id"), payload.from_id),
        (("body", "to_id"), payload.to_id),
    ]
    # LINKED_TO also names an operation and issues by id.
    if operation := getattr(payload, "operation", None):
        references.append((("body", "operation"), operation))
    for index, issue in enumerate(getattr(payload, "issues", []) or []):
        references.append((("body", "issues", index), issue))
    labels = node_repo.labels_by_id(tx, [ref for _, ref in references])
    problems = [
        FieldProblem(loc, "error.dangling_reference", value=ref, values={"id": ref})
        for loc, ref in references
        if labels.get(ref) is None
    ]
    source, target = labels.get(payload.from_id), labels.get(payload.to_id)
    if (
        source is not None
        and target is not None
        and payload.rel_type is RelationshipType.PART_OF
        and repo.part_of_closes_loop(tx, payload.from_id, payload.to_id)
    ):
        problems.append(
            FieldProblem(
                ("body", "to_id"),
                "error.part_of_loop",
                value=payload.to_id,
                values={"from": payload.from_id, "to": payload.to_id},
            )
        )
    if source is not None and target is not None:
        endpoints = ENDPOINTS[payload.rel_type]
        if not endpoints.allows(source, target):
            problems.append(
                FieldProblem(
                    ("body", "type"),
                    "error.wrong_endpoint",
                    value=payload.rel_type.value,
                    values={
                        "type": payload.rel_type.value,
                        "from_labels": _domain_labels(source),
                        "to_labels": _domain_labels(target),
                    },
                )
            )
    return problems


def _touches_person(tx: ManagedTransaction, rel_type: str, from_id: str, to_id: str) -> bool:
    if rel_type in SENSITIVE_TYPES:
        return True
    labels = node_repo.labels_by_id(tx, [from_id, to_id])
    return any(PERSON in (found or set()) for found in labels.values())


class RelationshipService:
    """Relationship use cases as ``caller`` may use them: reads for every role,
    writes for editors; a tie that touches a person only with the sensitive
    permission (lists leave such ties out, and count them)."""

    def __init__(self, database: Database, caller: Caller) -> None:
        self.database = database
        self.caller = caller
        self.privacy = Privacy(database, caller)

    def _check_sensitive(self, tx: ManagedTransaction, rel: dict[str, Any]) -> None:
        if not self.caller.sensitive and _touches_person(
            tx, str(rel["type"]), str(rel["from_id"]), str(rel["to_id"])
        ):
            raise ForbiddenError("error.forbidden.sensitive")

    def create(self, payload: RelationshipBase) -> dict[str, Any]:
        self.caller.require(Role.EDITOR)
        props = payload.properties()
        props.setdefault("id", uuid.uuid4().hex)
        props["recorded_by"] = self.caller.name

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            self._check_sensitive(
                tx,
                {
                    "type": payload.rel_type.value,
                    "from_id": payload.from_id,
                    "to_id": payload.to_id,
                },
            )
            problems = _reference_problems(tx, payload)
            if problems:
                raise ValidationProblem(problems)
            # Ids are unique per type in the schema, but one id must name one
            # relationship whatever its type (reads and patches find it by id alone).
            if repo.relationship_exists(tx, props["id"]):
                raise ConflictError("error.duplicate.detail", label="relationship", id=props["id"])
            created = repo.create_relationship(
                tx, payload.rel_type, payload.from_id, payload.to_id, props
            )
            assert created is not None  # endpoints were just checked in this transaction
            self.caller.note(created=created.get("id"))
            return created

        try:
            return self.database.write(work)
        except ConflictError as exc:
            raise ConflictError(
                "error.duplicate.detail", label="relationship", id=props["id"]
            ) from exc

    def get(self, id: str) -> dict[str, Any]:
        def work(tx: ManagedTransaction) -> dict[str, Any]:
            found = repo.get_relationship(tx, id)
            if found is None:
                raise NotFoundError("relationship", id)
            self._check_sensitive(tx, found)
            return found

        found = self.database.read(work)
        if self.caller.sensitive and str(found["type"]) in SENSITIVE_TYPES:
            self.caller.note(sensitive_read="relationship", id=id)
        return found

    def update(
        self, id: str, patch: dict[str, Any], *, if_match: str | None = None
    ) -> dict[str, Any]:
        """Change properties; the merged relationship is validated as a whole
        (e.g. ``valid_to`` before a stored ``valid_from`` is refused)."""
        fixed = [
            FieldProblem(("body", key), f"{key} cannot change: delete and create instead")
            for key in _FIXED_FIELDS
            if key in patch
        ]
        if fixed:
            raise ValidationProblem(fixed)
        self.caller.require(Role.EDITOR)
        patch = {**patch, "recorded_by": self.caller.name}

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            # Locked before it is read: two patches (valid_from here, valid_to there)
            # can no longer each pass validation against a state the other changes.
            if not repo.lock_relationship(tx, id):
                raise NotFoundError("relationship", id)
            current = repo.get_relationship(tx, id)
            if current is None:
                raise NotFoundError("relationship", id)
            self._check_sensitive(tx, current)
            check_if_match(current, if_match)
            stored = {k: v for k, v in current.items() if k not in _SERVER_FIELDS}
            merged = {k: v for k, v in {**stored, **patch}.items() if v is not None}
            try:
                validated = relationship_adapter.validate_python(merged)
            except ValidationError as exc:
                raise problems_from(exc, ("body",)) from exc
            problems = _reference_problems(tx, validated)
            if problems:
                raise ValidationProblem(problems)
            new_props = validated.properties()
            changes = property_changes(stored, patch, new_props)
            updated = repo.update_relationship(tx, id, changes) if changes else current
            assert updated is not None
            return updated

        return self.database.write(work)

    def delete(self, id: str) -> None:
        self.caller.require(Role.EDITOR)

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            current = repo.get_relationship(tx, id)
            if current is None:
                raise NotFoundError("relationship", id)
            self._check_sensitive(tx, current)
            repo.delete_relationship(tx, id)
            return current

        removed = self.database.write(work)
        self.caller.note(removed=removed)  # the audit trail keeps what was removed

    def list(
        self,
        *,
        types: list[RelationshipType] | None,
        from_id: str | None,
        to_id: str | None,
        node_id: str | None,
        at: date | None,
        offset: int,
        limit: int,
    ) -> tuple[int, int, list[dict[str, Any]]]:
        """``(total, hidden, items)``: ties touching a person are left out, and
        counted in ``hidden``, for a caller without the sensitive permission."""
        total, hidden, items = self.database.read(
            repo.list_relationships,
            hide_persons=self.privacy.hides_persons,
            types=types,
            from_id=from_id,
            to_id=to_id,
            node_id=node_id,
            at=at,
            offset=offset,
            limit=limit,
        )
        sensitive = sum(1 for item in items if str(item["type"]) in SENSITIVE_TYPES)
        self.privacy.saw_persons("relationships", sensitive)
        return total, hidden, items
