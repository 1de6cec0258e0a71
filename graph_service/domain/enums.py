"""Closed vocabularies of the domain model (``shared/DOMAIN.md``).

Values are the API's (English, snake_case); French labels for the UI live in
:mod:`graph_service.domain.labels`.  Enums double as allow-lists: a label or a
relationship type only reaches Cypher text through one of these.
"""

from __future__ import annotations

from enum import StrEnum


class NodeLabel(StrEnum):
    ACTOR = "Actor"
    PERSON = "Person"
    TERRITORY = "Territory"
    DIALOGUE_FRAMEWORK = "DialogueFramework"
    OPERATION = "Operation"
    ISSUE = "Issue"
    SDG = "SDG"


class RelationshipType(StrEnum):
    COOPERATES_WITH = "COOPERATES_WITH"
    FUNDS = "FUNDS"
    MEMBER_OF = "MEMBER_OF"
    KNOWS = "KNOWS"
    OPPOSES = "OPPOSES"
    INSPIRED_BY = "INSPIRED_BY"
    ANCHORED_IN = "ANCHORED_IN"
    ACTIVE_IN = "ACTIVE_IN"
    WORKS_IN = "WORKS_IN"
    SUPPORTS = "SUPPORTS"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    PART_OF = "PART_OF"
    SUCCEEDED_BY = "SUCCEEDED_BY"
    COVERS = "COVERS"
    FRAMES = "FRAMES"
    TAKES_PART_IN = "TAKES_PART_IN"
    TAKES_PLACE_IN = "TAKES_PLACE_IN"
    ADDRESSES = "ADDRESSES"
    CONTRIBUTES_TO = "CONTRIBUTES_TO"
    LINKED_TO = "LINKED_TO"


class ActorKind(StrEnum):
    ORGANISATION = "organisation"
    COLLECTIVE = "collective"
    GENERIC_GROUP = "generic_group"


class Sphere(StrEnum):
    """The "worlds" whose separation is *cloisonnement*."""

    CIVIL_SOCIETY = "civil_society"
    PUBLIC = "public"
    MARKET = "market"
    UNION = "union"
    SOCIAL_ECONOMY = "social_economy"
    ACADEMIC = "academic"
    PHILANTHROPY = "philanthropy"
    MULTI = "multi"


class TerritoryKind(StrEnum):
    GEOGRAPHIC = "geographic"
    THEMATIC = "thematic"
    PROFESSIONAL = "professional"
    RELATIONAL = "relational"


class Level(StrEnum):
    """Territorial level, ordered from the most local to the most global."""

    LOCAL = "local"
    INTERCOMMUNAL = "intercommunal"
    DEPARTMENTAL = "departmental"
    REGIONAL = "regional"
    NATIONAL = "national"
    SUBREGIONAL = "subregional"
    INTERNATIONAL = "international"

    @property
    def rank(self) -> int:
        """Position in the order ``local < … < international`` (0-based).

        >>> Level.REGIONAL.rank > Level.LOCAL.rank
        True
        """
        return list(Level).index(self)


class DatePrecision(StrEnum):
    """How precise a tie's dates are: a document rarely gives the day.  ``period``
    means the dates are those of the programme or operation the tie belongs to,
    not a date the document states for the tie itself.  ``attested`` means the
    tie is known to exist from ``valid_from`` (the date of the document or event
    that shows it); it may be older."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    PERIOD = "period"
    ATTESTED = "attested"


class Formality(StrEnum):
    FORMAL = "formal"
    INFORMAL = "informal"
    TRADITIONAL = "traditional"
    PLANNED = "planned"


class Initiator(StrEnum):
    PUBLIC = "public"
    CIVIL_SOCIETY = "civil_society"
    MIXED = "mixed"


class OperationType(StrEnum):
    PROGRAMME = "programme"
    OPERATION = "operation"
    ALLIANCE = "alliance"


class PartnershipMode(StrEnum):
    MECENAT = "mecenat"
    RESPONSIBLE_PRACTICES = "responsible_practices"
    ECONOMIC_COOPERATION = "economic_cooperation"
    SOCIETAL_INNOVATION = "societal_innovation"


class Stance(StrEnum):
    ALLY = "ally"
    SYMPATHETIC = "sympathetic"
    NEUTRAL = "neutral"
    OPPOSED = "opposed"
    UNKNOWN = "unknown"


class CooperationKind(StrEnum):
    PARTNERSHIP = "partnership"
    HISTORICAL = "historical"
    INFORMAL = "informal"
    PEER_EXCHANGE = "peer_exchange"
    DECENTRALISED_COOPERATION = "decentralised_cooperation"
    SOUTH_SOUTH = "south_south"
    CO_CONSTRUCTION = "co_construction"


class OppositionKind(StrEnum):
    CONFLICT = "conflict"
    POWER_RELATION = "power_relation"
    COMPETITION = "competition"
    DISTRUST = "distrust"
    NEGOTIATION = "negotiation"


class ParticipationRole(StrEnum):
    MEMBER = "member"
    CHAIR = "chair"
    ROTATING_CHAIR = "rotating_chair"
    FACILITATOR = "facilitator"
    OBSERVER = "observer"
    WITNESS = "witness"
    EX_OFFICIO = "ex_officio"


class OperationRole(StrEnum):
    LEAD = "lead"
    CO_LEAD = "co_lead"
    PARTNER = "partner"
    ASSOCIATED_PARTNER = "associated_partner"
    FUNDER = "funder"
    FACILITATOR = "facilitator"


class TerritoryLinkKind(StrEnum):
    DOUBLE_SPACE = "double_space"
    TERRITORY_TO_TERRITORY = "territory_to_territory"
    DECENTRALISED_COOPERATION = "decentralised_cooperation"
    SOUTH_SOUTH = "south_south"
