"""A migration's indexes start before its constraints: an index fills in the
background, a constraint holds the caller until its own index is filled, so the
indexes fill while the constraints are checked."""

from __future__ import annotations

from graph_service.repositories.cypher import migrations
from graph_service.repositories.schema import _waits_for_its_index


def test_indexes_and_full_text_indexes_do_not_wait_constraints_and_data_do() -> None:
    assert not _waits_for_its_index(
        "CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)"
    )
    assert not _waits_for_its_index(
        "create fulltext index entity_names for (n:Actor) on each [n.name]"
    )
    assert _waits_for_its_index("CREATE CONSTRAINT entity_id FOR (n:Entity) REQUIRE n.id IS UNIQUE")
    assert _waits_for_its_index("MERGE (s:Entity:SDG {id: 'sdg-1'})")


def test_each_migration_starts_its_indexes_first_and_keeps_the_rest_in_order() -> None:
    for migration in migrations():
        ordered = sorted(migration.statements, key=_waits_for_its_index)
        waits = [_waits_for_its_index(statement) for statement in ordered]
        assert waits == sorted(waits)
        rest = [s for s in migration.statements if _waits_for_its_index(s)]
        assert [s for s in ordered if _waits_for_its_index(s)] == rest
    first = next(m for m in migrations() if m.version == 1)
    assert any(not _waits_for_its_index(s) for s in first.statements)
