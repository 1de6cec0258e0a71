"""Response envelopes shared by the routers."""

from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from graph_service.domain.nodes import Reference

Item = TypeVar("Item")

#: Neo4j takes list bounds as 32-bit integers here, and a page ends at offset +
#: limit: the largest offset leaves room for the largest limit.
MAX_OFFSET = 2**31 - 1 - 1000


class Page(BaseModel, Generic[Item]):
    """One page of a list, with the total number of matches."""

    items: list[Item]
    total: int = Field(description="Number of matches over all pages.")
    limit: int
    offset: int
    hidden: int = Field(
        default=0,
        description="Matches left out because they touch a person (no sensitive permission).",
    )


#: The fields of a query that choose a page of a list.
PAGING = frozenset({"limit", "offset"})


class PageQuery(BaseModel):
    """Paging and the "as of" date shared by every list."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)
    at: date | None = Field(default=None, description="Only ties valid on that day (YYYY-MM-DD).")


class PlacedQuery(PageQuery):
    """List filters of resources placed on territories, plus text search."""

    q: str | None = Field(
        default=None,
        max_length=200,
        description="Text search over name and aliases (accent-insensitive).",
    )
    territory: Reference | None = Field(
        default=None,
        description="Only nodes placed in this territory or its sub-territories (id or name).",
    )


class Neighbourhood(BaseModel):
    centre: dict[str, Any]
    nodes: list[dict[str, Any]]
    relationships: list[dict[str, Any]]
    truncated: bool = Field(description="True when the path limit was reached.")
    hidden_relationships: int = Field(
        default=0, description="Ties left out because they touch a person."
    )
