"""Who is calling: the API key (``Authorization: Bearer mlg_…``) or the session
cookie the login page sets, turned into a :class:`Caller` — or a 401.

Every route but the health checks and the login page depends on
:func:`current_caller`.  A session cookie is ``HttpOnly`` and ``SameSite=Strict``
(``Secure`` over TLS); a state-changing request authenticated by it must also
carry the ``X-CSRF-Token`` header that matches the (readable) CSRF cookie, which
a page of another site cannot read.  The development switch
``MAILLAGE_OPEN_LOCAL_READ`` lets a request without any key, from this machine
only, read as a viewer (never in production: the settings refuse it).
"""

from __future__ import annotations

import hmac
import ipaddress
from functools import lru_cache
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from graph_service.domain.access import Caller, Role
from graph_service.errors import ForbiddenError, UnauthenticatedError
from graph_service.services.accounts import Authenticator

SESSION_COOKIE = "maillage_session"
CSRF_COOKIE = "maillage_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: The name a request gets under the development switch.
LOCAL_READER = "lecture-locale"

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description="An API key: `Authorization: Bearer mlg_…` (maillage key create).",
)
session = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    scheme_name="session",
    description="The session cookie set by POST /login (browsers: the explorer and maps).",
)
#: How a request may authenticate, either way: what the OpenAPI document declares.
SECURITY_SCHEMES = (bearer, session)


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


@lru_cache(maxsize=256)
def is_loopback(address: str | None) -> bool:
    # Remembered per address: parsing it showed in the profile of every local read.
    if address is None:
        return False
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def authenticator(request: Request) -> Authenticator:
    found: Authenticator = request.app.state.authenticator
    return found


def caller_of(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None,
    cookie: str | None,
) -> Caller:
    """The caller of this request (also kept on ``request.state`` for the audit).
    A key not checked in the last ``MAILLAGE_KEY_RECHECK_SECONDS`` is looked up
    in the database: call this from a thread, not from the event loop."""
    token = _token(credentials, cookie)
    caller = None
    if token:
        address = client_address(request)
        keys = authenticator(request)
        caller = keys.remembered(token, address) or keys.caller_for(token, address)
    return _admitted(request, caller, by_cookie=credentials is None)


async def current_caller(request: Request) -> Caller:
    """The dependency: a coroutine that hands the request to a thread only when
    a key must be looked up.  A plain function would be run in the thread pool
    for every request, a hand-over between threads that cost a busy API worker
    about a fifth of its time (py-spy, national neighbourhood under 32 clients).

    The key and the cookie are read here, by the two schemes themselves, rather
    than declared as sub-dependencies: FastAPI solves every dependency of every
    request anew (about 12 µs each), and the OpenAPI document names the schemes
    from :data:`SECURITY_SCHEMES` instead (:mod:`graph_service.api.openapi`)."""
    credentials = await bearer(request)
    cookie = await session(request)
    token = _token(credentials, cookie)
    caller = None
    if token:
        address = client_address(request)
        keys = authenticator(request)
        caller = keys.remembered(token, address)
        if caller is None:
            caller = await run_in_threadpool(keys.caller_for, token, address)
    return _admitted(request, caller, by_cookie=credentials is None)


def _token(credentials: HTTPAuthorizationCredentials | None, cookie: str | None) -> str | None:
    """The key presented: the ``Authorization`` header's, else the session cookie's."""
    return credentials.credentials if credentials is not None else cookie


def _admitted(request: Request, caller: Caller | None, *, by_cookie: bool) -> Caller:
    """The caller a key gave, or without one a local reader under the development
    switch, or a 401; a write by cookie must carry the CSRF header."""
    if caller is None:
        address = client_address(request)
        settings = request.app.state.settings
        if not (
            settings.open_local_read and is_loopback(address) and request.method in SAFE_METHODS
        ):
            raise UnauthenticatedError()
        caller = Caller(LOCAL_READER, Role.VIEWER, address=address)
    elif by_cookie and request.method not in SAFE_METHODS:
        _check_csrf(request)
    request.state.caller = caller
    return caller


def _check_csrf(request: Request) -> None:
    expected = request.cookies.get(CSRF_COOKIE, "")
    given = request.headers.get(CSRF_HEADER, "")
    if not expected or not hmac.compare_digest(expected, given):
        raise ForbiddenError("error.forbidden.csrf")


def requires(role: Role) -> Any:
    """A route dependency: the caller must hold ``role`` (403 before the request
    body is even looked at).  The services check again: this only answers first."""

    async def check(caller: Annotated[Caller, Depends(current_caller)]) -> Caller:
        caller.require(role)
        return caller

    return Depends(check)


CallerDep = Annotated[Caller, Depends(current_caller)]
