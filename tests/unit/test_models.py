"""Domain models: what is accepted and what is refused, without a database."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.domain.nodes import ActorCreate, ActorUpdate, OperationCreate, TerritoryCreate
from graph_service.domain.relationships import ENDPOINTS, RELATIONSHIP_MODELS, relationship_adapter
from graph_service.services.validation import problems_from


def _fields(exc: ValidationError) -> list[str]:
    return [p.field for p in problems_from(exc).problems]


def test_actor_accepts_the_documented_vocabulary() -> None:
    actor = ActorCreate(
        id="cgt",
        name="CGT",
        sphere="union",
        nature="syndicat",
        country="FR",
        aliases=["Confédération générale du travail"],
    )
    assert actor.sphere.value == "union"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "Has Spaces"}, "id"),
        ({"name": "   "}, "name"),
        ({"sphere": "martian"}, "sphere"),
        ({"country": "FRA"}, "country"),
        ({"country": "XX"}, "country"),
        ({"nature": "ONG"}, "nature"),
        ({"aliases": ["a", "a"]}, "aliases"),
        ({"website": "not a url"}, "website"),
    ],
)
def test_actor_refuses(change: dict[str, object], field: str) -> None:
    body = {"id": "x", "name": "X", "sphere": "market", **change}
    with pytest.raises(ValidationError) as caught:
        ActorCreate.model_validate(body)
    assert _fields(caught.value) == [field]


def test_extra_natures_come_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph_service.config import get_settings

    monkeypatch.setenv("MAILLAGE_EXTRA_NATURES", "tiers_lieu, scop_btp")
    get_settings.cache_clear()
    try:
        assert (
            ActorCreate(id="x", name="X", sphere="social_economy", nature="tiers_lieu").nature
            == "tiers_lieu"
        )
    finally:
        get_settings.cache_clear()


def test_territory_coordinates_come_in_pairs_and_only_for_geographic() -> None:
    with pytest.raises(ValidationError) as caught:
        TerritoryCreate(id="t", name="T", lat=45.0)
    assert _fields(caught.value) == ["lat"]
    with pytest.raises(ValidationError):
        TerritoryCreate(id="t", name="T", kind="professional", lat=45.0, lon=3.0)
    with pytest.raises(ValidationError):
        TerritoryCreate(id="t", name="T", lat=95.0, lon=3.0)


def test_operation_period_is_ordered() -> None:
    with pytest.raises(ValidationError) as caught:
        OperationCreate(id="o", name="O", start_date=date(2016, 1, 1), end_date=date(2015, 1, 1))
    assert _fields(caught.value) == ["end_date"]


def test_update_models_never_carry_the_id() -> None:
    assert "id" not in ActorUpdate.model_fields
    assert all(not info.is_required() for info in ActorUpdate.model_fields.values())


def test_every_relationship_type_has_a_model_and_endpoints() -> None:
    assert set(RELATIONSHIP_MODELS) == set(RelationshipType)
    assert set(ENDPOINTS) == set(RelationshipType)


def test_relationship_union_selects_by_type() -> None:
    rel = relationship_adapter.validate_python(
        {
            "type": "COOPERATES_WITH",
            "from_id": "a",
            "to_id": "b",
            "modes": ["mecenat"],
            "strength": 2,
        }
    )
    assert rel.rel_type is RelationshipType.COOPERATES_WITH
    assert rel.properties() == {"kind": "partnership", "modes": ["mecenat"], "strength": 2}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"type": "LOVES"}, "type"),
        ({"type": "COOPERATES_WITH", "strength": 4}, "strength"),
        (
            {"type": "COOPERATES_WITH", "valid_from": "2020-01-02", "valid_to": "2020-01-01"},
            "valid_to",
        ),
        ({"type": "FUNDS", "currency": "euro"}, "currency"),
        ({"type": "SUPPORTS", "stance": "enthusiastic"}, "stance"),
        ({"type": "KNOWS", "strength": 1}, "strength"),  # KNOWS has no strength
    ],
)
def test_relationship_refuses(body: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        relationship_adapter.validate_python({"from_id": "a", "to_id": "b", **body})
    assert _fields(caught.value) == [field]


def test_part_of_joins_only_one_label() -> None:
    part_of = ENDPOINTS[RelationshipType.PART_OF]
    assert part_of.allows({"Entity", "Territory"}, {"Entity", "Territory"})
    assert not part_of.allows({"Territory"}, {"Operation"})
    assert ENDPOINTS[RelationshipType.ANCHORED_IN].allows({"Person"}, {"Territory"})
    assert not ENDPOINTS[RelationshipType.WORKS_IN].allows({"Actor"}, {"Actor"})
    # a platform node that is both Actor and DialogueFramework can take part in both roles
    assert ENDPOINTS[RelationshipType.PARTICIPATES_IN].allows(
        {"Actor"}, {"Actor", "DialogueFramework"}
    )
    assert NodeLabel.SDG in ENDPOINTS[RelationshipType.CONTRIBUTES_TO].targets
