"""The CAAC reference dataset: it imports, says what the seed document says, with
provenance, and its brokers make sense against the document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph_service.cli.transfer import shipped_dataset
from graph_service.repositories.database import Database
from graph_service.services.transfer import TransferService
from importers.validation import fold
from tests.callers import OPERATOR

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture
def caac(client: TestClient, clean_database: Database) -> Database:
    report = TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    assert report.changes > 300
    assert (
        TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac")).changes == 0
    )
    return clean_database


def _rows(database: Database, text: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = database.driver.execute_query(text, parameters)  # type: ignore[arg-type]
    return [record.data() for record in records]


def test_the_programme_and_its_nine_pilot_operations(caac: Database) -> None:
    operations = _rows(
        caac,
        "MATCH (o:Operation)-[:PART_OF]->(:Operation {id: 'caac'}) "
        "MATCH (lead:Actor)-[:TAKES_PART_IN {role: 'lead'}]->(o) "
        "RETURN o.id AS op, lead.id AS lead ORDER BY op",
    )
    assert len(operations) == 9
    assert {row["lead"] for row in operations} == {
        "batik",
        "cap-solidarites",
        "ca-g44",
        "cgt",
        "essor",
        "geres",
        "grdr",
        "gret",
        "spf",
    }
    funders = _rows(
        caac, "MATCH (f:Actor)-[:FUNDS]->(:Operation {id: 'caac'}) RETURN f.id AS id ORDER BY id"
    )
    assert [row["id"] for row in funders] == ["afd", "fondation-abbe-pierre"]
    members = _rows(
        caac, "MATCH (:Actor)-[m:MEMBER_OF]->(:Actor {id: 'cfsi'}) RETURN count(m) AS n"
    )
    assert members[0]["n"] == 23  # the members named in footnote 3 (002:326)


def test_facts_stated_in_the_document(caac: Database) -> None:
    historical = _rows(
        caac,
        "MATCH (:Actor {id: 'cgt'})-[r:COOPERATES_WITH]->(:Actor {id: 'cgt-vietnam'}) "
        "RETURN r.kind AS kind, toString(r.valid_from) AS since, r.source_ref AS ref",
    )
    assert historical == [{"kind": "historical", "since": "1946-01-01", "ref": "002:652"}]
    double_space = _rows(
        caac,
        "MATCH (:Territory {id: 'hauts-de-france'})-[l:LINKED_TO]->"
        "(:Territory {id: 'region-de-kayes'}) RETURN l.kind AS kind",
    )
    assert double_space == [{"kind": "double_space"}]
    succession = _rows(
        caac,
        "MATCH (:DialogueFramework {id: 'comite-operationnel-zae'})-[s:SUCCEEDED_BY]->"
        "(next) RETURN next.id AS next, s.source_ref AS ref",
    )
    assert succession == [{"next": "comite-gestion-zae", "ref": "002:728"}]
    chairs = _rows(
        caac,
        "MATCH (a:Actor)-[:PARTICIPATES_IN {role: 'rotating_chair'}]->"
        "(:DialogueFramework {id: 'copil-fip'}) RETURN a.id AS id ORDER BY id",
    )
    assert [row["id"] for row in chairs] == ["fonaj", "fonap", "onape"]
    power = _rows(
        caac,
        "MATCH (:Actor {id: 'cgt'})-[r:OPPOSES]->(:Actor {id: 'multinationales-banane'}) "
        "RETURN r.kind AS kind",
    )
    assert power == [{"kind": "power_relation"}]
    platforms = _rows(caac, "MATCH (n:Actor:DialogueFramework) RETURN n.id AS id ORDER BY id")
    assert [row["id"] for row in platforms] == ["cfsi", "emdk", "pays-de-savoie-solidaires"]


def test_the_pilot_operations_frameworks_have_their_levels(caac: Database) -> None:
    """002:706 (GRET–CGT: national, international and the operation's committee),
    002:1261 and 1524 (banana: plantations, national commission, world forum)."""
    unlevelled = _rows(
        caac,
        "MATCH (f:DialogueFramework)-[:FRAMES]->(:Operation) WHERE f.level IS NULL "
        "RETURN f.id AS id",
    )
    assert unlevelled == []

    def levels(operation: str) -> list[str]:
        rows = _rows(
            caac,
            "MATCH (f:DialogueFramework)-[:FRAMES]->(:Operation {id: $op}) "
            "RETURN DISTINCT f.level AS level ORDER BY level",
            op=operation,
        )
        return [row["level"] for row in rows]

    assert levels("op-gret-droit-vietnam") == ["international", "national"]
    assert levels("op-cgt-banane") == ["international", "local", "national"]


def test_members_are_placed_where_the_documents_place_them(caac: Database) -> None:
    """002:984 (Cap Solidarités, Hauts-de-France), 002:1079-1081 (ECHOPPE in Anjou,
    active in Togo, Benin and the Central African Republic since 1990), 002:1111
    (UNIVERS-SEL, Guérande)."""
    homes = _rows(
        caac,
        "MATCH (a:Actor)-[:ANCHORED_IN]->(t:Territory)-[:PART_OF*0..]->(r:Territory) "
        "WHERE a.id IN ['cap-solidarites', 'echoppe', 'univers-sel'] AND r.level = 'regional' "
        "RETURN a.id AS actor, r.id AS region ORDER BY actor",
    )
    assert homes == [
        {"actor": "cap-solidarites", "region": "hauts-de-france"},
        {"actor": "echoppe", "region": "pays-de-la-loire"},
        {"actor": "univers-sel", "region": "pays-de-la-loire"},
    ]
    since = _rows(
        caac,
        "MATCH (:Actor {id: 'echoppe'})-[r:ACTIVE_IN]->(t:Territory) "
        "RETURN t.country AS country, toString(r.valid_from) AS since ORDER BY country",
    )
    assert since == [{"country": c, "since": "1990-01-01"} for c in ("BJ", "CF", "TG")]
    # GERES in Konséguéla since 2008 (002:608), UNMFREO in Kindia since April 2014
    # (002:586), the Chadian employers in Chad (002:748).
    placed = _rows(
        caac,
        "MATCH (a:Actor)-[r:ACTIVE_IN|ANCHORED_IN]->(t:Territory) "
        "WHERE a.id IN ['geres', 'unmfreo', 'patronat-tchadien'] "
        "RETURN a.id AS actor, t.id AS place, toString(r.valid_from) AS since ORDER BY actor",
    )
    assert placed == [
        {"actor": "geres", "place": "konseguela", "since": "2008-01-01"},
        {"actor": "patronat-tchadien", "place": "tchad", "since": None},
        {"actor": "unmfreo", "place": "kindia", "since": "2014-04-01"},
    ]


def test_south_south_exchanges_and_dated_ties(caac: Database) -> None:
    """002:1368-1370: Batik's partners in Egypt, Morocco and Tunisia exchanged with
    each other and with civil society in Senegal and Lebanon; the FIP's public
    members visited Côte d'Ivoire's platform.  Every dated tie says how precise."""
    south = _rows(
        caac,
        "MATCH (a:Actor)-[r:COOPERATES_WITH {kind: 'south_south'}]->(b:Actor) "
        "RETURN a.country + '-' + b.country AS pair, r.source_ref AS ref ORDER BY pair",
    )
    pairs = [row["pair"] for row in south]
    assert {"EG-MA", "EG-TN", "MA-TN", "EG-SN", "TN-LB"} <= set(pairs) and len(pairs) == 9
    assert {row["ref"] for row in south} == {"002:1370"}
    visits = _rows(
        caac,
        "MATCH (a:Actor)-[r:COOPERATES_WITH]->(:Actor {id: 'plateforme-services-publics-ci'}) "
        "RETURN a.id AS id, r.kind AS kind ORDER BY id",
    )
    assert visits == [{"id": i, "kind": "peer_exchange"} for i in ("fonaj", "fonap", "onape")]
    undated = _rows(
        caac,
        "MATCH ()-[r]->() WHERE r.valid_from IS NOT NULL AND r.date_precision IS NULL "
        "RETURN count(r) AS n",
    )
    assert undated == [{"n": 0}]
    club_med = _rows(
        caac,
        "MATCH (:Actor {id: 'agrisud'})-[r:COOPERATES_WITH]->(:Actor {id: 'club-med'}) "
        "RETURN toString(r.valid_from) AS since, r.date_precision AS precision",
    )
    assert club_med == [{"since": "2008-01-01", "precision": "year"}]


def test_every_tie_is_dated_as_its_documents_date_it(caac: Database) -> None:
    """Only ties that say where (a place inside another, where an actor is based, what
    a framework covers) and ties of a framework not yet set up stay undated; the
    others carry the dates their documents give or imply, and say where the date
    comes from when it is not the tie's own line."""
    undated = _rows(
        caac,
        "MATCH (a)-[r]->(b) WHERE r.valid_from IS NULL AND r.valid_to IS NULL "
        "AND NOT type(r) IN ['ANCHORED_IN', 'TAKES_PLACE_IN', 'COVERS', 'ADDRESSES', "
        "'CONTRIBUTES_TO'] AND NOT (type(r) = 'PART_OF' AND b:Territory) "
        "RETURN type(r) AS type, a.id AS from, b.id AS to ORDER BY type, from",
    )
    # 002:728: the management committee will replace the operational one once the
    # ZAE is handed to the town; the document does not date it.
    assert undated == [
        {"type": "FRAMES", "from": "comite-gestion-zae", "to": "op-geres-zae"},
        {"type": "PARTICIPATES_IN", "from": "commune-konseguela", "to": "comite-gestion-zae"},
        {"type": "SUCCEEDED_BY", "from": "comite-operationnel-zae", "to": "comite-gestion-zae"},
    ]
    unexplained = _rows(
        caac,
        "MATCH ()-[r]->() WHERE r.date_precision = 'attested' AND r.date_source_ref IS NULL "
        "RETURN r.id AS id",
    )
    assert unexplained == []
    # Ties from before the programme are dated before it (002:652, 002:608, 002:1079).
    before = _rows(
        caac,
        "MATCH (a:Actor)-[r]->(b) WHERE r.valid_from < date('2014-01-01') "
        "AND r.source_ref STARTS WITH '002:' RETURN DISTINCT a.id AS id ORDER BY id",
    )
    assert {"cgt", "geres", "echoppe"} <= {row["id"] for row in before}
    # CFSI membership is attested from the programme, perhaps older.
    members = _rows(
        caac,
        "MATCH (:Actor)-[r:MEMBER_OF]->(:Actor {id: 'cfsi'}) "
        "RETURN r.date_precision AS precision, toString(r.valid_from) AS since, count(*) AS n",
    )
    assert members == [{"precision": "attested", "since": "2014-01-01", "n": 23}]


def test_a_changed_relationship_keeps_both_states(caac: Database) -> None:
    """002:868 and 002:712: ESSOR, long the lead of the FIP platform, stepped back
    when the platform was restructured in July 2016 (its national members took the
    chair in turn), and the employers joined after the public members' blockade
    (002:748, 002:998); 002:728: the ZAE's operational committee is followed by a
    management committee."""
    essor = _rows(
        caac,
        "MATCH (:Actor {id: 'essor'})-[r:PARTICIPATES_IN]->(:DialogueFramework "
        "{id: 'plateforme-fip'}) RETURN r.role AS role, toString(r.valid_from) AS since, "
        "toString(r.valid_to) AS until, r.date_source_ref AS ref ORDER BY until",
    )
    assert essor == [
        {"role": "chair", "since": None, "until": "2016-06-30", "ref": "002:712"},
        {"role": "facilitator", "since": "2016-07-01", "until": "2018-12-31", "ref": "002:712"},
    ]
    chairs = _rows(
        caac,
        "MATCH (a:Actor)-[r:PARTICIPATES_IN {role: 'rotating_chair'}]->(:DialogueFramework "
        "{id: 'copil-fip'}) RETURN toString(r.valid_from) AS since, count(a) AS n",
    )
    assert chairs == [{"since": "2016-07-01", "n": 3}]
    employers = _rows(
        caac,
        "MATCH (:Actor {id: 'patronat-tchadien'})-[r:PARTICIPATES_IN]->(:DialogueFramework "
        "{id: 'plateforme-fip'}) RETURN toString(r.valid_from) AS since",
    )
    assert employers == [{"since": "2016-07-01"}]
    # At a date before the restructuring ESSOR leads the platform; after it, it does not.
    for day, roles in (("2015-06-01", ["chair"]), ("2017-06-01", ["facilitator"])):
        at = _rows(
            caac,
            "MATCH (:Actor {id: 'essor'})-[r:PARTICIPATES_IN]->(:DialogueFramework "
            "{id: 'plateforme-fip'}) WHERE (r.valid_from IS NULL OR r.valid_from <= date($day)) "
            "AND (r.valid_to IS NULL OR r.valid_to >= date($day)) RETURN r.role AS role",
            day=day,
        )
        assert [row["role"] for row in at] == roles


def test_the_territorial_examples_of_le_rameaus_co_construction_note(caac: Database) -> None:
    """Seed 001: the LH Forum workshop and the examples of Part 3."""
    workshop = _rows(
        caac,
        "MATCH (a:Actor)-[p:PARTICIPATES_IN]->(w:DialogueFramework {id: 'atelier-lh-forum-2014'}) "
        "RETURN toString(p.valid_from) AS day, p.role AS role, count(a) AS n ORDER BY role",
    )
    assert workshop == [
        {"day": "2014-09-26", "role": "facilitator", "n": 1},  # Le RAMEAU
        {"day": "2014-09-26", "role": "member", "n": 18},  # the organisations of 238-252
    ]
    ardeche = _rows(
        caac,
        "MATCH (:Actor {id: 'flda'})-[r:COOPERATES_WITH]->(:Actor {id: 'cg-ardeche'}) "
        "RETURN toString(r.valid_from) AS since, r.source_ref AS ref",
    )
    assert ardeche == [{"since": "2010-01-01", "ref": "001:786"}]
    charenton = _rows(
        caac,
        "MATCH (f:DialogueFramework {id: 'agir-ensemble-charenton'})-[:FRAMES]->(plan:Operation)"
        "-[:ADDRESSES]->(i:Issue) MATCH (f)-[:COVERS]->(t:Territory)-[:PART_OF]->(d:Territory) "
        "RETURN collect(DISTINCT i.id) AS issues, collect(DISTINCT d.id) AS dep",
    )
    assert sorted(charenton[0]["issues"]) == [
        "handicap",
        "insertion-des-jeunes",
        "lutte-contre-la-precarite",
    ]
    assert charenton[0]["dep"] == ["dep-94"]
    silver_geek = _rows(
        caac,
        "MATCH (a:Actor)-[:TAKES_PART_IN]->(:Operation {id: 'silver-geek'}) RETURN a.id AS id",
    )
    assert {"la-poste", "orange", "unis-cite", "cg-deux-sevres"} <= {r["id"] for r in silver_geek}


def test_every_fact_has_its_provenance_and_its_line_says_it(caac: Database) -> None:
    missing = _rows(
        caac,
        "MATCH (n:Entity) WHERE NOT n:SDG AND (n.source IS NULL OR n.source_ref IS NULL) "
        "RETURN count(n) AS n",
    )
    assert missing[0]["n"] == 0
    rels = _rows(
        caac, "MATCH ()-[r]->() WHERE r.source IS NULL OR r.source_ref IS NULL RETURN count(r) AS n"
    )
    assert rels[0]["n"] == 0
    if not SEEDS.is_dir():
        pytest.skip("the seed documents are not beside this checkout")
    document = json.loads(shipped_dataset("caac").read_text())
    lines = {
        name: (SEEDS / name).read_text(encoding="utf-8").splitlines()
        for name in document["scope"]["sources"]
    }
    for node in document["nodes"]:
        ref = node["properties"]["source_ref"]
        line = lines[node["properties"]["source"]][int(ref.split(":")[1]) - 1].lower()
        # The name, one alias or the id's main word appears on the line cited.
        spellings = [node["properties"]["name"], *node["properties"].get("aliases", [])]
        keys = (
            [s.lower() for s in spellings]
            + [f"{node['properties'].get('code')})"]
            + [w for w in node["properties"]["id"].split("-") if len(w) > 2]
        )
        assert any(key in line for key in keys), (node["properties"]["id"], ref)
    spellings_of = {
        node["properties"]["id"]: [
            node["properties"]["id"].replace("-", " "),
            *(w for w in node["properties"]["id"].split("-") if len(w) > 3),
            *(
                fold(s)
                for s in [node["properties"]["name"], *node["properties"].get("aliases", [])]
            ),
            *([f"{node['properties']['code']})"] if "code" in node["properties"] else []),
        ]
        for node in document["nodes"]
    }
    for rel in document["relationships"]:
        source, ref = rel["properties"]["source"], rel["properties"]["source_ref"]
        assert ref.startswith(source[:3] + ":"), (rel["properties"]["id"], source, ref)
        number = int(ref.split(":")[1])
        # One end is named on the line cited or next to it (a list item under its heading).
        around = fold(" ".join(lines[source][max(0, number - 3) : number + 2]))
        keys = spellings_of.get(rel["from"], []) + spellings_of.get(rel["to"], [])
        assert any(key in around for key in keys), (rel["properties"]["id"], ref)


def test_the_only_persons_are_the_round_tables_named_speakers(caac: Database) -> None:
    persons = _rows(
        caac,
        "MATCH (p:Person)-[:WORKS_IN]->(a:Actor) "
        "RETURN p.source_ref AS ref, a.id AS employer ORDER BY ref",
    )
    assert [row["ref"] for row in persons] == ["000:41", "000:43", "000:45", "000:47", "000:49"]
    assert {row["employer"] for row in persons} >= {"le-rameau", "ca-g44"}


def test_brokers_of_caac_make_sense(caac: Database, client: TestClient) -> None:
    report = client.get("/api/v1/analyses/brokers", params={"top": 5}).json()
    top = [row["id"] for row in report["results"]]
    # The CFSI platform links its members; the GRDR "facilite la connexion entre les
    # différents niveaux d'acteurs" (002:716); the CGT mediates with the VGCL (002:652).
    assert top[0] == "cfsi"
    assert {"grdr", "cgt"} <= set(top[:3])
    silos = client.get("/api/v1/analyses/silos", params={"permutations": 100}).json()
    assert silos["summary"]["actors"] > 60
    levels = client.get("/api/v1/analyses/levels", params={"operation": "op-geres-zae"}).json()
    assert levels["succession"] == [["comite-operationnel-zae", "comite-gestion-zae"]]
    double = client.get(
        "/api/v1/analyses/double-space",
        params={"link": "linked-to-hauts-de-france-region-de-kayes"},
    ).json()
    assert double["holders"][0]["id"] == "grdr"


#: What each seed document must keep in the reference dataset: at least this many
#: facts (nodes, relationships) citing it, and these named examples (id and name).
FACTS_PER_SEED = {
    "000": (
        16,
        21,
        {
            "le-rameau": "Le Rameau",
            "pays-de-savoie-solidaires": "Pays de Savoie Solidaires",
            "ycid": "Yvelines Coopération Internationale et Développement",
            "dynamiques-territoriales": "Dynamiques territoriales",
        },
    ),
    "001": (64, 92, {"flda": None, "cg-ardeche": None, "agir-ensemble-charenton": None}),
    "002": (139, 299, {"caac": None, "grdr": None, "cfsi": None}),
    "003": (
        7,
        8,
        {"silver-geek": "Silver Geek", "unis-cite": "Unis-Cité", "poitou-charentes": None},
    ),
    "004": (
        32,
        36,
        {"ronalpia": "Ronalpia", "dep-93": "Seine-Saint-Denis", "vitawin": "Vitawin"},
    ),
}


@pytest.mark.parametrize("seed", sorted(FACTS_PER_SEED))
def test_each_seed_keeps_its_facts(caac: Database, seed: str) -> None:
    """The dataset cannot shrink silently: per seed document, the facts citing it
    and the named examples it gives."""
    nodes, relationships, examples = FACTS_PER_SEED[seed]
    counted = _rows(
        caac,
        "RETURN COUNT { MATCH (n:Entity) WHERE n.source_ref STARTS WITH $seed } AS nodes, "
        "COUNT { MATCH ()-[r]->() WHERE r.source_ref STARTS WITH $seed } AS relationships",
        seed=seed + ":",
    )[0]
    assert counted["nodes"] >= nodes and counted["relationships"] >= relationships, counted
    found = _rows(
        caac,
        "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name",
        ids=sorted(examples),
    )
    names = {row["id"]: row["name"] for row in found}
    assert set(names) == set(examples)
    for id, name in examples.items():
        if name is not None:
            assert names[id] == name, id
