"""The explorer at ``/`` and the API documentation at ``/docs``, both served
with Maillage's own assets (Swagger UI's default page loads from a CDN)."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from graph_service.api.deps import SettingsDep
from graph_service.config import Language
from visualisations.explorer import FAVICON, explorer_page

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def explorer(
    settings: SettingsDep, lang: Annotated[Language | None, Query()] = None
) -> HTMLResponse:
    # Pages are French unless asked otherwise (the link at the top switches):
    # a browser's Accept-Language says English far more often than its reader does.
    page = explorer_page(lang or settings.language)
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
