"""Field questions asked by name on the CAAC reference dataset: analyses take
an id, a name or an alias; unknown or ambiguous names are clear French errors
that do not pretend something was written."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph_service.cli.transfer import shipped_dataset
from graph_service.repositories.database import Database
from graph_service.services.transfer import TransferService
from tests.callers import OPERATOR


@pytest.fixture
def caac(client: TestClient, clean_database: Database) -> TestClient:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    return client


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("cap-solidarites", "cap-solidarites"),
        ("Cap Solidarités", "cap-solidarites"),
        ("cap solidarites", "cap-solidarites"),
        ("CGTV", "cgt-vietnam"),  # an alias
        ("CGT du Vietnam", "cgt-vietnam"),  # a little word the name lacks
        ("Vietnam CGT", "cgt-vietnam"),  # words in any order
    ],
)
def test_an_actor_is_asked_by_id_name_or_alias(caac: TestClient, typed: str, expected: str) -> None:
    report = caac.get("/api/v1/analyses/allies", params={"actor": typed, "top": 3})
    assert report.status_code == 200, report.text
    assert report.json()["actor"]["id"] == expected


def test_unknown_and_ambiguous_names_are_french_errors(caac: TestClient) -> None:
    unknown = caac.get("/api/v1/analyses/brokers", params={"territory": "Atlantide"}).json()
    assert unknown["status"] == 422 and unknown["detail"] == "1 problème(s) dans la demande."
    assert unknown["errors"][0]["field"] == "territory"
    assert "« Atlantide » ne désigne rien" in unknown["errors"][0]["message"]
    ambiguous = caac.get(
        "/api/v1/analyses/allies", params={"actor": "Confédération Générale du Travail d"}
    ).json()
    message = ambiguous["errors"][0]["message"]
    assert "est ambigu" in message and "(cgt)" in message and "(cgtg)" in message
    english = caac.get(
        "/api/v1/analyses/brokers",
        params={"territory": "Atlantide"},
        headers={"Accept-Language": "en"},
    ).json()
    assert english["detail"] == "1 problem(s) in the request."


def test_allies_leave_out_actors_already_working_together(caac: TestClient) -> None:
    report = caac.get(
        "/api/v1/analyses/allies", params={"actor": "Confédération Générale du Travail", "top": 50}
    ).json()
    partners = {p["id"] for p in report["already_partners"]}
    # The CGT de la Guadeloupe works with the CGT in the banana operation (002).
    assert "cgtg" in partners and not partners & {r["id"] for r in report["results"]}
    scores = [r["score"] for r in report["results"]]
    assert scores == sorted(scores, reverse=True)


def test_double_space_by_territory_names_and_for_every_link(caac: TestClient) -> None:
    one = caac.get(
        "/api/v1/analyses/double-space",
        params={"here": "Hauts-de-France", "there": "région de Kayes"},
    ).json()
    assert one["link"]["id"] == "linked-to-hauts-de-france-region-de-kayes"
    assert one["holders"][0]["id"] == "grdr" and "south_south" in one
    every = caac.get("/api/v1/analyses/double-space").json()
    assert len(every["pairs"]) == 3
    missing = caac.get(
        "/api/v1/analyses/double-space", params={"here": "Lille", "there": "Région de Kayes"}
    )
    assert missing.status_code == 422 and "Aucun lien" in missing.text


def test_silos_between_two_dates_count_new_and_ended_ties(caac: TestClient) -> None:
    report = caac.get(
        "/api/v1/analyses/silos", params={"at": "2010-01-01", "compare_at": "2016-01-01"}
    ).json()
    ties = report["change"]["ties"]
    assert ties["new"] > 0 and ties["unchanged"] is False
    assert sum(p["new"] for p in ties["by_group_pair"]) == ties["new"]
    small = caac.get("/api/v1/analyses/silos", params={"territory": "Hauts-de-France"}).json()
    assert small["scope_check"]["too_small"] is True


def test_a_list_filter_takes_a_name_and_refuses_an_unknown_territory(caac: TestClient) -> None:
    by_name = caac.get("/api/v1/actors", params={"territory": "France", "limit": 1000}).json()
    by_id = caac.get("/api/v1/actors", params={"territory": "france", "limit": 1000}).json()
    assert by_name["total"] == by_id["total"] > 0
    unknown = caac.get("/api/v1/actors", params={"territory": "fr"})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "territory"


def test_horizontalisation_of_a_link_in_one_request(caac: TestClient) -> None:
    report = caac.get(
        "/api/v1/analyses/horizontalisation",
        params={"here": "Hauts-de-France", "there": "Kayes"},
    ).json()
    assert report["operation"] == "op-grdr-migrants-ess"
    assert [lead["id"] for lead in report["leads"]] == ["grdr"]
    assert len(report["points"]) == 2 and report["change"] is not None
    missing = caac.get("/api/v1/analyses/horizontalisation")
    assert missing.status_code == 422 and "operation" in missing.text


@pytest.mark.parametrize("weight", ["FUNDS=nan", "FUNDS=inf"])
def test_a_non_finite_weight_is_a_422_and_the_service_lives_on(
    caac: TestClient, weight: str
) -> None:
    for analysis in ("brokers", "silos"):
        response = caac.get(
            f"/api/v1/analyses/{analysis}", params={"weights": weight, "weighted": "true"}
        )
        assert response.status_code == 422, response.text
    assert caac.get("/api/v1/analyses/brokers", params={"top": 1}).status_code == 200
    assert caac.get("/api/v1/actors", params={"offset": 2**31}).status_code == 422


def test_brokers_between_two_dates_say_who_moved(caac: TestClient) -> None:
    report = caac.get(
        "/api/v1/analyses/brokers", params={"at": "2010-01-01", "compare_at": "2016-01-01"}
    ).json()
    assert report["change"]["ties"]["new"] > 0
    moves = report["change"]["betweenness"]
    assert abs(moves[0]["change"]) == max(abs(m["change"]) for m in moves)
    document = caac.get(
        "/maps/brokers/document", params={"at": "2010-01-01", "compare_at": "2016-01-01"}
    ).json()
    assert any("le plus grand changement d'intermédiarité" in s for s in document["reading"])


def test_a_part_of_loop_is_refused_and_nothing_written(client: TestClient) -> None:
    for id in ("a", "b", "c"):
        assert client.post("/api/v1/territories", json={"id": id, "name": id}).status_code == 201
    for child, parent in (("a", "b"), ("b", "c")):
        created = client.post(
            "/api/v1/relationships", json={"type": "PART_OF", "from_id": child, "to_id": parent}
        )
        assert created.status_code == 201
    for child, parent in (("c", "a"), ("a", "a")):
        loop = client.post(
            "/api/v1/relationships", json={"type": "PART_OF", "from_id": child, "to_id": parent}
        )
        assert loop.status_code == 422 and "boucle" in loop.text
    assert client.get("/api/v1/territories/a/ancestors").status_code == 200
    ties = client.get("/api/v1/relationships", params={"types": "PART_OF"}).json()
    assert ties["total"] == 2
