"""The double-espace map: a real map.  Territories on their boundaries, arcs
between linked territories (ici ↔ là-bas), the actors anchored on each side,
South–South links drawn apart, and who holds each link and how concentrated it
is on one intermediary."""

from __future__ import annotations

from typing import Any

from graph_service.domain.labels import label
from visualisations.document import GeoLayer, LegendItem, MapDocument, Panel, ResultRow, View
from visualisations.geography import boundaries, centre, match_boundary
from visualisations.texts import text
from visualisations.views.common import MapInput, MapOptions, number

__all__ = ["double_space_map"]

HERE_COLOR = "#1565C0"
THERE_COLOR = "#E65100"
LINK_COLOR = "#6A1B9A"
SOUTH_SOUTH_COLOR = "#2E7D32"


def _point(place: dict[str, Any]) -> tuple[float, float] | None:
    """A territory's coordinates, else the middle of its boundary, else None."""
    if place.get("lat") is not None and place.get("lon") is not None:
        return float(place["lat"]), float(place["lon"])
    feature = match_boundary(place)
    return centre(feature) if feature else None


def _places(map_input: MapInput) -> dict[str, dict[str, Any]]:
    """Each territory of a link with its boundary, placed where it or its nearest
    ancestor can be placed."""
    placed: dict[str, dict[str, Any]] = {}
    for place in map_input.places:
        pid = str(place["id"])
        point = next(
            (p for p in map(_point, [place, *place.get("ancestors", [])]) if p is not None), None
        )
        placed[pid] = {
            "id": pid,
            "name": place.get("name") or pid,
            "lat": point[0] if point else None,
            "lon": point[1] if point else None,
            "feature": match_boundary(place),
            "country": place.get("country"),
            "side": place.get("side"),
        }
    return placed


def double_space_map(map_input: MapInput, options: MapOptions) -> MapDocument:
    language = options.language
    report = map_input.report
    pairs: list[dict[str, Any]] = report.get("pairs", [])
    places = _places(map_input)
    sides: dict[str, set[str]] = {}
    arcs: list[dict[str, Any]] = []
    rows = []
    reading = []
    south_south = 0
    for pair in pairs:
        link = pair["link"]
        here, there = str(link["here"]), str(link["there"])
        sides.setdefault(here, set()).add("here")
        sides.setdefault(there, set()).add("there")
        kind = str(link.get("kind") or "territory_to_territory")
        # South–South: declared so, or both ends in countries of the South.
        is_south_south = kind == "south_south" or all(
            places.get(end, {}).get("side") == "south" for end in (here, there)
        )
        south_south += is_south_south
        holders = pair.get("holders", [])
        if holders:
            sentence = text(
                "read.link",
                language,
                here=link.get("here_name") or here,
                there=link.get("there_name") or there,
                crossing=pair.get("crossing_ties", 0),
                holder=holders[0]["name"] or holders[0]["id"],
                share=round(100 * holders[0]["share"]),
                concentration=number(pair.get("concentration") or 0.0, language),
            )
        else:
            sentence = text(
                "read.link_empty",
                language,
                here=link.get("here_name") or here,
                there=link.get("there_name") or there,
            )
        rows.append(sentence)
        arcs.append(
            {
                "from": here,
                "to": there,
                "kind": label("link_kind", kind, language),
                "label": f"{link.get('here_name') or here} ↔ {link.get('there_name') or there}",
                "color": SOUTH_SOUTH_COLOR if is_south_south else LINK_COLOR,
                "style": "dashed" if is_south_south else "solid",
                "weight": 2 + min(int(pair.get("crossing_ties", 0)), 8),
                "tooltip": sentence,
                "dates": _dates(link),
                "holders": [
                    f"{h['name'] or h['id']} — {round(100 * h['share'])} %" for h in holders[:5]
                ],
            }
        )
        for space, key in (("here", here), ("there", there)):
            actors = [a["name"] or a["id"] for a in pair.get(space, [])]
            places.setdefault(
                key, {"id": key, "name": key, "lat": None, "lon": None, "feature": None}
            )
            known = places[key].setdefault("actors", [])
            places[key]["actors"] = sorted({*known, *actors})
    reading.extend(rows[:4])
    reading.append(text("read.links", language, count=len(pairs), south=south_south))
    south = report.get("south_south", {"ties": [], "by_country_pair": []})
    if south["ties"]:
        top = south["by_country_pair"][0]["countries"]
        reading.append(
            text(
                "read.south_south_ties",
                language,
                count=len(south["ties"]),
                countries=" – ".join(top),
            )
        )
    else:
        reading.append(text("read.no_south_south", language))
    south_rows = [
        f"{tie['from_name'] or tie['from']} ({tie['from_country']}) – "
        f"{tie['to_name'] or tie['to']} ({tie['to_country']})"
        for tie in south["ties"]
    ]
    over_time = report.get("over_time", {}).get("points", [])
    if len(over_time) >= 2:
        first, last = over_time[0], over_time[-1]
        reading.append(
            text(
                "read.lead_share",
                language,
                first=round(100 * (first.get("lead_share") or 0)),
                last=round(100 * (last.get("lead_share") or 0)),
                start=first["date"][:4],
                end=last["date"][:4],
            )
        )
    unplaced = sorted(p["name"] for k, p in places.items() if k in sides and not p.get("feature"))
    if unplaced:
        reading.append(text("read.unplaced", language, names=", ".join(unplaced)))
    wanted = {p["feature"] for k, p in places.items() if k in sides and p.get("feature")}
    countries = {str(p.get("country") or "") for k, p in places.items() if k in sides}
    features = [
        {
            **feature,
            "properties": {
                "id": feature["properties"]["id"],
                "name": feature["properties"].get("name"),
                "role": "place" if feature["properties"]["id"] in wanted else "background",
                "country": feature["properties"]["country"],
            },
        }
        for feature in boundaries()["features"]
        if feature["properties"]["level"] == "national"
        or feature["properties"]["id"] in wanted
        # French régions give the eye its bearings when France is linked.
        or (
            "FR" in countries
            and feature["properties"]["country"] == "FR"
            and feature["properties"]["level"] == "regional"
        )
    ]
    geo_places = []
    for key, place in sorted(places.items()):
        if key not in sides or place.get("lat") is None:
            continue
        side = "here" if sides[key] == {"here"} else "there" if sides[key] == {"there"} else "both"
        geo_places.append(
            {
                **{k: place[k] for k in ("id", "name", "lat", "lon", "feature")},
                "side": side,
                "side_label": label("space", side, language),
                "color": HERE_COLOR
                if side == "here"
                else THERE_COLOR
                if side == "there"
                else LINK_COLOR,
                "actors": place.get("actors", []),
            }
        )
    table = [
        ResultRow(
            name=arc_["label"],
            group=arc_["kind"],
            measure=str(pair.get("crossing_ties", 0)),
            sentence=row,
        )
        for arc_, pair, row in zip(arcs, pairs, rows, strict=True)
    ]
    return MapDocument(
        rows=table,
        title=text("title.double-space", language),
        reading=reading,
        views=[
            View(
                "main",
                text("ui.places", language),
                [
                    LegendItem(text("legend.here", language), HERE_COLOR, "area"),
                    LegendItem(text("legend.there", language), THERE_COLOR, "area"),
                ],
            )
        ],
        edge_legend=[
            LegendItem(text("legend.link", language), LINK_COLOR, "line"),
            LegendItem(text("legend.south_south", language), SOUTH_SOUTH_COLOR, "dashed"),
        ],
        panels=[
            panel
            for panel in (
                Panel(text("panel.holders", language), rows, restates_results=True),
                Panel(text("panel.south_south", language), south_rows),
            )
            if panel.rows
        ],
        geo=GeoLayer(
            features=features,
            places=geo_places,
            arcs=arcs,
            attribution=str(boundaries().get("attribution", "")),
        ),
    )


def _dates(link: dict[str, Any]) -> str:
    start, end = link.get("valid_from"), link.get("valid_to")
    if start and end:
        return f"{str(start)[:10]} → {str(end)[:10]}"
    return f"{str(start)[:10]} →" if start else ""
