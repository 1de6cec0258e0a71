"""The services a route uses, built for the request's caller: no router talks
to a repository, so the permission and privacy rules of the services hold for
every route.

The factories are coroutines: they only build objects, and FastAPI runs a plain
function dependency in its thread pool, a hand-over between threads per
dependency per request (a tenth of a busy API worker's time, py-spy).  What
waits on the database (the routes, the caller's key) stays in the pool."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph_service.api.deps import DatabaseDep, SettingsDep, request_language
from graph_service.api.security import CallerDep
from graph_service.services.accounts import AccountService
from graph_service.services.actors import ActorService
from graph_service.services.analyses import AnalysisService
from graph_service.services.audit import AuditService
from graph_service.services.console import ConsoleService
from graph_service.services.relationships import RelationshipService
from graph_service.services.sdgs import SdgService
from graph_service.services.territories import TerritoryService
from graph_service.services.transfer import TransferService


async def _relationships(database: DatabaseDep, caller: CallerDep) -> RelationshipService:
    return RelationshipService(database, caller)


async def _territories(database: DatabaseDep, caller: CallerDep) -> TerritoryService:
    return TerritoryService(database, caller)


async def _actors(database: DatabaseDep, caller: CallerDep) -> ActorService:
    return ActorService(database, caller)


async def _sdgs(database: DatabaseDep, caller: CallerDep) -> SdgService:
    return SdgService(database, caller)


async def _analyses(
    database: DatabaseDep, settings: SettingsDep, caller: CallerDep, request: Request
) -> AnalysisService:
    return AnalysisService(database, settings, request_language(request), caller=caller)


async def _transfer(
    database: DatabaseDep, settings: SettingsDep, caller: CallerDep
) -> TransferService:
    return TransferService(database, caller, settings.import_dir)


async def _accounts(
    database: DatabaseDep, settings: SettingsDep, caller: CallerDep
) -> AccountService:
    return AccountService(database, caller, settings.key_lifetime_days)


async def _audit(database: DatabaseDep) -> AuditService:
    return AuditService(database)


async def _console(
    database: DatabaseDep, settings: SettingsDep, caller: CallerDep
) -> ConsoleService:
    return ConsoleService(database, caller, settings)


RelationshipServiceDep = Annotated[RelationshipService, Depends(_relationships)]
TerritoryServiceDep = Annotated[TerritoryService, Depends(_territories)]
ActorServiceDep = Annotated[ActorService, Depends(_actors)]
SdgServiceDep = Annotated[SdgService, Depends(_sdgs)]
AnalysisServiceDep = Annotated[AnalysisService, Depends(_analyses)]
TransferServiceDep = Annotated[TransferService, Depends(_transfer)]
AccountServiceDep = Annotated[AccountService, Depends(_accounts)]
AuditServiceDep = Annotated[AuditService, Depends(_audit)]
ConsoleServiceDep = Annotated[ConsoleService, Depends(_console)]
