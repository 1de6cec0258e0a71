"""Planning the writes of a validated import: tell apart what is new, changed or
unchanged, so that only the first two are written.

Updates add to a node or relationship (``SET +=``): a file never deletes a
property it does not mention.  Importing the same file twice changes nothing.
The plan goes through the staged import a batch at a time and records each
outcome in the store, with what an update replaces (to undo an import written in
several transactions).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import groupby
from queue import Empty, Full, Queue
from typing import Any, TypeVar

from graph_service.domain.enums import NodeLabel
from importers.staging import Staging

_IGNORED = {"recorded_at"}

T = TypeVar("T")

#: {"nodes": {"Actor": {"created": n, "updated": n, "unchanged": n}}, "relationships": {…}}
Summary = dict[str, dict[str, dict[str, int]]]
#: Stored nodes or relationships by id: {id: {"labels"?, "properties"}}.
Stored = Mapping[str, Mapping[str, Any]]


def _same(stored: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    return all(stored.get(key) == value for key, value in new.items() if key not in _IGNORED)


def _outcome(stored: Mapping[str, Any] | None, properties: Mapping[str, Any], fits: bool) -> str:
    """created, unchanged (every value the file gives is stored already) or updated."""
    if stored is None:
        return "created"
    return "unchanged" if fits and _same(stored["properties"], properties) else "updated"


def plan(staging: Staging, stored_nodes: Callable[[list[str]], Stored], batch_size: int) -> Summary:
    """Compare the staged import with what is stored, ``batch_size`` ids at a time
    (``stored_nodes`` reads nodes from the database; validation staged what the
    database holds under each relationship id); returns the counts.

    Only what the database already holds is compared row by row, in Python; the
    rest is new, and marked and counted in the staging store in one statement
    each.  Into an empty database (a first import, a bulk load) that is every
    row: recording each outcome one by one took a sixth of a bulk load's checks."""
    for batch in staging.valid_nodes(batch_size):
        stored = stored_nodes([id for id, _ in batch])
        if not stored:
            continue
        given = staging.node_properties(stored)
        outcomes = []
        for id, labels in batch:
            found = stored.get(id)
            if found is None:
                continue
            fits = set(labels) <= set(found["labels"])
            outcome = _outcome(found, given.get(id, {}), fits)
            if outcome == "updated":
                staging.remember_previous("node", id, dict(found["properties"]), found["labels"])
            outcomes.append((outcome, id))
        staging.set_outcomes("node", outcomes)
    for rel_batch in staging.stored_relationships(batch_size):
        outcomes = []
        for id, properties, stored_properties in rel_batch:
            outcome = _outcome({"properties": stored_properties}, properties, fits=True)
            if outcome == "updated":
                staging.remember_previous("relationship", id, stored_properties)
            outcomes.append((outcome, id))
        staging.set_outcomes("relationship", outcomes)
    staging.mark_the_rest_created()
    return {
        "nodes": staging.outcome_counts("node"),
        "relationships": staging.outcome_counts("relationship"),
    }


def stamped(properties: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """(the properties a write sets, the recording date the file gave or None).
    The dict is freshly unpickled and changed in place: cheaper than a copy on
    every row of a large import."""
    recorded_at = properties.pop("recorded_at", None)
    return properties, recorded_at


def node_writes(
    staging: Staging, size: int
) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]:
    """The nodes to write, ``size`` at a time, as (labels, rows for ``merge_nodes``)."""
    for batch in staging.changed_nodes(size):
        for labels, group in groupby(sorted(batch, key=lambda row: row[1]), key=lambda row: row[1]):
            yield (
                labels,
                [
                    {
                        "id": id,
                        "properties": written,
                        "recorded_at": recorded_at,
                        # SDGs are seeded by the schema, not recorded by anyone.
                        "stamp": NodeLabel.SDG.value not in labels,
                        "created": created,
                    }
                    for id, _, properties, created in group
                    for written, recorded_at in [stamped(properties)]
                ],
            )


def relationship_writes(staging: Staging, size: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """The relationships to write, as (type, rows for ``merge_relationships``)."""
    for batch in staging.changed_relationships(size):
        for rel_type, group in groupby(
            sorted(batch, key=lambda row: row[1]), key=lambda row: row[1]
        ):
            yield (
                rel_type,
                [
                    {
                        "id": id,
                        "from_id": from_id,
                        "to_id": to_id,
                        "properties": written,
                        "recorded_at": recorded_at,
                        "created": created,
                    }
                    for id, _, from_id, to_id, properties, created in group
                    for written, recorded_at in [stamped(properties)]
                ],
            )


@dataclass(frozen=True)
class _Failed:
    error: BaseException


_DONE = object()


@contextmanager
def read_ahead(items: Iterator[T]) -> Iterator[Iterator[T]]:
    """``items``, produced one ahead by a thread of their own: the next batch is read
    from the store and shaped while the database writes the current one (the
    writer waits on its socket, the reader on SQLite, neither on the other).  On
    leaving, the reader is stopped and joined, so that the store is again the
    caller's alone (to undo a failed import, say)."""
    ready: Queue[object] = Queue(maxsize=1)
    stop = threading.Event()

    def hand_over(item: object) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not hand_over(item):
                    return
            hand_over(_DONE)
        except BaseException as exc:  # handed to the consumer, raised there
            hand_over(_Failed(exc))

    def consume() -> Iterator[T]:
        while (item := ready.get()) is not _DONE:
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]

    reader = threading.Thread(target=produce, name="import-read-ahead", daemon=True)
    reader.start()
    try:
        yield consume()
    finally:
        stop.set()
        with suppress(Empty):
            ready.get_nowait()
        reader.join()
