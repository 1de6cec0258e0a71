"""Errors: every driver exception is mapped; one problem+json shape."""

from __future__ import annotations

import inspect

import neo4j.exceptions as neo4j_errors
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from graph_service.api.problems import install_problem_handlers
from graph_service.config import Language
from graph_service.errors import (
    ConflictError,
    DatabaseUnavailableError,
    FieldProblem,
    MaillageError,
    NotFoundError,
    ValidationProblem,
)
from graph_service.repositories.database import translate_driver_error

DRIVER_EXCEPTIONS = [
    cls
    for _, cls in inspect.getmembers(neo4j_errors, inspect.isclass)
    if issubclass(cls, Exception) and cls.__module__.startswith("neo4j")
]


def _instance(cls: type[Exception]) -> Exception:
    try:
        return cls("boom")
    except TypeError:
        return cls.__new__(cls)


@pytest.mark.parametrize("cls", DRIVER_EXCEPTIONS, ids=lambda c: c.__name__)
def test_every_driver_exception_maps_to_a_service_error(cls: type[Exception]) -> None:
    mapped = translate_driver_error(_instance(cls))
    assert isinstance(mapped, MaillageError)
    assert "boom" not in mapped.detail(Language.EN)  # driver text never reaches clients
    if issubclass(cls, neo4j_errors.ConstraintError):
        assert mapped.status_code == 409
    elif issubclass(cls, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
        assert mapped.status_code == 503
    elif issubclass(cls, neo4j_errors.CypherSyntaxError):
        assert mapped.status_code == 500


def _app_raising(error: Exception) -> TestClient:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/boom")
    def boom() -> None:
        raise error

    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotFoundError("actor", "x"), 404),
        (ConflictError("error.duplicate.detail", label="actor", id="x"), 409),
        (ValidationProblem([FieldProblem(("body", "sphere"), "bad", value="martian")]), 422),
        (DatabaseUnavailableError(), 503),
        (RuntimeError("secret query text MATCH (n)"), 500),
    ],
)
def test_one_problem_shape(error: Exception, status: int) -> None:
    response = _app_raising(error).get("/boom")
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["status"] == status and body["instance"] == "/boom"
    assert "MATCH" not in response.text
    if status == 422:
        assert body["errors"] == [
            {"loc": ["body", "sphere"], "field": "sphere", "message": "bad", "value": "martian"}
        ]


def test_problem_language_follows_accept_language() -> None:
    client = _app_raising(NotFoundError("actor", "x"))
    assert client.get("/boom").json()["title"] == "Introuvable"
    assert client.get("/boom").json()["detail"] == "Aucun·e acteur avec l'identifiant « x »."
    assert client.get("/boom", headers={"Accept-Language": "en"}).json()["title"] == "Not found"
    assert (
        client.get("/boom", headers={"Accept-Language": "en"}).json()["detail"]
        == "No actor with id 'x'."
    )
