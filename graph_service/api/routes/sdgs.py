"""The Sustainable Development Goals (read only: seeded by the schema)."""

from typing import Annotated, Any

from fastapi import APIRouter, Path

from graph_service.api.services import SdgServiceDep
from graph_service.domain.nodes import SDGPublic

router = APIRouter(prefix="/sdgs", tags=["sdgs"])


@router.get("", response_model=list[SDGPublic], summary="The 17 SDGs (ODD)")
def list_(sdgs: SdgServiceDep) -> list[dict[str, Any]]:
    return sdgs.all()


@router.get("/{number}", response_model=SDGPublic, summary="One SDG by number")
def read(number: Annotated[int, Path(ge=1, le=17)], sdgs: SdgServiceDep) -> dict[str, Any]:
    return sdgs.get(number)
