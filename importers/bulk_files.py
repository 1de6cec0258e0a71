"""The offline importer's files, written in a second process while the import is
still being checked.

A bulk load checks the whole file, then writes the files Neo4j's offline importer
reads (:mod:`importers.formats.admin_csv`).  Done one after the other, on one core,
writing took a third of the national load's preparation while the second core sat
idle.  Here every valid row goes, as it is staged, to a child process that writes
it; the checks go on meanwhile.

The files are *early*: written before the checks end, they are kept only when the
plan then confirms that they hold exactly what it would write, and thrown away
otherwise.  Into an empty database (the only place a bulk load goes) every valid
row is new, so they always are — except for a file that changes one of the
seeded SDGs, which the plan alone can tell: SDG rows never go early, and
:meth:`EarlyFiles.covers` says no when the plan writes one.  A rejected file
stops the child; nothing it wrote is used.
"""

from __future__ import annotations

import multiprocessing
import threading
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from queue import Queue
from types import TracebackType
from typing import Any

from graph_service.domain.enums import NodeLabel
from importers.formats.admin_csv import AdminFiles, AdminWriter, MixedTypesError
from importers.loader import Summary, stamped
from importers.staging import load

#: Rows handed to the child at a time (one pipe message).
BATCH_ROWS = 2_000
#: Messages waiting for the pipe, handed over by a thread of their own: the checks
#: go on while the child catches up with a burst (written to directly, the pipe
#: held a national file's checks 7.6 s of their 100 s), and memory stays bounded
#: by these batches.
WAITING_MESSAGES = 16
_SDG = NodeLabel.SDG.value


def _node_row(id: str, blob: bytes) -> dict[str, Any]:
    properties, recorded_at = stamped(load(blob))
    return {"id": id, "properties": properties, "recorded_at": recorded_at}


def _relationship_row(id: str, from_id: str, to_id: str, blob: bytes) -> dict[str, Any]:
    row = _node_row(id, blob)
    row["from_id"], row["to_id"] = from_id, to_id
    return row


def _write(connection: Connection, folder: str, now: datetime) -> None:
    """The child: write what comes down the pipe until told to finish, then answer
    with the files, or with what went wrong."""
    try:
        with AdminWriter(Path(folder), now) as writer:
            while True:
                message = connection.recv()
                if message[0] == "nodes":
                    _, labels, rows = message
                    writer.nodes(labels, [_node_row(*row) for row in rows])
                elif message[0] == "relationships":
                    _, rel_type, rows = message
                    writer.relationships(rel_type, [_relationship_row(*row) for row in rows])
                else:
                    break
            files = writer.finish()
        connection.send(("done", files))
    except MixedTypesError as exc:
        connection.send(("mixed", exc.group, exc.key, exc.first, exc.second))
    except BaseException as exc:  # the parent reports it; a child has no one else to tell
        connection.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        connection.close()


class EarlyFilesError(RuntimeError):
    """The child writing the files failed (a full disk…)."""


class EarlyFiles:
    """A :class:`~importers.staging.StagingObserver` that hands every valid row to
    a child process writing the importer's files into ``folder``."""

    def __init__(self, folder: Path, now: datetime) -> None:
        # fork where there is one: spawn would import the caller's main module
        # again (and a script without a main guard would load twice).  The child
        # touches nothing it inherits but the pipe, and leaves through os._exit,
        # so the parent's staging store and driver are never closed under it.
        context = (
            multiprocessing.get_context("fork")
            if "fork" in multiprocessing.get_all_start_methods()
            else multiprocessing.get_context("spawn")
        )
        self._connection, theirs = context.Pipe()
        self._child = context.Process(
            target=_write, args=(theirs, str(folder), now), name="maillage-bulk-files"
        )
        self._child.start()
        theirs.close()
        self._outbox: Queue[tuple[Any, ...] | None] = Queue(WAITING_MESSAGES)
        self._sender = threading.Thread(
            target=self._pass_on, name="maillage-bulk-pipe", daemon=True
        )
        self._sender.start()
        self._nodes: dict[tuple[str, ...], list[tuple[str, bytes]]] = {}
        self._ties: dict[str, list[tuple[str, str, str, bytes]]] = {}
        self._broken = False
        self._finished = False
        self.node_count = 0
        self.relationship_count = 0

    def __enter__(self) -> EarlyFiles:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.abandon()

    # -- as a staging observer -------------------------------------------------

    def staged_node(self, id: str, labels: tuple[str, ...], properties: bytes) -> None:
        if _SDG in labels:
            return  # seeded by the schema: only the plan knows whether to write one
        batch = self._nodes.setdefault(labels, [])
        batch.append((id, properties))
        self.node_count += 1
        if len(batch) >= BATCH_ROWS:
            self._send(("nodes", labels, batch))
            self._nodes[labels] = []

    def staged_relationship(
        self, id: str, rel_type: str, from_id: str, to_id: str, properties: bytes
    ) -> None:
        batch = self._ties.setdefault(rel_type, [])
        batch.append((id, from_id, to_id, properties))
        self.relationship_count += 1
        if len(batch) >= BATCH_ROWS:
            self._send(("relationships", rel_type, batch))
            self._ties[rel_type] = []

    def _send(self, message: tuple[Any, ...]) -> None:
        if not self._broken:
            self._outbox.put(message)

    def _pass_on(self) -> None:
        """The sending thread: the pipe's writes release the interpreter, so the
        checks run while a message waits for the child."""
        while (message := self._outbox.get()) is not None:
            if self._broken:
                continue  # drained, so that the checks never wait on a full queue
            try:
                self._connection.send(message)
            except OSError:
                # The child stopped reading (it failed): :meth:`finish` says why.
                self._broken = True

    def _stop_sending(self) -> None:
        self._outbox.put(None)
        self._sender.join()

    # -- the end ---------------------------------------------------------------

    def covers(self, summary: Summary) -> bool:
        """Whether the files hold exactly what the plan writes: every node and
        relationship the plan creates (SDGs apart, which must be unchanged), and
        nothing else."""
        nodes = relationships = 0
        for group, counts in summary["nodes"].items():
            if _SDG in group.split(":"):
                if counts["created"] or counts["updated"]:
                    return False
            elif counts["updated"] or counts["unchanged"]:
                return False
            else:
                nodes += counts["created"]
        for counts in summary["relationships"].values():
            if counts["updated"] or counts["unchanged"]:
                return False
            relationships += counts["created"]
        return (nodes, relationships) == (self.node_count, self.relationship_count)

    def finish(self) -> AdminFiles:
        """Hand over the last rows and wait for the files (raises
        :class:`MixedTypesError` or :class:`EarlyFilesError`)."""
        for labels, node_batch in self._nodes.items():
            if node_batch:
                self._send(("nodes", labels, node_batch))
        for rel_type, tie_batch in self._ties.items():
            if tie_batch:
                self._send(("relationships", rel_type, tie_batch))
        self._nodes, self._ties = {}, {}
        self._send(("end",))
        self._stop_sending()
        try:
            answer = self._connection.recv()
        except EOFError as exc:
            raise EarlyFilesError("the process writing the files died") from exc
        finally:
            self._finished = True
            self._connection.close()
            self._child.join()
        if answer[0] == "mixed":
            raise MixedTypesError(*answer[1:])
        if answer[0] != "done":
            raise EarlyFilesError(answer[1])
        files: AdminFiles = answer[1]
        return files

    def abandon(self) -> None:
        """Stop the child if it still runs (the file was rejected, or the plan
        writes something else): its files are not used."""
        if self._finished:
            return
        self._finished = True
        self._broken = True  # what is still queued is dropped
        # The child first: a send it would never read then fails at once.
        self._child.terminate()
        self._child.join()
        self._stop_sending()
        self._connection.close()
