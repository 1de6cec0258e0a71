"""Valid example payloads, one per node resource, taken from the seeds' vocabulary."""

from __future__ import annotations

from typing import Any

from graph_service.domain.enums import NodeLabel

SAMPLES: dict[str, dict[str, Any]] = {
    "actors": {
        "id": "grdr",
        "name": "GRDR Migration-Citoyenneté-Développement",
        "aliases": ["Grdr"],
        "sphere": "civil_society",
        "nature": "ong",
        "country": "FR",
        "source": "002_7f76860180fe7761.txt",
        "source_ref": "002:716",
    },
    "persons": {"id": "person-1", "name": "Pseudonyme A", "title": "chargée de mission"},
    "territories": {
        "id": "hauts-de-france",
        "name": "Hauts-de-France",
        "kind": "geographic",
        "level": "regional",
        "country": "FR",
        "code": "32",
        "lat": 50.0,
        "lon": 2.8,
    },
    "frameworks": {
        "id": "fip",
        "name": "Plateforme FIP",
        "type": "platform",
        "level": "national",
        "formality": "formal",
        "initiator": "mixed",
    },
    "operations": {
        "id": "caac",
        "name": "Coopérer Autrement en Acteurs de Changement",
        "type": "programme",
        "start_date": "2013-01-01",
        "end_date": "2016-12-31",
    },
    "issues": {"id": "food-security", "name": "Sécurité alimentaire"},
}

#: A field each resource can change, and a new value for it.
CHANGES: dict[str, tuple[str, Any]] = {
    "actors": ("nature", "association"),
    "persons": ("title", "directrice"),
    "territories": ("code", "HDF"),
    "frameworks": ("level", "regional"),
    "operations": ("end_date", "2017-06-30"),
    "issues": ("name", "Souveraineté alimentaire"),
}

#: A node of each label, to serve as relationship ends.
ENDS: dict[NodeLabel, tuple[str, dict[str, Any]]] = {
    NodeLabel.ACTOR: ("actors", {"id": "a-1", "name": "Acteur 1", "sphere": "market"}),
    NodeLabel.PERSON: ("persons", {"id": "p-1", "name": "Personne 1"}),
    NodeLabel.TERRITORY: ("territories", {"id": "t-1", "name": "Territoire 1"}),
    NodeLabel.DIALOGUE_FRAMEWORK: ("frameworks", {"id": "f-1", "name": "Cadre 1"}),
    NodeLabel.OPERATION: ("operations", {"id": "o-1", "name": "Opération 1"}),
    NodeLabel.ISSUE: ("issues", {"id": "i-1", "name": "Enjeu 1"}),
}
SECOND_END: dict[NodeLabel, tuple[str, dict[str, Any]]] = {
    label: (path, {**body, "id": body["id"].replace("-1", "-2"), "name": body["name"] + " bis"})
    for label, (path, body) in ENDS.items()
}


def count_nodes(client: Any, path: str) -> int:
    response = client.get(f"/api/v1/{path}", params={"limit": 1})
    assert response.status_code == 200, response.text
    return int(response.json()["total"])
