"""Relationships: which labels each type joins, and the properties it carries.

Every relationship is temporal (``valid_from`` / ``valid_to``, open-ended
allowed) and carries its provenance.  A create request is one flat object whose
``type`` selects the model (a discriminated union), so an unknown property or
enum value of one type is reported on that type's field.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, model_validator

from graph_service.domain import patterns
from graph_service.domain.enums import (
    CooperationKind,
    DatePrecision,
    NodeLabel,
    OperationRole,
    OppositionKind,
    ParticipationRole,
    PartnershipMode,
    RelationshipType,
    Stance,
    TerritoryLinkKind,
)
from graph_service.domain.nodes import NodeId, Provenance, ShortText, dates_out_of_order

A, P, T, F, OP, ISS, S = (
    NodeLabel.ACTOR,
    NodeLabel.PERSON,
    NodeLabel.TERRITORY,
    NodeLabel.DIALOGUE_FRAMEWORK,
    NodeLabel.OPERATION,
    NodeLabel.ISSUE,
    NodeLabel.SDG,
)


@dataclass(frozen=True)
class Endpoints:
    """Labels a relationship may start from and end at.  ``same_label`` restricts
    to pairs of one label (``PART_OF`` nests territories in territories, never a
    territory in an operation)."""

    sources: frozenset[NodeLabel]
    targets: frozenset[NodeLabel]
    same_label: bool = False

    def allows(self, source_labels: AbstractSet[str], target_labels: AbstractSet[str]) -> bool:
        if self.same_label:
            return any(label in source_labels and label in target_labels for label in self.sources)
        return bool(self.sources & source_labels) and bool(self.targets & target_labels)


def _ends(sources: set[NodeLabel], targets: set[NodeLabel], same_label: bool = False) -> Endpoints:
    return Endpoints(frozenset(sources), frozenset(targets), same_label)


ENDPOINTS: dict[RelationshipType, Endpoints] = {
    RelationshipType.COOPERATES_WITH: _ends({A}, {A}),
    RelationshipType.FUNDS: _ends({A}, {A, OP, F}),
    RelationshipType.MEMBER_OF: _ends({A}, {A}),
    RelationshipType.KNOWS: _ends({A, P}, {A, P}),
    RelationshipType.OPPOSES: _ends({A}, {A}),
    RelationshipType.INSPIRED_BY: _ends({A, OP}, {A, OP}),
    RelationshipType.ANCHORED_IN: _ends({A, P}, {T}),
    RelationshipType.ACTIVE_IN: _ends({A}, {T}),
    RelationshipType.WORKS_IN: _ends({P}, {A}),
    RelationshipType.SUPPORTS: _ends({P}, {ISS, OP, A}),
    RelationshipType.PARTICIPATES_IN: _ends({A, P}, {F}),
    RelationshipType.PART_OF: _ends({T, F, OP}, {T, F, OP}, same_label=True),
    RelationshipType.SUCCEEDED_BY: _ends({F}, {F}),
    RelationshipType.COVERS: _ends({F}, {T}),
    RelationshipType.FRAMES: _ends({F}, {OP}),
    RelationshipType.TAKES_PART_IN: _ends({A}, {OP}),
    RelationshipType.TAKES_PLACE_IN: _ends({OP}, {T}),
    RelationshipType.ADDRESSES: _ends({OP, T}, {ISS}),
    RelationshipType.CONTRIBUTES_TO: _ends({OP, A}, {S}),
    RelationshipType.LINKED_TO: _ends({T}, {T}),
}

Strength = Annotated[int, Field(ge=1, le=3)]
Currency = Annotated[str, StringConstraints(pattern=patterns.CURRENCY)]


class RelationshipBase(Provenance):
    """Fields every relationship has."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    rel_type: ClassVar[RelationshipType]

    id: NodeId | None = Field(
        default=None,
        description="Stable id; generated when omitted (give one for idempotent imports).",
    )
    from_id: NodeId
    to_id: NodeId
    valid_from: date | None = None
    valid_to: date | None = None
    date_precision: DatePrecision | None = Field(
        default=None,
        description="How precise valid_from/valid_to are: day, month, year, period "
        "(the dates of the programme or operation, not stated for the tie itself) or "
        "attested (known to exist from valid_from, perhaps earlier).",
    )
    date_source_ref: ShortText | None = Field(
        default=None,
        description="Place in the source that gives or implies the dates, when it is "
        "not source_ref, e.g. '002:712'.",
    )

    @model_validator(mode="after")
    def _period_is_ordered(self) -> RelationshipBase:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise dates_out_of_order("valid_to", "valid_from")
        return self

    def properties(self) -> dict[str, Any]:
        """The properties stored on the relationship (endpoints and type excluded)."""
        return self.model_dump(exclude={"type", "from_id", "to_id"}, exclude_none=True)


class CooperatesWith(RelationshipBase):
    rel_type: ClassVar = RelationshipType.COOPERATES_WITH
    type: Literal[RelationshipType.COOPERATES_WITH]
    kind: CooperationKind = CooperationKind.PARTNERSHIP
    modes: list[PartnershipMode] = Field(default_factory=list)
    formality: ShortText | None = None
    strength: Strength | None = None


class Funds(RelationshipBase):
    rel_type: ClassVar = RelationshipType.FUNDS
    type: Literal[RelationshipType.FUNDS]
    amount: float | None = Field(default=None, ge=0)
    currency: Currency | None = None
    instrument: ShortText | None = None


class MemberOf(RelationshipBase):
    rel_type: ClassVar = RelationshipType.MEMBER_OF
    type: Literal[RelationshipType.MEMBER_OF]
    board_seat: bool | None = None


class Knows(RelationshipBase):
    rel_type: ClassVar = RelationshipType.KNOWS
    type: Literal[RelationshipType.KNOWS]


class Opposes(RelationshipBase):
    rel_type: ClassVar = RelationshipType.OPPOSES
    type: Literal[RelationshipType.OPPOSES]
    kind: OppositionKind = OppositionKind.CONFLICT
    intensity: Strength | None = None
    resolved_at: date | None = None


class InspiredBy(RelationshipBase):
    rel_type: ClassVar = RelationshipType.INSPIRED_BY
    type: Literal[RelationshipType.INSPIRED_BY]


class AnchoredIn(RelationshipBase):
    rel_type: ClassVar = RelationshipType.ANCHORED_IN
    type: Literal[RelationshipType.ANCHORED_IN]
    primary: bool | None = None


class ActiveIn(RelationshipBase):
    rel_type: ClassVar = RelationshipType.ACTIVE_IN
    type: Literal[RelationshipType.ACTIVE_IN]


class WorksIn(RelationshipBase):
    rel_type: ClassVar = RelationshipType.WORKS_IN
    type: Literal[RelationshipType.WORKS_IN]
    role: ShortText | None = None
    unit: ShortText | None = None


class Supports(RelationshipBase):
    rel_type: ClassVar = RelationshipType.SUPPORTS
    type: Literal[RelationshipType.SUPPORTS]
    stance: Stance = Stance.UNKNOWN
    last_verified: date | None = None


class ParticipatesIn(RelationshipBase):
    rel_type: ClassVar = RelationshipType.PARTICIPATES_IN
    type: Literal[RelationshipType.PARTICIPATES_IN]
    role: ParticipationRole = ParticipationRole.MEMBER
    seats: int | None = Field(default=None, ge=0)
    decision_power: ShortText | None = None


class PartOf(RelationshipBase):
    rel_type: ClassVar = RelationshipType.PART_OF
    type: Literal[RelationshipType.PART_OF]


class SucceededBy(RelationshipBase):
    rel_type: ClassVar = RelationshipType.SUCCEEDED_BY
    type: Literal[RelationshipType.SUCCEEDED_BY]
    condition: ShortText | None = None


class Covers(RelationshipBase):
    rel_type: ClassVar = RelationshipType.COVERS
    type: Literal[RelationshipType.COVERS]


class Frames(RelationshipBase):
    rel_type: ClassVar = RelationshipType.FRAMES
    type: Literal[RelationshipType.FRAMES]


class TakesPartIn(RelationshipBase):
    rel_type: ClassVar = RelationshipType.TAKES_PART_IN
    type: Literal[RelationshipType.TAKES_PART_IN]
    role: OperationRole = OperationRole.PARTNER


class TakesPlaceIn(RelationshipBase):
    rel_type: ClassVar = RelationshipType.TAKES_PLACE_IN
    type: Literal[RelationshipType.TAKES_PLACE_IN]


class Addresses(RelationshipBase):
    rel_type: ClassVar = RelationshipType.ADDRESSES
    type: Literal[RelationshipType.ADDRESSES]


class ContributesTo(RelationshipBase):
    rel_type: ClassVar = RelationshipType.CONTRIBUTES_TO
    type: Literal[RelationshipType.CONTRIBUTES_TO]


class LinkedTo(RelationshipBase):
    rel_type: ClassVar = RelationshipType.LINKED_TO
    type: Literal[RelationshipType.LINKED_TO]
    kind: TerritoryLinkKind = TerritoryLinkKind.TERRITORY_TO_TERRITORY
    operation: NodeId | None = Field(
        default=None, description="Id of the operation behind the link."
    )
    issues: list[NodeId] = Field(
        default_factory=list, description="Ids of the issues it addresses."
    )


# fmt: off
RELATIONSHIP_MODELS: dict[RelationshipType, type[RelationshipBase]] = {
    model.rel_type: model
    for model in (
        CooperatesWith, Funds, MemberOf, Knows, Opposes, InspiredBy, AnchoredIn, ActiveIn,
        WorksIn, Supports, ParticipatesIn, PartOf, SucceededBy, Covers, Frames, TakesPartIn,
        TakesPlaceIn, Addresses, ContributesTo, LinkedTo,
    )
}

RelationshipCreate = Annotated[
    CooperatesWith | Funds | MemberOf | Knows | Opposes | InspiredBy | AnchoredIn | ActiveIn
    | WorksIn | Supports | ParticipatesIn | PartOf | SucceededBy | Covers | Frames | TakesPartIn
    | TakesPlaceIn | Addresses | ContributesTo | LinkedTo,
    Field(discriminator="type"),
]
# fmt: on
relationship_adapter: TypeAdapter[RelationshipBase] = TypeAdapter(RelationshipCreate)


class RelationshipPublic(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    type: RelationshipType
    from_id: str
    to_id: str
    valid_from: date | None = None
    valid_to: date | None = None
    recorded_at: datetime | None = None
