"""Writes ``inside-allies-example.json``: a small, entirely fictional ecosystem that
illustrates the inside-allies analysis (alliés de l'intérieur).

The seed documents name no inside ally, and naming one can expose a real person,
so nothing here is real: every name says it is fictional, persons are pseudonyms,
and every node and tie carries ``source: exemple-fictif``.  The shape follows what
seed 002 describes (Banana Link's mapping of sympathisers inside multinationals,
kept up to date, 002:1028): an OSI campaigning on a banana value chain, a
multinational, a union and Southern partners, and four people inside the
multinational with different stances, one of them verified long ago.

    .venv/bin/python datasets/inside-allies-example/build.py
    maillage import --dataset inside-allies-example
    maillage analyse inside-allies --persons \\
        --actor fictif-collectif --target fictif-fruitco --at 2026-06-01
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = (
    Path(__file__).resolve().parents[2]
    / "graph_service"
    / "datasets"
    / "inside-allies-example.json"
)
SOURCE = {"source": "exemple-fictif"}


def _node(labels: list[str], **properties: Any) -> dict[str, Any]:
    return {"labels": labels, "properties": {**properties, **SOURCE}}


def _tie(rel_type: str, source: str, target: str, **properties: Any) -> dict[str, Any]:
    key = f"fictif-{rel_type.lower()}-{source}-{target}"
    return {
        "type": rel_type,
        "from": source,
        "to": target,
        "properties": {"id": key, **properties, **SOURCE},
    }


def build() -> dict[str, Any]:
    actors = [
        ("fictif-collectif", "Collectif Banane Équitable (fictif)", "civil_society", "osi", "FR"),
        ("fictif-fruitco", "Fruitco (fictive)", "market", "entreprise_multinationale", "US"),
        ("fictif-syndicat", "Syndicat des dockers (fictif)", "union", "syndicat", "FR"),
        ("fictif-cooperative", "Coopérative (fictive)", "social_economy", "cooperative", "EC"),
        ("fictif-ong-sud", "ONG partenaire du Sud (fictive)", "civil_society", "ong", "EC"),
    ]  # fmt: skip
    nodes = [
        _node(["Actor"], id=id, name=name, sphere=sphere, nature=nature, country=country)
        for id, name, sphere, nature, country in actors
    ]
    nodes += [
        _node(
            ["Operation"],
            id="fictif-campagne",
            name="Campagne pour des salaires décents (fictive)",
            type="operation",
        ),
        _node(["Issue"], id="fictif-salaires-decents", name="Salaires décents (fictif)"),
    ]
    insiders = [
        # id, pseudonym, unit, stance, last verified, whom they know
        ("fictif-a", "Pseudonyme A", "achats", "ally", "2026-03-15", "fictif-syndicat"),
        ("fictif-b", "Pseudonyme B", "RSE", "sympathetic", "2024-02-01", "fictif-ong-sud"),
        ("fictif-c", "Pseudonyme C", "juridique", "opposed", "2026-01-10", None),
        ("fictif-d", "Pseudonyme D", "logistique", "neutral", "2025-11-20", "fictif-b"),
    ]
    relationships = [
        _tie("TAKES_PART_IN", "fictif-collectif", "fictif-campagne", role="lead"),
        _tie("ADDRESSES", "fictif-campagne", "fictif-salaires-decents"),
        _tie("COOPERATES_WITH", "fictif-collectif", "fictif-syndicat", kind="partnership"),
        _tie("COOPERATES_WITH", "fictif-syndicat", "fictif-cooperative", kind="informal"),
        _tie("COOPERATES_WITH", "fictif-ong-sud", "fictif-cooperative", kind="partnership"),
        _tie("COOPERATES_WITH", "fictif-collectif", "fictif-ong-sud", kind="partnership"),
        _tie("OPPOSES", "fictif-collectif", "fictif-fruitco", kind="negotiation"),
    ]
    for id, pseudonym, unit, stance, verified, known in insiders:
        nodes.append(_node(["Person"], id=id, name=pseudonym, pseudonym=pseudonym))
        relationships.append(_tie("WORKS_IN", id, "fictif-fruitco", unit=unit))
        relationships.append(
            _tie("SUPPORTS", id, "fictif-salaires-decents", stance=stance, last_verified=verified)
        )
        if known:
            relationships.append(_tie("KNOWS", id, known))
    return {
        "format": "maillage",
        "version": 1,
        "scope": {"dataset": "inside-allies-example", "fictional": True},
        "nodes": nodes,
        "relationships": relationships,
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(OUT)
