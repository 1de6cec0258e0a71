"""List filters (territory subtree, sphere, text, at=), pagination, the
territory hierarchy and the neighbourhood of an actor."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.domain.resources import NODE_RESOURCES


def _post(client: TestClient, path: str, body: dict[str, Any]) -> None:
    response = client.post(f"/api/v1/{path}", json=body)
    assert response.status_code == 201, response.text


def _tie(client: TestClient, rel_type: str, from_id: str, to_id: str, **props: Any) -> None:
    _post(client, "relationships", {"type": rel_type, "from_id": from_id, "to_id": to_id, **props})


@pytest.fixture
def ecosystem(client: TestClient) -> TestClient:
    """France > Hauts-de-France > Nord > Lille, and Île-de-France > Paris; a few actors."""
    for id, name, level in [
        ("fr", "France", "national"),
        ("hdf", "Hauts-de-France", "regional"),
        ("nord", "Nord", "departmental"),
        ("lille", "Lille", "local"),
        ("idf", "Île-de-France", "regional"),
        ("paris", "Paris", "local"),
    ]:
        _post(client, "territories", {"id": id, "name": name, "level": level, "country": "FR"})
    for child, parent in [
        ("hdf", "fr"),
        ("nord", "hdf"),
        ("lille", "nord"),
        ("idf", "fr"),
        ("paris", "idf"),
    ]:
        _tie(client, "PART_OF", child, parent)
    actors = [
        ("grdr", "GRDR", ["Grdr Migration"], "civil_society", "ong"),
        ("coop-hauts", "Coopérative des Hauts", [], "social_economy", "cooperative"),
        ("mairie-lille", "Ville de Lille", ["Mairie de Lille"], "public", "commune"),
        (
            "cfsi",
            "Comité Français pour la Solidarité Internationale",
            ["CFSI"],
            "multi",
            "plateforme",
        ),
        ("danone", "Danone", [], "market", "entreprise_multinationale"),
    ]
    for id, name, aliases, sphere, nature in actors:
        _post(
            client,
            "actors",
            {
                "id": id,
                "name": name,
                "aliases": aliases,
                "sphere": sphere,
                "nature": nature,
                "country": "FR",
            },
        )
    _tie(client, "ANCHORED_IN", "grdr", "lille", valid_from="1969-01-01")
    _tie(client, "ACTIVE_IN", "coop-hauts", "nord", valid_from="2020-01-01")
    _tie(client, "ANCHORED_IN", "mairie-lille", "lille")
    _tie(client, "ANCHORED_IN", "cfsi", "paris")
    _tie(
        client,
        "COOPERATES_WITH",
        "grdr",
        "mairie-lille",
        kind="decentralised_cooperation",
        valid_from="2010-01-01",
    )
    _tie(client, "COOPERATES_WITH", "mairie-lille", "coop-hauts", valid_from="2021-01-01")
    _tie(client, "MEMBER_OF", "grdr", "cfsi")
    _tie(client, "OPPOSES", "danone", "coop-hauts", kind="competition")
    return client


def _ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_territory_filter_includes_sub_territories(ecosystem: TestClient) -> None:
    actors = "/api/v1/actors"
    assert _ids(ecosystem.get(actors, params={"territory": "hdf"})) == [
        "coop-hauts",
        "grdr",
        "mairie-lille",
    ]
    assert _ids(ecosystem.get(actors, params={"territory": "fr"})) == [
        "cfsi",
        "coop-hauts",
        "grdr",
        "mairie-lille",
    ]
    assert _ids(ecosystem.get(actors, params={"territory": "idf"})) == ["cfsi"]
    assert _ids(ecosystem.get(actors, params={"territory": "lille"})) == ["grdr", "mairie-lille"]
    territories = _ids(ecosystem.get("/api/v1/territories", params={"territory": "hdf"}))
    assert territories == ["hdf", "lille", "nord"]


def test_territory_filter_as_of_a_date(ecosystem: TestClient) -> None:
    in_2019 = _ids(ecosystem.get("/api/v1/actors", params={"territory": "hdf", "at": "2019-06-01"}))
    assert in_2019 == ["grdr", "mairie-lille"]  # the cooperative arrived in 2020


def test_equality_filters_combine(ecosystem: TestClient) -> None:
    assert _ids(ecosystem.get("/api/v1/actors", params={"sphere": "public"})) == ["mairie-lille"]
    assert (
        _ids(ecosystem.get("/api/v1/actors", params={"sphere": "market", "territory": "fr"})) == []
    )
    assert _ids(ecosystem.get("/api/v1/actors", params={"nature": "ong", "country": "FR"})) == [
        "grdr"
    ]
    assert _ids(ecosystem.get("/api/v1/territories", params={"level": "regional"})) == [
        "hdf",
        "idf",
    ]
    typo = ecosystem.get("/api/v1/actors", params={"spehre": "public"})
    assert typo.status_code == 422
    assert typo.json()["errors"][0]["field"] == "spehre"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cooperative", ["coop-hauts"]),  # accents folded
        ("Coopérative des", ["coop-hauts"]),
        ("mairie", ["mairie-lille"]),  # an alias
        ("lil", ["mairie-lille"]),  # a prefix
        ("CFSI", ["cfsi"]),
        ("solidarité internationale", ["cfsi"]),
        ("nothing-like-it", []),
        ('(("*', []),  # query syntax is not interpreted
    ],
)
def test_text_search_over_names_and_aliases(
    ecosystem: TestClient, text: str, expected: list[str]
) -> None:
    assert _ids(ecosystem.get("/api/v1/actors", params={"q": text})) == expected


def test_pagination_reports_the_total(ecosystem: TestClient) -> None:
    first = ecosystem.get("/api/v1/actors", params={"limit": 2})
    second = ecosystem.get("/api/v1/actors", params={"limit": 2, "offset": 2})
    assert first.json()["total"] == second.json()["total"] == 5
    assert len(_ids(first)) == 2
    assert set(_ids(first)).isdisjoint(_ids(second))
    assert ecosystem.get("/api/v1/actors", params={"limit": 0}).status_code == 422
    assert ecosystem.get("/api/v1/actors", params={"offset": -1}).status_code == 422


def test_children_and_ancestors(ecosystem: TestClient) -> None:
    children = ecosystem.get("/api/v1/territories/fr/children").json()
    assert [(t["id"], t["depth"]) for t in children] == [("hdf", 1), ("idf", 1)]
    subtree = ecosystem.get("/api/v1/territories/hdf/children", params={"recursive": True}).json()
    assert [(t["id"], t["depth"]) for t in subtree] == [("nord", 1), ("lille", 2)]
    ancestors = ecosystem.get("/api/v1/territories/lille/ancestors").json()
    assert [(t["id"], t["distance"]) for t in ancestors] == [("nord", 1), ("hdf", 2), ("fr", 3)]
    assert ecosystem.get("/api/v1/territories/atlantis/children").status_code == 404
    assert ecosystem.get("/api/v1/territories/atlantis/ancestors").status_code == 404


def _neighbours(client: TestClient, **params: Any) -> set[str]:
    response = client.get("/api/v1/actors/grdr/neighbourhood", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["centre"]["id"] == "grdr"
    ids = {node["id"] for node in body["nodes"]}
    ends = {rel["from_id"] for rel in body["relationships"]} | {
        rel["to_id"] for rel in body["relationships"]
    }
    assert ends <= ids | {"grdr"}
    return ids


def test_neighbourhood_depth_types_and_filters(ecosystem: TestClient) -> None:
    assert _neighbours(ecosystem) == {"lille", "mairie-lille", "cfsi"}
    two = _neighbours(ecosystem, depth=2)
    assert {"coop-hauts", "nord", "paris"} <= two
    assert "danone" not in two  # three hops away
    assert _neighbours(ecosystem, types=["COOPERATES_WITH"]) == {"mairie-lille"}
    assert _neighbours(ecosystem, depth=2, types=["COOPERATES_WITH"], at="2015-01-01") == {
        "mairie-lille"
    }
    assert _neighbours(ecosystem, depth=2, types=["COOPERATES_WITH"]) == {
        "mairie-lille",
        "coop-hauts",
    }
    assert _neighbours(ecosystem, sphere="multi") == {"lille", "cfsi"}
    assert _neighbours(
        ecosystem, depth=2, territory="idf", types=["MEMBER_OF", "COOPERATES_WITH"]
    ) == {"cfsi"}
    assert (
        ecosystem.get("/api/v1/actors/grdr/neighbourhood", params={"depth": 3}).status_code == 422
    )
    assert ecosystem.get("/api/v1/actors/nobody/neighbourhood").status_code == 404
    # Text search belongs to the lists: refused here, in the reader's language.
    for language, words in (("fr", "recherche de texte"), ("en", "Text search")):
        refused = ecosystem.get(
            "/api/v1/actors/grdr/neighbourhood",
            params={"q": "lille"},
            headers={"Accept-Language": language},
        )
        assert refused.status_code == 422
        assert words in refused.json()["errors"][0]["message"]
        assert refused.json()["errors"][0]["field"] == "q"
    limited = ecosystem.get(
        "/api/v1/actors/grdr/neighbourhood", params={"depth": 2, "limit": 1}
    ).json()
    assert limited["truncated"] is True
    # The paths around an actor are not a page of a list: no offset is offered,
    # neither in the documentation nor in the query string.
    unpaged = ecosystem.get("/api/v1/actors/grdr/neighbourhood", params={"offset": 5})
    assert unpaged.status_code == 422
    assert unpaged.json()["errors"][0]["field"] == "offset"
    documented = ecosystem.get("/openapi.json").json()["paths"]
    neighbourhood = documented["/api/v1/actors/{id}/neighbourhood"]["get"]
    offered = {parameter["name"] for parameter in neighbourhood["parameters"]}
    assert {"depth", "types", "limit", "at", "territory", "sphere"} <= offered
    assert "offset" not in offered
    lists = documented["/api/v1/actors"]["get"]
    assert {"limit", "offset"} <= {parameter["name"] for parameter in lists["parameters"]}


def test_the_neighbourhood_shows_nodes_and_ties_as_their_own_pages_do(
    ecosystem: TestClient,
) -> None:
    """The neighbourhood query sends recording times as text (cheaper to decode):
    they must come out exactly as every other route gives them."""
    around = ecosystem.get("/api/v1/actors/grdr/neighbourhood").json()
    paths = {resource.label.value: resource.path for resource in NODE_RESOURCES}
    for node in [around["centre"], *around["nodes"]]:
        path = next(paths[label] for label in node["labels"] if label in paths)
        page = ecosystem.get(f"/api/v1/{path}/{node['id']}")
        assert page.status_code == 200, page.text
        assert node["recorded_at"] == page.json()["recorded_at"], node["id"]
        if "Actor" in node["labels"]:
            assert node.items() <= page.json().items(), node["id"]
    assert around["relationships"]
    for tie in around["relationships"]:
        page = ecosystem.get(f"/api/v1/relationships/{tie['id']}")
        assert page.status_code == 200, page.text
        assert tie.items() <= page.json().items(), tie["id"]


def test_the_neighbourhood_asked_by_name_or_alias_is_the_one_asked_by_id(
    ecosystem: TestClient,
) -> None:
    """An id is tried first (one transaction); a name or alias then resolves."""
    by_id = ecosystem.get("/api/v1/actors/grdr/neighbourhood").json()
    for reference in ("GRDR", "grdr migration"):
        response = ecosystem.get(f"/api/v1/actors/{reference}/neighbourhood")
        assert response.status_code == 200, (reference, response.text)
        assert response.json() == by_id
    assert ecosystem.get("/api/v1/actors/nowhere-at-all/neighbourhood").status_code == 404
    # A territory's id is not an actor's: the word is read as the actor's name it
    # stands in ("Ville de Lille"), never as the territory.
    lille = ecosystem.get("/api/v1/actors/lille/neighbourhood")
    assert lille.status_code == 200 and lille.json()["centre"]["id"] == "mairie-lille"
