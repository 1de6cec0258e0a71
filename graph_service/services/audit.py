"""The audit trail: who did what, when, from where, and how it ended.

Every write, every read of sensitive data, every key change and every console
query gets one entry (the API writes one per request from what the services
noted on the :class:`Caller`; the CLI records its own).  Entries live in Neo4j
under ``MaillageAudit``, a label no route writes; admins read them, and entries
older than the retention period are pruned.
"""

from __future__ import annotations

import json
import logging
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from typing import Any

from graph_service.domain.access import Caller, Role
from graph_service.errors import MaillageError
from graph_service.repositories import audit as repo
from graph_service.repositories.database import Database

logger = logging.getLogger(__name__)

#: Details longer than this are cut: the trail says what happened, it is no backup.
MAX_DETAILS = 20_000


def _utc(moment: datetime | None) -> datetime | None:
    """In UTC: entries are stamped in UTC, a moment without a zone is read as UTC, and
    Neo4j refuses offsets beyond ±18:00 that ISO 8601 text may still carry."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # the first or last day of the calendar, shifted out of it
        return (datetime.min if moment.year == 1 else datetime.max).replace(tzinfo=UTC)


class AuditService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def record(
        self,
        caller: Caller,
        action: str,
        *,
        target: str | None = None,
        outcome: str = "ok",
        status: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Append one entry.  A trail that cannot be written is logged, never
        raised: the action it describes has already happened."""
        text = json.dumps(details, ensure_ascii=False, default=str) if details else None
        if text is not None and len(text) > MAX_DETAILS:
            text = text[:MAX_DETAILS] + "…"
        entry = {
            "who": caller.name,
            "key_id": caller.key_id,
            "role": caller.role.value,
            "action": action,
            "target": target,
            "address": caller.address,
            "outcome": outcome,
            "status": status,
            "details": text,
        }
        try:
            self.database.write(repo.record_entry, entry)
        except MaillageError:
            logger.error("could not write the audit entry for %s by %s", action, caller.name)

    def entries(
        self,
        caller: Caller,
        *,
        who: str | None = None,
        action: str | None = None,
        outcome: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        offset: int = 0,
        limit: int = 100,
    ) -> tuple[int, list[dict[str, Any]]]:
        caller.require(Role.ADMIN)
        total, entries = self.database.read(
            repo.list_entries,
            who=who,
            action=action,
            outcome=outcome,
            since=_utc(since),
            until=_utc(until),
            offset=offset,
            limit=limit,
        )
        for entry in entries:
            if entry.get("details"):
                with suppress(ValueError):  # cut short: kept as text
                    entry["details"] = json.loads(entry["details"])
        return total, entries

    def prune(self, retention_days: int) -> int:
        """Forget entries older than ``retention_days``; returns how many."""
        before = datetime.now(UTC) - timedelta(days=retention_days)
        removed = 0
        while True:
            batch = self.database.write(repo.prune, before, 10_000)
            removed += batch
            if batch < 10_000:
                return removed
