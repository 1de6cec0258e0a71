"""The analysts' read-only Cypher console (``POST /api/v1/query``).

Read-only is enforced by the database: the query runs in a transaction opened in
``READ`` access mode, which Neo4j refuses to write in (``CREATE``, ``MERGE``,
``SET``, ``DELETE``, writing procedures such as ``apoc.create.node``), with a
server-side timeout and a row limit.  Before it runs, its plan (``EXPLAIN``,
which runs nothing) is checked, because some things a read transaction allows
must not be allowed here:

* only plan operators known to read the graph are accepted (``LOAD CSV``,
  ``SHOW TRANSACTIONS``, scans of every node or by internal id are not);
* procedures only from a short allow-list;
* Maillage's own labels (accounts, keys, audit) are never reachable;
* without the ``sensitive`` permission, neither the ``Person`` label nor any
  relationship type that can reach a person may appear, and every expansion
  must name its relationship types — so that no path leads to a person.

What is returned is checked again: nodes under an internal label are dropped,
and for a caller without the permission a person would be a pseudonym.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import neo4j.graph
import neo4j.spatial
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from graph_service.config import Settings
from graph_service.domain.access import Caller, Role
from graph_service.domain.enums import RelationshipType
from graph_service.errors import QueryRefusedError
from graph_service.repositories import console as repo
from graph_service.repositories.database import Database, to_native
from graph_service.services.privacy import PERSON, Privacy

#: Plan operators that only read the graph (Neo4j 5 names, without "@neo4j").
READING_OPERATORS = frozenset(
    (
        "ProduceResults",
        "Projection",
        "Filter",
        "Limit",
        "ExhaustiveLimit",
        "Skip",
        "Sort",
        "PartialSort",
        "Top",
        "PartialTop",
        "Distinct",
        "OrderedDistinct",
        "Aggregation",
        "EagerAggregation",
        "OrderedAggregation",
        "Eager",
        "CacheProperties",
        "Argument",
        "EmptyResult",
        "Unwind",
        "PartitionedUnwind",
        "Optional",
        "Anti",
        "Union",
        "OrderedUnion",
        "CartesianProduct",
        "NodeHashJoin",
        "ValueHashJoin",
        "NodeLeftOuterHashJoin",
        "NodeRightOuterHashJoin",
        "Apply",
        "SemiApply",
        "AntiSemiApply",
        "LetSemiApply",
        "LetAntiSemiApply",
        "SelectOrSemiApply",
        "SelectOrAntiSemiApply",
        "LetSelectOrSemiApply",
        "LetSelectOrAntiSemiApply",
        "RollUpApply",
        "ConditionalApply",
        "AntiConditionalApply",
        "AssertSameNode",
        "AssertSameRelationship",
        "NodeByLabelScan",
        "UnionNodeByLabelsScan",
        "IntersectionNodeByLabelsScan",
        "SubtractionNodeByLabelsScan",
        "PartitionedNodeByLabelScan",
        "NodeIndexSeek",
        "NodeUniqueIndexSeek",
        "NodeIndexSeekByRange",
        "NodeUniqueIndexSeekByRange",
        "NodeIndexScan",
        "NodeIndexContainsScan",
        "NodeIndexEndsWithScan",
        "MultiNodeIndexSeek",
        "DirectedRelationshipTypeScan",
        "UndirectedRelationshipTypeScan",
        "DirectedUnionRelationshipTypesScan",
        "UndirectedUnionRelationshipTypesScan",
        "DirectedRelationshipIndexSeek",
        "UndirectedRelationshipIndexSeek",
        "DirectedRelationshipIndexScan",
        "UndirectedRelationshipIndexScan",
        "DirectedRelationshipIndexContainsScan",
        "UndirectedRelationshipIndexContainsScan",
        "DirectedRelationshipIndexEndsWithScan",
        "UndirectedRelationshipIndexEndsWithScan",
        "DirectedRelationshipIndexSeekByRange",
        "UndirectedRelationshipIndexSeekByRange",
        "Expand(All)",
        "Expand(Into)",
        "OptionalExpand(All)",
        "OptionalExpand(Into)",
        "VarLengthExpand(All)",
        "VarLengthExpand(Into)",
        "VarLengthExpand(Pruning)",
        "BFSPruningVarExpand",
        "Repeat(Trail)",
        "Repeat(Walk)",
        "NullifyMetadata",
        "Trail",
        "ShortestPath",
        "StatefulShortestPath(All)",
        "StatefulShortestPath(Into)",
        "ProjectEndpoints",
        "TriadicSelection",
        "TriadicBuild",
        "TriadicFilter",
        "NodeCountFromCountStore",
        "RelationshipCountFromCountStore",
        "ProcedureCall",
    )
)
#: Procedures an analyst may call: they describe the schema, never the data.
ALLOWED_PROCEDURES = frozenset(
    {"db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization"}
)
#: Relationship types that can have a person at one end (see the domain's ENDPOINTS).
PERSON_TYPES = frozenset(
    t.value
    for t in (
        RelationshipType.WORKS_IN,
        RelationshipType.SUPPORTS,
        RelationshipType.KNOWS,
        RelationshipType.ANCHORED_IN,
        RelationshipType.PARTICIPATES_IN,
    )
)
INTERNAL_LABELS = ("Maillage", "SchemaMigration")

# "n:Actor|Person", "(:Territory)", "r:MEMBER_OF" — a label or type follows a colon
# glued to a variable, a parenthesis or a backtick ("{name: x}" has a space).
_LABEL_EXPRESSION = re.compile(r"(?<=[\w)`(\[]):([\w`|&!%]+)")
_REL_PATTERN = re.compile(r"-\[([^\[\]]*)\]-")
_NAME = re.compile(r"`([^`]+)`|(\w+)")
_PROCEDURE = re.compile(r"^\s*([\w.]+)\s*\(")
_CLAUSE_FIRST = re.compile(r"^\s*(EXPLAIN|PROFILE|CYPHER)\b", re.IGNORECASE)
_USE_CLAUSE = re.compile(r"(?<![.\w`])USE\s+[\w`]", re.IGNORECASE)


class ConsoleRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    query: str = Field(min_length=1, max_length=20_000, description="One Cypher read query.")
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="Values the query names as $parameters."
    )
    limit: int | None = Field(
        default=None, ge=1, description="At most this many rows (bounded by the server's limit)."
    )

    @field_validator("parameters")
    @classmethod
    def _values_neo4j_can_hold(cls, value: dict[str, Any]) -> dict[str, Any]:
        def check(item: Any) -> None:
            if isinstance(item, bool):
                return
            if isinstance(item, int) and not -(2**63) <= item < 2**63:
                raise PydanticCustomError(
                    "integer_too_large", "integers in parameters are 64-bit in Neo4j"
                )
            if isinstance(item, list):
                for element in item:
                    check(element)
            if isinstance(item, dict):
                for element in item.values():
                    check(element)

        check(value)
        return value


def _names(expression: str) -> list[str]:
    return [a or b for a, b in _NAME.findall(expression)]


def _operators(plan: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(operator, details) for every operator of the plan tree."""
    name = str(plan.get("operatorType", "")).split("@")[0]
    details = str((plan.get("args") or {}).get("Details") or "")
    yield name, details
    for child in plan.get("children") or []:
        yield from _operators(child)


def plan_refusal(plan: dict[str, Any], *, sensitive: bool) -> QueryRefusedError | None:
    """Why this plan may not run for a caller (``None`` when it may).  Pure: the
    rules above, on the plan ``EXPLAIN`` gives."""
    for operator, details in _operators(plan):
        if operator not in READING_OPERATORS:
            return QueryRefusedError("console.refused.operator", operator=operator)
        if operator == "ProcedureCall":
            match = _PROCEDURE.match(details)
            procedure = match.group(1) if match else details[:60]
            if procedure not in ALLOWED_PROCEDURES:
                return QueryRefusedError("console.refused.procedure", procedure=procedure)
        names = [n for expression in _LABEL_EXPRESSION.findall(details) for n in _names(expression)]
        for name in names:
            if name.startswith(INTERNAL_LABELS):
                return QueryRefusedError("console.refused.internal", label=name)
            if not sensitive and (name == PERSON or name in PERSON_TYPES):
                return QueryRefusedError("console.refused.sensitive", label=name)
        if sensitive or operator in ("Projection", "ProduceResults", "Filter"):
            continue
        for pattern in _REL_PATTERN.findall(details):
            if ":" not in pattern:
                return QueryRefusedError("console.refused.untyped")
            types = pattern.split(":", 1)[1].split("*")[0]
            if any(c in types for c in "!%&"):
                return QueryRefusedError("console.refused.untyped")
    return None


class ConsoleService:
    def __init__(self, database: Database, caller: Caller, settings: Settings) -> None:
        self.database = database
        self.caller = caller
        self.settings = settings
        self.privacy = Privacy(database, caller)

    def run(self, request: ConsoleRequest) -> dict[str, Any]:
        self.caller.require(Role.ANALYST)
        text = request.query.strip().rstrip(";").strip()
        # Said in the audit trail whatever happens next (the values are not kept).
        self.caller.note(console=text[:4000], parameters=sorted(request.parameters))
        if _CLAUSE_FIRST.match(text) or _USE_CLAUSE.search(text):
            raise QueryRefusedError("console.refused.clause")
        timeout = self.settings.console_timeout_seconds
        query_type, plan = self.database.read_bounded(
            repo.explain, timeout, text, request.parameters
        )
        if query_type not in ("r", None):
            raise QueryRefusedError("console.refused.write")
        refusal = plan_refusal(plan or {}, sensitive=self.caller.sensitive)
        if refusal is not None:
            raise refusal
        limit = min(request.limit or self.settings.console_max_rows, self.settings.console_max_rows)
        keys, raw_rows, more = self.database.read_bounded(
            repo.rows, timeout, text, request.parameters, limit
        )
        graph = _Graph()
        rows = [[graph.value(v) for v in row] for row in raw_rows]
        if graph.persons and self.privacy.hides_persons:  # the plan checks make this unreachable
            raise QueryRefusedError("console.refused.sensitive", label=PERSON)
        self.caller.note(rows=len(rows), truncated=more)
        if graph.persons:
            self.caller.note(sensitive_read="console", persons=len(graph.persons))
        return {
            "columns": keys,
            "rows": rows,
            "truncated": more,
            "limit": limit,
            "graph": {"nodes": list(graph.nodes.values()), "relationships": graph.relationships()},
        }


class _Graph:
    """Nodes and relationships met in the results, for the explorer to draw;
    values turned into JSON."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self._relationships: dict[str, dict[str, Any]] = {}
        self.persons: set[str] = set()

    def relationships(self) -> list[dict[str, Any]]:
        # Only ties whose two ends are drawn.
        return [
            r
            for r in self._relationships.values()
            if r["from"] in self.nodes and r["to"] in self.nodes
        ]

    def _node(self, node: neo4j.graph.Node) -> dict[str, Any] | None:
        labels = sorted(node.labels)
        if any(label.startswith(INTERNAL_LABELS) for label in labels):
            return None
        properties = to_native(dict(node))
        key = str(properties.get("id") or node.element_id)
        if PERSON in labels:
            self.persons.add(key)
        record = {
            "id": key,
            "labels": [label for label in labels if label != "Entity"],
            "name": properties.get("name"),
            "properties": properties,
        }
        self.nodes.setdefault(key, record)
        return record

    def _relationship(self, rel: neo4j.graph.Relationship) -> dict[str, Any]:
        ends = [rel.start_node, rel.end_node]
        drawn = [self._node(end) if end is not None else None for end in ends]
        properties = to_native(dict(rel))
        record = {
            "id": str(properties.get("id") or rel.element_id),
            "type": rel.type,
            "from": drawn[0]["id"] if drawn[0] else None,
            "to": drawn[1]["id"] if drawn[1] else None,
            "properties": properties,
        }
        self._relationships.setdefault(record["id"], record)
        return record

    def value(self, value: Any) -> Any:
        if isinstance(value, neo4j.graph.Node):
            return self._node(value)
        if isinstance(value, neo4j.graph.Relationship):
            return self._relationship(value)
        if isinstance(value, neo4j.graph.Path):
            return {
                "nodes": [self._node(n) for n in value.nodes],
                "relationships": [self._relationship(r) for r in value.relationships],
            }
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, neo4j.spatial.Point):
            return {"srid": value.srid, "coordinates": list(value)}
        native = to_native(value)
        if hasattr(native, "isoformat"):
            return native.isoformat()
        return native
