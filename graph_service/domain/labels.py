"""French and English labels of the domain's enumerations, for people.

The API keeps its codes (``civil_society``, ``gatekeeper``, ``COOPERATES_WITH``);
maps, the explorer and the CLI's tables show these labels instead, never a
code cut to fit a column.  :func:`label` falls back to the code itself for an
open vocabulary value it does not know (a nature added by a deployment).
"""

from __future__ import annotations

from typing import Final

from graph_service.config import Language

__all__ = ["LABELS", "label"]

_FR, _EN = Language.FR, Language.EN

#: ``(vocabulary, code) -> {language: label}``.
LABELS: Final[dict[tuple[str, str], dict[Language, str]]] = {
    # spheres: the "worlds" of cloisonnement
    ("sphere", "civil_society"): {_FR: "société civile", _EN: "civil society"},
    ("sphere", "public"): {_FR: "pouvoirs publics", _EN: "public authorities"},
    ("sphere", "market"): {_FR: "acteurs marchands", _EN: "market"},
    ("sphere", "union"): {_FR: "syndicats", _EN: "unions"},
    ("sphere", "social_economy"): {_FR: "économie sociale et solidaire", _EN: "social economy"},
    ("sphere", "academic"): {_FR: "recherche et formation", _EN: "research and training"},
    ("sphere", "philanthropy"): {_FR: "philanthropie", _EN: "philanthropy"},
    ("sphere", "multi"): {_FR: "plateformes multi-acteurs", _EN: "multi-actor platforms"},
    ("sphere", "unknown"): {_FR: "sphère inconnue", _EN: "unknown sphere"},
    # North / South sides of the double espace
    ("side", "north"): {_FR: "Nord", _EN: "North"},
    ("side", "south"): {_FR: "Sud", _EN: "South"},
    ("side", "unknown"): {_FR: "côté inconnu", _EN: "unknown side"},
    # double-espace sides of a link
    ("space", "here"): {_FR: "ici", _EN: "here"},
    ("space", "there"): {_FR: "là-bas", _EN: "there"},
    ("space", "both"): {_FR: "des deux côtés", _EN: "on both sides"},
    # levels, from local to international
    ("level", "local"): {_FR: "local", _EN: "local"},
    ("level", "intercommunal"): {_FR: "intercommunal", _EN: "inter-municipal"},
    ("level", "departmental"): {_FR: "départemental", _EN: "departmental"},
    ("level", "regional"): {_FR: "régional", _EN: "regional"},
    ("level", "national"): {_FR: "national", _EN: "national"},
    ("level", "subregional"): {_FR: "sous-régional", _EN: "sub-regional"},
    ("level", "international"): {_FR: "international", _EN: "international"},
    ("level", "unknown"): {_FR: "niveau non renseigné", _EN: "level not given"},
    # Gould & Fernandez brokerage roles
    ("role", "coordinator"): {_FR: "coordinateur", _EN: "coordinator"},
    ("role", "itinerant"): {_FR: "consultant", _EN: "consultant (itinerant)"},
    ("role", "gatekeeper"): {_FR: "gardien", _EN: "gatekeeper"},
    ("role", "representative"): {_FR: "représentant", _EN: "representative"},
    ("role", "liaison"): {_FR: "agent de liaison", _EN: "liaison"},
    ("role", "total"): {_FR: "total", _EN: "total"},
    # stances of a person towards a cause
    ("stance", "ally"): {_FR: "allié·e", _EN: "ally"},
    ("stance", "sympathetic"): {_FR: "sympathisant·e", _EN: "sympathetic"},
    ("stance", "neutral"): {_FR: "neutre", _EN: "neutral"},
    ("stance", "opposed"): {_FR: "opposé·e", _EN: "opposed"},
    ("stance", "unknown"): {_FR: "position inconnue", _EN: "unknown stance"},
    # relationship types
    ("type", "COOPERATES_WITH"): {_FR: "coopère avec", _EN: "cooperates with"},
    ("type", "FUNDS"): {_FR: "finance", _EN: "funds"},
    ("type", "MEMBER_OF"): {_FR: "membre de", _EN: "member of"},
    ("type", "KNOWS"): {_FR: "connaît", _EN: "knows"},
    ("type", "OPPOSES"): {_FR: "conflit ou rapport de force", _EN: "conflict or power relation"},
    ("type", "INSPIRED_BY"): {_FR: "inspiré par", _EN: "inspired by"},
    ("type", "ANCHORED_IN"): {_FR: "ancré dans", _EN: "anchored in"},
    ("type", "ACTIVE_IN"): {_FR: "actif dans", _EN: "active in"},
    ("type", "WORKS_IN"): {_FR: "travaille dans", _EN: "works in"},
    ("type", "SUPPORTS"): {_FR: "position envers", _EN: "stance towards"},
    ("type", "PARTICIPATES_IN"): {_FR: "participe à", _EN: "participates in"},
    ("type", "PART_OF"): {_FR: "fait partie de", _EN: "part of"},
    ("type", "SUCCEEDED_BY"): {_FR: "remplacé par", _EN: "succeeded by"},
    ("type", "COVERS"): {_FR: "couvre", _EN: "covers"},
    ("type", "FRAMES"): {_FR: "encadre", _EN: "frames"},
    ("type", "TAKES_PART_IN"): {_FR: "prend part à", _EN: "takes part in"},
    ("type", "TAKES_PLACE_IN"): {_FR: "se déroule dans", _EN: "takes place in"},
    ("type", "ADDRESSES"): {_FR: "traite de", _EN: "addresses"},
    ("type", "CONTRIBUTES_TO"): {_FR: "contribue à", _EN: "contributes to"},
    ("type", "LINKED_TO"): {_FR: "lien de territoire à territoire", _EN: "territory link"},
    ("type", "SHARED"): {_FR: "cadre ou opération en commun", _EN: "shared framework or operation"},
    # kinds of OPPOSES
    ("opposition", "conflict"): {_FR: "conflit", _EN: "conflict"},
    ("opposition", "power_relation"): {_FR: "rapport de force", _EN: "power relation"},
    ("opposition", "competition"): {_FR: "concurrence", _EN: "competition"},
    ("opposition", "distrust"): {_FR: "méfiance", _EN: "distrust"},
    ("opposition", "negotiation"): {_FR: "négociation", _EN: "negotiation"},
    # kinds of LINKED_TO
    ("link_kind", "double_space"): {_FR: "double espace", _EN: "double space"},
    ("link_kind", "territory_to_territory"): {
        _FR: "de territoire à territoire",
        _EN: "territory to territory",
    },
    ("link_kind", "decentralised_cooperation"): {
        _FR: "coopération décentralisée",
        _EN: "decentralised cooperation",
    },
    ("link_kind", "south_south"): {_FR: "Sud–Sud", _EN: "South–South"},
    # participation roles in a dialogue framework
    ("participation", "member"): {_FR: "membre", _EN: "member"},
    ("participation", "chair"): {_FR: "présidence", _EN: "chair"},
    ("participation", "rotating_chair"): {_FR: "présidence tournante", _EN: "rotating chair"},
    ("participation", "facilitator"): {_FR: "animation", _EN: "facilitator"},
    ("participation", "observer"): {_FR: "observateur", _EN: "observer"},
    ("participation", "witness"): {_FR: "témoin", _EN: "witness"},
    ("participation", "ex_officio"): {_FR: "membre de droit", _EN: "ex officio"},
}


def label(vocabulary: str, code: str | None, language: Language = Language.FR) -> str:
    """The label of ``code`` in ``vocabulary`` for people.

    >>> label("sphere", "civil_society")
    'société civile'
    >>> label("role", "gatekeeper", Language.EN)
    'gatekeeper'
    >>> label("nature", "ong")  # an open vocabulary value without a label: itself
    'ong'
    """
    if code is None:
        return label(vocabulary, "unknown", language) if (vocabulary, "unknown") in LABELS else ""
    entry = LABELS.get((vocabulary, code))
    return entry[language] if entry else code.replace("_", " ")
