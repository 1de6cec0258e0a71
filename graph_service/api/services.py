"""The services a route uses, built for the request's caller: no router talks
to a repository, so the permission and privacy rules of the services hold for
every route.

The factories are coroutines: they only build objects, and FastAPI runs a plain
function dependency in its thread pool, a hand-over between threads per
dependency per request (a tenth of a busy API worker's time, py-spy).  What
waits on the database (the routes, the caller's key) stays in the pool.  They
take the database and the settings from the request rather than from two more
dependencies: FastAPI solves each dependency anew on every request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph_service.api.deps import database_of, request_language, settings_of
from graph_service.api.security import CallerDep, authenticator
from graph_service.services.accounts import AccountService
from graph_service.services.actors import ActorService
from graph_service.services.analyses import AnalysisService
from graph_service.services.audit import AuditService
from graph_service.services.console import ConsoleService
from graph_service.services.relationships import RelationshipService
from graph_service.services.sdgs import SdgService
from graph_service.services.territories import TerritoryService
from graph_service.services.transfer import TransferService


async def _relationships(request: Request, caller: CallerDep) -> RelationshipService:
    return RelationshipService(database_of(request), caller)


async def _territories(request: Request, caller: CallerDep) -> TerritoryService:
    return TerritoryService(database_of(request), caller)


async def _actors(request: Request, caller: CallerDep) -> ActorService:
    return ActorService(database_of(request), caller)


async def _sdgs(request: Request, caller: CallerDep) -> SdgService:
    return SdgService(database_of(request), caller)


async def _analyses(request: Request, caller: CallerDep) -> AnalysisService:
    return AnalysisService(
        database_of(request), settings_of(request), request_language(request), caller=caller
    )


async def _transfer(request: Request, caller: CallerDep) -> TransferService:
    return TransferService(database_of(request), caller, settings_of(request).import_dir)


async def _accounts(request: Request, caller: CallerDep) -> AccountService:
    return AccountService(
        database_of(request),
        caller,
        settings_of(request).key_lifetime_days,
        authenticator=authenticator(request),
    )


async def _audit(request: Request) -> AuditService:
    return AuditService(database_of(request))


async def _console(request: Request, caller: CallerDep) -> ConsoleService:
    return ConsoleService(database_of(request), caller, settings_of(request))


RelationshipServiceDep = Annotated[RelationshipService, Depends(_relationships)]
TerritoryServiceDep = Annotated[TerritoryService, Depends(_territories)]
ActorServiceDep = Annotated[ActorService, Depends(_actors)]
SdgServiceDep = Annotated[SdgService, Depends(_sdgs)]
AnalysisServiceDep = Annotated[AnalysisService, Depends(_analyses)]
TransferServiceDep = Annotated[TransferService, Depends(_transfer)]
AccountServiceDep = Annotated[AccountService, Depends(_accounts)]
AuditServiceDep = Annotated[AuditService, Depends(_audit)]
ConsoleServiceDep = Annotated[ConsoleService, Depends(_console)]
