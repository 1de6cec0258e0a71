"""The bulk path (`maillage import --bulk`): the same checks as every import, then
Neo4j's offline importer into an empty database of a second local server (its own
port and data folder), which ends up holding exactly what a validated import
writes, with Maillage's accounts and keys kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from graph_service.config import Settings
from graph_service.local_neo4j.runtime import LocalNeo4j
from graph_service.repositories.database import Database
from graph_service.services.transfer import ExportFormat, TransferService
from importers.synthetic import write_json
from tests.callers import OPERATOR
from tests.integration.cli import run_cli, second_instance_env

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None or shutil.which("mvn") is None,
    reason="the local server needs Java and Maven",
)


def _contents(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """An export's nodes and relationships by id, recording times left out."""
    document = json.loads(path.read_text())

    def bare(properties: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in properties.items() if k != "recorded_at"}

    nodes = {
        n["properties"]["id"]: (sorted(n["labels"]), bare(n["properties"]))
        for n in document["nodes"]
    }
    ties = {
        r["properties"]["id"]: (r["type"], r["from"], r["to"], bare(r["properties"]))
        for r in document["relationships"]
    }
    return nodes, ties


def test_a_bulk_load_holds_what_a_validated_import_writes(
    tmp_path: Path, clean_database: Database
) -> None:
    env = second_instance_env(tmp_path / "instance")
    data = tmp_path / "synthetic.json"
    write_json(data, 800, seed=3)
    # Two texts over several lines: only their files are read as multiline, and
    # the line breaks come back as written.
    document = json.loads(data.read_text())
    first_actor = next(n for n in document["nodes"] if n["labels"] == ["Actor"])
    first_actor["properties"]["description"] = "Première ligne\nseconde ligne"
    framework = next(n for n in document["nodes"] if n["labels"] == ["DialogueFramework"])
    framework["properties"]["description"] = "Un cadre\r\nsur deux lignes"
    data.write_text(json.dumps(document))
    # The same file through the ordinary import, on the suite's server.
    TransferService(clean_database, OPERATOR).import_file(data)
    ordinary = tmp_path / "ordinary.json"
    TransferService(clean_database, OPERATOR).export_file(ordinary, ExportFormat.JSON)

    settings = Settings(
        MAILLAGE_DATA_DIR=env["MAILLAGE_DATA_DIR"],
        MAILLAGE_NEO4J_BOLT_PORT=int(env["MAILLAGE_NEO4J_BOLT_PORT"]),
    )
    server = LocalNeo4j(settings)
    try:
        assert run_cli(env, "neo4j", "start", timeout=600).returncode == 0
        init = run_cli(env, "db", "init")
        assert init.returncode == 0, init.stdout + init.stderr
        key = next(word for word in init.stdout.split() if word.startswith("mlg_"))

        # A wrong file: nothing prepared, the server never stopped.
        broken = tmp_path / "broken.json"
        document = json.loads(data.read_text())
        document["relationships"][0]["to"] = "nobody"
        broken.write_text(json.dumps(document))
        pid = server.running_pid()
        refused = run_cli(env, "import", "--bulk", str(broken))
        assert refused.returncode != 0
        assert "nobody" in refused.stdout + refused.stderr
        assert server.running_pid() == pid

        loaded = run_cli(env, "import", "--bulk", str(data), timeout=900)
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr
        assert "Chargement rapide terminé" in loaded.stdout
        bulk = tmp_path / "bulk.json"
        exported = run_cli(env, "export", str(bulk))
        assert exported.returncode == 0, exported.stdout + exported.stderr
        assert _contents(bulk) == _contents(ordinary)

        # The accounts came back: the first key still opens the API's door.
        keys = run_cli(env, "key", "list")
        assert keys.returncode == 0 and key.split("_")[1] in keys.stdout
        # A second bulk load into a database that now holds a graph is refused.
        again = run_cli(env, "import", "--bulk", str(data))
        assert again.returncode != 0
        assert "base vide" in again.stdout + again.stderr
    finally:
        server.stop()
