"""The FastAPI application factory."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from graph_service import __version__
from graph_service.api.audit import AuditTrail
from graph_service.api.deps import DatabaseProvider
from graph_service.api.guards import RequestGuards
from graph_service.api.limits import BodySizeLimit, RateLimit
from graph_service.api.openapi import install_openapi
from graph_service.api.problems import install_problem_handlers
from graph_service.api.routes import explorer, health, include_api, maps
from graph_service.api.security import CSRF_HEADER
from graph_service.config import Settings, get_settings
from graph_service.errors import MaillageError
from graph_service.repositories.database import Database
from graph_service.services.accounts import Authenticator
from graph_service.services.audit import AuditService
from graph_service.services.transfer import recover_interrupted_imports
from visualisations.html import static_directory


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """The API.  ``database`` lets a caller (a test, the demo) share its driver;
    otherwise one is created on first use and closed at shutdown."""
    settings = settings or get_settings()
    provider = DatabaseProvider(settings, database)

    def audit() -> AuditService:
        return AuditService(provider.get())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The trail forgets what is older than its retention period (when Neo4j is
        # not there yet, at the next start).
        with suppress(MaillageError):
            audit().prune(settings.audit_retention_days)
        # A large import whose process died while writing is undone before anyone
        # reads it half-written.
        with suppress(MaillageError):
            recover_interrupted_imports(provider.get(), settings.import_dir)
        # What is alive now (modules, models, routes: hundreds of thousands of
        # objects) lives as long as the server; set aside, the cycle collector no
        # longer walks it again in the middle of requests.
        gc.freeze()
        yield
        gc.unfreeze()
        if database is None:  # ours to close
            provider.close()

    app = FastAPI(
        title="Maillage API",
        version=__version__,
        # /docs is served with local assets by the explorer router; ReDoc would
        # load its script from a CDN, so it is not offered.
        docs_url=None,
        redoc_url=None,
        # Served by the explorer router, behind the same keys as every route.
        openapi_url=None,
        summary="Actor ecosystems: actors, territories, dialogue frameworks and their ties.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database_provider = provider
    app.state.authenticator = Authenticator(provider.get, settings.key_recheck_seconds)
    install_problem_handlers(app)
    install_openapi(app)
    # Added last = runs first.  The pace is checked before anything else, so that a
    # flood (of refused hosts too) cannot turn into a flood of audit writes; then
    # hosts and other sites are refused, before any route runs.
    app.add_middleware(AuditTrail, audit_of=audit)
    app.add_middleware(BodySizeLimit, settings=settings)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-Match", CSRF_HEADER],
        expose_headers=["ETag", "Retry-After"],
    )
    app.add_middleware(RequestGuards, settings=settings, audit_of=audit)
    app.add_middleware(RateLimit, settings=settings)
    app.include_router(health.router)
    include_api(app)
    app.include_router(maps.router)
    app.include_router(explorer.router)
    app.mount("/static", StaticFiles(directory=static_directory()), name="static")
    return app
