"""Schema migrations, and EXPLAIN of every query file, on a real Neo4j."""

from __future__ import annotations

from typing import LiteralString, cast

import pytest

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.repositories.cypher import ActorSelection, migrations, query, query_names
from graph_service.repositories.database import Database
from graph_service.repositories.schema import apply_migrations, current_version


def test_migrations_are_recorded_and_idempotent(clean_database: Database) -> None:
    latest = max(m.version for m in migrations())
    assert current_version(clean_database) == latest
    version, applied = apply_migrations(clean_database)
    assert (version, applied) == (latest, [])


def test_every_label_has_a_unique_id_constraint(clean_database: Database) -> None:
    records, _, _ = clean_database.driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
        "WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS'] AND properties = ['id'] "
        "RETURN labelsOrTypes[0] AS target",
        database_=clean_database.connection.database,
    )
    targets = {r["target"] for r in records}
    assert {label.value for label in NodeLabel} <= targets
    assert {rel_type.value for rel_type in RelationshipType} <= targets
    assert "Entity" in targets


def test_full_text_index_and_sdgs(clean_database: Database) -> None:
    records, _, _ = clean_database.driver.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state",
        database_=clean_database.connection.database,
    )
    assert {(r["name"], r["state"]) for r in records} == {("entity_names", "ONLINE")}
    records, _, _ = clean_database.driver.execute_query(
        "MATCH (s:SDG) RETURN count(s) AS n, min(s.number) AS lo, max(s.number) AS hi",
        database_=clean_database.connection.database,
    )
    assert (records[0]["n"], records[0]["lo"], records[0]["hi"]) == (17, 1, 17)


def _rendered(name: str) -> LiteralString:
    """The query with every template slot filled by a real value."""
    return query(
        name,
        label=NodeLabel.ACTOR,
        rel_type=RelationshipType.COOPERATES_WITH,
        placement=(RelationshipType.ANCHORED_IN, RelationshipType.ACTIVE_IN),
        labels=(NodeLabel.ACTOR, NodeLabel.DIALOGUE_FRAMEWORK),
        depth=2,
        actors=ActorSelection.IDS,
    )


@pytest.mark.parametrize("name", query_names())
def test_every_query_file_explains(clean_database: Database, name: str) -> None:
    text = _rendered(name)
    with clean_database.driver.session(database=clean_database.connection.database) as session:
        # EXPLAIN plans without running; parameters need not be given.
        session.run(cast(LiteralString, "EXPLAIN " + text)).consume()


@pytest.mark.parametrize("label", list(NodeLabel))
def test_node_templates_explain_for_every_label(clean_database: Database, label: NodeLabel) -> None:
    with clean_database.driver.session(database=clean_database.connection.database) as session:
        for name in ("nodes/create", "nodes/get", "nodes/update", "nodes/delete"):
            session.run(cast(LiteralString, "EXPLAIN " + query(name, label=label))).consume()


@pytest.mark.parametrize("selection", list(ActorSelection))
def test_every_actor_selection_explains(
    clean_database: Database, selection: ActorSelection
) -> None:
    text = query("analyses/projection_actors", actors=selection)
    with clean_database.driver.session(database=clean_database.connection.database) as session:
        session.run(cast(LiteralString, "EXPLAIN " + text)).consume()
