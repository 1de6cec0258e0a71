"""The explorer at ``/``, the sign-in page, and the API documentation at
``/docs`` (with Maillage's own assets: Swagger UI's default page loads from a
CDN) — all behind the same accounts as the API."""

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials

from graph_service.api.deps import SettingsDep
from graph_service.api.security import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    authenticator,
    bearer,
    caller_of,
    client_address,
    current_caller,
    session,
)
from graph_service.config import Language
from graph_service.errors import UnauthenticatedError
from visualisations.explorer import FAVICON, explorer_page
from visualisations.login import login_page

router = APIRouter(include_in_schema=False)

PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Frame-Options": "SAMEORIGIN",
}
#: How long a browser session lasts (the key itself may expire sooner).
SESSION_SECONDS = 8 * 3600


def _local_path(path: str) -> str:
    """Only a path of this site: never a redirect to another one."""
    return path if path.startswith("/") and not path.startswith("//") else "/"


@router.get("/", response_class=HTMLResponse)
def explorer(
    request: Request,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    cookie: Annotated[str | None, Depends(session)],
    lang: Annotated[Language | None, Query()] = None,
) -> Response:
    # Pages are French unless asked otherwise (the link at the top switches):
    # a browser's Accept-Language says English far more often than its reader does.
    language = lang or settings.language
    try:
        caller_of(request, credentials, cookie)
    except UnauthenticatedError:
        # A person at a browser gets the sign-in page, not a 401 document.
        return RedirectResponse(f"/login?lang={language.value}", status_code=303)
    return HTMLResponse(explorer_page(language), headers=PAGE_HEADERS)


@router.get("/login", response_class=HTMLResponse)
def login_form(
    settings: SettingsDep,
    lang: Annotated[Language | None, Query()] = None,
    next: Annotated[str, Query(max_length=500)] = "/",
) -> HTMLResponse:
    page = login_page(lang or settings.language, next_path=_local_path(next))
    return HTMLResponse(page, headers=PAGE_HEADERS)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    settings: SettingsDep,
    key: Annotated[str, Form(max_length=200)],
    next: Annotated[str, Form(max_length=500)] = "/",
    lang: Annotated[Language | None, Form()] = None,
) -> Response:
    """Checks the key, then keeps it in an ``HttpOnly``, ``SameSite=Strict`` cookie
    (``Secure`` over TLS) with a CSRF token beside it."""
    language = lang or settings.language
    try:
        caller = authenticator(request).caller_for(key, client_address(request))
    except UnauthenticatedError:
        page = login_page(language, wrong=True, next_path=_local_path(next))
        return HTMLResponse(page, status_code=401, headers=PAGE_HEADERS)
    request.state.caller = caller
    caller.note(login=True)
    response = RedirectResponse(_local_path(next), status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(
        SESSION_COOKIE,
        key,
        max_age=SESSION_SECONDS,
        httponly=True,
        secure=secure,
        samesite="strict",
    )
    response.set_cookie(
        CSRF_COOKIE,
        secrets.token_urlsafe(32),
        max_age=SESSION_SECONDS,
        httponly=False,  # the explorer's script sends it back as X-CSRF-Token
        secure=secure,
        samesite="strict",
    )
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    response.delete_cookie(CSRF_COOKIE)
    return response


@router.get("/docs", response_class=HTMLResponse, dependencies=[Depends(current_caller)])
def api_docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="Maillage API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url=FAVICON,
    )


@router.get("/openapi.json", dependencies=[Depends(current_caller)])
def openapi(request: Request) -> dict[str, Any]:
    schema: dict[str, Any] = request.app.openapi()
    return schema
