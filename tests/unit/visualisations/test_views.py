"""Every kind of map says what it shows in words: names, French labels, a
reading, a legend — and never a person's name to a caller not entitled to it."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from graph_service.config import Language
from graph_service.services.analyses import AnalysisQuery, brokers_report, silos_report
from tests.unit.visualisations.conftest import actor, tie
from visualisations import MapInput, MapKind, MapOptions, build_document, render_map
from visualisations.geography import match_boundary
from visualisations.texts import TEXTS
from visualisations.views.common import layout
from visualisations.views.silos import ei_sentence

FR = MapOptions()
EN = MapOptions(language=Language.EN)


def test_every_text_has_both_languages() -> None:
    for key, entry in TEXTS.items():
        assert set(entry) == {Language.FR, Language.EN}, key
        assert all(value.strip() or key.startswith("columns.") for value in entry.values()), key


def test_the_layout_is_the_same_for_the_same_seed(ecosystem: nx.Graph) -> None:
    first, again = layout(ecosystem, MapOptions(seed=3)), layout(ecosystem, MapOptions(seed=3))
    assert first == again
    assert first != layout(ecosystem, MapOptions(seed=4))


def test_ecosystem_map_colours_by_sphere_and_draws_conflicts_apart(ecosystem: nx.Graph) -> None:
    doc = build_document(MapKind.ECOSYSTEM, MapInput(ecosystem, {"parameters": {}}), FR)
    labels = {node.id: node.label for node in doc.nodes}
    assert labels["cgt"] == "Confédération Générale du Travail"
    union = next(node for node in doc.nodes if node.id == "cgt")
    assert union.facets == {"sphere": "syndicats"}
    assert ("Source" not in dict(union.details)) and union.provenance == {"source_ref": "002:652"}
    conflict = [edge for edge in doc.edges if edge.emphasis == "conflict"]
    assert [(e.source, e.target, e.style, e.tooltip) for e in conflict] == [
        ("banana-link", "fruitco", "dashed", "rapport de force")
    ]
    assert any(item.label == "syndicats" for item in doc.views[0].legend)
    assert "1 relation(s) de conflit" in " ".join(doc.reading)


def test_change_view_colours_new_and_ended_ties(ecosystem: nx.Graph) -> None:
    later = ecosystem.copy()
    later.remove_edge("cgt", "banana-link")
    later.add_edge("grdr", "mairie", weight=1.0, types=["COOPERATES_WITH"], since=None)
    report = {"parameters": {"at": "2014-06-01", "compare_at": "2018-06-01"}}
    doc = build_document(MapKind.ECOSYSTEM, MapInput(ecosystem, report, compared=later), FR)
    kinds = {(e.source, e.target): e.emphasis for e in doc.edges}
    assert kinds[("grdr", "mairie")] == "new"
    assert kinds[("banana-link", "cgt")] == "ended"
    assert "1 lien(s) nouveau(x), 1 lien(s) terminé(s)" in " ".join(doc.reading)
    same = build_document(MapKind.ECOSYSTEM, MapInput(ecosystem, report, compared=ecosystem), FR)
    assert (
        "Aucun lien daté entre acteurs ne change entre le 2014-06-01 et le 2018-06-01"
        in " ".join(same.reading)
    )


def test_brokers_map_names_roles_in_words_and_rings_cut_points(ecosystem: nx.Graph) -> None:
    report = {"parameters": {}, **brokers_report(ecosystem, AnalysisQuery(top=100))}
    doc = build_document(MapKind.BROKERS, MapInput(ecosystem, report), FR)
    centre = next(node for node in doc.nodes if node.id == "cgt")
    assert centre.emphasis == "cut_point" and centre.force_label
    assert re.search(
        r"(gardien|représentant|consultant|agent de liaison|coordinateur) \d", centre.tooltip
    )
    assert doc.reading[0].startswith(
        "Confédération Générale du Travail est l'intermédiaire principal"
    )
    assert doc.columns[0] == "Acteur" and doc.rows[0].name == "Confédération Générale du Travail"
    assert any(edge.emphasis == "bridge" for edge in doc.edges)
    english = build_document(MapKind.BROKERS, MapInput(ecosystem, report), EN)
    assert "is the main broker" in english.reading[0]


@pytest.mark.parametrize(
    ("ei", "expected"),
    [
        (
            {"network": -0.6, "expected": 0.4, "p_value": 0.01, "permutations": 100},
            "plus cloisonné que le hasard",
        ),
        (
            {"network": 0.9, "expected": 0.4, "p_value": 0.02, "permutations": 100},
            "plus ouvert entre sphères",
        ),
        (
            {"network": 0.5, "expected": 0.4, "p_value": 0.6, "permutations": 100},
            "ne se distingue pas du hasard",
        ),
        ({"network": None, "expected": None, "p_value": None}, "Aucun lien dans ce périmètre"),
    ],
)
def test_the_ei_index_is_read_in_one_french_sentence(ei: dict[str, object], expected: str) -> None:
    assert expected in ei_sentence(ei, Language.FR)


def test_silos_map_toggles_spheres_and_communities(ecosystem: nx.Graph) -> None:
    report = {
        "parameters": {"partition": "sphere"},
        **silos_report(ecosystem, AnalysisQuery(permutations=50)),
    }
    doc = build_document(MapKind.SILOS, MapInput(ecosystem, report), FR)
    assert [view.key for view in doc.views] == ["spheres", "communities"]
    assert all(set(node.colors) == {"spheres", "communities"} for node in doc.nodes)
    assert any(edge.emphasis == "cross" for edge in doc.edges)
    bridges = doc.panels[0]
    assert (
        "recherche" not in " ".join(bridges.rows)
        and "acteurs marchands ↔ syndicats" in " ".join(bridges.rows)
    ) or bridges.rows
    assert "indice E-I" in doc.reading[0]


def test_allies_map_dashes_suggestions_and_names_the_reasons() -> None:
    from graph_service.analyses.allies import possible_allies
    from graph_service.projection import ProjectionOptions, build_graph

    actors = [
        actor("grdr", "GRDR", "civil_society", territories=["hdf"], issues=["migration"]),
        actor("cfsi", "CFSI", "multi"),
        actor("apes", "APES", "social_economy", territories=["hdf"], issues=["migration"]),
    ]
    graph = build_graph(actors, [tie("grdr", "cfsi"), tie("apes", "cfsi")], [], ProjectionOptions())
    results = [
        {
            **r,
            "reasons": [
                {**reason, "label": reason["kind"].replace("_", " ")} for reason in r["reasons"]
            ],
        }
        for r in possible_allies(graph, "grdr", top=5)
    ]
    report = {"parameters": {}, "actor": {"id": "grdr", "name": "GRDR"}, "results": results}
    map_input = MapInput(graph, report, names={"hdf": "Hauts-de-France", "migration": "Migrations"})
    doc = build_document(MapKind.ALLIES, map_input, FR)
    suggested = [edge for edge in doc.edges if edge.emphasis == "suggested"]
    assert [(e.source, e.target, e.style) for e in suggested] == [("grdr", "apes", "dashed")]
    why = doc.rows[0].sentence
    assert "CFSI" in why and "Hauts-de-France" in why and "Migrations" in why
    assert "hdf" not in why and "cfsi" not in why
    assert doc.title == "Alliés possibles de GRDR"


def test_inside_allies_map_shows_pseudonyms_unless_entitled(ecosystem: nx.Graph) -> None:
    report = {
        "parameters": {},
        "actor": "banana-link",
        "target": "fruitco",
        "results": [
            {"id": "p-secret", "name": "Jeanne Secret", "title": "DRH", "stance": "ally",
             "last_verified": "2026-01-10", "age_months": 10, "stale": False, "via": []},
        ],
    }  # fmt: skip
    hidden = build_document(MapKind.INSIDE_ALLIES, MapInput(ecosystem, report), FR)
    dumped = json.dumps(hidden.to_json(), ensure_ascii=False)
    assert "Jeanne Secret" not in dumped and "p-secret" not in dumped and "DRH" not in dumped
    assert "Personne 1 chez Fruitco" in dumped
    assert any("pseudonymes" in sentence for sentence in hidden.reading)
    named = build_document(
        MapKind.INSIDE_ALLIES, MapInput(ecosystem, report), MapOptions(sensitive=True)
    )
    assert "Jeanne Secret" in json.dumps(named.to_json(), ensure_ascii=False)


def test_levels_map_rows_levels_and_keeps_persons_out() -> None:
    graph = nx.DiGraph()
    graph.add_node("zae", kind="framework", level="local", name="Comité de la ZAE")
    graph.add_node("fip", kind="framework", level="national", name="Plateforme FIP")
    graph.add_node("copil", kind="framework", level="unknown", name="Comité de pilotage Sud")
    graph.add_node("grdr", kind="actor", name="GRDR")
    graph.add_node("someone", kind="person", name="Un Nom Sensible")
    graph.add_edge("grdr", "zae", type="PARTICIPATES_IN")
    graph.add_edge("grdr", "fip", type="PARTICIPATES_IN")
    graph.add_edge("someone", "fip", type="PARTICIPATES_IN")
    from graph_service.analyses.levels import multi_level

    report = {"parameters": {}, **multi_level(graph)}
    doc = build_document(MapKind.LEVELS, MapInput(graph, report), FR)
    rows = {node.id: node.y for node in doc.nodes if node.kind == "axis"}
    assert rows["level:local"] < rows["level:national"]  # local at the bottom
    assert "Un Nom Sensible" not in json.dumps(doc.to_json(), ensure_ascii=False)
    assert next(n for n in doc.nodes if n.id == "grdr").emphasis == "multi_level"
    assert any(p.rows == ["Comité de pilotage Sud"] for p in doc.panels)
    assert "Tous les niveaux voisins sont articulés." in doc.reading


def test_territories_match_real_boundaries() -> None:
    assert (
        match_boundary({"name": "Région de Kayes", "level": "regional", "country": "ML"}) == "ML-1"
    )
    assert (
        match_boundary({"name": "Hauts-de-France", "level": "regional", "country": "FR"})
        == "FR-HDF"
    )
    assert (
        match_boundary({"name": "Nord", "level": "departmental", "country": "FR", "code": "59"})
        == "FR-59"
    )
    assert match_boundary({"name": "Guadeloupe", "level": "regional", "country": "GP"}) is not None
    assert match_boundary({"name": "Lille", "level": "local", "country": "FR"}) is None


def _region(id: str, name: str, country: str, side: str) -> dict[str, object]:
    return {"id": id, "name": name, "level": "regional", "country": country, "side": side}


def test_double_space_map_places_both_sides_and_dashes_south_south() -> None:
    places = [
        _region("hdf", "Hauts-de-France", "FR", "north"),
        _region("kayes", "Région de Kayes", "ML", "south"),
        _region("dakar", "Dakar", "SN", "south"),
    ]
    pair = {
        "link": {"id": "l1", "kind": "double_space", "here": "hdf", "there": "kayes",
                 "here_name": "Hauts-de-France", "there_name": "Région de Kayes"},
        "here": [{"id": "grdr", "name": "GRDR"}], "there": [{"id": "emdk", "name": "EMDK"}],
        "crossing_ties": 2, "concentration": 1.0,
        "holders": [{"id": "grdr", "name": "GRDR", "share": 1.0}],
    }  # fmt: skip
    south = {
        "link": {"id": "l2", "kind": "territory_to_territory", "here": "kayes", "there": "dakar",
                 "here_name": "Région de Kayes", "there_name": "Dakar"},
        "here": [], "there": [], "crossing_ties": 0, "holders": [],
    }  # fmt: skip
    report = {"parameters": {}, "pairs": [pair, south]}
    doc = build_document(MapKind.DOUBLE_SPACE, MapInput(nx.Graph(), report, places=places), FR)
    assert doc.geo is not None
    placed = {place["id"]: place for place in doc.geo.places}
    assert placed["hdf"]["feature"] == "FR-HDF" and placed["kayes"]["feature"] == "ML-1"
    assert placed["hdf"]["actors"] == ["GRDR"]
    styles = {(arc["from"], arc["to"]): arc["style"] for arc in doc.geo.arcs}
    assert styles == {("hdf", "kayes"): "solid", ("kayes", "dakar"): "dashed"}
    assert "GRDR en tient 100 %" in doc.reading[0]
    assert "dont 1 Sud–Sud" in " ".join(doc.reading)
    roles = {f["properties"]["id"]: f["properties"]["role"] for f in doc.geo.features}
    assert roles["FR-HDF"] == roles["ML-1"] == "place" and roles["ML"] == "background"


def test_a_page_is_self_contained_and_data_cannot_break_out(ecosystem: nx.Graph) -> None:
    ecosystem.nodes["grdr"]["name"] = "</script><script>alert(1)</script>"
    page = render_map(MapKind.ECOSYSTEM, MapInput(ecosystem, {"parameters": {}}), FR)
    assert page.count("<script") == 2 and page.count("</script>") == 2
    # No element loads anything from elsewhere (the browser tests check the
    # bundle's requests: it only holds library strings such as Leaflet's credits).
    markup = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.DOTALL)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup)
    assert "default-src 'none'" in page and 'lang="fr"' in page
    assert "\\u003c/script\\u003e" in page


def test_a_national_scope_starts_aggregated_by_sphere() -> None:
    graph = nx.Graph(conflicts=set())
    spheres = ["civil_society", "public", "market", "union"]
    for i in range(20_001):
        graph.add_node(f"a{i}", name=f"Acteur {i}", sphere=spheres[i % 4])
    graph.add_edges_from((f"a{i}", f"a{i + 1}") for i in range(0, 20_000, 2))
    doc = build_document(MapKind.ECOSYSTEM, MapInput(graph, {"parameters": {}}), FR)
    assert [node.drill for node in doc.nodes] == [{"spheres": s} for s in sorted(spheres)]
    assert {node.label for node in doc.nodes} >= {"syndicats (5000)", "société civile (5001)"}
    assert "20001 acteurs : trop pour une carte lisible" in doc.reading[0]
    # a0–a1, a2–a3…: civil society–public and market–union ties, counted.
    assert sorted(edge.tooltip for edge in doc.edges) == [
        "acteurs marchands ↔ syndicats : 5000",
        "société civile ↔ pouvoirs publics : 5000",
    ]


def test_the_double_space_map_lists_south_south_ties_of_the_scope() -> None:
    from graph_service.analyses.double_space import south_south

    graph = nx.Graph([("amedd", "renapess")])
    nx.set_node_attributes(graph, {"amedd": "ML", "renapess": "SN"}, "country")
    nx.set_node_attributes(graph, {"amedd": "south", "renapess": "south"}, "side")
    nx.set_node_attributes(graph, {"amedd": "AMEDD", "renapess": "RENAPESS"}, "name")
    report = {"parameters": {}, "pairs": [], "south_south": south_south(graph)}
    doc = build_document(MapKind.DOUBLE_SPACE, MapInput(nx.Graph(), report), FR)
    assert "1 lien(s) Sud–Sud entre acteurs dans ce périmètre ; le plus souvent entre ML – SN." in (
        doc.reading
    )
    assert doc.panels[-1].rows == ["AMEDD (ML) – RENAPESS (SN)"]


def test_horizontalisation_is_read_as_the_lead_stepping_back() -> None:
    from visualisations.views.horizontalisation import horizontalisation_sentence

    report = {
        "holder": "lead",
        "leads": [{"id": "grdr", "name": "GRDR"}],
        "points": [
            {"date": "2014-12-31", "lead_share": 1.0, "actors": 4, "ties": 3},
            {"date": "2018-12-31", "lead_share": 0.4, "actors": 9, "ties": 12},
        ],
        "change": -0.6,
    }
    assert horizontalisation_sentence(report, Language.FR) == (
        "Le chef de file (GRDR) tient 100 % du courtage au 2014-12-31 et 40 % au 2018-12-31 : "
        "la coopération s'horizontalise (60 points de moins)."
    )
