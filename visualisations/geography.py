"""Territories on real boundaries: which boundary of ``geodata/boundaries.json``
(Natural Earth, extracted once by ``geodata/extract_boundaries.py``) draws a
territory, and where a territory without one is placed."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["boundaries", "centre", "folded", "match_boundary"]

#: Words that name the kind of territory rather than the territory itself.
_KIND_WORDS = ("region de ", "region ", "departement de ", "departement du ", "province de ")


def folded(text: str) -> str:
    """Lower case, no accents, no kind word: the key names are matched on.

    >>> folded("Région de Kayes")
    'kayes'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()
    for word in _KIND_WORDS:
        if plain.startswith(word):
            return plain[len(word) :].strip()
    return plain


@cache
def boundaries() -> dict[str, Any]:
    """The boundaries shipped with Maillage (package data; read once)."""
    source = files("visualisations").joinpath("geodata/boundaries.json")
    collection: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return collection


@cache
def _index() -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], str]]:
    by_id: dict[str, dict[str, Any]] = {}
    by_name: dict[tuple[str, str], str] = {}
    for feature in boundaries()["features"]:
        properties = feature["properties"]
        by_id[properties["id"]] = feature
        if properties["level"] == "national":
            continue
        for name in properties.get("names", []):
            by_name.setdefault((properties["country"], folded(name)), properties["id"])
    return by_id, by_name


def match_boundary(place: dict[str, Any]) -> str | None:
    """The boundary id that draws ``place`` (a territory row: ``name``, ``level``,
    ``country``, ``code``), or None.

    National territories match their country; French départements their INSEE
    number; other subdivisions their name within their country (overseas
    territories such as Guadeloupe are found under France too).

    >>> match_boundary({"name": "Région de Kayes", "level": "regional", "country": "ML"})
    'ML-1'
    >>> match_boundary({"name": "Mali", "level": "national", "country": "ML"})
    'ML'
    >>> match_boundary({"name": "Hauts-de-France", "level": "regional", "country": "FR"})
    'FR-HDF'
    """
    by_id, by_name = _index()
    country = (place.get("country") or "").upper()
    level = place.get("level")
    if level == "national":
        return country if country in by_id else None
    code = str(place.get("code") or "")
    if country == "FR" and level == "departmental" and code and f"FR-{code}" in by_id:
        return f"FR-{code}"
    name = folded(str(place.get("name") or ""))
    for key in ((country, name), ("FR", name)):
        if key in by_name:
            return by_name[key]
    return None


def centre(feature_id: str) -> tuple[float, float]:
    """Latitude and longitude of the middle of a boundary's largest polygon."""
    feature = _index()[0][feature_id]
    polygons = feature["geometry"]["coordinates"]
    largest = max(polygons, key=lambda polygon: len(polygon[0]))
    ring = largest[0]
    lons = [point[0] for point in ring]
    lats = [point[1] for point in ring]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)
