"""The cypher/ folder: one documented query per file, templates only from allow-lists."""

from __future__ import annotations

import pytest

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.repositories.cypher import CYPHER_DIR, migrations, query, query_names


@pytest.mark.parametrize("name", query_names())
def test_every_query_has_a_header(name: str) -> None:
    text = (CYPHER_DIR / f"{name}.cypher").read_text()
    for heading in ("// Purpose:", "// Parameters:", "// Returns:"):
        assert heading in text, f"{name} lacks {heading}"
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    assert ";" not in code, "one query per file"


def test_slots_are_filled_from_enums_only() -> None:
    text = query("nodes/list", label=NodeLabel.TERRITORY, placement=[RelationshipType.PART_OF])
    assert "__" not in text
    with pytest.raises(ValueError):
        query("nodes/get", label="Actor) DETACH DELETE (n")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a value"):
        query("nodes/get")


def test_relationship_lookup_covers_every_type() -> None:
    text = query("relationships/get")
    assert all(f"{t.value}|" in text or f"|{t.value}" in text for t in RelationshipType)


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [m.version for m in migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert all(m.statements for m in migrations())
