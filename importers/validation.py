"""Validation of a whole import before anything is written.

Every record is checked against the domain models; relationship ends are
resolved by id, then by name or alias (an ambiguous name is an error that lists
the candidates, never a silent merge); every problem is reported at once, each
with its file, sheet, row, column and value.

What passes goes to the import's :class:`~importers.staging.Staging` store, not
into memory: nodes as they are read, then relationships, resolved a batch at a
time once every node of the file is known.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any, Protocol

from pydantic import BaseModel, TypeAdapter, ValidationError

from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.domain.refusals import field_of_rule, pydantic_message
from graph_service.domain.relationships import ENDPOINTS, RELATIONSHIP_MODELS, RelationshipBase
from graph_service.domain.resources import NODE_RESOURCES
from importers.records import (
    EXTRA_PREFIX,
    ImportProblem,
    Location,
    NodeRecord,
    RecordStream,
    RelationshipRecord,
)
from importers.staging import Staging

NODE_MODELS: dict[str, type[BaseModel]] = {r.label.value: r.create for r in NODE_RESOURCES}
#: Properties the service sets; a file may carry them (our own exports do).
_SERVER_FIELDS = {"recorded_at", "labels", "is_actor"}
_datetime = TypeAdapter(datetime)
#: Problems reported in full; beyond, they are only counted (a file wrong on every
#: one of a million rows would otherwise give a report as large as itself).
MAX_PROBLEMS = 10_000
#: Relationships resolved per round of lookups in the store and the database.
BATCH_SIZE = 5_000
_LABELS = frozenset(label.value for label in NodeLabel)
_TYPES = frozenset(rel_type.value for rel_type in RelationshipType)
#: Each type's model, by its plain name (validating with it directly spares the
#: tagged union's dispatch on every row).
_MODEL_OF_TYPE: dict[str, type[RelationshipBase]] = {
    rel_type.value: model for rel_type, model in RELATIONSHIP_MODELS.items()
}
_ENDPOINTS_OF_TYPE = {rel_type.value: ends for rel_type, ends in ENDPOINTS.items()}


def domain_fields() -> dict[str, set[str]]:
    """The fields each label and relationship type knows (for readers' mapping)."""
    fields = {label: set(model.model_fields) - {"is_actor"} for label, model in NODE_MODELS.items()}
    fields[NodeLabel.SDG.value] = {"id", "number", "name", "name_en"}
    for rel_type, model in RELATIONSHIP_MODELS.items():
        fields[rel_type.value] = set(model.model_fields) - {"type", "from_id", "to_id"}
    return fields


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for matching references.

    >>> fold("  Conseil Régional ")
    'conseil regional'
    """
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@dataclass
class ValidNode:
    labels: tuple[str, ...]
    properties: dict[str, Any]
    location: Location
    #: Properties the row did not give, filled with the model's default: written
    #: when the node is created, never over what the database holds.
    defaulted: frozenset[str] = frozenset()


@dataclass
class ValidRelationship:
    type: str
    from_id: str
    to_id: str
    properties: dict[str, Any]
    location: Location
    defaulted: frozenset[str] = frozenset()  # as for ValidNode


class ProblemLog:
    """The problems of one import: the first :data:`MAX_PROBLEMS` and a count of the rest."""

    def __init__(self) -> None:
        self.kept: list[ImportProblem] = []
        self.more = 0

    def add(self, problem: ImportProblem) -> None:
        if len(self.kept) < MAX_PROBLEMS:
            self.kept.append(problem)
        else:
            self.more += 1

    def extend(self, problems: list[ImportProblem]) -> None:
        for problem in problems:
            self.add(problem)

    def report(self) -> list[ImportProblem]:
        if not self.more:
            return list(self.kept)
        last = self.kept[-1].location
        more = ImportProblem(
            Location(last.file), "import.more_problems", values={"count": self.more}
        )
        return [*self.kept, more]


class Lookup(Protocol):
    """What validation needs to know about the database."""

    def labels_by_id(self, ids: list[str]) -> dict[str, set[str] | None]: ...

    def ids_by_name(self, names: list[str]) -> dict[str, list[tuple[str, str]]]:
        """Folded name -> [(id, name)] of nodes whose name or an alias folds to it."""
        ...

    def part_of_above(self, ids: list[str]) -> list[tuple[str, str]]:
        """Stored PART_OF ties (from id, to id) above these nodes, up to their roots."""
        ...

    def stored_relationships(self, ids: list[str]) -> Mapping[str, Mapping[str, Any]]:
        """Relationship id -> {"type", "from_id", "to_id", "properties"}, for the ids
        that exist (an id must keep its ends; the properties tell what changes)."""
        ...


def _pydantic_problems(exc: ValidationError, where: Location) -> list[ImportProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = [str(p) for p in error["loc"] if not (isinstance(p, str) and p.isupper())]
        column = ".".join(loc) or field_of_rule(error)
        message, values = pydantic_message(error)
        value = error.get("input") if error["type"] != "missing" else None
        problems.append(
            ImportProblem(
                where.at(column),
                message,
                value=None if isinstance(value, dict) else value,
                values=values,
            )
        )
    return problems


def _plain(properties: dict[str, Any]) -> dict[str, Any]:
    """Validated properties with enum members as their plain values: what is staged
    is unpickled two or three times per row and sent to the driver as it is, and a
    member costs an enum lookup each time (a few percent of a large import's time)."""
    for key, value in properties.items():
        if isinstance(value, Enum):
            properties[key] = value._value_  # the attribute itself: .value is a descriptor
        elif isinstance(value, list) and value and isinstance(value[0], Enum):
            properties[key] = [item._value_ for item in value]
    return properties


def _split(properties: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """(domain properties, x_ extras, recorded_at)."""
    domain: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    for key, value in properties.items():  # one pass: it runs on every row
        if value is None:
            continue
        if key.startswith(EXTRA_PREFIX):
            extras[key] = value
        elif key not in _SERVER_FIELDS:
            domain[key] = value
    return domain, extras, properties.get("recorded_at")


def _recorded_at(value: Any, where: Location, problems: list[ImportProblem]) -> datetime | None:
    if value is None:
        return None
    try:
        return _datetime.validate_python(value)
    except ValidationError:
        problems.append(ImportProblem(where.at("recorded_at"), "import.bad_datetime", value=value))
        return None


@cache
def _models_of(
    labels: tuple[str, ...],
) -> tuple[list[tuple[type[BaseModel], frozenset[str]]], frozenset[str]]:
    """The models of a node with these labels, each with its fields, and every field
    they know together (worked out once per combination, not on every row)."""
    models = [(NODE_MODELS[label], frozenset(NODE_MODELS[label].model_fields)) for label in labels]
    known = frozenset().union(*(fields for _, fields in models)) - {"is_actor"}
    return models, known


def _validate_node(record: NodeRecord, problems: list[ImportProblem]) -> ValidNode | None:
    where = record.location
    labels = tuple(sorted(set(record.labels)))
    unknown = [label for label in labels if label not in _LABELS]
    if not labels or unknown:
        problems.append(
            ImportProblem(
                where.at("labels"),
                "import.unknown_label",
                value=", ".join(unknown or labels) or None,
                values={"labels": ", ".join(lbl.value for lbl in NodeLabel)},
            )
        )
        return None
    domain, extras, recorded = _split(record.properties)
    if NodeLabel.SDG.value in labels:
        return _validate_sdg(record, domain, problems)
    models, known = _models_of(labels)
    before = len(problems)
    for name in sorted(domain.keys() - known):
        problems.append(
            ImportProblem(
                where.at(name), "import.unknown_property", value=domain[name], values={"name": name}
            )
        )
    typed: dict[str, Any] = {}
    given: set[str] = set()
    for model, fields in models:
        subset = {k: v for k, v in domain.items() if k in fields}
        try:
            validated = model.model_validate(subset)
        except ValidationError as exc:
            # A field two labels share fails in both models: say it once.
            for problem in _pydantic_problems(exc, where):
                if problem not in problems[before:]:
                    problems.append(problem)
            continue
        typed.update(_plain(validated.model_dump(exclude={"is_actor"}, exclude_none=True)))
        given |= validated.model_fields_set
    if len(problems) > before:
        return None
    stamp = _recorded_at(recorded, where, problems)
    return ValidNode(
        labels,
        {**typed, **extras, **({"recorded_at": stamp} if stamp else {})},
        where,
        _defaulted(typed, given),
    )


def _defaulted(typed: Mapping[str, Any], given: AbstractSet[str]) -> frozenset[str]:
    """The validated properties a row did not give (a row of a spreadsheet without
    an ``aliases`` or a ``kind`` column): re-importing it must not put the
    defaults over what the database holds."""
    return _NOTHING if typed.keys() <= given else frozenset(typed.keys() - given)


_NOTHING: frozenset[str] = frozenset()


def _validate_sdg(
    record: NodeRecord, domain: dict[str, Any], problems: list[ImportProblem]
) -> ValidNode | None:
    number = domain.get("number")
    if not isinstance(number, int) or not 1 <= number <= 17:
        problems.append(ImportProblem(record.location.at("number"), "import.bad_sdg", value=number))
        return None
    return ValidNode(
        (NodeLabel.SDG.value,),
        {
            "id": f"sdg-{number}",
            "number": number,
            **{k: domain[k] for k in ("name", "name_en") if k in domain},
        },
        record.location,
    )


def relationship_id(rel_type: str, from_id: str, to_id: str, properties: Mapping[str, Any]) -> str:
    """A stable id for a relationship a file gives none: the same tie in the same
    file gets the same id on every import (idempotence).

    >>> relationship_id("KNOWS", "a", "b", {}) == relationship_id("KNOWS", "a", "b", {})
    True
    """
    key = "|".join(
        [
            rel_type,
            from_id,
            to_id,
            str(properties.get("valid_from") or ""),
            str(properties.get("kind") or ""),
            str(properties.get("role") or ""),
        ]
    )
    return "r-" + hashlib.sha256(key.encode()).hexdigest()[:20]


def validate(stream: RecordStream, lookup: Lookup, staging: Staging) -> list[ImportProblem]:
    """Check every record and resolve every reference, staging what is valid;
    nothing is written to the database here.  Returns the problems (none: the
    staged import may be written)."""
    problems = ProblemLog()
    waiting: list[RelationshipRecord] = []
    for record in stream.records:
        if isinstance(record, RelationshipRecord):
            waiting.append(record)
            if len(waiting) >= BATCH_SIZE:
                _stage_relationships_between_known_ids(waiting, lookup, staging, problems)
                waiting = []
        else:
            _stage_node(record, staging, problems)
    _stage_relationships_between_known_ids(waiting, lookup, staging, problems)
    staging.index_names()
    _check_identities(staging, lookup, problems)
    for batch in staging.raw_relationships(BATCH_SIZE):
        _stage_relationships(batch, lookup, staging, problems)
    _check_part_of_loops(staging, lookup, problems)
    return problems.report()


def _check_part_of_loops(staging: Staging, lookup: Lookup, problems: ProblemLog) -> None:
    """A PART_OF tie that would make a node its own ancestor, with the file's other
    PART_OF ties and those stored, is an error on its row: a loop makes every
    subtree query walk without end."""
    ties = staging.part_of_ties()
    if not ties:
        return
    ends = sorted({id for source, target, _ in ties for id in (source, target)})
    above: dict[str, set[str]] = {}
    for source, target in lookup.part_of_above(ends):
        above.setdefault(source, set()).add(target)
    for source, target, _ in ties:
        above.setdefault(source, set()).add(target)
    for source, target, where in ties:
        # Is ``source`` reachable from ``target`` going up?  Then the tie closes a loop.
        seen, frontier = {target}, [target]
        while frontier and source not in seen:
            node = frontier.pop()
            for parent in above.get(node, ()):
                if parent not in seen:
                    seen.add(parent)
                    frontier.append(parent)
        if source in seen:
            problems.add(
                ImportProblem(
                    where.at("to"),
                    "error.part_of_loop",
                    value=target,
                    values={"from": source, "to": target},
                )
            )


#: Kinds of node one id may carry together: a platform is both an actor and a
#: dialogue framework (CFSI, EMDK); any other pair is two different things.
_SHARED_KINDS = frozenset({"Actor", "DialogueFramework"})
_KINDS = frozenset(
    {"Actor", "Person", "Territory", "DialogueFramework", "Operation", "Issue", "SDG"}
)


def _check_identities(staging: Staging, lookup: Lookup, problems: ProblemLog) -> None:
    """An id the database holds for another kind of node is an error located on
    the row, never a merge that would turn an actor into a person."""
    for batch in staging.valid_nodes(BATCH_SIZE):
        stored = lookup.labels_by_id([id for id, _ in batch])
        for id, labels in batch:
            found = (stored.get(id) or set()) & _KINDS
            given = set(labels) & _KINDS
            kinds = found | given
            if not found or len(kinds) == 1 or kinds == _SHARED_KINDS:
                continue
            where = staging.node_location(id)
            if where is None:  # pragma: no cover - every staged node has its place
                continue
            problems.add(
                ImportProblem(
                    where.at("id"),
                    "import.other_kind",
                    value=id,
                    values={"stored": ", ".join(sorted(found)), "given": ", ".join(sorted(given))},
                )
            )


def _duplicate(where: Location, id: str, first: Location) -> ImportProblem:
    return ImportProblem(
        where.at("id"), "import.duplicate_id", value=id, values={"first": first.describe()}
    )


def _stage_node(record: NodeRecord, staging: Staging, problems: ProblemLog) -> None:
    raw_id = record.properties.get("id")
    own: list[ImportProblem] = []
    node = _validate_node(record, own)
    if node is not None:
        id: str = node.properties["id"]
        first = staging.add_node(id, node.location, node.labels, node.properties, node.defaulted)
    elif isinstance(raw_id, str):
        # The id of an invalid row is staged too: a second row with it is reported
        # as a duplicate, since both need fixing.
        id, first = raw_id, staging.add_node(raw_id, record.location)
    else:
        first = None
    if first is not None:
        problems.add(_duplicate(record.location, id, first))
        return
    problems.extend(own)
    if node is not None:
        names = [node.properties.get("name"), *node.properties.get("aliases", [])]
        staging.add_names(
            (fold(name), node.properties["id"], name) for name in names if isinstance(name, str)
        )


def _references(rel_record: RelationshipRecord) -> set[str]:
    """What a relationship record names: its ends, its operation, its issues."""
    named = {rel_record.source, rel_record.target}
    named.update(
        str(v)
        for v in [
            rel_record.properties.get("operation"),
            *(rel_record.properties.get("issues") or []),
        ]
        if v
    )
    named.discard("")
    return named


def _stage_relationships_between_known_ids(
    batch: list[RelationshipRecord], lookup: Lookup, staging: Staging, problems: ProblemLog
) -> None:
    """Check now the records of ``batch`` that only name nodes already staged, by
    their ids; keep the others for when every node of the file is known.

    A staged id is what a reference means first, whatever comes later in the
    file, so the answer is the one the later pass would give; but the records
    skip a round trip through the store (a tenth of a large import's checks,
    where a file gives its nodes first and ties them by id)."""
    if not batch:
        return
    references = [_references(r) for r in batch]
    in_file = staging.labels_of(set().union(*references))
    known = []
    for rel_record, named in zip(batch, references, strict=True):
        if named <= in_file.keys():
            known.append(rel_record)
        else:
            staging.add_raw_relationship(rel_record)
    if known:
        _stage_relationships(known, lookup, staging, problems, in_file)


def _stage_relationships(
    batch: list[RelationshipRecord],
    lookup: Lookup,
    staging: Staging,
    problems: ProblemLog,
    known: dict[str, frozenset[str]] | None = None,
) -> None:
    """Resolve and check a batch of relationship records; stage the valid ones.
    ``known``: the staged labels of every node the batch names, when already read."""
    if known is not None:
        in_file, references = known, set()  # every reference is a staged id
    else:
        references = set().union(*(_references(r) for r in batch))
        in_file = staging.labels_of(references)
    unknown_ids = sorted(references - in_file.keys())
    in_database = lookup.labels_by_id(unknown_ids) if unknown_ids else {}
    folded = sorted({fold(ref) for ref in unknown_ids if in_database.get(ref) is None})
    names_in_file = staging.ids_by_name(folded) if folded else {}
    by_name = lookup.ids_by_name(folded) if folded else {}
    candidates = {cid for found in (names_in_file, by_name) for m in found.values() for cid, _ in m}
    in_file.update(staging.labels_of(candidates - in_file.keys()))
    named_ids = sorted(candidates - in_file.keys() - in_database.keys())
    if named_ids:
        in_database.update(lookup.labels_by_id(named_ids))

    def resolve(ref: str, row: Location, column: str) -> tuple[str, frozenset[str]] | None:
        if ref in in_file:
            return ref, in_file[ref]
        if in_database.get(ref) is not None:
            return ref, frozenset(in_database[ref] or ())
        where = row.at(column)  # only a reference that is not an id needs its place
        matches = {
            cid: name for cid, name in names_in_file.get(fold(ref), []) + by_name.get(fold(ref), [])
        }
        if len(matches) == 1:
            ((cid, _),) = matches.items()
            return cid, in_file.get(cid) or frozenset(in_database.get(cid) or ())
        if not matches:
            problems.add(ImportProblem(where, "import.dangling", value=ref, values={"ref": ref}))
        else:
            listed = ", ".join(f"{cid} ({name})" for cid, name in sorted(matches.items()))
            problems.add(
                ImportProblem(
                    where, "import.ambiguous", value=ref, values={"ref": ref, "candidates": listed}
                )
            )
        return None

    valid = [
        rel
        for rel in (_validate_relationship(r, resolve, problems) for r in batch)
        if rel is not None
    ]
    stored = lookup.stored_relationships([r.properties["id"] for r in valid]) if valid else {}
    for rel in valid:
        id = rel.properties["id"]
        found = stored.get(id)
        if found is not None and (found["type"], found["from_id"], found["to_id"]) != (
            rel.type,
            rel.from_id,
            rel.to_id,
        ):
            problems.add(
                ImportProblem(
                    rel.location.at("id"),
                    "import.relationship_id_taken",
                    value=id,
                    values={"type": found["type"], "from": found["from_id"], "to": found["to_id"]},
                )
            )
            continue
        first = staging.add_relationship(
            id,
            rel.location,
            rel.type,
            rel.from_id,
            rel.to_id,
            rel.properties,
            dict(found["properties"]) if found is not None else None,
            rel.defaulted,
        )
        if first is not None:
            problems.add(_duplicate(rel.location, id, first))


@cache
def _ends_allowed(rel_type: str, from_labels: frozenset[str], to_labels: frozenset[str]) -> bool:
    """Whether a relationship of this type may tie nodes with these labels (asked
    for every relationship, about a handful of combinations)."""
    return _ENDPOINTS_OF_TYPE[rel_type].allows(from_labels, to_labels)


def _validate_relationship(
    rel_record: RelationshipRecord,
    resolve: Callable[[str, Location, str], tuple[str, frozenset[str]] | None],
    problems: ProblemLog,
) -> ValidRelationship | None:
    where = rel_record.location
    if rel_record.type not in _TYPES:
        problems.add(
            ImportProblem(
                where.at("type"),
                "import.unknown_type",
                value=rel_record.type or None,
                values={"types": ", ".join(t.value for t in RelationshipType)},
            )
        )
        return None
    source = resolve(rel_record.source, where, "from")
    target = resolve(rel_record.target, where, "to")
    domain, extras, recorded = _split(rel_record.properties)
    if domain.get("operation") and resolve(str(domain["operation"]), where, "operation") is None:
        source = None
    for index, issue in enumerate(domain.get("issues") or []):
        if resolve(str(issue), where, f"issues.{index}") is None:
            source = None
    if source is None or target is None:
        return None
    (from_id, from_labels), (to_id, to_labels) = source, target
    payload = {**domain, "type": rel_record.type, "from_id": from_id, "to_id": to_id}
    try:
        model = _MODEL_OF_TYPE[rel_record.type].model_validate(payload)
    except ValidationError as exc:
        problems.extend(_pydantic_problems(exc, where))
        return None
    if not _ends_allowed(rel_record.type, from_labels, to_labels):
        problems.add(
            ImportProblem(
                where.at("type"),
                "error.wrong_endpoint",
                value=rel_record.type,
                values={
                    "type": rel_record.type,
                    "from_labels": "/".join(sorted(from_labels - {"Entity"})),
                    "to_labels": "/".join(sorted(to_labels - {"Entity"})),
                },
            )
        )
        return None
    properties = _plain(model.properties())
    defaulted = _defaulted(properties, model.model_fields_set)
    properties["id"] = properties.get("id") or relationship_id(
        rel_record.type, from_id, to_id, properties
    )
    own: list[ImportProblem] = []
    stamp = _recorded_at(recorded, where, own)
    if own:
        problems.extend(own)
        return None
    return ValidRelationship(
        rel_record.type,
        from_id,
        to_id,
        {**properties, **extras, **({"recorded_at": stamp} if stamp else {})},
        where,
        defaulted,
    )
