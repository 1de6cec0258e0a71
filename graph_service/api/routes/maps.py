"""Maps: ``GET /maps/{kind}`` (one self-contained HTML page) and
``GET /maps/{kind}/document`` (what the page shows, as JSON, for the explorer)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from graph_service.api.deps import DatabaseDep, SettingsDep
from graph_service.api.query_string import QueryString
from graph_service.api.security import CallerDep, current_caller
from graph_service.services.maps import MapKind, MapQuery, MapService

router = APIRouter(prefix="/maps", tags=["maps"], dependencies=[Depends(current_caller)])
MAP_QUERY = QueryString(MapQuery)

#: Maps are private: never cached by a shared cache, never indexed.
PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data: blob:; connect-src 'none'"
    ),
}


def _service(
    database: DatabaseDep, settings: SettingsDep, caller: CallerDep, query: MapQuery
) -> MapService:
    return MapService(
        database,
        settings,
        # Maps are pages for people: French unless asked (lang=en), like the explorer.
        query.lang or settings.language,
        caller=caller,
    )


@router.get(
    "/{kind}",
    response_class=HTMLResponse,
    summary="A map of an analysis, as one self-contained HTML page (opens offline)",
    responses={200: {"content": {"text/html": {}}, "description": "The map."}},
    openapi_extra=MAP_QUERY.openapi,
)
def map_page(
    kind: MapKind,
    query: Annotated[MapQuery, Depends(MAP_QUERY)],
    database: DatabaseDep,
    settings: SettingsDep,
    caller: CallerDep,
) -> HTMLResponse:
    page = _service(database, settings, caller, query).render(kind, query)
    headers = dict(PRIVATE_HEADERS)
    if query.download:
        headers["Content-Disposition"] = f'attachment; filename="maillage-{kind.value}.html"'
    return HTMLResponse(page, headers=headers)


@router.get(
    "/{kind}/document",
    summary="What a map shows, as JSON (titles, sentences, nodes)",
    openapi_extra=MAP_QUERY.openapi,
)
def map_document(
    kind: MapKind,
    query: Annotated[MapQuery, Depends(MAP_QUERY)],
    database: DatabaseDep,
    settings: SettingsDep,
    caller: CallerDep,
) -> dict[str, Any]:
    return _service(database, settings, caller, query).document(kind, query).to_json()
