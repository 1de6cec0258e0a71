"""``maillage user``, ``maillage key`` and ``maillage audit``: accounts, API keys
and the audit trail, for the administrator at the terminal."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, TypeVar

import typer
from rich.table import Table

from graph_service.cli.operator import operator, with_database
from graph_service.cli.output import console, refused, say, state
from graph_service.config import get_settings
from graph_service.domain.access import Role
from graph_service.i18n import translate
from graph_service.repositories.database import Database
from graph_service.services.accounts import AccountService
from graph_service.services.audit import AuditService

T = TypeVar("T")

user_app = typer.Typer(help="Accounts (who may hold API keys).", no_args_is_help=True)
key_app = typer.Typer(help="API keys: create, list, revoke.", no_args_is_help=True)


def _accounts(database: Database) -> AccountService:
    # Granting the sensitive permission is the operator's own decision.
    return AccountService(database, operator(persons=True), get_settings().key_lifetime_days)


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else "—"


def _day(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if isinstance(value, datetime) else "—"


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Account name (a person or a service).")],
    role: Annotated[Role, typer.Option(help="viewer, analyst, editor or admin.")] = Role.VIEWER,
) -> None:
    """Create an account with a role."""
    with_database(lambda db: _accounts(db).add_account(name, role))
    say("access.user_added", name=name, role=translate(f"role.{role.value}", state.language))


@user_app.command("list")
def user_list() -> None:
    """Accounts, their roles and how many keys still work."""
    accounts = with_database(lambda db: _accounts(db).accounts())
    table = Table()
    for column in ("name", "role", "keys", "created"):
        table.add_column(translate(f"access.column.{column}", state.language))
    for account in accounts:
        table.add_row(
            account["name"],
            translate(f"role.{account['role']}", state.language),
            str(account["active_keys"]),
            _when(account.get("created_at")),
        )
    console.print(table)


@key_app.command("create")
def key_create(
    account: Annotated[str, typer.Argument(help="The account the key belongs to.")],
    sensitive: Annotated[
        bool, typer.Option(help="May see persons and inside allies (audited).")
    ] = False,
    days: Annotated[
        int | None,
        typer.Option(help="Days before it expires (default: MAILLAGE_KEY_LIFETIME_DAYS)."),
    ] = None,
    label: Annotated[str | None, typer.Option(help="What the key is for.")] = None,
) -> None:
    """Create an API key and print it once (only its hash is stored)."""
    issued = with_database(
        lambda db: _accounts(db).create_key(
            account, sensitive=sensitive, expires_in_days=days, label=label
        )
    )
    say("access.key_created", id=issued.key["id"], expires=_when(issued.key.get("expires_at")))
    print(issued.token)  # plain: never wrapped, easy to copy


@key_app.command("list")
def key_list(
    account: Annotated[str | None, typer.Option(help="Only this account's keys.")] = None,
) -> None:
    """API keys (never their secrets): account, role, permission, expiry, revocation."""
    keys = with_database(lambda db: _accounts(db).keys(account))
    table = Table()
    for column in ("id", "name", "role", "sensitive", "expires", "revoked", "label"):
        # The id is what `key revoke` takes: never cut across lines.
        table.add_column(
            translate(f"access.column.{column}", state.language), no_wrap=column == "id"
        )
    yes, no = translate("access.yes", state.language), translate("access.no", state.language)
    for key in keys:
        table.add_row(
            key["id"],
            key["account"],
            translate(f"role.{key['role']}", state.language),
            yes if key.get("sensitive") else no,
            _day(key.get("expires_at")),
            _day(key.get("revoked_at")),
            key.get("label") or "",
        )
    console.print(table)


@key_app.command("revoke")
def key_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id (maillage key list).")],
) -> None:
    """Revoke an API key: the API refuses it within MAILLAGE_KEY_RECHECK_SECONDS (1 s)."""
    with_database(lambda db: _accounts(db).revoke_key(key_id))
    say("access.key_revoked", id=key_id)


def audit_command(
    who: Annotated[str | None, typer.Option(help="Only this account.")] = None,
    action: Annotated[str | None, typer.Option(help="Only actions containing this text.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Number of entries.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    prune: Annotated[
        bool, typer.Option(help="Forget entries older than MAILLAGE_AUDIT_RETENTION_DAYS.")
    ] = False,
) -> None:
    """The audit trail, newest first: who did what, when, from where, and how it ended."""
    try:
        start = datetime.fromisoformat(since) if since else None
    except ValueError:
        raise refused("cli.not_a_date", "--since", value=since) from None
    if prune:
        removed = with_database(
            lambda db: AuditService(db).prune(get_settings().audit_retention_days)
        )
        say("access.pruned", count=removed)
        return
    total, entries = with_database(
        lambda db: AuditService(db).entries(
            operator(), who=who, action=action, since=start, limit=limit
        )
    )
    if as_json:
        print(json.dumps({"total": total, "entries": entries}, default=str, ensure_ascii=False))
        return
    table = Table()
    for column in ("when", "name", "action", "outcome", "address"):
        table.add_column(translate(f"access.column.{column}", state.language))
    for entry in entries:
        table.add_row(
            _when(entry.get("at")),
            entry.get("who") or "",
            entry.get("action") or "",
            translate(f"access.outcome.{entry.get('outcome', 'ok')}", state.language),
            entry.get("address") or "",
        )
    console.print(table)
    say("access.audit_total", shown=len(entries), total=total)
