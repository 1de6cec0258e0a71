"""What the models refuse is said in the reader's language: pydantic's own checks,
the forms a text must take and the domain's own rules, through the API, the CLI
and imports alike."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from graph_service.config import Language
from graph_service.domain import patterns
from graph_service.domain.nodes import ActorCreate, OperationCreate, TerritoryCreate
from graph_service.domain.refusals import PYDANTIC_KEYS, pydantic_message
from graph_service.domain.relationships import Funds
from graph_service.i18n import MESSAGES, translate_or_keep
from graph_service.services.analyses import AnalysisQuery
from graph_service.services.validation import problems_from_errors
from importers.records import Location
from importers.validation import _pydantic_problems

ACTOR = {"id": "a", "name": "A", "sphere": "market"}
TIE = {"type": "FUNDS", "from_id": "a", "to_id": "b"}

REFUSED: list[tuple[type[BaseModel], dict[str, Any], str, str]] = [
    (ActorCreate, {**ACTOR, "sphere": "martian"}, "sphere", "Valeur inconnue"),
    (ActorCreate, {**ACTOR, "country": "XX"}, "country", "« XX » n'est pas un code pays"),
    (ActorCreate, {**ACTOR, "country": "fr"}, "country", "Code pays attendu"),
    (ActorCreate, {**ACTOR, "id": "A b"}, "id", "un identifiant"),
    (ActorCreate, {**ACTOR, "name": "two\nlines"}, "name", "une seule ligne"),
    (ActorCreate, {**ACTOR, "description": "bell\x07"}, "description", "contrôle interdit"),
    (ActorCreate, {**ACTOR, "website": "ftp://a"}, "website", "Adresse web attendue"),
    (ActorCreate, {**ACTOR, "aliases": ["x", "x"]}, "aliases", "deux fois"),
    (ActorCreate, {**ACTOR, "nature": "martian"}, "nature", "nature documentée"),
    (TerritoryCreate, {"id": "t", "name": "T", "lat": 1}, "lat", "vont ensemble"),
    (
        TerritoryCreate,
        {"id": "t", "name": "T", "lat": 1, "lon": 1, "kind": "thematic"},
        "lat",
        "territoire géographique",
    ),
    (
        OperationCreate,
        {"id": "o", "name": "O", "start_date": "2020-02-01", "end_date": "2020-01-01"},
        "end_date",
        "end_date précède start_date",
    ),
    (Funds, {**TIE, "currency": "eur"}, "currency", "Code de monnaie attendu"),
    (
        Funds,
        {**TIE, "valid_from": "2021-01-01", "valid_to": "2020-01-01"},
        "valid_to",
        "valid_to précède valid_from",
    ),
    (AnalysisQuery, {"weights": ["FUNDS=x"]}, "weights", "n'est pas TYPE=poids"),
    (AnalysisQuery, {"at": "2020-01-01", "period_from": "2019-01-01"}, "at", "pas les deux"),
]


def _errors(model: type[BaseModel], data: dict[str, Any]) -> list[Any]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return caught.value.errors(include_url=False)


@pytest.mark.parametrize(("model", "data", "field", "french"), REFUSED)
def test_each_refusal_is_said_in_french_and_english_at_its_field(
    model: type[BaseModel], data: dict[str, Any], field: str, french: str
) -> None:
    problems = problems_from_errors(_errors(model, data))
    (problem,) = [p for p in problems.problems if p.field == field]
    assert problem.message in MESSAGES, problem.message  # a catalogue key, not English
    assert french in problem.render(Language.FR)["message"]
    english = problem.render(Language.EN)["message"]
    assert english and english != problem.render(Language.FR)["message"]


@pytest.mark.parametrize(("model", "data", "field", "french"), REFUSED[:14])
def test_an_import_says_the_same_at_its_column(
    model: type[BaseModel], data: dict[str, Any], field: str, french: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    problems = _pydantic_problems(caught.value, Location("f.json", "nodes", 3))
    (problem,) = [p for p in problems if p.location.column == field]
    assert french in problem.render(Language.FR)["message"]


def test_the_values_a_field_accepts_are_listed_without_an_english_or() -> None:
    (error,) = _errors(ActorCreate, {**ACTOR, "sphere": "martian"})
    key, values = pydantic_message(error)
    text = translate_or_keep(key, Language.FR, values)
    assert "'civil_society', 'public'" in text and "'philanthropy', 'multi'." in text
    assert " or " not in text


def test_every_form_of_the_domain_is_said_in_words() -> None:
    forms = [value for name, value in vars(patterns).items() if name[0].isupper()]
    for form in forms:
        key, _ = pydantic_message({"type": "string_pattern_mismatch", "ctx": {"pattern": form}})
        assert key in MESSAGES and key != "pydantic.pattern_other", form


def test_an_error_the_catalogue_does_not_know_keeps_its_own_message() -> None:
    error = {"type": "url_parsing", "msg": "Input should be a valid URL", "ctx": {}}
    assert pydantic_message(error) == ("Input should be a valid URL", {})


def test_every_refusal_the_domain_names_has_its_sentences() -> None:
    keys = {*PYDANTIC_KEYS.values(), "pattern", "pattern_other"}
    keys |= {
        pydantic_message({"type": "string_pattern_mismatch", "ctx": {"pattern": p}})[0][9:]
        for p in (patterns.NO_CONTROL, patterns.ONE_LINE, patterns.WEB_ADDRESS)
    }
    for key in keys:
        assert set(MESSAGES[f"pydantic.{key}"]) == {Language.FR, Language.EN}, key
