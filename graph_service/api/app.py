"""The FastAPI application factory."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from graph_service import __version__
from graph_service.api.deps import DatabaseProvider
from graph_service.api.limits import BodySizeLimit
from graph_service.api.problems import install_problem_handlers
from graph_service.api.routes import api_router, explorer, health, maps
from graph_service.config import Settings, get_settings
from graph_service.repositories.database import Database
from visualisations.html import static_directory


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """The API.  ``database`` lets a caller (a test, the demo) share its driver;
    otherwise one is created on first use and closed at shutdown."""
    settings = settings or get_settings()
    provider = DatabaseProvider(settings, database)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if database is None:  # ours to close
            provider.close()

    app = FastAPI(
        title="Maillage API",
        version=__version__,
        # /docs is served with local assets by the explorer router; ReDoc would
        # load its script from a CDN, so it is not offered.
        docs_url=None,
        redoc_url=None,
        summary="Actor ecosystems: actors, territories, dialogue frameworks and their ties.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database_provider = provider
    install_problem_handlers(app)
    app.add_middleware(BodySizeLimit, settings=settings)
    app.include_router(health.router)
    app.include_router(api_router())
    app.include_router(maps.router)
    app.include_router(explorer.router)
    app.mount("/static", StaticFiles(directory=static_directory()), name="static")
    return app
