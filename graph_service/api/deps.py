"""Dependencies shared by the routers (``Annotated`` aliases)."""

import threading
from typing import Annotated

from fastapi import Depends, Request

from graph_service.config import Language, Settings
from graph_service.local_neo4j.runtime import connection_info
from graph_service.repositories.database import Database


class DatabaseProvider:
    """Creates the process's single driver on first use.

    Created lazily so that the API starts (and answers ``/healthz``) even when
    Neo4j is not there yet; requests that need the database get a 503 until it
    is, and the service recovers by itself, without a restart.
    """

    def __init__(self, settings: Settings, database: Database | None = None) -> None:
        self.settings = settings
        self._database = database
        self._lock = threading.Lock()

    def get(self) -> Database:
        with self._lock:
            if self._database is None:
                self._database = Database(
                    connection_info(self.settings),
                    self.settings.neo4j_timeout_seconds,
                    # Every query the API runs is stopped by the server past this.
                    self.settings.query_timeout_seconds,
                )
            return self._database

    def close(self) -> None:
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None


def database_of(request: Request) -> Database:
    provider: DatabaseProvider = request.app.state.database_provider
    return provider.get()


async def get_database(request: Request) -> Database:
    """The dependency: a coroutine, so that FastAPI does not hand it to a thread
    (creating the driver does no I/O: it connects on first use)."""
    return database_of(request)


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_settings_from_app(request: Request) -> Settings:
    return settings_of(request)


def request_language(request: Request) -> Language:
    """English when the client prefers it (``Accept-Language: en…``), else the
    configured default (French unless ``MAILLAGE_LANG=en``)."""
    accepted = request.headers.get("accept-language", "").strip().lower()
    for part in accepted.split(","):
        tag = part.split(";")[0].strip()
        if tag.startswith("en"):
            return Language.EN
        if tag.startswith("fr"):
            return Language.FR
    settings = getattr(request.app.state, "settings", None)
    return settings.language if settings else Language.FR


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings_from_app)]
