"""The CAAC reference dataset, written by hand from the field's own documents.

Source: seed ``002_7f76860180fe7761.txt``, the IRG's capitalisation of the CFSI
programme "Coopérer Autrement en Acteurs de Changement" (CAAC, 2014-2018).  Every
node and relationship carries ``source`` (the seed file) and ``source_ref``
(``002:<line>``, the line that states it).  Nothing is invented: no person is
named (the document names none), and where a document leaves a value open (a
country, a level) it stays open.  Spheres and natures are the document's words
mapped to DOMAIN.md's vocabulary; where that mapping is a judgement rather than a
statement, the fact carries ``confidence`` 0.7.

Coordinates are not in the documents: the approximate ones given for well-known
places (countries, regions, cities) are general geographic knowledge, marked by
``x_coordinates`` = ``approximate, not from the seeds``; places we could not place
with certainty have none.

    python -m datasets.caac.build    # writes graph_service/datasets/caac.json
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

SEED = "002_7f76860180fe7761.txt"
ROUND_TABLE = "000_d137900d34251ef1.txt"  # CFSI round table on the pluri-acteurs approach
RAMEAU_MOOC = "003_7c0b08b5a861431c.txt"  # "Les alliances qui changent les territoires"
ODD17_SHEET = "004_62abb2a5b750e343.txt"  # "L'ODD 17 en pratique": catalyseurs territoriaux
CO_CONSTRUCTION_NOTE = "001_0ffc84e8d5b328c4.txt"  # Le RAMEAU, "La co-construction en territoire"
current_seed = SEED
OUT = Path(__file__).resolve().parents[2] / "graph_service" / "datasets" / "caac.json"
INFERRED = 0.7  # a sphere or nature read from the document's description, not stated

nodes: list[dict[str, Any]] = []
relationships: list[dict[str, Any]] = []
_ids: set[str] = set()


def _ref(line: int) -> dict[str, str]:
    return {"source": current_seed, "source_ref": f"{current_seed[:3]}:{line}"}


def _node(labels: list[str], line: int, **properties: Any) -> str:
    assert properties["id"] not in _ids, properties["id"]
    _ids.add(properties["id"])
    properties.update(_ref(line))
    nodes.append(
        {"labels": labels, "properties": {k: v for k, v in properties.items() if v is not None}}
    )
    return str(properties["id"])


def actor(
    id: str,
    name: str,
    sphere: str,
    nature: str | None,
    country: str | None,
    line: int,
    *,
    aliases: list[str] | None = None,
    kind: str = "organisation",
    inferred: bool = False,
    also_framework: dict[str, Any] | None = None,
) -> str:
    labels = ["Actor"] + (["DialogueFramework"] if also_framework else [])
    extra = also_framework or {}
    return _node(
        labels,
        line,
        id=id,
        name=name,
        aliases=aliases or [],
        sphere=sphere,
        nature=nature,
        country=country,
        kind=kind,
        confidence=INFERRED if inferred else None,
        **extra,
    )


def territory(
    id: str,
    name: str,
    level: str | None,
    country: str | None,
    line: int,
    *,
    coordinates: tuple[float, float] | None = None,
    kind: str = "geographic",
    code: str | None = None,
) -> str:
    lat, lon = coordinates if coordinates else (None, None)
    return _node(
        ["Territory"],
        line,
        id=id,
        name=name,
        kind=kind,
        level=level,
        country=country,
        lat=lat,
        lon=lon,
        code=code,
        x_coordinates="approximate, not from the seeds" if coordinates else None,
    )


def framework(id: str, name: str, line: int, **properties: Any) -> str:
    return _node(["DialogueFramework"], line, id=id, name=name, **properties)


def operation(id: str, name: str, line: int, **properties: Any) -> str:
    return _node(["Operation"], line, id=id, name=name, **properties)


def issue(id: str, name: str, line: int) -> str:
    return _node(["Issue"], line, id=id, name=name)


def _precision(properties: dict[str, Any]) -> str | None:
    """How precise the dates given are, when the caller did not say: a date written
    as 1 January is a year, as the first of a month a month, otherwise a day."""
    dates = [properties[k] for k in ("valid_from", "valid_to") if properties.get(k)]
    if not dates:
        return None
    if all(d.endswith("-01-01") or d.endswith("-12-31") for d in dates):
        return "year"
    if all(d.endswith("-01") for d in dates):
        return "month"
    return "day"


def tie(rel_type: str, source: str, target: str, line: int, **properties: Any) -> None:
    properties.setdefault("date_precision", _precision(properties))
    key = f"{rel_type.lower().replace('_', '-')}-{source}-{target}"
    relationships.append(
        {
            "type": rel_type,
            "from": source,
            "to": target,
            "properties": {
                "id": key[:128],
                **_ref(line),
                **{k: v for k, v in properties.items() if v is not None},
            },
        }
    )


#: The programme's span (002:216, 002:308): the dates of ties the documents place in the
#: programme without dating them themselves (``date_precision`` says so).
PROGRAMME_PERIOD = {
    "valid_from": "2014-01-01",
    "valid_to": "2018-12-31",
    "date_precision": "period",
}


def build() -> dict[str, Any]:
    global current_seed
    nodes.clear()
    relationships.clear()
    _ids.clear()
    current_seed = SEED
    # --- territories: countries, regions, communes, and the links between them ---------
    territory("amerique-latine", "Amérique latine", "subregional", None, 331)
    for id, name, country, line, where in [
        ("france", "France", "FR", 328, (46.6, 2.4)),
        ("egypte", "Égypte", "EG", 328, (26.8, 30.8)),
        ("maroc", "Maroc", "MA", 328, (31.8, -7.1)),
        ("tunisie", "Tunisie", "TN", 328, (33.9, 9.5)),
        ("guinee", "Guinée", "GN", 330, (10.4, -10.9)),
        ("tchad", "Tchad", "TD", 332, (15.4, 18.7)),
        ("mali", "Mali", "ML", 333, (17.6, -4.0)),
        ("vietnam", "Vietnam", "VN", 335, (16.0, 107.8)),
        ("salvador", "Salvador", "SV", 336, (13.8, -88.9)),
        ("algerie", "Algérie", "DZ", 1595, (28.0, 1.7)),
    ]:
        territory(id, name, "national", country, line, coordinates=where)
    for id, name, level, country, parent, line, where in [
        ("hauts-de-france", "Hauts-de-France", "regional", "FR", "france", 716, (50.0, 2.8)),
        ("ile-de-france", "Île-de-France", "regional", "FR", "france", 328, (48.7, 2.5)),
        ("guadeloupe", "Guadeloupe", "regional", "GP", None, 331, (16.25, -61.58)),
        ("pays-de-la-loire", "Pays de la Loire", "regional", "FR", "france", 580, (47.5, -0.8)),
        ("region-de-kayes", "Région de Kayes", "regional", "ML", "mali", 716, (14.0, -10.5)),
        ("bamako", "Bamako", "local", "ML", "mali", 720, (12.64, -8.0)),
        ("kindia", "Kindia", None, "GN", "guinee", 330, (10.06, -12.86)),
        ("region-de-boke", "Région de Boké", "regional", "GN", "guinee", 330, (10.94, -14.3)),
        ("vinh-phuc", "Vinh Phuc", "regional", "VN", "vietnam", 335, (21.3, 105.6)),
        ("lille", "Lille", "local", "FR", "hauts-de-france", 1595, (50.63, 3.06)),
        ("montauban", "Montauban", "local", "FR", "france", 336, (44.02, 1.35)),
        ("comasagua", "Comasagua", "local", "SV", "salvador", 336, (13.64, -89.37)),
        ("tlemcen", "Tlemcen", "local", "DZ", "algerie", 1595, (34.88, -1.32)),
        ("konseguela", "Konséguéla", "local", "ML", "mali", 333, None),
        ("boffa", "Boffa", "local", "GN", "region-de-boke", 330, None),
        ("kolabouyi", "Kolabouyi", "local", "GN", "region-de-boke", 330, None),
        ("sangaredi", "Sangarédi", "local", "GN", "region-de-boke", 330, None),
        ("boke", "Boké", "local", "GN", "region-de-boke", 330, None),
    ]:
        territory(id, name, level, country, line, coordinates=where)
        if parent:
            tie("PART_OF", id, parent, line)
    territory(
        "territoires-de-metiers-isf",
        "Territoires de métiers (ISF)",
        None,
        None,
        280,
        kind="professional",
    )
    tie(
        "LINKED_TO",
        "hauts-de-france",
        "region-de-kayes",
        1330,
        kind="double_space",
        operation="op-grdr-migrants-ess",
        **PROGRAMME_PERIOD,
    )
    tie("LINKED_TO", "lille", "tlemcen", 1595, kind="decentralised_cooperation")
    tie(
        "LINKED_TO",
        "montauban",
        "comasagua",
        1235,
        kind="territory_to_territory",
        operation="op-spf-paniers-paysans",
        **PROGRAMME_PERIOD,
    )

    # --- the programme, its partners and the CFSI platform ------------------------------
    actor(
        "cfsi",
        "Comité Français pour la Solidarité Internationale",
        "multi",
        "plateforme",
        "FR",
        140,
        aliases=["CFSI"],
        also_framework={
            "type": "platform",
            "level": "national",
            "formality": "formal",
            "initiator": "civil_society",
        },
    )
    actor(
        "afd",
        "Agence Française de Développement",
        "public",
        "agence_publique",
        "FR",
        156,
        aliases=["AFD"],
    )
    actor("fondation-abbe-pierre", "Fondation Abbé Pierre", "philanthropy", "fondation", "FR", 160)
    actor(
        "irg",
        "Institut de recherche et débat sur la gouvernance",
        "civil_society",
        "association",
        "FR",
        150,
        aliases=["IRG"],
    )
    operation(
        "caac",
        "Coopérer Autrement en Acteurs de Changement",
        216,
        type="programme",
        aliases=["CAAC"],
        start_date="2014-01-01",
        end_date="2018-12-31",
        description="Programme du CFSI avec l'AFD et la Fondation Abbé Pierre : 9 opérations "
        "pilotes, 10 membres, 14 pays, budget de 1,7 million d'euros (002:308).",
    )
    tie("TAKES_PART_IN", "cfsi", "caac", 308, role="lead", **PROGRAMME_PERIOD)
    for funder in ("afd", "fondation-abbe-pierre"):
        tie("TAKES_PART_IN", funder, "caac", 308, role="funder", **PROGRAMME_PERIOD)
        tie("FUNDS", funder, "caac", 308, **PROGRAMME_PERIOD)
    tie("TAKES_PART_IN", "irg", "caac", 344, role="facilitator")
    tie("FRAMES", "cfsi", "caac", 310)

    # The CFSI's members named in the programme (footnote 002:326; also 002:238).
    members = [
        ("adesaf", "Association pour le Développement Économique et Social en Afrique", ["ADESAF"]),
        ("agir-abcd", "Agir Abcd", []),
        ("agrisud", "Agrisud International", ["Agrisud"]),
        ("batik", "Batik International", []),
        ("cap-solidarites", "Cap Solidarités", []),
        (
            "ca-g44",
            "Coopération Atlantique – Guinée 44",
            ["CAG44", "CA-G44", "Coopération Atlantique Guinée 44"],
        ),
        ("cgt", "Confédération Générale du Travail", ["CGT"]),
        ("cites-unies-france", "Cités Unies France", ["CUF"]),
        ("echoppe", "Échoppe", ["ECHOPPE"]),
        ("electriciens-sans-frontieres", "Électriciens sans frontières", []),
        ("elevages-sans-frontieres", "Élevages sans frontières", ["ESF"]),
        ("essentiel", "Essentiel", []),
        ("essor", "ESSOR", []),
        ("artisans-du-monde", "Fédération Artisans du Monde", ["FADM"]),
        ("geres", "Groupe Énergies Renouvelables et Environnement", ["GERES"]),
        (
            "grdr",
            "Grdr-Migration Citoyenneté Développement",
            ["GRDR", "Groupe de Recherche et de réalisations pour le Développement Rural"],
        ),
        ("gret", "Groupe de Recherche et d'Échanges Technologiques", ["GRET"]),
        ("isf", "Ingénieurs Sans frontières", ["ISF"]),
        ("snetap-fsu", "SNETAP-FSU", []),
        ("spf", "Secours Populaire Français", ["SPF", "Secours Populaire France"]),
        ("sol", "SOL", []),
        ("univers-sel", "UNIVERS-SEL", []),
        (
            "unmfreo",
            "Union Nationale des Maisons Familiales Rurales d'Éducation et d'Orientation",
            ["UNMFREO", "Union Nationale des Maisons Familiales Rurales"],
        ),
    ]
    union_members = {"cgt", "snetap-fsu"}
    for id, name, aliases in members:
        sphere, nature = (
            ("union", "confederation_syndicale")
            if id == "cgt"
            else ("union", "syndicat")
            if id in union_members
            else ("public", "reseau_associatif")
            if id == "cites-unies-france"
            else ("academic", "organisme_de_formation")
            if id == "unmfreo"
            else ("civil_society", "ong")
        )
        actor(id, name, sphere, nature, "FR", 326, aliases=aliases, inferred=id != "cgt")
        tie("MEMBER_OF", id, "cfsi", 326)
        tie("PARTICIPATES_IN", id, "cfsi", 326, role="member")

    # --- the 9 pilot operations, their leads and partners (table, 002:328-336) ---------
    issues = {
        "insertion-des-femmes": ("Insertion économique et professionnelle des femmes", 328),
        "emploi-des-jeunes": ("Insertion et emploi des jeunes", 329),
        "sante-securite-au-travail": ("Santé et sécurité au travail", 331),
        "formation-professionnelle": ("Formation et insertion professionnelle", 332),
        "electrification-rurale": ("Activité économique et électrification rurale", 333),
        "migrants-economie-solidaire": ("Les migrants, acteurs de l'économie solidaire", 334),
        "droit-du-travail": ("Le droit, vecteur de solidarité", 335),
        "paniers-paysans": ("Paniers paysans et agriculture solidaire", 336),
    }
    for id, (name, line) in issues.items():
        issue(id, name, line)

    pilots = [
        # id, name, line, lead, issue, places
        (
            "op-batik-echangeons",
            "Échangeons : pour l'insertion économique et professionnelle des femmes",
            328,
            "batik",
            "insertion-des-femmes",
            ["egypte", "maroc", "tunisie", "ile-de-france"],
        ),
        (
            "op-cap-solidarites-jeunes",
            "Jeunes : Esprit d'entreprendre et développement solidaire des territoires",
            329,
            "cap-solidarites",
            "emploi-des-jeunes",
            ["hauts-de-france"],
        ),
        (
            "op-cag44-insertion-jeunes-rural",
            "L'insertion sociale et professionnelle des jeunes en milieu rural",
            330,
            "ca-g44",
            "emploi-des-jeunes",
            ["kindia", "region-de-boke", "pays-de-la-loire"],
        ),
        (
            "op-cgt-banane",
            "La santé et la sécurité au travail dans l'industrie de la banane",
            331,
            "cgt",
            "sante-securite-au-travail",
            ["amerique-latine", "guadeloupe", "france"],
        ),
        (
            "op-essor-fip",
            "Dispositifs innovants pour la formation et l'insertion professionnelle",
            332,
            "essor",
            "formation-professionnelle",
            ["tchad", "lille"],
        ),
        (
            "op-geres-zae",
            "Dynamique sociale autour d'un centre collectif d'activité économique",
            333,
            "geres",
            "electrification-rurale",
            ["konseguela"],
        ),
        (
            "op-grdr-migrants-ess",
            "Les migrants : acteurs et vecteurs de l'économie solidaire",
            334,
            "grdr",
            "migrants-economie-solidaire",
            ["hauts-de-france", "region-de-kayes", "bamako"],
        ),
        (
            "op-gret-droit-vietnam",
            "Le droit vecteur de solidarité entre acteurs sociaux, syndicaux, "
            "politiques et économiques",
            335,
            "gret",
            "droit-du-travail",
            ["vietnam", "vinh-phuc"],
        ),
        (
            "op-spf-paniers-paysans",
            "Des paniers paysans de Comasagua au jardin solidaire de Montauban",
            336,
            "spf",
            "paniers-paysans",
            ["comasagua", "montauban"],
        ),
    ]
    for id, name, line, lead, topic, places in pilots:
        operation(
            id,
            name,
            line,
            type="operation",
            programme="caac",
            start_date="2014-01-01",
            end_date="2018-12-31",
        )
        tie("PART_OF", id, "caac", 322)
        tie("TAKES_PART_IN", lead, id, line, role="lead", **PROGRAMME_PERIOD)
        tie("ADDRESSES", id, topic, line)
        for place in places:
            tie("TAKES_PLACE_IN", id, place, line)

    partner_actors = [
        # id, name, sphere, nature, country, line, operation, inferred, aliases
        (
            "centre-hubertine-auclert",
            "Centre Hubertine Auclert",
            "civil_society",
            "association",
            "FR",
            328,
            "op-batik-echangeons",
            True,
            [],
        ),
        (
            "mission-egalite-idf",
            "Mission Égalité de la Région Île-de-France",
            "public",
            "collectivite_territoriale",
            "FR",
            328,
            "op-batik-echangeons",
            False,
            [],
        ),
        (
            "service-civil-international",
            "Service civil international",
            "civil_society",
            "ong",
            None,
            329,
            "op-cap-solidarites-jeunes",
            True,
            [],
        ),
        (
            "conseil-regional-hdf",
            "Conseil Régional Hauts-de-France",
            "public",
            "region",
            "FR",
            329,
            "op-cap-solidarites-jeunes",
            False,
            ["Région Hauts-de-France"],
        ),
        (
            "mfr-sarthe-mayenne",
            "Fédérations des Maisons Familiales Rurales de Sarthe et de Mayenne",
            "academic",
            "organisme_de_formation",
            "FR",
            330,
            "op-cag44-insertion-jeunes-rural",
            False,
            [],
        ),
        (
            "intercollectivite-kindia",
            "Intercollectivité de Kindia",
            "public",
            "intercommunalite",
            "GN",
            330,
            "op-cag44-insertion-jeunes-rural",
            False,
            [],
        ),
        (
            "fop-basse-guinee",
            "Fédération des Organisations paysannes de Basse Guinée",
            "social_economy",
            "organisation_paysanne",
            "GN",
            330,
            "op-cag44-insertion-jeunes-rural",
            False,
            [],
        ),
        (
            "artisans-kindia-boke",
            "Fédérations régionales des Artisans de Kindia et de Boké",
            "market",
            "organisation_professionnelle",
            "GN",
            330,
            "op-cag44-insertion-jeunes-rural",
            True,
            [],
        ),
        (
            "banana-link",
            "Banana Link",
            "civil_society",
            "ong",
            None,
            331,
            "op-cgt-banane",
            True,
            [],
        ),
        (
            "cgtg",
            "Confédération Générale du Travail de la Guadeloupe",
            "union",
            "confederation_syndicale",
            "GP",
            331,
            "op-cgt-banane",
            False,
            ["CGTG"],
        ),
        (
            "colsiba",
            "Coordinadora latinoamericana de sindicatos bananeros y de la agroindustria",
            "union",
            "confederation_syndicale",
            None,
            331,
            "op-cgt-banane",
            False,
            ["COLSIBA"],
        ),
        (
            "indecosa",
            "INDECOSA (Association des Consommateurs de la CGT)",
            "civil_society",
            "association",
            "FR",
            331,
            "op-cgt-banane",
            False,
            ["INDECOSA"],
        ),
        (
            "osc-tchadiennes",
            "Organisations de la société civile tchadienne",
            "civil_society",
            None,
            "TD",
            332,
            "op-essor-fip",
            False,
            ["OSC tchadiennes"],
        ),
        (
            "onape",
            "Office National pour la Promotion de l'Emploi",
            "public",
            "agence_publique",
            "TD",
            332,
            "op-essor-fip",
            False,
            ["ONAPE"],
        ),
        (
            "fonap",
            "Fonds National d'Appui à la Formation Professionnelle",
            "public",
            "agence_publique",
            "TD",
            332,
            "op-essor-fip",
            False,
            ["FONAP"],
        ),
        (
            "fonaj",
            "Fonds National d'Appui à la Jeunesse",
            "public",
            "agence_publique",
            "TD",
            332,
            "op-essor-fip",
            False,
            ["FONAJ"],
        ),
        (
            "initiatives-plurielles",
            "Initiatives Plurielles",
            "civil_society",
            "association",
            "FR",
            332,
            "op-essor-fip",
            False,
            [],
        ),
        (
            "lille-sud-insertion",
            "Lille Sud Insertion",
            "civil_society",
            "association",
            "FR",
            332,
            "op-essor-fip",
            True,
            ["LSI"],
        ),
        (
            "amedd",
            "Association Malienne d'Éveil au Développement Durable",
            "civil_society",
            "association_locale",
            "ML",
            333,
            "op-geres-zae",
            False,
            ["AMEDD"],
        ),
        (
            "commune-konseguela",
            "Commune de Konséguéla",
            "public",
            "commune",
            "ML",
            333,
            "op-geres-zae",
            False,
            ["Mairie de Konséguéla"],
        ),
        (
            "amader",
            "Agence Malienne pour le Développement de l'Énergie Domestique et l'Électrification "
            "Rurale",
            "public",
            "agence_publique",
            "ML",
            333,
            "op-geres-zae",
            False,
            ["AMADER"],
        ),
        (
            "apes",
            "Acteurs Pour une Économie Solidaire",
            "social_economy",
            "reseau_associatif",
            "FR",
            334,
            "op-grdr-migrants-ess",
            False,
            ["APES"],
        ),
        (
            "cgt-vietnam",
            "CGT Vietnam",
            "union",
            "confederation_syndicale",
            "VN",
            335,
            "op-gret-droit-vietnam",
            False,
            ["VGCL", "CGTV", "CGVT"],
        ),
        (
            "union-femmes-vinh-phuc",
            "Union des Femmes de Vinh Phuc",
            "civil_society",
            "organisation_de_femmes",
            "VN",
            335,
            "op-gret-droit-vietnam",
            False,
            [],
        ),
        (
            "canasta-campesina",
            "Coopérative « Canasta campesina »",
            "social_economy",
            "cooperative",
            "SV",
            336,
            "op-spf-paniers-paysans",
            False,
            ["Canasta campesina"],
        ),
    ]
    for id, name, sphere, nature, country, line, op, inferred, aliases in partner_actors:
        actor(
            id,
            name,
            sphere,
            nature,
            country,
            line,
            aliases=aliases,
            inferred=inferred,
            kind="collective" if id == "osc-tchadiennes" else "organisation",
        )
        tie("TAKES_PART_IN", id, op, line, role="partner", **PROGRAMME_PERIOD)
    # The CGT is both a member leading the banana operation and a partner of the GRET's.
    tie("TAKES_PART_IN", "cgt", "op-gret-droit-vietnam", 335, role="partner", **PROGRAMME_PERIOD)
    for id, name, line in [
        ("commune-boffa", "Boffa", 330),
        ("commune-kolabouyi", "Kolabouyi", 330),
        ("commune-sangaredi", "Sangarédi", 330),
        ("commune-boke", "Boké", 330),
    ]:
        # "Collectivités locales de la région de Boké (Boffa, Kolabouyi, Sangarédi, Boké)"
        actor(id, f"Collectivité locale de {name}", "public", "commune", "GN", line, aliases=[name])
        tie(
            "TAKES_PART_IN",
            id,
            "op-cag44-insertion-jeunes-rural",
            line,
            role="partner",
            **PROGRAMME_PERIOD,
        )
        tie("ANCHORED_IN", id, id.removeprefix("commune-"), line, primary=True)
    actor(
        "emdk",
        "Espace Migration Développement Kayes",
        "multi",
        "plateforme_multi_acteurs",
        "ML",
        718,
        aliases=["EMDK", "Espace Migration et Développement en région de Kayes"],
        also_framework={
            "type": "platform",
            "level": "regional",
            "description": "Plateforme multi-acteurs et multi-échelle, 161 adhérents.",
        },
    )
    tie("TAKES_PART_IN", "emdk", "op-grdr-migrants-ess", 334, role="partner", **PROGRAMME_PERIOD)
    actor(
        "renapess",
        "Réseau National d'Appui à la Promotion de l'Économie Sociale et Solidaire au Mali",
        "social_economy",
        "reseau_associatif",
        "ML",
        720,
        aliases=["RENAPESS", "RENAPESS-Mali"],
    )
    tie(
        "TAKES_PART_IN",
        "renapess",
        "op-grdr-migrants-ess",
        720,
        role="associated_partner",
        **PROGRAMME_PERIOD,
    )

    # --- anchoring ---------------------------------------------------------------------
    for id, place, line in [
        ("cfsi", "france", 140),
        ("afd", "france", 156),
        ("grdr", "hauts-de-france", 716),
        ("apes", "hauts-de-france", 720),
        ("emdk", "region-de-kayes", 718),
        ("renapess", "bamako", 720),
        ("conseil-regional-hdf", "hauts-de-france", 329),
        ("mission-egalite-idf", "ile-de-france", 328),
        ("intercollectivite-kindia", "kindia", 330),
        ("commune-konseguela", "konseguela", 333),
        ("amedd", "mali", 333),
        ("amader", "mali", 333),
        ("onape", "tchad", 332),
        ("fonap", "tchad", 332),
        ("fonaj", "tchad", 332),
        ("osc-tchadiennes", "tchad", 332),
        ("initiatives-plurielles", "lille", 1386),
        ("lille-sud-insertion", "lille", 1386),
        ("cgt-vietnam", "vietnam", 335),
        ("union-femmes-vinh-phuc", "vinh-phuc", 335),
        ("canasta-campesina", "comasagua", 336),
        ("cgtg", "guadeloupe", 331),
        ("colsiba", "amerique-latine", 331),
        ("fop-basse-guinee", "guinee", 330),
    ]:
        tie("ANCHORED_IN", id, place, line, primary=True)
    # "Guinée 44": members in France, near the MFR of the Pays de la Loire (002:580-582).
    tie("ANCHORED_IN", "ca-g44", "pays-de-la-loire", 582, primary=True, confidence=INFERRED)
    tie("ACTIVE_IN", "ca-g44", "kindia", 582, **PROGRAMME_PERIOD)
    tie("ACTIVE_IN", "spf", "montauban", 880)
    tie("ACTIVE_IN", "grdr", "region-de-kayes", 716)
    tie("ACTIVE_IN", "isf", "territoires-de-metiers-isf", 280)

    # --- ties the document states between actors ------------------------------------------
    tie(
        "COOPERATES_WITH",
        "cgt",
        "cgt-vietnam",
        652,
        kind="historical",
        valid_from="1946-01-01",
        strength=3,
        formality="bilateral cooperation and solidarity",
    )
    tie("COOPERATES_WITH", "gret", "cgt", 652, kind="partnership", **PROGRAMME_PERIOD)
    tie("COOPERATES_WITH", "grdr", "apes", 716, kind="partnership", **PROGRAMME_PERIOD)
    tie("COOPERATES_WITH", "grdr", "renapess", 704, kind="partnership", formality="formal")
    tie("COOPERATES_WITH", "grdr", "emdk", 704, kind="informal", formality="informal")
    tie("COOPERATES_WITH", "essor", "initiatives-plurielles", 1386, kind="informal")
    tie("COOPERATES_WITH", "essor", "lille-sud-insertion", 1386, kind="informal")
    tie("COOPERATES_WITH", "ca-g44", "unmfreo", 734, kind="partnership", **PROGRAMME_PERIOD)
    # "le premier projet porté en 2008 ... avait organisé différentes concertations" (002:608)
    tie(
        "COOPERATES_WITH",
        "geres",
        "commune-konseguela",
        608,
        kind="partnership",
        valid_from="2008-01-01",
    )
    tie("COOPERATES_WITH", "geres", "amedd", 608, kind="partnership", valid_from="2008-01-01")
    tie("COOPERATES_WITH", "spf", "canasta-campesina", 336, kind="partnership", **PROGRAMME_PERIOD)
    tie("COOPERATES_WITH", "cgt", "banana-link", 750, kind="partnership", **PROGRAMME_PERIOD)
    # The document spells it "Clud Med" (002:264).
    actor(
        "club-med",
        "Club Med",
        "market",
        "entreprise_multinationale",
        None,
        264,
        inferred=True,
        aliases=["Clud Med"],
    )
    # "Depuis 2008, elle entretient un partenariat avec le Club Med" (002:1041).
    tie(
        "COOPERATES_WITH",
        "agrisud",
        "club-med",
        1041,
        kind="partnership",
        modes=["responsible_practices"],
        valid_from="2008-01-01",
    )
    actor(
        "mairie-de-lille",
        "Mairie de Lille",
        "public",
        "commune",
        "FR",
        1595,
        aliases=["Ville de Lille"],
    )
    tie("ANCHORED_IN", "mairie-de-lille", "lille", 1595, primary=True)
    tie("COOPERATES_WITH", "grdr", "mairie-de-lille", 1595, kind="partnership")
    actor(
        "patronat-tchadien",
        "Patronat tchadien",
        "market",
        "organisation_professionnelle",
        "TD",
        748,
    )
    # "Le blocus par les acteurs publics" of the FIP (002:748, 996): which public actors is
    # not said; the platform's public institutions are ONAPE, FONAP and FONAJ (002:712).
    for public_actor in ("onape", "fonap", "fonaj"):
        tie("OPPOSES", public_actor, "patronat-tchadien", 748, kind="distrust", confidence=INFERRED)
    actor(
        "multinationales-banane",
        "Multinationales de la banane",
        "market",
        "entreprise_multinationale",
        None,
        750,
        kind="generic_group",
    )
    for union_actor in ("cgt", "colsiba", "cgtg"):
        tie(
            "OPPOSES",
            union_actor,
            "multinationales-banane",
            750,
            kind="power_relation",
            intensity=3,
        )

    south_south_exchanges()
    members_territories()

    # --- dialogue frameworks at every level ------------------------------------------------
    framework(
        "plateforme-fip",
        "Plateforme FIP (Formation et Insertion Professionnelle)",
        694,
        type="platform",
        level="national",
        initiator="mixed",
        aliases=["FIP"],
        description="Cadre de dialogue entre acteurs publics et privés de la "
        "formation et de l'insertion professionnelle au Tchad.",
    )
    tie("COVERS", "plateforme-fip", "tchad", 694)
    tie("FRAMES", "plateforme-fip", "op-essor-fip", 694)
    # A lead that stepped back (002:868): ESSOR "a longtemps été considéré comme chef de
    # file de la plateforme FIP" and then shared the lead with the national partners;
    # the restructuring workshop of July 2016 (002:712) is when the platform got its own
    # steering committee, so both states are recorded, before and after it.
    restructuring = {"date_source_ref": "002:712", "date_precision": "month"}
    tie(
        "PARTICIPATES_IN",
        "essor",
        "plateforme-fip",
        868,
        role="chair",
        id="participates-in-essor-plateforme-fip-chair",
        valid_to="2016-06-30",
        **restructuring,
    )
    tie(
        "PARTICIPATES_IN",
        "essor",
        "plateforme-fip",
        868,
        role="facilitator",
        valid_from="2016-07-01",
        valid_to="2018-12-31",
        **restructuring,
    )
    for member in ("onape", "fonap", "fonaj"):
        tie("PARTICIPATES_IN", member, "plateforme-fip", 712, role="member")
    # The public members first blocked the employers' entry (002:748, 002:998); their
    # adhesion came after that dialogue, read here as the July 2016 restructuring.
    tie(
        "PARTICIPATES_IN",
        "patronat-tchadien",
        "plateforme-fip",
        998,
        role="member",
        valid_from="2016-07-01",
        confidence=INFERRED,
        **restructuring,
    )
    tie(
        "PARTICIPATES_IN",
        "osc-tchadiennes",
        "plateforme-fip",
        332,
        role="member",
        confidence=INFERRED,
    )
    framework(
        "copil-fip",
        "Comité de pilotage de la plateforme FIP",
        712,
        type="steering_committee",
        level="national",
        formality="formal",
        decision_power="décisionnel",
    )
    tie("PART_OF", "copil-fip", "plateforme-fip", 712, valid_from="2016-07-01")
    for chair in ("onape", "fonaj", "fonap"):
        tie(
            "PARTICIPATES_IN",
            chair,
            "copil-fip",
            712,
            role="rotating_chair",
            valid_from="2016-07-01",
        )
    # "Au niveau de l'opération pilote ... un comité de pilotage Sud" (002:706): the
    # operation's own level, in Vietnam — national, as read from the table (002:335).
    framework(
        "copil-sud-vietnam",
        "Comité de pilotage Sud",
        706,
        type="steering_committee",
        formality="formal",
        level="national",
        confidence=INFERRED,
    )
    # The two other levels of the same operation's dialogue (002:706): "au niveau
    # national, par des mécanismes déjà existants entre la CGTV et les CJJ ; au niveau
    # international entre la CGTV et la CGT".
    actor(
        "cjj-vietnam",
        "CJJ (Vietnam)",
        "civil_society",
        None,
        "VN",
        706,
        kind="generic_group",
        aliases=["CJJ"],
    )
    tie("ANCHORED_IN", "cjj-vietnam", "vietnam", 706, primary=True)
    framework(
        "dialogue-cgtv-cjj",
        "Mécanismes de dialogue entre la CGTV et les CJJ",
        706,
        type="consultation_framework",
        level="national",
        formality="formal",
    )
    tie("COVERS", "dialogue-cgtv-cjj", "vietnam", 706)
    tie("FRAMES", "dialogue-cgtv-cjj", "op-gret-droit-vietnam", 706)
    for member in ("cgt-vietnam", "cjj-vietnam"):
        tie("PARTICIPATES_IN", member, "dialogue-cgtv-cjj", 706, role="member")
    framework(
        "dialogue-cgt-cgtv",
        "Dialogue international entre la CGT et la CGTV",
        706,
        type="bilateral_dialogue",
        level="international",
        formality="formal",
    )
    tie("FRAMES", "dialogue-cgt-cgtv", "op-gret-droit-vietnam", 706)
    for member in ("cgt", "cgt-vietnam"):
        # "relations de coopération bilatérale et de solidarité depuis 1946" (002:652)
        tie(
            "PARTICIPATES_IN",
            member,
            "dialogue-cgt-cgtv",
            652,
            role="member",
            valid_from="1946-01-01",
        )
    tie("FRAMES", "copil-sud-vietnam", "op-gret-droit-vietnam", 706)
    tie("COVERS", "copil-sud-vietnam", "vietnam", 706)
    for member in ("cgt-vietnam", "cgt", "gret"):
        tie("PARTICIPATES_IN", member, "copil-sud-vietnam", 706, role="member")
    framework(
        "comite-operationnel-zae",
        "Comité opérationnel de la ZAE",
        728,
        type="operational_committee",
        level="local",
        formality="formal",
    )
    framework(
        "comite-gestion-zae",
        "Comité de gestion associatif de la ZAE",
        728,
        type="management_committee",
        level="local",
        formality="planned",
    )
    framework(
        "cadre-concertation-zae",
        "Cadre de concertation de la ZAE",
        730,
        type="consultation_framework",
        level="local",
        formality="formal",
        initiator="mixed",
    )
    tie(
        "SUCCEEDED_BY",
        "comite-operationnel-zae",
        "comite-gestion-zae",
        728,
        condition="transfert de la ZAE à la mairie de Konséguéla",
    )
    for zae in ("comite-operationnel-zae", "comite-gestion-zae", "cadre-concertation-zae"):
        tie("COVERS", zae, "konseguela", 728)
        tie("FRAMES", zae, "op-geres-zae", 728)
    tie("PARTICIPATES_IN", "commune-konseguela", "comite-operationnel-zae", 821, role="member")
    tie("PARTICIPATES_IN", "geres", "comite-operationnel-zae", 821, role="member")
    tie("PARTICIPATES_IN", "commune-konseguela", "comite-gestion-zae", 728, role="member")
    tie(
        "PARTICIPATES_IN",
        "commune-konseguela",
        "cadre-concertation-zae",
        730,
        role="member",
        valid_from="2015-10-01",
    )
    actor(
        "producteurs-jatropha",
        "Producteurs de jatropha",
        "market",
        "producteur",
        "ML",
        730,
        kind="generic_group",
    )
    tie(
        "PARTICIPATES_IN",
        "producteurs-jatropha",
        "cadre-concertation-zae",
        730,
        role="member",
        seats=3,
        valid_from="2015-10-01",
    )
    # Between the two French partners of the operation (002:734-736): national, in France.
    framework(
        "comite-guinee",
        "Comité Guinée",
        734,
        type="working_group",
        formality="formal",
        level="national",
        confidence=INFERRED,
    )
    tie("COVERS", "comite-guinee", "france", 734)
    for member in ("ca-g44", "unmfreo"):
        tie("PARTICIPATES_IN", member, "comite-guinee", 734, role="member")
    tie("FRAMES", "comite-guinee", "op-cag44-insertion-jeunes-rural", 734)
    framework(
        "cadre-concertation-dechets-kindia",
        "Cadre de concertation des acteurs des déchets",
        1135,
        type="consultation_framework",
        level="local",
    )
    tie("COVERS", "cadre-concertation-dechets-kindia", "kindia", 1135)
    tie("PARTICIPATES_IN", "ca-g44", "cadre-concertation-dechets-kindia", 1135, role="facilitator")
    framework(
        "forum-mondial-banane",
        "Forum mondial de la banane",
        789,
        type="forum",
        level="international",
    )
    tie("PARTICIPATES_IN", "banana-link", "forum-mondial-banane", 1469, role="member")
    framework(
        "commission-144",
        "Commission 144 (commission tripartite de l'OIT)",
        789,
        type="tripartite_commission",
        level="national",
        formality="formal",
        initiator="public",
    )
    # The local level of the banana operation: health and safety committees where the
    # bananas are grown, set up through union training in Latin America (002:1261,
    # 002:1524); with the national commission 144 and the world forum, three levels.
    framework(
        "chsct-plantations-banane",
        "CHSCT des plantations de banane",
        1261,
        type="workplace_committee",
        level="local",
        formality="formal",
    )
    tie("COVERS", "chsct-plantations-banane", "amerique-latine", 1261)
    tie("FRAMES", "chsct-plantations-banane", "op-cgt-banane", 1524)
    tie("PARTICIPATES_IN", "colsiba", "chsct-plantations-banane", 1261, role="member")
    tie("FRAMES", "forum-mondial-banane", "op-cgt-banane", 789)
    tie("FRAMES", "commission-144", "op-cgt-banane", 789)
    tie("FRAMES", "emdk", "op-grdr-migrants-ess", 718)
    tie("COVERS", "emdk", "region-de-kayes", 718)
    tie("COVERS", "cfsi", "france", 140)

    round_table()
    rameau_alliances()
    territorial_catalysts()
    co_construction_note()
    date_what_the_documents_imply()
    return {
        "format": "maillage",
        "version": 1,
        "scope": {
            "dataset": "caac",
            "sources": [SEED, ROUND_TABLE, CO_CONSTRUCTION_NOTE, RAMEAU_MOOC, ODD17_SHEET],
        },
        "nodes": nodes,
        "relationships": relationships,
    }


def members_territories() -> None:
    """Where seed 002 places CFSI members that the operations' table does not."""
    # "s'ouvrir aux acteurs économiques de son territoire en Région des Hauts-de-France"
    tie("ANCHORED_IN", "cap-solidarites", "hauts-de-france", 984, primary=True)
    # "sur son propre territoire, dans l'Anjou (France) ... En Maine-et-Loire" (002:1081);
    # and "depuis 1990 au Togo, au Bénin et en Centrafrique" (002:1079).
    territory("dep-49", "Maine-et-Loire", "departmental", "FR", 1081, code="49")
    tie("PART_OF", "dep-49", "pays-de-la-loire", 1081)
    tie("ANCHORED_IN", "echoppe", "dep-49", 1081, primary=True)
    for id, name, country, where in [
        ("togo", "Togo", "TG", (8.6, 0.8)),
        ("benin", "Bénin", "BJ", (9.3, 2.3)),
        ("centrafrique", "Centrafrique", "CF", (6.6, 20.9)),
    ]:
        territory(id, name, "national", country, 1079, coordinates=where)
        tie("ACTIVE_IN", "echoppe", id, 1079, valid_from="1990-01-01")
    # "une association regroupant des paludiers de Guérande" (002:1111).
    territory("guerande", "Guérande", "local", "FR", 1111)
    tie("PART_OF", "guerande", "dep-44", 1111)
    tie("ANCHORED_IN", "univers-sel", "guerande", 1111, primary=True)
    # Batik's awareness actions for the public "à Paris" (002:1716); ESSOR's partners
    # of the FIP platform visiting "à Lille" (002:1701).
    tie("ACTIVE_IN", "batik", "ile-de-france", 1716)
    tie("ACTIVE_IN", "essor", "lille", 1701)
    # GERES "intervient dans la zone du projet depuis 2008" (002:608).
    tie("ACTIVE_IN", "geres", "konseguela", 608, valid_from="2008-01-01")
    # UNMFREO's first mission to Kindia, April 2014 (002:586).
    tie("ACTIVE_IN", "unmfreo", "kindia", 586, valid_from="2014-04-01")
    # The partners the operations' table places (002:330-335) without a territory of
    # their own: the MFR federations of Sarthe and Mayenne (both in the Pays de la
    # Loire: general geography), the artisans of Kindia and Boké, GRET in Vietnam.
    tie(
        "ANCHORED_IN",
        "mfr-sarthe-mayenne",
        "pays-de-la-loire",
        330,
        primary=True,
        confidence=INFERRED,
    )
    for place in ("kindia", "region-de-boke"):
        tie("ACTIVE_IN", "artisans-kindia-boke", place, 330)
    tie("ACTIVE_IN", "gret", "vietnam", 335, **PROGRAMME_PERIOD)
    # The Chadian employers (002:748) and the jatropha growers of the communes around the
    # ZAE (002:730).
    tie("ANCHORED_IN", "patronat-tchadien", "tchad", 748, primary=True)
    tie("ACTIVE_IN", "producteurs-jatropha", "konseguela", 730, confidence=INFERRED)


def south_south_exchanges() -> None:
    """South–South exchanges during the programme (002:1368-1370): the document values
    them without naming the organisations, so each side is a generic group of its
    country; the exchanges happened during the programme (``date_precision`` period)."""
    for id, name, country, line, where in [
        ("senegal", "Sénégal", "SN", 1370, (14.5, -14.4)),
        ("liban", "Liban", "LB", 1370, (33.9, 35.9)),
        ("cote-d-ivoire", "Côte d'Ivoire", "CI", 1368, (7.5, -5.5)),
    ]:
        territory(id, name, "national", country, line, coordinates=where)
    # "des échanges Sud-Sud se sont formalisés entre les partenaires de l'opération
    # pilote (Égypte, Maroc, Tunisie), mais aussi avec d'autres acteurs de la société
    # civile au Sénégal et au Liban" (002:1370).
    partners = []
    for country_id, country, adjective in [
        ("egypte", "EG", "égyptiens"),
        ("maroc", "MA", "marocains"),
        ("tunisie", "TN", "tunisiens"),
    ]:
        id = f"partenaires-echangeons-{country_id}"
        actor(
            id,
            f"Partenaires {adjective} de l'opération « Échangeons »",
            "civil_society",
            "association",
            country,
            328,
            kind="generic_group",
            inferred=True,
        )
        tie("ANCHORED_IN", id, country_id, 328, primary=True)
        tie("TAKES_PART_IN", id, "op-batik-echangeons", 328, role="partner", **PROGRAMME_PERIOD)
        partners.append(id)
    for first, second in combinations(partners, 2):
        tie("COOPERATES_WITH", first, second, 1370, kind="south_south", **PROGRAMME_PERIOD)
    for country_id, country, where in [
        ("senegal", "SN", "du Sénégal"),
        ("liban", "LB", "du Liban"),
    ]:
        id = f"societe-civile-{country_id}"
        actor(
            id,
            f"Organisations de la société civile {where}",
            "civil_society",
            "association",
            country,
            1370,
            kind="generic_group",
        )
        tie("ANCHORED_IN", id, country_id, 1370, primary=True)
        for partner in partners:  # which partner met them is not said
            tie(
                "COOPERATES_WITH",
                partner,
                id,
                1370,
                kind="south_south",
                confidence=INFERRED,
                **PROGRAMME_PERIOD,
            )
    # Chad: the FIP platform's autonomy "sera envisagé après un voyage d'échanges en Côte
    # d'Ivoire qui permettra de découvrir l'expérience ivoirienne de plateforme de services
    # publics" (002:1368); the platform's public members are ONAPE, FONAP, FONAJ (002:712).
    actor(
        "plateforme-services-publics-ci",
        "Plateforme ivoirienne de services publics",
        "public",
        "agence_publique",
        "CI",
        1368,
        kind="generic_group",
        inferred=True,
    )
    tie("ANCHORED_IN", "plateforme-services-publics-ci", "cote-d-ivoire", 1368, primary=True)
    for member in ("onape", "fonap", "fonaj"):
        tie(
            "COOPERATES_WITH",
            member,
            "plateforme-services-publics-ci",
            1368,
            kind="peer_exchange",
            confidence=INFERRED,
            **PROGRAMME_PERIOD,
        )


def round_table() -> None:
    """Seed 000: the CFSI round table "Coopérer autrement en acteurs du changement:
    le pluri-acteurs pour le développement des territoires" and the examples it gives.
    Its speakers are named by the document with their public roles."""
    global current_seed
    current_seed = ROUND_TABLE
    actor(
        "le-rameau",
        "Le Rameau",
        "academic",
        "centre_de_recherche",
        "FR",
        61,
        aliases=["Le RAMEAU"],
        inferred=True,
    )
    actor(
        "france-clusters",
        "France Clusters",
        "market",
        "organisation_professionnelle",
        "FR",
        79,
        inferred=True,
    )
    actor(
        "pays-de-savoie-solidaires",
        "Pays de Savoie Solidaires",
        "multi",
        "plateforme",
        "FR",
        97,
        also_framework={"type": "platform", "level": "departmental"},
    )
    actor("conseil-general-savoie", "Conseil général de Savoie", "public", "departement", "FR", 97)
    actor(
        "ycid",
        "Yvelines Coopération Internationale et Développement",
        "public",
        "etablissement_public",
        "FR",
        101,
        aliases=["YCID"],
    )
    actor("fondation-de-france", "Fondation de France", "philanthropy", "fondation", "FR", 89)
    territory("savoie", "Savoie", "departmental", "FR", 97)
    territory("yvelines", "Yvelines", "departmental", "FR", 101)
    territory("pas-de-calais", "Pas-de-Calais", "departmental", "FR", 89)
    tie("PART_OF", "savoie", "france", 97)
    tie("PART_OF", "yvelines", "france", 101)
    tie("PART_OF", "pas-de-calais", "hauts-de-france", 89)
    tie("ANCHORED_IN", "pays-de-savoie-solidaires", "savoie", 97, primary=True)
    tie("ANCHORED_IN", "conseil-general-savoie", "savoie", 97, primary=True)
    tie("ANCHORED_IN", "ycid", "yvelines", 103, primary=True)
    tie("COVERS", "pays-de-savoie-solidaires", "savoie", 97)
    tie("FUNDS", "conseil-general-savoie", "pays-de-savoie-solidaires", 97, valid_from="1988-01-01")
    operation(
        "dynamiques-territoriales",
        "Dynamiques territoriales",
        89,
        type="programme",
        description="Programme de la Fondation de France : plus de 60 micro-initiatives "
        "citoyennes dans le Pas-de-Calais.",
    )
    tie("TAKES_PART_IN", "fondation-de-france", "dynamiques-territoriales", 89, role="lead")
    tie("TAKES_PLACE_IN", "dynamiques-territoriales", "pas-de-calais", 89)
    framework(
        "table-ronde-cfsi-territoires",
        "Table ronde « Le pluri-acteurs pour le développement des territoires »",
        5,
        aliases=["Coopérer autrement en acteurs du changement"],
        type="round_table",
        level="national",
    )
    tie("PARTICIPATES_IN", "cfsi", "table-ronde-cfsi-territoires", 51, role="facilitator")
    for id, name, title, employer, line in [
        (
            "jean-max-sery",
            "Jean-Max Séry",
            "président de la commission développement économique des entreprises",
            "ycid",
            41,
        ),
        ("laure-vicard", "Laure Vicard", "directrice de mission", "le-rameau", 43),
        ("xavier-roy", "Xavier Roy", "directeur général", "france-clusters", 45),
        (
            "yannick-billard",
            "Yannick Billard",
            "chargé de mission",
            "pays-de-savoie-solidaires",
            47,
        ),
        ("pierre-demerle", "Pierre Demerlé", "président", "ca-g44", 49),
    ]:
        _node(["Person"], line, id=id, name=name, title=title)
        tie("WORKS_IN", id, employer, line, role=title)
        tie(
            "PARTICIPATES_IN",
            id,
            "table-ronde-cfsi-territoires",
            line,
            role="facilitator" if id == "pierre-demerle" else "member",
        )


def rameau_alliances() -> None:
    """Seed 003: the Silver Geek territorial alliance (Le RAMEAU's MOOC)."""
    global current_seed
    current_seed = RAMEAU_MOOC
    territory("poitou-charentes", "Poitou-Charentes", "regional", "FR", 9)
    tie("PART_OF", "poitou-charentes", "france", 9)
    operation(
        "silver-geek",
        "Silver Geek",
        9,
        type="alliance",
        description="Lien intergénérationnel entre jeunes et seniors au travers du numérique.",
    )
    issue("lien-intergenerationnel-numerique", "Lien intergénérationnel par le numérique", 9)
    tie("ADDRESSES", "silver-geek", "lien-intergenerationnel-numerique", 9)
    tie("TAKES_PLACE_IN", "silver-geek", "poitou-charentes", 9)
    for id, name, sphere, nature in [
        ("adb-solidatech", "ADB Solidatech", "civil_society", "association"),
        ("unis-cite", "Unis-Cité", "civil_society", "association"),
        ("fondation-macif", "Fondation MACIF", "philanthropy", "fondation"),
        ("orange", "Orange", "market", "grande_entreprise"),
    ]:
        actor(id, name, sphere, nature, "FR", 9, inferred=nature != "fondation")
        tie("TAKES_PART_IN", id, "silver-geek", 9, role="partner")
    tie("INSPIRED_BY", "silver-geek", "le-rameau", 5)


#: Départements named by their number in seed 004 (INSEE codes; names are general knowledge).
DEPARTEMENTS = {
    "13": "Bouches-du-Rhône",
    "31": "Haute-Garonne",
    "39": "Jura",
    "44": "Loire-Atlantique",
    "45": "Loiret",
    "51": "Marne",
    "59": "Nord",
    "69": "Rhône",
    "78": "Yvelines",
    "86": "Vienne",
    "93": "Seine-Saint-Denis",
    "94": "Val-de-Marne",
}


def territorial_catalysts() -> None:
    """Seed 004, line 94: inspiring examples of the four functions of a "catalyseur
    territorial" (dialogue territorial, expérimentations collectives, accompagnements,
    gestion d'un lieu), each with its département number; line 96: the
    complementarity of such functions on one territory (Paris Est Marne & Bois, 94)."""
    global current_seed
    current_seed = ODD17_SHEET
    for code, name in DEPARTEMENTS.items():
        id = "yvelines" if code == "78" else f"dep-{code}"
        if id not in _ids:
            line = 95 if code == "94" else 94  # Val-de-Marne is named with Paris Est Marne & Bois
            territory(id, name, "departmental", "FR", line, code=code)
            tie("PART_OF", id, "france", line)
        else:
            _set_code(id, code)
    tie("PART_OF", "dep-86", "poitou-charentes", 94)
    # The départements whose région the dataset holds sit in it (administrative
    # geography, so that a région's scope includes them).
    for code, region in [
        ("44", "pays-de-la-loire"),
        ("59", "hauts-de-france"),
        ("78", "ile-de-france"),
        ("93", "ile-de-france"),
        ("94", "ile-de-france"),
    ]:
        id = "yvelines" if code == "78" else f"dep-{code}"
        tie("PART_OF", id, region, 95 if code == "94" else 94)
    tie("TAKES_PLACE_IN", "silver-geek", "dep-86", 94)
    examples = [
        # id, name, function (framework type or operation), département, sphere/kind
        (
            "labo-partenariats-alsace",
            "Start Up de Territoire / Labo des partenariats d'Alsace",
            "dialogue",
            None,
        ),
        (
            "dat-break-poverty",
            "Dotation d'Action Territoriale (DAT) de la F. Break Poverty",
            "dialogue",
            None,
        ),
        ("odd-ct-comite-21", "Démarche ODD&CT du Comité 21", "dialogue", None),
        ("impact-jeunes", "Programme Impact Jeunes", "experimentation", "13"),
        ("microville-112", "MicroVille 112", "experimentation", "51"),
        ("ptce-les-mureaux", "PTCE Les Mureaux", "experimentation", "78"),
        (
            "ateliers-entrepreneuriat-humaniste",
            "Ateliers de l'Entrepreneuriat Humaniste",
            "experimentation",
            "69",
        ),
        ("ronalpia", "Ronalpia", "support", "69"),
        ("villes-au-carre", "Villes au Carré", "support", "45"),
        ("fondation-du-nord", "Fondation du Nord", "support", "59"),
        ("plateforme-rse-nantes-metropole", "Plateforme RSE Nantes Métropole", "support", "44"),
        ("emergence", "Emergence", "support", "39"),
        ("infolab-crij", "InfoLab du CRIJ", "place", "45"),
        ("cent-sept", "Cent Sept", "place", "69"),
        ("point-carre", "Point Carré", "place", "93"),
        ("le-catalyseur", "Le Catalyseur", "place", "31"),
        ("maison-associations-pays-aix", "Maison des associations Pays d'Aix", "place", "13"),
    ]
    for id, name, function, code in examples:
        place = None if code is None else ("yvelines" if code == "78" else f"dep-{code}")
        if function == "experimentation":
            operation(id, name, 94, type="alliance")
            if place:
                tie("TAKES_PLACE_IN", id, place, 94)
        elif function == "dialogue":
            framework(id, name, 94, type="consultation_framework", initiator="mixed")
        else:
            # Support structures and places: actors whose sphere the sheet does not give.
            sphere = "philanthropy" if name.startswith("Fondation") else "multi"
            nature = "fondation" if sphere == "philanthropy" else "plateforme_multi_acteurs"
            actor(id, name, sphere, nature, "FR", 94, inferred=True)
            if place:
                tie("ACTIVE_IN", id, place, 94)
    territory("paris-est-marne-et-bois", "Paris Est Marne & Bois", "intercommunal", "FR", 95)
    tie("PART_OF", "paris-est-marne-et-bois", "dep-94", 95)
    for id, name, function in [
        ("agir-ensemble-charenton", "Agir Ensemble à Charenton", "dialogue"),
        ("vitawin", "Vitawin", "experimentation"),
        ("club-gravelle-entreprendre", "Club Gravelle Entreprendre", "support"),
    ]:
        if function == "dialogue":
            framework(id, name, 96, type="consultation_framework", level="local")
            tie("COVERS", id, "paris-est-marne-et-bois", 96)
        elif function == "experimentation":
            operation(id, name, 96, type="alliance")
            tie("TAKES_PLACE_IN", id, "paris-est-marne-et-bois", 96)
        else:
            actor(id, name, "market", "organisation_professionnelle", "FR", 96, inferred=True)
            tie("ACTIVE_IN", id, "paris-est-marne-et-bois", 96)


def co_construction_note() -> None:
    """Seed 001: Le RAMEAU's note "La co-construction en territoire" (January 2015):
    the LH Forum workshop of 26 September 2014 and the territorial examples it
    gives (Alsace, Île-de-France, Vaucluse, Le Havre, Ardèche, Charenton-Saint-Maurice,
    Poitou-Charentes).  The workshop's speakers are named with their roles; only
    their organisations are recorded (their taking part is what the network needs,
    and persons are kept to the fewest).  A partner the note does not name (the
    "chantier d'insertion local" of 357, the artists' associations of 461) is left out."""
    global current_seed
    current_seed = CO_CONSTRUCTION_NOTE
    # --- territories --------------------------------------------------------------------
    for id, name, level, code, parent, line in [
        ("vaucluse", "Vaucluse", "departmental", "84", "france", 302),
        ("le-havre", "Le Havre", "local", None, "france", 456),
        ("alsace", "Alsace", "regional", None, "france", 698),
        ("ardeche", "Ardèche", "departmental", "07", "france", 776),
        ("deux-sevres", "Deux-Sèvres", "departmental", "79", "poitou-charentes", 762),
        (
            "charenton-saint-maurice",
            "Charenton-Saint-Maurice",
            "intercommunal",
            None,
            "dep-94",
            809,
        ),
    ]:
        territory(id, name, level, "FR", line, code=code)
        tie("PART_OF", id, parent, line)
    # --- the LH Forum workshop and its speakers' organisations (228-252) ------------------
    for id, name, sphere, nature, line, inferred, aliases in [
        ("fonda", "La Fonda", "civil_society", "association", 238, True, ["FONDA"]),
        (
            "prefecture-vaucluse",
            "Préfecture de Vaucluse",
            "public",
            "service_deconcentre_etat",
            238,
            False,
            [],
        ),
        (
            "planet-adam-le-havre",
            "PlaNet Adam Le Havre",
            "civil_society",
            "association",
            239,
            True,
            ["PlaNet Adam"],
        ),
        ("ville-du-havre", "Ville du Havre", "public", "commune", 240, False, []),
        ("diocese-du-havre", "Diocèse du Havre", "civil_society", None, 334, True, []),
        (
            "centre-francais-des-fondations",
            "Centre Français des Fondations",
            "philanthropy",
            "reseau_associatif",
            242,
            True,
            ["CFF"],
        ),
        ("interreface", "InTERREface", "market", None, 498, False, []),
        (
            "cjd-estuaire-le-havre",
            "CJD Estuaire Le Havre",
            "market",
            "organisation_professionnelle",
            243,
            True,
            [],
        ),
        ("celavar", "CELAVAR", "civil_society", "reseau_associatif", 271, False, []),
        (
            "le-mouvement-associatif",
            "Le Mouvement Associatif",
            "civil_society",
            "reseau_associatif",
            244,
            True,
            [],
        ),
        (
            "cci-le-havre",
            "Chambre de Commerce et d'Industrie du Havre",
            "market",
            "chambre_consulaire",
            245,
            False,
            ["CCI du Havre"],
        ),
        ("coordin-actions", "Coordin'Actions", "civil_society", "association", 625, False, []),
        ("caisse-des-depots", "Caisse des Dépôts", "public", "etablissement_public", 247, True, []),
        ("alsace-active", "Alsace Active", "civil_society", "association", 700, False, []),
        ("opus-3", "Opus 3", "market", None, 528, False, ["OPUS 3"]),
        ("medef", "MEDEF", "market", "organisation_professionnelle", 250, True, []),
        (
            "innovation-societale-conseil",
            "Innovation Sociétale Conseil",
            "market",
            None,
            251,
            True,
            [],
        ),
        ("la-poste", "La Poste", "market", "grande_entreprise", 402, True, []),
    ]:
        actor(id, name, sphere, nature, "FR", line, aliases=aliases, inferred=inferred)
    framework(
        "atelier-lh-forum-2014",
        "Atelier « Co-construction en territoire » du LH Forum 2014",
        232,
        aliases=["Enjeux et pratiques de co-construction en territoire"],
        type="working_group",
        level="national",
        description="Atelier du LH Forum, Le Havre, le 26 septembre 2014.",
    )
    workshop_day = {"valid_from": "2014-09-26", "valid_to": "2014-09-26"}  # 232
    tie(
        "PARTICIPATES_IN",
        "le-rameau",
        "atelier-lh-forum-2014",
        228,
        role="facilitator",
        **workshop_day,
    )
    for id, line in [
        ("fonda", 238), ("prefecture-vaucluse", 238), ("planet-adam-le-havre", 239),
        ("ville-du-havre", 240), ("diocese-du-havre", 241),
        ("centre-francais-des-fondations", 242), ("interreface", 243),
        ("cjd-estuaire-le-havre", 243), ("celavar", 244), ("le-mouvement-associatif", 244),
        ("cci-le-havre", 245), ("coordin-actions", 246), ("caisse-des-depots", 247),
        ("alsace-active", 349), ("opus-3", 249), ("medef", 250),
        ("innovation-societale-conseil", 251), ("la-poste", 252),
    ]:  # fmt: skip
        tie("PARTICIPATES_IN", id, "atelier-lh-forum-2014", line, role="member", **workshop_day)
    for id, place, line in [
        ("prefecture-vaucluse", "vaucluse", 238), ("planet-adam-le-havre", "le-havre", 570),
        ("ville-du-havre", "le-havre", 461), ("diocese-du-havre", "le-havre", 334),
        ("cjd-estuaire-le-havre", "le-havre", 243), ("cci-le-havre", "le-havre", 245),
        ("coordin-actions", "ile-de-france", 633), ("alsace-active", "alsace", 351),
    ]:  # fmt: skip
        tie("ANCHORED_IN", id, place, line, primary=True)
    tie("COOPERATES_WITH", "medef", "le-rameau", 296, kind="partnership")
    tie("COOPERATES_WITH", "interreface", "france-volontaires", 510, kind="partnership")
    actor(
        "france-volontaires",
        "France Volontaires",
        "civil_society",
        "association",
        "FR",
        510,
        inferred=True,
    )
    # --- Alsace: the Labo régional des partenariats, carried by Alsace Active (351, 690-740)
    tie("PARTICIPATES_IN", "alsace-active", "labo-partenariats-alsace", 700, role="facilitator")
    tie("COVERS", "labo-partenariats-alsace", "alsace", 698)
    actor(
        "lyonnaise-des-eaux",
        "La Lyonnaise des Eaux",
        "market",
        "grande_entreprise",
        "FR",
        357,
        inferred=True,
    )
    # --- Vaucluse: "Vaucluse 2014", the prefecture's territorial foresight (304-318, 417-428)
    framework(
        "vaucluse-2014",
        "Vaucluse 2014",
        417,
        type="working_group",
        level="departmental",
        initiator="public",
        description="Prospective territoriale en deux temps : la société civile, puis les "
        "politiques et l'administration.",
    )
    tie("PARTICIPATES_IN", "prefecture-vaucluse", "vaucluse-2014", 415, role="facilitator")
    tie("COVERS", "vaucluse-2014", "vaucluse", 417)
    actor("universite-avignon", "Université d'Avignon", "academic", "universite", "FR", 315)
    actor("terralia", "Terralia", "multi", "plateforme_multi_acteurs", "FR", 314, inferred=True)
    tie("ANCHORED_IN", "universite-avignon", "vaucluse", 315, primary=True)
    tie("ACTIVE_IN", "terralia", "vaucluse", 314)
    # --- Le Havre (456-512, 568-576)
    operation(
        "rehabilitation-fort-de-tourneville",
        "Réhabilitation du fort de Tourneville (le Tetris)",
        461,
        description="Un ancien fort militaire devenu pôle de création et de diffusion "
        "artistique, co-construit par la ville et des associations artistiques.",
    )
    tie("TAKES_PART_IN", "ville-du-havre", "rehabilitation-fort-de-tourneville", 461, role="lead")
    tie("TAKES_PLACE_IN", "rehabilitation-fort-de-tourneville", "le-havre", 461)
    actor(
        "ecole-management-normandie",
        "École de Management de Normandie",
        "academic",
        "ecole",
        "FR",
        574,
        aliases=["EMN"],
    )
    operation("cordees-entrepreneuriat", "Les cordées de l'entrepreneuriat", 574)
    tie("TAKES_PART_IN", "planet-adam-le-havre", "cordees-entrepreneuriat", 574, role="lead")
    tie(
        "TAKES_PART_IN",
        "ecole-management-normandie",
        "cordees-entrepreneuriat",
        574,
        role="partner",
    )
    tie("TAKES_PLACE_IN", "cordees-entrepreneuriat", "le-havre", 574)
    actor("gdf-suez", "GDF SUEZ", "market", "grande_entreprise", "FR", 560, inferred=True)
    operation("isigaz", "ISIGAZ", 560, type="programme")
    tie("TAKES_PART_IN", "gdf-suez", "isigaz", 560, role="lead")
    # --- Ardèche: the FLDA and the Conseil général (766-801)
    actor(
        "flda",
        "Fondation de la Caisse d'Épargne Loire-Drôme-Ardèche",
        "philanthropy",
        "fondation",
        "FR",
        770,
        aliases=["FLDA"],
    )
    actor(
        "fondation-caisses-epargne-solidarite",
        "Fondation Caisses d'Épargne pour la solidarité",
        "philanthropy",
        "fondation",
        "FR",
        782,
    )
    actor(
        "cg-ardeche",
        "Conseil général de l'Ardèche",
        "public",
        "departement",
        "FR",
        786,
        aliases=["CG de l'Ardèche"],
    )
    tie("MEMBER_OF", "flda", "fondation-caisses-epargne-solidarite", 782, valid_from="2003-01-01")
    tie("ACTIVE_IN", "flda", "ardeche", 776)
    tie("ANCHORED_IN", "cg-ardeche", "ardeche", 786, primary=True)
    tie("COOPERATES_WITH", "flda", "cg-ardeche", 786, kind="partnership", valid_from="2010-01-01")
    tie("INSPIRED_BY", "cg-ardeche", "flda", 790)
    issue(
        "autonomie-personnes-dependantes",
        "Autonomie et maintien à domicile des personnes dépendantes",
        774,
    )
    operation(
        "maintien-a-domicile-ardeche",
        "Projet-programme de maintien à domicile en Ardèche",
        790,
        type="programme",
    )
    tie("TAKES_PART_IN", "flda", "maintien-a-domicile-ardeche", 790, role="lead")
    # "Depuis 2010, elle soutient également un « projet-programme » en partenariat avec
    # le CG de l'Ardèche" (001:786): the council's part starts later than the project.
    tie(
        "TAKES_PART_IN",
        "cg-ardeche",
        "maintien-a-domicile-ardeche",
        786,
        role="partner",
        valid_from="2010-01-01",
    )
    tie("TAKES_PLACE_IN", "maintien-a-domicile-ardeche", "ardeche", 790)
    tie("ADDRESSES", "maintien-a-domicile-ardeche", "autonomie-personnes-dependantes", 774)
    # --- Agir ensemble à Charenton-Saint-Maurice (803-844)
    actor(
        "cc-charenton-saint-maurice",
        "Communauté de communes de Charenton-Saint-Maurice",
        "public",
        "intercommunalite",
        "FR",
        821,
    )
    tie("ANCHORED_IN", "cc-charenton-saint-maurice", "charenton-saint-maurice", 809, primary=True)
    tie(
        "PARTICIPATES_IN",
        "cc-charenton-saint-maurice",
        "agir-ensemble-charenton",
        825,
        role="facilitator",
    )
    tie("COVERS", "agir-ensemble-charenton", "charenton-saint-maurice", 825)
    for id, name, sphere, nature in [
        ("credit-foncier", "Crédit Foncier", "market", "grande_entreprise"),
        ("essilor", "Essilor", "market", "grande_entreprise"),
        ("natixis", "Natixis", "market", "grande_entreprise"),
        ("le-petit-plus", "Le Petit Plus", "civil_society", "association"),
        ("tremplin", "Tremplin", "civil_society", "association"),
        ("academie-de-boxes", "Académie de Boxes", "civil_society", "association"),
    ]:
        actor(id, name, sphere, nature, "FR", 809, inferred=sphere == "market")
        tie("PARTICIPATES_IN", id, "agir-ensemble-charenton", 809, role="member")
    tie(
        "PARTICIPATES_IN",
        "club-gravelle-entreprendre",
        "agir-ensemble-charenton",
        809,
        role="member",
    )
    operation(
        "plan-agir-ensemble-charenton",
        "Plan d'actions « Agir ensemble à Charenton – Saint Maurice »",
        809,
        type="alliance",
        description="Sept actions partenariales : handicap, insertion des jeunes, "
        "lutte contre la précarité.",
    )
    tie("FRAMES", "agir-ensemble-charenton", "plan-agir-ensemble-charenton", 809)
    tie("TAKES_PLACE_IN", "plan-agir-ensemble-charenton", "charenton-saint-maurice", 809)
    for id, name, line in [
        ("handicap", "Handicap", 837),
        ("insertion-des-jeunes", "Insertion des jeunes", 838),
        ("lutte-contre-la-precarite", "Lutte contre la précarité", 839),
    ]:
        issue(id, name, line)
        tie("ADDRESSES", "plan-agir-ensemble-charenton", id, line)
    # --- SilverGeek, as the note tells it (846-895); seed 003 gave its first partners
    framework(
        "dialoguer-agir-ensemble-poitou-charentes",
        "Dialoguer et Agir ensemble pour plus de solidarité",
        870,
        type="working_group",
        level="regional",
        formality="informal",
    )
    tie("COVERS", "dialoguer-agir-ensemble-poitou-charentes", "poitou-charentes", 870)
    tie(
        "PARTICIPATES_IN",
        "la-poste",
        "dialoguer-agir-ensemble-poitou-charentes",
        870,
        role="member",
        valid_from="2013-01-01",  # the group met in 2013
    )
    tie("FRAMES", "dialoguer-agir-ensemble-poitou-charentes", "silver-geek", 870)
    tie("TAKES_PART_IN", "la-poste", "silver-geek", 878, role="partner")
    for id, name, sphere, nature in [
        ("macif", "Macif", "social_economy", "mutuelle"),
        (
            "passerelles-et-competences",
            "Passerelles et Compétences",
            "civil_society",
            "association",
        ),
        ("futuroland", "Futuroland", "civil_society", "association"),
        ("csc-des-3-cites", "Centre socio culturel des 3 cités", "civil_society", "association"),
        ("solidrnet", "Solid'Rnet", "civil_society", "association"),
        ("spn", "SPN", "civil_society", "association"),
        ("uriopss", "Uriopss", "civil_society", "reseau_associatif"),
        ("cg-deux-sevres", "Conseil Général des Deux-Sèvres", "public", "departement"),
    ]:
        actor(id, name, sphere, nature, "FR", 878, inferred=id in ("macif", "uriopss"))
        tie("TAKES_PART_IN", id, "silver-geek", 878, role="partner")
    tie("ANCHORED_IN", "cg-deux-sevres", "deux-sevres", 878, primary=True)
    # --- who carries Le RAMEAU's research with it (607, 901-903)
    framework(
        "groupe-prospectif-inter-regional",
        "Groupe de réflexion prospective inter-régional sur la co-construction en territoire",
        607,
        type="working_group",
        level="national",
    )
    tie("PARTICIPATES_IN", "le-rameau", "groupe-prospectif-inter-regional", 607, role="chair")
    actor(
        "association-des-regions-de-france",
        "Association des Régions de France",
        "public",
        None,
        "FR",
        607,
        aliases=["ARF"],
        inferred=True,
    )
    for id in ("association-des-regions-de-france", "caisse-des-depots"):
        tie("PARTICIPATES_IN", id, "groupe-prospectif-inter-regional", 607, role="member")
    actor(
        "ministere-vie-associative",
        "Ministère en charge de la Vie Associative",
        "public",
        "ministere",
        "FR",
        901,
    )
    for id in (
        "association-des-regions-de-france",
        "caisse-des-depots",
        "ministere-vie-associative",
        "le-mouvement-associatif",
    ):
        tie("COOPERATES_WITH", "le-rameau", id, 901, kind="partnership")
    actor(
        "fondation-bettencourt-schueller",
        "Fondation Bettencourt Schueller",
        "philanthropy",
        "fondation",
        "FR",
        903,
    )
    tie("FUNDS", "fondation-bettencourt-schueller", "le-rameau", 903)


#: Ties that say where, not when: a territory inside another, an operation's or a
#: framework's place, an issue addressed, and where an actor is based.  The documents
#: never date them and they hold at every date the dataset covers.
TIMELESS = {"ANCHORED_IN", "TAKES_PLACE_IN", "COVERS", "ADDRESSES", "CONTRIBUTES_TO"}

#: The date each document attests what it reports without dating it, and its line.
#: Seed 002 describes the programme's members and partners as the programme found
#: them (2014, 002:216); the round table's document was published in 2018 (000:191);
#: Le RAMEAU's note is dated 8 January 2015 (001:9); the ODD 17 sheet reports the
#: mission of 16 October 2019 (004:3).  The MOOC (003) is not dated: its ties are
#: dated through the operation they belong to.
DOCUMENT_DATES = {
    SEED: ("2014-01-01", "002:216"),
    ROUND_TABLE: ("2018-01-01", "000:191"),
    CO_CONSTRUCTION_NOTE: ("2015-01-08", "001:9"),
    ODD17_SHEET: ("2019-10-16", "004:3"),
}

#: Frameworks and operations whose start a document gives, with its precision and line:
#: participations, framings and nestings under them start then.
STARTS = {
    "agir-ensemble-charenton": ("2011-01-01", "year", "001:809"),  # "depuis 2011"
    "plan-agir-ensemble-charenton": ("2011-01-01", "year", "001:809"),
    "labo-partenariats-alsace": ("2012-01-01", "year", "001:351"),  # "créé en 2012"
    "dialoguer-agir-ensemble-poitou-charentes": ("2013-01-01", "year", "001:870"),
    "silver-geek": ("2013-01-01", "year", "001:870"),  # proposed by the 2013 group
    "maintien-a-domicile-ardeche": ("2004-01-01", "year", "001:790"),  # 2004 diagnosis
    "vaucluse-2014": ("2014-01-01", "year", "001:417"),
    "cadre-concertation-zae": ("2015-10-01", "month", "002:730"),
    "copil-fip": ("2016-07-01", "month", "002:712"),
}


def date_what_the_documents_imply() -> None:
    """Give every tie that is not timeless the dates its documents give or imply.

    A tie the builder dated is kept as it is.  Otherwise, in this order: a tie to an
    operation or framework whose start a document gives (``STARTS``) starts then; a tie
    inside a pilot operation (to the operation, or to a framework that frames it)
    takes the operation's period; a tie touching a planned framework stays undated
    (it has not begun when the document is written); anything else is attested from
    the date of its document (``DOCUMENT_DATES``), perhaps older, which the
    ``attested`` precision says.  ``date_source_ref`` names the line of the date.
    """
    by_id = {node["properties"]["id"]: node for node in nodes}
    period_of = {
        id: (props["start_date"], props.get("end_date"), props["source_ref"])
        for id, node in by_id.items()
        if (props := node["properties"]).get("start_date") and "Operation" in node["labels"]
    }
    framed_by = {
        rel["from"]: rel["to"]
        for rel in relationships
        if rel["type"] == "FRAMES" and rel["to"] in period_of and rel["to"] != "caac"
    }
    planned = {id for id, node in by_id.items() if node["properties"].get("formality") == "planned"}

    def is_territory(id: str) -> bool:
        return "Territory" in by_id[id]["labels"]

    for rel in relationships:
        props = rel["properties"]
        ends = (rel["from"], rel["to"])
        if props.get("valid_from") or props.get("valid_to") or rel["type"] in TIMELESS:
            continue
        if rel["type"] == "PART_OF" and is_territory(rel["to"]):
            continue
        if planned & set(ends):
            continue
        start = next((STARTS[end] for end in reversed(ends) if end in STARTS), None)
        operation = next(
            (
                end if end in period_of else framed_by.get(end)
                for end in reversed(ends)
                if end in period_of or end in framed_by
            ),
            None,
        )
        if start:
            props.update(valid_from=start[0], date_precision=start[1], date_source_ref=start[2])
        elif operation:
            begins, ends_on, ref = period_of[operation]
            props.update(valid_from=begins, date_precision="period", date_source_ref=ref)
            if ends_on:
                props["valid_to"] = ends_on
        else:
            attested_on, ref = DOCUMENT_DATES[props["source"]]
            props.update(valid_from=attested_on, date_precision="attested", date_source_ref=ref)


def _set_code(id: str, code: str) -> None:
    for node in nodes:
        if node["properties"]["id"] == id:
            node["properties"].setdefault("code", code)


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(nodes)} nodes, {len(relationships)} relationships")
