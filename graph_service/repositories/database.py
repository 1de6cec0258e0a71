"""The connection to Neo4j: one driver per process, transactions, and the one
place where driver exceptions become the service's own errors."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Concatenate, LiteralString, ParamSpec, TypeVar, cast

import neo4j
import neo4j.exceptions as neo4j_errors
from neo4j import GraphDatabase, ManagedTransaction
from neo4j.time import Date, DateTime, Duration, Time

from graph_service.errors import (
    ConflictError,
    DatabaseUnavailableError,
    MaillageError,
    QueryRefusedError,
    QueryTimeoutError,
)

logger = logging.getLogger(__name__)

#: Seconds a pooled connection may stay idle before it is checked again.
LIVENESS_CHECK_SECONDS = 10.0
#: First pause before an auto-commit read is tried again; doubled each time, up
#: to the last.
FIRST_RETRY_SECONDS = 0.1
LAST_RETRY_SECONDS = 1.0

P = ParamSpec("P")
R = TypeVar("R")

#: Driver errors that mean "the database cannot be reached or used right now":
#: the request may succeed later, without a restart (the driver reconnects).
UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.ConnectionAcquisitionTimeoutError,
    neo4j_errors.DatabaseUnavailable,
    neo4j_errors.TransientError,
    neo4j_errors.AuthError,
    neo4j_errors.IncompleteCommit,
    neo4j_errors.ConnectionPoolError,
)


def translate_driver_error(exc: Exception) -> MaillageError:
    """The service error for a driver exception (every driver exception maps to one)."""
    if isinstance(exc, MaillageError):
        return exc
    if isinstance(exc, neo4j_errors.ConstraintError):
        return ConflictError("error.constraint.detail")
    code = getattr(exc, "code", None) or ""
    if "TransactionTimedOut" in code:
        # The server stopped a transaction past its limit: nothing was written.
        return QueryTimeoutError(None)
    if isinstance(exc, UNAVAILABLE_ERRORS):
        return DatabaseUnavailableError()
    # Anything else is a bug on our side (a query or a driver misuse): log it
    # in full here, and let the client see a generic 500 without query text.
    logger.error("unexpected Neo4j driver error", exc_info=exc)
    return MaillageError()


def _retryable(cause: BaseException | None) -> bool:
    """Whether what made the database unavailable may pass on a second try
    (the driver's own rule for managed transactions, and dropped sockets)."""
    if isinstance(cause, neo4j_errors.Neo4jError | neo4j_errors.DriverError):
        return cause.is_retryable()
    return isinstance(cause, OSError)


class _StatementRunner:
    """What a unit of work sees of a session in :meth:`Database.read_statement`:
    ``run``, each statement an auto-commit transaction under the same server-side
    time limit as a managed one."""

    def __init__(self, session: neo4j.Session, timeout_seconds: float | None) -> None:
        self._session = session
        self._timeout_seconds = timeout_seconds

    def run(
        self, text: LiteralString, parameters: dict[str, Any] | None = None, **kwargs: Any
    ) -> neo4j.Result:
        return self._session.run(
            neo4j.Query(text, timeout=self._timeout_seconds), parameters, **kwargs
        )


@dataclass(frozen=True)
class ConnectionInfo:
    uri: str
    user: str
    password: str
    database: str


class Database:
    """A driver plus the database name, with read and write transactions.

    Reads are routed to readers (``RoutingControl.READ`` in a cluster); every
    call names the database explicitly (``database_``) so that no round trip is
    spent on resolving the home database.
    """

    def __init__(
        self,
        connection: ConnectionInfo,
        timeout_seconds: float = 5.0,
        query_timeout_seconds: float | None = None,
    ) -> None:
        """``timeout_seconds`` bounds connecting; ``query_timeout_seconds``, when
        given, is a limit the *server* enforces on every transaction (a query past
        it is stopped there, not merely abandoned by the client)."""
        self.connection = connection
        self.query_timeout_seconds = query_timeout_seconds
        self.retry_seconds = timeout_seconds
        self.driver = GraphDatabase.driver(
            connection.uri,
            auth=(connection.user, connection.password),
            connection_timeout=timeout_seconds,
            connection_acquisition_timeout=timeout_seconds,
            max_transaction_retry_time=timeout_seconds,
            # A restarted server leaves dead connections in the pool: one idle
            # for longer than this is checked before use (a round trip), so that
            # the service recovers without a restart.  Not every connection at
            # every use: that doubled the round trips of a busy API, and a
            # connection that dies in use is retried by the managed transaction.
            liveness_check_timeout=LIVENESS_CHECK_SECONDS,
            # Notifications ("label does not exist" on an empty database…) are
            # for people writing queries, not for a running service.
            notifications_min_severity="OFF",
        )

    def close(self) -> None:
        self.driver.close()

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except MaillageError:
            raise
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            error = translate_driver_error(exc)
            if isinstance(error, QueryTimeoutError):
                error = QueryTimeoutError(self.query_timeout_seconds)
            raise error from exc
        except OSError as exc:  # sockets closed under the driver's feet
            raise DatabaseUnavailableError() from exc

    @contextmanager
    def _session(self, access_mode: str) -> Iterator[neo4j.Session]:
        with (
            self._translated(),
            self.driver.session(
                database=self.connection.database, default_access_mode=access_mode
            ) as session,
        ):
            yield session

    def read(
        self,
        work: Callable[Concatenate[ManagedTransaction, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``work(tx, …)`` in a read transaction."""
        with self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(self._bounded(work), *args, **kwargs)

    def read_statement(
        self,
        work: Callable[Concatenate[ManagedTransaction, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``work(tx, …)``, which runs *one* statement, as an auto-commit read.

        A managed transaction costs three round trips (BEGIN, the statement,
        COMMIT); an auto-commit statement one, and one statement is atomic on its
        own.  The API's neighbourhood on the national graph, 32 clients, went
        from 644 to 710 requests/s with this change alone.  Work that
        runs several statements must use :meth:`read`: here each would see its
        own snapshot.  Like a managed transaction, a statement that fails on a
        lost connection or a transient error is tried again, for as long as
        connecting may take."""
        deadline = time.monotonic() + self.retry_seconds
        pause = FIRST_RETRY_SECONDS
        while True:
            try:
                with self._session(neo4j.READ_ACCESS) as session:
                    runner = _StatementRunner(session, self.query_timeout_seconds)
                    return work(cast(ManagedTransaction, runner), *args, **kwargs)
            except DatabaseUnavailableError as exc:
                if not _retryable(exc.__cause__) or time.monotonic() > deadline:
                    raise
            time.sleep(min(pause, max(deadline - time.monotonic(), 0.0)))
            pause = min(pause * 2, LAST_RETRY_SECONDS)

    def write(
        self,
        work: Callable[Concatenate[ManagedTransaction, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``work(tx, …)`` in one write transaction: all of it or nothing."""
        with self._session(neo4j.WRITE_ACCESS) as session:
            return session.execute_write(self._bounded(work), *args, **kwargs)

    def _bounded(
        self, work: Callable[Concatenate[ManagedTransaction, P], R]
    ) -> Callable[Concatenate[ManagedTransaction, P], R]:
        if self.query_timeout_seconds is None:
            return work
        bounded: Callable[Concatenate[ManagedTransaction, P], R] = neo4j.unit_of_work(
            timeout=self.query_timeout_seconds
        )(work)
        return bounded

    def read_bounded(
        self,
        work: Callable[Concatenate[ManagedTransaction, P], R],
        timeout_seconds: float,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Run ``work(tx, …)`` in a read transaction that the *server* stops after
        ``timeout_seconds``.  A query of the caller's own (the console) may be
        wrong: the server's refusal comes back as a 422 that quotes it, a query
        that runs too long as a 503 — never a 500."""
        bounded = neo4j.unit_of_work(timeout=timeout_seconds)(work)
        try:
            with self.driver.session(
                database=self.connection.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                return session.execute_read(bounded, *args, **kwargs)
        except MaillageError:
            raise
        except neo4j_errors.ClientError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code or code.endswith("Transaction.Terminated"):
                raise QueryTimeoutError(timeout_seconds) from exc
            if code.endswith("Statement.AccessMode") or code.endswith("Security.Forbidden"):
                raise QueryRefusedError("console.refused.write") from exc
            message = (exc.message or code).strip().splitlines()[0][:300]
            raise QueryRefusedError("console.refused.server", message=message) from exc
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
            raise translate_driver_error(exc) from exc
        except OSError as exc:
            raise DatabaseUnavailableError() from exc

    def run_schema(self, statement: LiteralString) -> None:
        """Run one schema statement (DDL) in its own auto-commit transaction."""
        with self._translated():
            self.driver.execute_query(
                statement,
                database_=self.connection.database,
            )

    def ping(self) -> bool:
        """True when a query round trip succeeds."""
        from graph_service.repositories.cypher import query

        with self._translated():
            records, _, _ = self.driver.execute_query(
                query("health/ping"),
                database_=self.connection.database,
                routing_=neo4j.RoutingControl.READ,
            )
        return bool(records and records[0]["ok"] == 1)


#: What the driver gives that needs no conversion: most values of every answer.
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None), bytes})


def to_native(value: Any) -> Any:
    """Neo4j temporal values to Python's, recursively (maps and lists included).

    Plain values are passed over by their exact type first: this runs on every
    value of every answer, and a node of ten properties went from 11 to 1 µs."""
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if kind is dict:
        return {
            key: item if type(item) in _PLAIN_TYPES else to_native(item)
            for key, item in value.items()
        }
    if kind is list:
        return [item if type(item) in _PLAIN_TYPES else to_native(item) for item in value]
    if isinstance(value, Date | DateTime | Time):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, dict):
        return {key: to_native(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_native(item) for item in value]
    return value


def to_neo4j(value: Any) -> Any:
    """Python values to what the driver stores: enums as plain strings, dates kept
    as dates (so that Cypher compares them as dates), recursively."""
    if isinstance(value, str):
        return str(value)  # StrEnum members become plain strings
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, dict):
        return {key: to_neo4j(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_neo4j(item) for item in value]
    return value
