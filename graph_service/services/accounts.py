"""Accounts and API keys: who may call Maillage, with which role, and whether
they may see persons.

A key reads ``mlg_<id>_<secret>``.  Only the id and an Argon2id hash of the
secret are stored (argon2-cffi, the reference implementation's binding); the
key itself is shown once, when it is created.  Checking a key costs one indexed
read and, the first time a process sees that key, one Argon2 verification; later
requests with the same key skip the verification while the stored hash is
unchanged (requests arriving together wait for the first one's verification:
at most :data:`VERIFYING_AT_ONCE` run at a time).  What the read found stands
for the next requests with the same key for ``MAILLAGE_KEY_RECHECK_SECONDS``
(1 s by default; 0: every request reads):
a key revoked through this process stops at once, one revoked elsewhere (the
CLI, another worker) or whose account changed role within that time.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from neo4j import ManagedTransaction

from graph_service.domain.access import Caller, Role
from graph_service.errors import (
    ConflictError,
    FieldProblem,
    NotFoundError,
    UnauthenticatedError,
    ValidationProblem,
)
from graph_service.repositories import accounts as repo
from graph_service.repositories.database import Database
from graph_service.services.audit import AuditService

KEY_PREFIX = "mlg"
_KEY_SHAPE = re.compile(r"^mlg_([0-9a-f]{16})_([A-Za-z0-9_-]{20,100})$")
_ACCOUNT_NAME = re.compile(r"^[\w.@+-]{1,80}$")
#: The account the first run creates.
BOOTSTRAP_ACCOUNT = "admin"

_hasher = PasswordHasher()
#: Argon2 verifications under way at once in a process, whatever the keys: each
#: holds the hasher's 64 MiB while it runs.  Unbounded, 32 clients starting with
#: one key made a national API worker verify it 32 times at once: 1.6 GiB.
VERIFYING_AT_ONCE = 2


@dataclass(frozen=True)
class IssuedKey:
    """A key just created: ``token`` is the only time its secret is seen."""

    token: str
    key: dict[str, Any]


def _new_token() -> tuple[str, str, str]:
    """(key id, secret, full token)."""
    key_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    return key_id, secret, f"{KEY_PREFIX}_{key_id}_{secret}"


class AccountService:
    """Creating accounts and keys, listing and revoking them: admins only."""

    def __init__(
        self,
        database: Database,
        caller: Caller,
        key_lifetime_days: int = 365,
        authenticator: Authenticator | None = None,
    ) -> None:
        """``authenticator``: the one that checks this process's requests, told of
        a revocation so that the key stops at once here."""
        self.database = database
        self.caller = caller
        self.key_lifetime_days = key_lifetime_days
        self.audit = AuditService(database)
        self.authenticator = authenticator

    def add_account(self, name: str, role: Role) -> dict[str, Any]:
        self.caller.require(Role.ADMIN)
        if not _ACCOUNT_NAME.match(name):
            raise ValidationProblem([FieldProblem(("name",), "error.account_name", value=name)])
        try:
            account = self.database.write(repo.add_account, name, role.value)
        except ConflictError as exc:
            raise ConflictError("error.account_exists", name=name) from exc
        self.audit.record(self.caller, "account.add", target=name, details={"role": role.value})
        return account

    def accounts(self) -> list[dict[str, Any]]:
        self.caller.require(Role.ADMIN)
        return self.database.read(repo.list_accounts)

    def create_key(
        self,
        account: str,
        *,
        sensitive: bool = False,
        expires_in_days: int | None = None,
        label: str | None = None,
    ) -> IssuedKey:
        self.caller.require(Role.ADMIN)
        if sensitive:
            # Only a holder of the permission may hand it on.
            self.caller.require_sensitive()
        days = expires_in_days if expires_in_days is not None else self.key_lifetime_days
        if not 1 <= days <= 3650:
            raise ValidationProblem(
                [FieldProblem(("expires_in_days",), "error.key_lifetime", value=days)]
            )
        key_id, secret, token = _new_token()
        key = self.database.write(
            repo.create_key,
            account=account,
            id=key_id,
            hash=_hasher.hash(secret),
            sensitive=sensitive,
            expires_at=datetime.now(UTC) + timedelta(days=days),
            label=label,
        )
        if key is None:
            raise NotFoundError("account", account)
        self.audit.record(
            self.caller,
            "key.create",
            target=key_id,
            details={"account": account, "sensitive": sensitive, "days": days},
        )
        return IssuedKey(token, key)

    def keys(self, account: str | None = None) -> list[dict[str, Any]]:
        self.caller.require(Role.ADMIN)
        return self.database.read(repo.list_keys, account)

    def revoke_key(self, key_id: str) -> dict[str, Any]:
        self.caller.require(Role.ADMIN)
        key = self.database.write(repo.revoke_key, key_id)
        if key is None:
            raise NotFoundError("key", key_id)
        if self.authenticator is not None:
            self.authenticator.forget(key_id)
        self.audit.record(self.caller, "key.revoke", target=key_id)
        return key


def bootstrap_admin(database: Database, key_lifetime_days: int = 365) -> str | None:
    """On the first run (no account at all): an ``admin`` account and one key with
    the sensitive permission.  Returns that key, to be shown once; ``None`` when
    accounts already exist."""
    key_id, secret, token = _new_token()
    now = datetime.now(UTC)

    def work(tx: ManagedTransaction) -> bool:
        if repo.count_accounts(tx):
            return False
        repo.add_account(tx, BOOTSTRAP_ACCOUNT, Role.ADMIN.value)
        repo.create_key(
            tx,
            account=BOOTSTRAP_ACCOUNT,
            id=key_id,
            hash=_hasher.hash(secret),
            sensitive=True,
            expires_at=now + timedelta(days=key_lifetime_days),
            label="first run",
        )
        return True

    try:
        created = database.write(work)
    except ConflictError:  # another process bootstrapped at the same moment
        return None
    if not created:
        return None
    AuditService(database).record(
        Caller(BOOTSTRAP_ACCOUNT, Role.ADMIN),
        "key.create",
        target=key_id,
        details={"account": BOOTSTRAP_ACCOUNT, "sensitive": True, "bootstrap": True},
    )
    return token


@dataclass(frozen=True)
class _Checked:
    """What the last lookup of a key found, and until when (``time.monotonic``) it
    answers for the key without another one."""

    key_id: str
    account: str
    role: Role
    sensitive: bool
    expires_at: datetime | None
    until: float

    def caller(self, address: str | None) -> Caller:
        # A new Caller each time: a request's audit notes are its own.
        return Caller(self.account, self.role, self.sensitive, self.key_id, address)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Authenticator:
    """Turns a presented key into a :class:`Caller`, or refuses it (401).

    One per process.  It remembers, by a digest of the key, the stored hash it
    last verified the key against, and for ``recheck_seconds`` what the key's
    lookup found: a busy client's key is then read from the database about once a
    second per worker instead of on every request (with the thread hand-over the
    read needs, it cost the API more than a third of its throughput under load).
    Nothing here holds a key in clear."""

    def __init__(
        self,
        database_of: Callable[[], Database],
        recheck_seconds: float = 0.0,
        capacity: int = 4096,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._database_of = database_of  # the database, created lazily
        self._recheck_seconds = recheck_seconds
        self._clock = clock
        self._verified: OrderedDict[str, str] = OrderedDict()
        self._checked: OrderedDict[str, _Checked] = OrderedDict()
        self._capacity = capacity
        self._lock = threading.Lock()
        self._verifying = threading.BoundedSemaphore(VERIFYING_AT_ONCE)
        # Counts revocations seen here: a lookup that began before one is not
        # remembered (it may have read the key before it was revoked).
        self._forgotten = 0

    def remembered(self, token: str, address: str | None = None) -> Caller | None:
        """The caller of a key checked less than ``recheck_seconds`` ago and not
        expired since, or ``None``.  No database: safe in the event loop."""
        if self._recheck_seconds <= 0:
            return None
        digest = _digest(token)
        with self._lock:
            checked = self._checked.get(digest)
        if checked is None or self._clock() >= checked.until:
            return None
        if checked.expires_at is not None and checked.expires_at <= datetime.now(UTC):
            return None
        return checked.caller(address)

    def forget(self, key_id: str) -> None:
        """A key revoked here: its next request is looked up again."""
        with self._lock:
            self._forgotten += 1
            for digest in [d for d, c in self._checked.items() if c.key_id == key_id]:
                del self._checked[digest]

    def caller_for(self, token: str, address: str | None = None) -> Caller:
        """The key looked up in the database (call it from a thread)."""
        match = _KEY_SHAPE.match(token.strip())
        if match is None:
            raise UnauthenticatedError()
        key_id, secret = match.groups()
        forgotten_before = self._forgotten
        database = self._database_of()
        # One statement: one round trip instead of a managed transaction's three.
        found = database.read_statement(repo.get_key, key_id)
        if found is None:
            raise UnauthenticatedError()
        key, role = found
        expires_at = key.get("expires_at")
        if key.get("revoked_at") is not None or (
            expires_at is not None and expires_at <= datetime.now(UTC)
        ):
            raise UnauthenticatedError()
        digest = _digest(token)
        if not self._verify(digest, secret, str(key["hash"])):
            raise UnauthenticatedError()
        checked = _Checked(
            key_id=key_id,
            account=str(key["account"]),
            role=Role(role),
            sensitive=bool(key.get("sensitive")),
            expires_at=expires_at,
            until=self._clock() + self._recheck_seconds,
        )
        if self._recheck_seconds > 0:
            with self._lock:
                if self._forgotten == forgotten_before:
                    self._remember_locked(self._checked, digest, checked)
        return checked.caller(address)

    def _verify(self, digest: str, secret: str, stored_hash: str) -> bool:
        if self._was_verified(digest, stored_hash):
            return True
        with self._verifying:
            # Another request with the same key may have verified it meanwhile.
            if self._was_verified(digest, stored_hash):
                return True
            try:
                _hasher.verify(stored_hash, secret)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False
            self._remember(self._verified, digest, stored_hash)
        return True

    def _was_verified(self, digest: str, stored_hash: str) -> bool:
        with self._lock:
            if self._verified.get(digest) == stored_hash:
                self._verified.move_to_end(digest)
                return True
        return False

    def _remember(self, memory: OrderedDict[str, Any], digest: str, value: Any) -> None:
        with self._lock:
            self._remember_locked(memory, digest, value)

    def _remember_locked(self, memory: OrderedDict[str, Any], digest: str, value: Any) -> None:
        memory[digest] = value
        memory.move_to_end(digest)
        while len(memory) > self._capacity:
            memory.popitem(last=False)
