"""The node resources the API serves, and what can filter each of them."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from graph_service.domain import nodes
from graph_service.domain.enums import NodeLabel, RelationshipType


@dataclass(frozen=True)
class NodeResource:
    label: NodeLabel
    path: str
    create: type[nodes.NodeBase]
    update: type[BaseModel]
    public: type[BaseModel]
    #: Properties a list can be filtered on by equality (``?sphere=market``).
    filters: tuple[str, ...]
    #: Relationships that place a node on a territory, for ``?territory=`` (which
    #: includes sub-territories).  ``PART_OF`` for territories themselves.
    placement: tuple[RelationshipType, ...]
    name_en: str


ACTORS = NodeResource(
    NodeLabel.ACTOR,
    "actors",
    nodes.ActorCreate,
    nodes.ActorUpdate,
    nodes.ActorPublic,
    ("sphere", "nature", "country", "kind"),
    (RelationshipType.ANCHORED_IN, RelationshipType.ACTIVE_IN),
    "actor",
)
PERSONS = NodeResource(
    NodeLabel.PERSON,
    "persons",
    nodes.PersonCreate,
    nodes.PersonUpdate,
    nodes.PersonPublic,
    (),
    (RelationshipType.ANCHORED_IN,),
    "person",
)
TERRITORIES = NodeResource(
    NodeLabel.TERRITORY,
    "territories",
    nodes.TerritoryCreate,
    nodes.TerritoryUpdate,
    nodes.TerritoryPublic,
    ("kind", "level", "country", "code"),
    (RelationshipType.PART_OF,),
    "territory",
)
FRAMEWORKS = NodeResource(
    NodeLabel.DIALOGUE_FRAMEWORK,
    "frameworks",
    nodes.DialogueFrameworkCreate,
    nodes.DialogueFrameworkUpdate,
    nodes.DialogueFrameworkPublic,
    ("type", "level", "formality", "initiator"),
    (RelationshipType.COVERS,),
    "dialogue framework",
)
OPERATIONS = NodeResource(
    NodeLabel.OPERATION,
    "operations",
    nodes.OperationCreate,
    nodes.OperationUpdate,
    nodes.OperationPublic,
    ("type", "programme"),
    (RelationshipType.TAKES_PLACE_IN,),
    "operation",
)
ISSUES = NodeResource(
    NodeLabel.ISSUE,
    "issues",
    nodes.IssueCreate,
    nodes.IssueUpdate,
    nodes.IssuePublic,
    (),
    (),
    "issue",
)

NODE_RESOURCES: tuple[NodeResource, ...] = (
    ACTORS,
    PERSONS,
    TERRITORIES,
    FRAMEWORKS,
    OPERATIONS,
    ISSUES,
)
