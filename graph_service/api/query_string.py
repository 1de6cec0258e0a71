"""A route's query string read into its pydantic model with one validation.

FastAPI can read a model from the query string itself (``Annotated[Model,
Query()]``), but it inspects every field's annotation again on each request: on
the national neighbourhood under 32 clients that cost about a quarter of a
millisecond of a worker's CPU per request, as much as the database work
(measured in-process, 3,500 requests, interleaved with the other way).  A
:class:`QueryString` is a dependency that reads the same model with one
``model_validate`` and says the same parameters in the OpenAPI document
(``openapi_extra``), since FastAPI no longer sees them::

    NEIGHBOURHOOD = QueryString(NeighbourhoodQuery)

    @router.get("/{id}/neighbourhood", openapi_extra=NEIGHBOURHOOD.openapi)
    async def neighbourhood(query: Annotated[NeighbourhoodQuery, Depends(NEIGHBOURHOOD)]): ...

The values are read as FastAPI reads them: a list field takes every repetition
of its name, any other field the last one; names the model does not know are
handed to it too, so that a model that forbids extras refuses them.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Generic, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from graph_service.services.validation import problems_from_errors

Model = TypeVar("Model", bound=BaseModel)

_SEQUENCES = (list, set, frozenset, tuple)


def _is_sequence(annotation: Any) -> bool:
    """``list[X]``, ``list[X] | None``, ``Optional[set[X]]``…"""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_sequence(member) for member in typing.get_args(annotation))
    return origin in _SEQUENCES or annotation in _SEQUENCES


def _inlined(schema: Any, definitions: dict[str, Any]) -> Any:
    """``schema`` with each ``#/$defs/…`` reference replaced by what it names: a
    parameter's schema then stands on its own in the OpenAPI document."""
    if isinstance(schema, dict):
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            return _inlined(definitions[reference.removeprefix("#/$defs/")], definitions)
        return {key: _inlined(value, definitions) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_inlined(item, definitions) for item in schema]
    return schema


class QueryString(Generic[Model]):
    """The dependency that reads ``model`` from the query string (a 422 problem
    naming each wrong parameter otherwise), and the parameters it documents."""

    def __init__(self, model: type[Model]) -> None:
        self.model = model
        self.fields = frozenset(model.model_fields)
        self.lists = frozenset(
            name for name, field in model.model_fields.items() if _is_sequence(field.annotation)
        )
        if any(field.alias for field in model.model_fields.values()):
            raise TypeError(f"{model.__name__}: query models are read by field name")
        self.openapi = {"parameters": self._parameters(), "responses": {"422": {}}}

    async def __call__(self, request: Request) -> Model:
        values: dict[str, Any] = {}
        extras: dict[str, list[str]] = {}
        for name, value in request.query_params.multi_items():
            if name in self.lists:
                values.setdefault(name, []).append(value)
            elif name in self.fields:
                values[name] = value
            else:
                extras.setdefault(name, []).append(value)
        for name, given in extras.items():
            values[name] = given[0] if len(given) == 1 else given
        try:
            return self.model.model_validate(values)
        except ValidationError as exc:
            raise problems_from_errors(exc.errors(), ("query",), read=True) from None

    def _parameters(self) -> list[dict[str, Any]]:
        schema = self.model.model_json_schema()
        definitions = schema.get("$defs", {})
        required = set(schema.get("required", []))
        parameters = []
        for name, property_schema in schema.get("properties", {}).items():
            inlined = _inlined(property_schema, definitions)
            # Pydantic leaves the title out beside a reference; FastAPI says it.
            inlined.setdefault("title", name.replace("_", " ").title())
            parameter: dict[str, Any] = {
                "name": name,
                "in": "query",
                "required": name in required,
                "schema": inlined,
            }
            if "description" in property_schema:
                parameter["description"] = property_schema["description"]
            parameters.append(parameter)
        return parameters
