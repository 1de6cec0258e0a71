"""Who am I; API keys (admins); the audit trail (admins)."""

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from graph_service.api.query_string import QueryString
from graph_service.api.schemas import MAX_OFFSET, Page
from graph_service.api.security import CallerDep, requires
from graph_service.api.services import AccountServiceDep, AuditServiceDep
from graph_service.domain.access import Role

router = APIRouter(tags=["access"])


class Me(BaseModel):
    name: str
    role: Role
    sensitive: bool = Field(description="Whether this key may see persons.")
    key_id: str | None


@router.get("/me", response_model=Me, summary="The account and permissions of the key used")
def me(caller: CallerDep) -> dict[str, Any]:
    return {
        "name": caller.name,
        "role": caller.role,
        "sensitive": caller.sensitive,
        "key_id": caller.key_id,
    }


class KeyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account: str = Field(min_length=1, max_length=80)
    sensitive: bool = Field(default=False, description="May see persons (needs it to grant it).")
    expires_in_days: int | None = Field(default=None, ge=1, le=3650)
    label: str | None = Field(default=None, max_length=200, description="What the key is for.")


@router.get("/keys", summary="API keys (never their secrets)", dependencies=[requires(Role.ADMIN)])
def list_keys(
    accounts: AccountServiceDep, account: Annotated[str | None, Query(max_length=80)] = None
) -> list[dict[str, Any]]:
    return accounts.keys(account)


@router.post(
    "/keys",
    status_code=status.HTTP_201_CREATED,
    summary="Create an API key: its secret is in this answer only",
    dependencies=[requires(Role.ADMIN)],
)
def create_key(request: KeyRequest, accounts: AccountServiceDep) -> dict[str, Any]:
    issued = accounts.create_key(
        request.account,
        sensitive=request.sensitive,
        expires_in_days=request.expires_in_days,
        label=request.label,
    )
    return {**issued.key, "token": issued.token}


@router.delete(
    "/keys/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary=(
        "Revoke an API key (refused at once by the worker that revokes it, by the others"
        " within MAILLAGE_KEY_RECHECK_SECONDS)"
    ),
    dependencies=[requires(Role.ADMIN)],
)
def revoke_key(key_id: str, accounts: AccountServiceDep) -> Response:
    accounts.revoke_key(key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


class AuditQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    who: str | None = Field(default=None, max_length=80, description="Account name.")
    action: str | None = Field(
        default=None, max_length=200, description="Text the action contains."
    )
    outcome: str | None = Field(default=None, pattern="^(ok|refused|failed)$")
    since: datetime | None = None
    until: datetime | None = None
    limit: int = Field(default=100, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


AUDIT_QUERY = QueryString(AuditQuery)


@router.get(
    "/audit",
    response_model=Page[dict[str, Any]],
    summary="The audit trail, newest first (admins)",
    dependencies=[requires(Role.ADMIN)],
    openapi_extra=AUDIT_QUERY.openapi,
)
def audit(
    query: Annotated[AuditQuery, Depends(AUDIT_QUERY)], trail: AuditServiceDep, caller: CallerDep
) -> dict[str, Any]:
    total, entries = trail.entries(
        caller,
        who=query.who,
        action=query.action,
        outcome=query.outcome,
        since=query.since,
        until=query.until,
        offset=query.offset,
        limit=query.limit,
    )
    return {"items": entries, "total": total, "limit": query.limit, "offset": query.offset}
