"""The explorer page served at ``/``: a form (scope, analysis, options), the map,
and a table of the results — in the reader's language.  The page is static
HTML; its small script calls Maillage's own ``/maps`` and ``/api/v1``."""

from __future__ import annotations

import html
import re
from importlib.resources import files

from graph_service.config import Language
from visualisations.html import inline_json
from visualisations.kinds import MapKind

__all__ = ["explorer_page"]

_FR, _EN = Language.FR, Language.EN

#: An inline icon: the browser asks for one, and the request must stay here.
FAVICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Ccircle cx='8' cy='8' r='6' fill='%231565c0'/%3E%3C/svg%3E"
)

WORDS: dict[str, dict[Language, str]] = {
    "title": {_FR: "Maillage — explorateur", _EN: "Maillage — explorer"},
    "api_docs": {_FR: "Documentation de l'API", _EN: "API documentation"},
    "analysis": {_FR: "Carte", _EN: "Map"},
    "territory": {_FR: "Territoire", _EN: "Territory"},
    "operation": {_FR: "Opération", _EN: "Operation"},
    "at": {_FR: "Date", _EN: "Date"},
    "compare_at": {_FR: "Comparer avec la date", _EN: "Compare with date"},
    "actor": {_FR: "Acteur qui demande", _EN: "Actor asking"},
    "target": {_FR: "Acteur à joindre / institution", _EN: "Actor to reach / institution"},
    "link": {_FR: "Lien de territoires (facultatif)", _EN: "Territory link (optional)"},
    "partition": {_FR: "Groupes", _EN: "Groups"},
    "size_by": {_FR: "Taille des acteurs", _EN: "Actor size"},
    "show": {_FR: "Afficher", _EN: "Show"},
    "map": {_FR: "Carte", _EN: "Map"},
    "reading": {_FR: "Ce que dit la carte", _EN: "What the map says"},
    "results": {_FR: "Résultats", _EN: "Results"},
    "hint": {
        _FR: "Choisissez une carte et un périmètre, puis « Afficher ».",
        _EN: "Choose a map and a scope, then 'Show'.",
    },
    "id_or_name": {_FR: "identifiant", _EN: "id"},
    "name": {_FR: "Nom", _EN: "Name"},
    "group": {_FR: "Groupe", _EN: "Group"},
    "measure": {_FR: "Mesure", _EN: "Measure"},
    "sentence": {_FR: "En clair", _EN: "In words"},
    "export_html": {_FR: "Enregistrer la carte (HTML)", _EN: "Save the map (HTML)"},
    "export_png": {_FR: "Enregistrer l'image (PNG)", _EN: "Save the picture (PNG)"},
    "export_json": {_FR: "Résultats (JSON)", _EN: "Results (JSON)"},
    "export_data": {_FR: "Exporter les données", _EN: "Export the data"},
    "other_lang_name": {_FR: "English", _EN: "Français"},
    # options of the selects
    "kind.ecosystem": {_FR: "Écosystème", _EN: "Ecosystem"},
    "kind.brokers": {_FR: "Intermédiaires", _EN: "Brokers"},
    "kind.silos": {_FR: "Cloisonnement", _EN: "Siloing"},
    "console": {_FR: "Console Cypher (lecture seule)", _EN: "Cypher console (read only)"},
    "console_hint": {
        _FR: (
            "Pour les analystes : une requête de lecture, par exemple "
            "MATCH (a:Actor)-[r:MEMBER_OF]->(c:Actor) RETURN a, r, c LIMIT 50. "
            "Les nœuds et relations rendus sont dessinés."
        ),
        _EN: (
            "For analysts: one read query, e.g. "
            "MATCH (a:Actor)-[r:MEMBER_OF]->(c:Actor) RETURN a, r, c LIMIT 50. "
            "The nodes and relationships it returns are drawn."
        ),
    },
    "console_run": {_FR: "Lancer", _EN: "Run"},
    "console_rows": {_FR: "{n} ligne(s)", _EN: "{n} row(s)"},
    "console_truncated": {
        _FR: "{n} ligne(s), tronqué : ajoutez LIMIT ou précisez la requête",
        _EN: "{n} row(s), cut short: add LIMIT or narrow the query",
    },
    "sign_out": {_FR: "Se déconnecter", _EN: "Sign out"},
    "kind.allies": {_FR: "Alliés possibles", _EN: "Possible allies"},
    "kind.introductions": {_FR: "Qui peut nous présenter ?", _EN: "Who can introduce us?"},
    "kind.inside-allies": {_FR: "Alliés de l'intérieur", _EN: "Inside allies"},
    "kind.levels": {_FR: "Cadres multi-niveaux", _EN: "Multi-level frameworks"},
    "kind.double-space": {_FR: "Double espace (carte)", _EN: "Double space (map)"},
    "kind.horizontalisation": {_FR: "Horizontalisation", _EN: "Horizontalisation"},
    "kind.similar": {_FR: "Acteurs au réseau semblable", _EN: "Similar actors"},
    "partition.sphere": {_FR: "sphères", _EN: "spheres"},
    "partition.side": {_FR: "Nord / Sud", _EN: "North / South"},
    "partition.territory": {_FR: "territoires", _EN: "territories"},
    "partition.level": {_FR: "niveaux", _EN: "levels"},
    "size.degree": {_FR: "nombre de liens", _EN: "number of ties"},
    "size.betweenness": {_FR: "intermédiarité", _EN: "betweenness"},
    "size.brokerage": {_FR: "courtage", _EN: "brokerage"},
}

KINDS = tuple(kind.value for kind in MapKind)
PARTITIONS = ("sphere", "side", "territory", "level")
SIZES = ("degree", "betweenness", "brokerage")


def _options(prefix: str, values: tuple[str, ...], language: Language) -> str:
    return "".join(
        f'<option value="{html.escape(v)}">{html.escape(WORDS[f"{prefix}.{v}"][language])}</option>'
        for v in values
    )


def explorer_page(language: Language) -> str:
    template = files("visualisations").joinpath("templates", "explorer.html").read_text("utf-8")
    other = Language.EN if language is Language.FR else Language.FR
    values = {key: html.escape(entry[language]) for key, entry in WORDS.items()}
    values.update(
        lang=language.value,
        other_lang=other.value,
        kinds=_options("kind", KINDS, language),
        partitions=_options("partition", PARTITIONS, language),
        sizes=_options("size", SIZES, language),
        favicon=FAVICON,
        words=inline_json({key: entry[language] for key, entry in WORDS.items()}),
    )
    return re.sub(r"\{\{(\w+)\}\}", lambda match: values[match.group(1)], template)
