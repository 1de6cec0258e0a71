"""A query string read by :class:`QueryString` answers exactly as FastAPI's own
``Annotated[Model, Query()]`` would: the same values, the same refusals (same
problem documents), the same parameters in the OpenAPI document.  (No
``from __future__ import annotations``: FastAPI reads the routes' annotations.)"""

from datetime import date
from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI, Query
from fastapi.testclient import TestClient
from pydantic import BaseModel

from graph_service.api.problems import install_problem_handlers
from graph_service.api.query_string import QueryString
from graph_service.api.routes.actors import NeighbourhoodQuery
from graph_service.api.routes.relationships import RelationshipQuery
from graph_service.services.maps import MapQuery


def _twin_app(model: type[BaseModel]) -> TestClient:
    """``/fastapi`` reads ``model`` the FastAPI way, ``/ours`` with a QueryString."""
    app = FastAPI()
    install_problem_handlers(app)
    reader = QueryString(model)

    @app.get("/fastapi")
    def by_fastapi(query: Annotated[model, Query()]) -> dict[str, Any]:  # type: ignore[valid-type]
        return query.model_dump(mode="json")  # type: ignore[attr-defined, no-any-return]

    @app.get("/ours", openapi_extra=reader.openapi)
    def by_us(query: Annotated[model, Depends(reader)]) -> dict[str, Any]:  # type: ignore[valid-type]
        return query.model_dump(mode="json")  # type: ignore[attr-defined, no-any-return]

    return TestClient(app)


QUERY_STRINGS = [
    "",
    "depth=2&limit=10",
    "types=MEMBER_OF&types=PARTNERS_WITH",
    "types=MEMBER_OF",
    "depth=1&depth=2",  # the last one counts
    "sphere=public&country=FR&at=2024-05-01",
    "territory=Bretagne&kind=collective",
    # Refused, each at its parameter:
    "depth=3",
    "depth=deux",
    "types=NOT_A_TYPE",
    "sphere=nowhere",
    "at=2024-13-40",
    "country=france",
    "limit=0&offset=-1",
    "unknown=1",
    "unknown=1&unknown=2",
    "q=" + "x" * 300,
]


@pytest.mark.parametrize("query_string", QUERY_STRINGS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_neighbourhood_query_reads_as_fastapi_reads_it(
    query_string: str, language: str
) -> None:
    client = _twin_app(NeighbourhoodQuery)
    headers = {"Accept-Language": language}
    theirs = client.get(f"/fastapi?{query_string}", headers=headers)
    ours = client.get(f"/ours?{query_string}", headers=headers)
    assert ours.status_code == theirs.status_code
    # A problem names the path it was asked at; the rest is the same.
    assert {**ours.json(), "instance": None} == {**theirs.json(), "instance": None}


def test_refusals_name_the_parameter() -> None:
    client = _twin_app(NeighbourhoodQuery)
    answer = client.get("/ours?depth=3&unknown=1", headers={"Accept-Language": "en"})
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    fields = {problem["field"] for problem in answer.json()["errors"]}
    assert fields == {"depth", "unknown"}


def test_values_are_typed() -> None:
    client = _twin_app(RelationshipQuery)
    read = client.get("/ours?types=MEMBER_OF&types=ANCHORED_IN&at=2020-02-29&limit=5").json()
    assert read["types"] == ["MEMBER_OF", "ANCHORED_IN"]
    assert date.fromisoformat(read["at"]) == date(2020, 2, 29)
    assert read["limit"] == 5


@pytest.mark.parametrize("model", [NeighbourhoodQuery, RelationshipQuery, MapQuery])
def test_the_documented_parameters_are_fastapis(model: type[BaseModel]) -> None:
    document = _twin_app(model).get("/openapi.json").json()
    schemas = document.get("components", {}).get("schemas", {})

    def inlined(value: Any) -> Any:
        if isinstance(value, dict):
            reference = value.get("$ref", "")
            if reference.startswith("#/components/schemas/"):
                return inlined(schemas[reference.rsplit("/", 1)[1]])
            return {key: inlined(item) for key, item in value.items()}
        if isinstance(value, list):
            return [inlined(item) for item in value]
        return value

    theirs = inlined(document["paths"]["/fastapi"]["get"]["parameters"])
    ours = inlined(document["paths"]["/ours"]["get"]["parameters"])
    assert ours == theirs
    assert "422" in document["paths"]["/ours"]["get"]["responses"]
