"""Named Cypher queries, loaded from the ``graph_service/cypher/`` folder ("SQL is code").

One query per file, with a header saying its purpose, parameters and result.
Values always travel as ``$parameters``.  A few files are templates: a label or
relationship type cannot be a parameter in a pattern, so ``__LABEL__``,
``__TYPE__``, ``__PLACEMENT__``, ``__LABELS__`` and ``__ALL_TYPES__`` are filled here, and only
from the :class:`NodeLabel` / :class:`RelationshipType` allow-lists.  A path's length
cannot be a parameter either: ``__DEPTH__`` takes a small integer, and
``__ACTORS__`` one of the fixed ways of choosing actors in :data:`ACTOR_SELECTIONS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import LiteralString

from graph_service.domain.enums import NodeLabel, RelationshipType

#: Package data (``graph_service/cypher``): found the same way in a checkout and in an
#: installed wheel.
CYPHER_DIR = Path(str(files("graph_service").joinpath("cypher")))
MIGRATIONS_DIR = CYPHER_DIR / "migrations"
_PLACEHOLDER = re.compile(r"__[A-Z_]+__")
MAX_DEPTH = 3


class ActorSelection(StrEnum):
    """How a projection query chooses its actors before its scope filters."""

    #: Every actor: the scope filters alone decide (a label scan).
    SCOPE = "scope"
    #: The actors of ``$ids`` only (one index seek per id): local analyses.
    IDS = "ids"
    #: Those placed in ``$territory``'s subtree, found from the territory (a
    #: département of a national graph is read without scanning the nation).
    TERRITORY = "territory"
    #: Those taking part in ``$operation`` or its sub-operations, found from it.
    OPERATION = "operation"


ACTOR_SELECTIONS: dict[ActorSelection, str] = {
    ActorSelection.SCOPE: "MATCH (a:Actor)",
    ActorSelection.IDS: "UNWIND $ids AS wanted MATCH (a:Actor {id: wanted})",
    # The same placement and participation rules as the scope filters of
    # projection_actors, walked from the territory or operation instead of from
    # every actor; the caller then leaves that filter out ($territory or
    # $operation null) and names the scope in $scope_territory / $scope_operation.
    ActorSelection.TERRITORY: (
        "MATCH placement = (:Territory {id: $scope_territory})<-[:PART_OF*0..]-(:Territory)"
        "<-[:ANCHORED_IN|ACTIVE_IN]-(a:Actor) "
        "WHERE all(r IN relationships(placement) WHERE "
        "($to IS NULL OR r.valid_from IS NULL OR r.valid_from <= $to) "
        "AND ($from IS NULL OR r.valid_to IS NULL OR r.valid_to >= $from)) "
        "WITH DISTINCT a"
    ),
    ActorSelection.OPERATION: (
        "MATCH (:Operation {id: $scope_operation})<-[:PART_OF*0..]-(:Operation)"
        "<-[part:TAKES_PART_IN]-(a:Actor) "
        "WHERE ($to IS NULL OR part.valid_from IS NULL OR part.valid_from <= $to) "
        "AND ($from IS NULL OR part.valid_to IS NULL OR part.valid_to >= $from) "
        "WITH DISTINCT a"
    ),
}


@cache
def _source(name: str) -> str:
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no Cypher query named {name!r} in {CYPHER_DIR}")
    return path.read_text(encoding="utf-8")


def query(
    name: str,
    *,
    label: NodeLabel | None = None,
    rel_type: RelationshipType | None = None,
    placement: Iterable[RelationshipType] = (),
    labels: Iterable[NodeLabel] = (),
    depth: int | None = None,
    actors: ActorSelection | None = None,
) -> LiteralString:
    """The text of query ``name`` (e.g. ``"nodes/get"``), its template slots filled.

    >>> "MATCH (n:Actor {id: $id})" in query("nodes/get", label=NodeLabel.ACTOR)
    True
    """
    # The depth is checked here, before the cache: True would be taken for 1 there.
    return _filled(name, label, rel_type, tuple(placement), tuple(labels), _depth(depth), actors)


@lru_cache(maxsize=1024)
def _filled(
    name: str,
    label: NodeLabel | None,
    rel_type: RelationshipType | None,
    placement: tuple[RelationshipType, ...],
    labels: tuple[NodeLabel, ...],
    depth: str | None,
    actors: ActorSelection | None,
) -> LiteralString:
    """The text of a query, filled once per combination of slots: every request
    asks for one, and filling it walks the enums (a few percent of a busy API
    worker's time)."""
    text = _source(name)
    slots = {
        "__LABEL__": NodeLabel(label).value if label is not None else None,
        "__TYPE__": RelationshipType(rel_type).value if rel_type is not None else None,
        "__PLACEMENT__": "|".join(RelationshipType(t).value for t in placement) or None,
        "__ALL_TYPES__": "|".join(t.value for t in RelationshipType),
        "__LABELS__": ":".join(NodeLabel(label).value for label in labels) or None,
        "__DEPTH__": depth,
        "__ACTORS__": ACTOR_SELECTIONS[ActorSelection(actors)] if actors is not None else None,
    }
    for slot, value in slots.items():
        if slot in text:
            if value is None:
                raise ValueError(f"query {name!r} needs a value for {slot}")
            text = text.replace(slot, value)
    leftover = _PLACEHOLDER.search(text)
    if leftover:
        raise ValueError(f"query {name!r} has an unknown slot {leftover.group()}")
    # The text comes from our own files, with slots from enum allow-lists only.
    return text


def _depth(depth: int | None) -> str | None:
    if depth is None:
        return None
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= MAX_DEPTH:
        raise ValueError(f"a path depth is an integer from 1 to {MAX_DEPTH}, not {depth!r}")
    return str(depth)


def query_names() -> list[str]:
    """Names of every query file (migrations excluded: they are scripts)."""
    return sorted(
        str(path.relative_to(CYPHER_DIR).with_suffix(""))
        for path in CYPHER_DIR.rglob("*.cypher")
        if MIGRATIONS_DIR not in path.parents
    )


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[LiteralString, ...]


def migrations() -> list[Migration]:
    """Schema migrations, in version order: ``NNNN_name.cypher``, statements split on ';'."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.cypher")):
        version, _, name = path.stem.partition("_")
        body = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("//")
        )
        statements = tuple(statement.strip() for statement in body.split(";") if statement.strip())
        found.append(Migration(int(version), name, statements))
    return found
