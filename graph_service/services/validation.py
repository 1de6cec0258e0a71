"""Turning pydantic's validation errors into located problems."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from graph_service.domain.refusals import field_of_rule, pydantic_message
from graph_service.errors import FieldProblem, PreconditionFailedError, ValidationProblem

_REQUEST_PARTS = ("body", "query", "path", "header")


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def problems_from(
    exc: ValidationError, prefix: tuple[str | int, ...] = (), *, read: bool = False
) -> ValidationProblem:
    """See :func:`problems_from_errors`."""
    return problems_from_errors(exc.errors(include_url=False), prefix, read=read)


def problems_from_errors(
    errors: Sequence[Any], prefix: tuple[str | int, ...] = (), *, read: bool = False
) -> ValidationProblem:
    """One :class:`FieldProblem` per pydantic error, with the value that was given.

    A model-level error (no field in its location) names the model's first field
    it mentions, e.g. ``valid_to`` for "valid_to is before valid_from".
    """
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        # Discriminated unions add the tag as a path element: drop it.
        loc = tuple(part for part in loc if not (isinstance(part, str) and part.isupper()))
        if error["type"].startswith("union_tag"):
            loc = (*loc, "type")
        elif not [part for part in loc if part not in _REQUEST_PARTS]:
            field = field_of_rule(error)
            if field is not None:
                loc = (*loc, field)
        message, values = pydantic_message(error)
        value = error.get("input") if error["type"] != "missing" else None
        if isinstance(value, dict):
            value = None  # whole objects are noise in a located message
        problems.append(
            FieldProblem(loc=prefix + loc, message=message, value=_jsonable(value), values=values)
        )
    return ValidationProblem(problems, read=read)


def property_changes(
    stored: dict[str, Any], patch: dict[str, Any], validated: dict[str, Any]
) -> dict[str, Any]:
    """What a PATCH writes: the validated values that differ from the stored ones,
    and ``None`` (remove) for the properties the patch cleared.

    >>> property_changes({"a": 1, "b": 2}, {"b": None, "c": 3}, {"a": 1, "c": 3})
    {'b': None, 'c': 3}
    """
    changes: dict[str, Any] = {key: None for key in patch if key not in validated}
    changes.update({key: value for key, value in validated.items() if stored.get(key) != value})
    return changes


def etag_of(record: dict[str, Any]) -> str:
    """A strong entity tag of a stored record: any change to its properties (and
    ``recorded_at``, set at every write) gives another one.

    >>> etag_of({"id": "a", "name": "A"}) == etag_of({"name": "A", "id": "a"})
    True
    """
    text = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def check_if_match(current: dict[str, Any], if_match: str | None) -> None:
    """Refuse (412) a write whose ``If-Match`` is not the current version."""
    if if_match is None or if_match.strip() == "*":
        return
    wanted = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if etag_of(current) not in wanted:
        raise PreconditionFailedError()
