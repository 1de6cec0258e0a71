"""Pydantic models of the nodes: a family per resource (``…Create``, ``…Update``,
``…Public``).

``…Update`` models only describe a PATCH body; the service validates the
*merged* node (stored values overlaid with the patch) against ``…Create``, so
that every rule, including those that look at two fields at once, holds after
an update exactly as after a creation.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from graph_service.domain import patterns
from graph_service.domain.enums import (
    ActorKind,
    Formality,
    Initiator,
    Level,
    OperationType,
    Sphere,
    TerritoryKind,
)
from graph_service.domain.vocabulary import ISO_COUNTRIES, known_framework_types, known_natures

#: A node's stable id (lower-case letters, digits, dot, dash, underscore).
NodeId = Annotated[str, StringConstraints(pattern=patterns.NODE_ID, min_length=1, max_length=128)]
#: What a person types to designate a node: its id, its name or one of its aliases.
Reference = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
WebAddress = Annotated[str, StringConstraints(pattern=patterns.WEB_ADDRESS, max_length=500)]
Name = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=300, pattern=patterns.ONE_LINE
    ),
]
ShortText = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=300, pattern=patterns.ONE_LINE
    ),
]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=10_000, pattern=patterns.NO_CONTROL)
]
CountryCode = Annotated[str, StringConstraints(pattern=patterns.COUNTRY_CODE)]


class Provenance(BaseModel):
    """Where a fact comes from.  ``recorded_at`` is set by the service."""

    source: ShortText | None = Field(
        default=None, description="Document or person the fact comes from."
    )
    source_ref: ShortText | None = Field(
        default=None, description="Place in the source, e.g. '002:652' (seed 002, line 652)."
    )
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    recorded_by: ShortText | None = None


class NodeBase(Provenance):
    # NaN and infinity are refused: an export holding them no longer imports back.
    model_config = ConfigDict(extra="forbid", use_enum_values=False, allow_inf_nan=False)

    #: The Neo4j label; set by each subclass.
    label: ClassVar[str]


def dates_out_of_order(later: str, earlier: str) -> PydanticCustomError:
    """The error of a period whose end comes before its start.  The domain's own
    checks raise typed errors (not ValueError) so that the message catalogue can
    say them in the reader's language; the English sentence starts with the field
    to fix, which is where the problem is reported."""
    return PydanticCustomError(
        "dates_out_of_order", "{later} is before {earlier}", {"later": later, "earlier": earlier}
    )


def _check_country(value: str | None) -> str | None:
    if value is not None and value not in ISO_COUNTRIES:
        raise PydanticCustomError(
            "country_code", "'{value}' is not an ISO 3166-1 alpha-2 country code", {"value": value}
        )
    return value


def _check_aliases(value: list[str]) -> list[str]:
    cleaned = [alias.strip() for alias in value]
    if any(not alias for alias in cleaned):
        raise PydanticCustomError("empty_alias", "aliases must not be empty")
    if len(set(cleaned)) != len(cleaned):
        raise PydanticCustomError("repeated_alias", "aliases must not repeat")
    return cleaned


class ActorCreate(NodeBase):
    """An organisation or a collective."""

    label: ClassVar[str] = "Actor"

    id: NodeId
    name: Name
    aliases: list[ShortText] = Field(default_factory=list)
    kind: ActorKind = ActorKind.ORGANISATION
    sphere: Sphere
    nature: ShortText | None = Field(default=None, description="Finer type inside the sphere.")
    country: CountryCode | None = None
    description: LongText | None = None
    website: WebAddress | None = None

    _country = field_validator("country")(_check_country)
    _aliases = field_validator("aliases")(_check_aliases)

    @field_validator("nature")
    @classmethod
    def _nature_is_documented(cls, value: str | None) -> str | None:
        if value is not None and value not in known_natures():
            raise PydanticCustomError(
                "unknown_nature",
                "'{value}' is not a documented nature (see MAILLAGE_EXTRA_NATURES to add one)",
                {"value": value},
            )
        return value


class PersonCreate(NodeBase):
    """An individual.  Sensitive by default: see the security notes in DOMAIN.md."""

    label: ClassVar[str] = "Person"

    id: NodeId
    name: Name = Field(description="Name or pseudonym.")
    pseudonym: ShortText | None = None
    title: ShortText | None = None


class TerritoryCreate(NodeBase):
    label: ClassVar[str] = "Territory"

    id: NodeId
    name: Name
    aliases: list[ShortText] = Field(default_factory=list)
    kind: TerritoryKind = TerritoryKind.GEOGRAPHIC
    level: Level | None = None
    country: CountryCode | None = None
    code: ShortText | None = Field(default=None, description="INSEE or ISO code where one exists.")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    _country = field_validator("country")(_check_country)
    _aliases = field_validator("aliases")(_check_aliases)

    @model_validator(mode="after")
    def _coordinates_come_in_pairs(self) -> TerritoryCreate:
        if (self.lat is None) != (self.lon is None):
            raise PydanticCustomError(
                "coordinates_pair", "lat and lon go together: give both or neither"
            )
        if self.lat is not None and self.kind is not TerritoryKind.GEOGRAPHIC:
            raise PydanticCustomError(
                "coordinates_not_geographic",
                "lat and lon are only for geographic territories (kind=geographic)",
            )
        return self


class DialogueFrameworkCreate(NodeBase):
    """A cadre de dialogue / espace de concertation."""

    label: ClassVar[str] = "DialogueFramework"

    id: NodeId
    name: Name
    aliases: list[ShortText] = Field(default_factory=list)
    type: ShortText | None = None
    level: Level | None = None
    formality: Formality | None = None
    initiator: Initiator | None = None
    decision_power: ShortText | None = None
    description: LongText | None = None
    is_actor: bool = Field(
        default=False,
        description=(
            "True when the framework is also an organisation (CFSI, EMDK, COLSIBA): the "
            "framework is then added to the existing Actor of the same id, as one node."
        ),
    )

    _aliases = field_validator("aliases")(_check_aliases)

    @field_validator("type")
    @classmethod
    def _type_is_documented(cls, value: str | None) -> str | None:
        if value is not None and value not in known_framework_types():
            raise PydanticCustomError(
                "unknown_framework_type",
                "'{value}' is not a documented framework type "
                "(see MAILLAGE_EXTRA_FRAMEWORK_TYPES to add one)",
                {"value": value},
            )
        return value


class OperationCreate(NodeBase):
    """A project, alliance, pilot operation or programme."""

    label: ClassVar[str] = "Operation"

    id: NodeId
    name: Name
    aliases: list[ShortText] = Field(default_factory=list)
    type: OperationType = OperationType.OPERATION
    programme: NodeId | None = Field(default=None, description="Id of the programme it belongs to.")
    description: LongText | None = None
    start_date: date | None = None
    end_date: date | None = None

    _aliases = field_validator("aliases")(_check_aliases)

    @model_validator(mode="after")
    def _ends_after_start(self) -> OperationCreate:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise dates_out_of_order("end_date", "start_date")
        return self


class IssueCreate(NodeBase):
    """An enjeu: a shared issue or theme."""

    label: ClassVar[str] = "Issue"

    id: NodeId
    name: Name
    aliases: list[ShortText] = Field(default_factory=list)
    description: LongText | None = None

    _aliases = field_validator("aliases")(_check_aliases)


def optional_type(annotation: Any) -> Any:
    """``annotation | None``, for models built at run time."""
    return annotation | None


def update_model(create: type[NodeBase]) -> type[BaseModel]:
    """The PATCH body of ``create``: every field but ``id`` optional and unset by
    default; ``null`` removes an optional property."""
    fields: dict[str, Any] = {
        name: (optional_type(info.annotation), Field(default=None, description=info.description))
        for name, info in create.model_fields.items()
        if name not in ("id", "is_actor")
    }
    model: type[BaseModel] = create_model(
        create.__name__.replace("Create", "Update"),
        __config__=ConfigDict(extra="forbid"),
        **fields,
    )
    return model


def public_model(create: type[NodeBase]) -> type[BaseModel]:
    """What the API returns: the stored fields plus ``recorded_at`` and ``labels``."""
    fields: dict[str, Any] = {
        name: (optional_type(info.annotation), None)
        for name, info in create.model_fields.items()
        if name != "is_actor"
    }
    fields["id"] = (str, ...)
    fields["labels"] = (list[str], Field(default_factory=list))
    fields["recorded_at"] = (datetime | None, None)
    model: type[BaseModel] = create_model(
        create.__name__.replace("Create", "Public"), __config__=ConfigDict(extra="ignore"), **fields
    )
    return model


ActorUpdate = update_model(ActorCreate)
PersonUpdate = update_model(PersonCreate)
TerritoryUpdate = update_model(TerritoryCreate)
DialogueFrameworkUpdate = update_model(DialogueFrameworkCreate)
OperationUpdate = update_model(OperationCreate)
IssueUpdate = update_model(IssueCreate)

ActorPublic = public_model(ActorCreate)
PersonPublic = public_model(PersonCreate)
TerritoryPublic = public_model(TerritoryCreate)
DialogueFrameworkPublic = public_model(DialogueFrameworkCreate)
OperationPublic = public_model(OperationCreate)
IssuePublic = public_model(IssueCreate)


class SDGPublic(BaseModel):
    """A Sustainable Development Goal (ODD), seeded 1-17."""

    id: str
    number: int = Field(ge=1, le=17)
    name: str
    name_en: str
    labels: list[str] = Field(default_factory=list)
