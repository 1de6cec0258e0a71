"""Small graphs built the way the projection builds them (no database)."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
import pytest

from graph_service.projection import ProjectionOptions, build_graph


def actor(id: str, name: str, sphere: str, country: str = "FR", **extra: Any) -> dict[str, Any]:
    return {"id": id, "name": name, "sphere": sphere, "country": country, **extra}


def tie(source: str, target: str, type: str = "COOPERATES_WITH", **extra: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "type": type, **extra}


@pytest.fixture
def ecosystem() -> nx.Graph:
    """A union at the centre of a small star of actors, a conflict on the side."""
    actors = [
        actor("cgt", "Confédération Générale du Travail", "union", source_ref="002:652"),
        actor("cgtv", "CGT Vietnam", "union", "VN"),
        actor("banana-link", "Banana Link", "civil_society", "GB"),
        actor("grdr", "GRDR", "civil_society", territories=["hdf"], issues=["migration"]),
        actor("fruitco", "Fruitco", "market", "US"),
        actor("cfsi", "CFSI", "multi", territories=["hdf"], issues=["migration"]),
        actor("mairie", "Mairie de Lille", "public", territories=["hdf"], issues=["migration"]),
    ]
    ties = [
        tie("cgt", "cgtv", valid_from=date(1946, 1, 1), source_ref="002:652"),
        tie("cgt", "banana-link", valid_from=date(2014, 1, 1)),
        tie("cgt", "cfsi", "MEMBER_OF", valid_from=date(2015, 1, 1)),
        tie("grdr", "cfsi", "MEMBER_OF", valid_from=date(2016, 1, 1)),
        tie("banana-link", "fruitco", "OPPOSES", kind="power_relation"),
    ]
    return build_graph(actors, ties, [], ProjectionOptions())
