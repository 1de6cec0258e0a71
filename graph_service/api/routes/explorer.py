"""The explorer at ``/`` and the API documentation at ``/docs``, both served
with Maillage's own assets (Swagger UI's default page loads from a CDN)."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from graph_service.api.deps import request_language
from graph_service.config import Language
from visualisations.explorer import explorer_page

router = APIRouter(include_in_schema=False)

#: An inline icon: the browser asks for a favicon, and it must not go elsewhere.
FAVICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Ccircle cx='8' cy='8' r='6' fill='%231565c0'/%3E%3C/svg%3E"
)


@router.get("/", response_class=HTMLResponse)
def explorer(request: Request, lang: Annotated[Language | None, Query()] = None) -> HTMLResponse:
    page = explorer_page(lang or request_language(request))
    return HTMLResponse(page, headers={"Cache-Control": "no-cache", "X-Robots-Tag": "noindex"})


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="Maillage API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url=FAVICON,
    )
