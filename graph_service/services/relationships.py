"""Relationship use cases.  Endpoints are checked (they exist, and their labels
fit the type) in the same transaction as the write."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from neo4j import ManagedTransaction
from pydantic import ValidationError

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.domain.relationships import ENDPOINTS, RelationshipBase, relationship_adapter
from graph_service.errors import ConflictError, FieldProblem, NotFoundError, ValidationProblem
from graph_service.repositories import nodes as node_repo
from graph_service.repositories import relationships as repo
from graph_service.repositories.database import Database
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


class RelationshipService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def create(self, payload: RelationshipBase) -> dict[str, Any]:
        props = payload.properties()
        props.setdefault("id", uuid.uuid4().hex)

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            problems = _reference_problems(tx, payload)
            if problems:
                raise ValidationProblem(problems)
            created = repo.create_relationship(
                tx, payload.rel_type, payload.from_id, payload.to_id, props
            )
            assert created is not None  # endpoints were just checked in this transaction
            return created

        try:
            return self.database.write(work)
        except ConflictError as exc:
            raise ConflictError(
                "error.duplicate.detail", label="relationship", id=props["id"]
            ) from exc

    def get(self, id: str) -> dict[str, Any]:
        found = self.database.read(repo.get_relationship, id)
        if found is None:
            raise NotFoundError("relationship", id)
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

        def work(tx: ManagedTransaction) -> dict[str, Any]:
            # Locked before it is read: two patches (valid_from here, valid_to there)
            # can no longer each pass validation against a state the other changes.
            if not repo.lock_relationship(tx, id):
                raise NotFoundError("relationship", id)
            current = repo.get_relationship(tx, id)
            if current is None:
                raise NotFoundError("relationship", id)
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
        if not self.database.write(repo.delete_relationship, id):
            raise NotFoundError("relationship", id)

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
    ) -> tuple[int, list[dict[str, Any]]]:
        return self.database.read(
            repo.list_relationships,
            types=types,
            from_id=from_id,
            to_id=to_id,
            node_id=node_id,
            at=at,
            offset=offset,
            limit=limit,
        )
