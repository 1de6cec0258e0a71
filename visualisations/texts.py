# ruff: noqa: E501  (a message catalogue: one sentence a line reads better than split strings)
"""The words of the maps, French by default and English on request.

Titles, interface words and the sentences that read a result.  Every entry has
both languages (a unit test checks it); labels of the domain's codes (spheres,
roles, levels…) come from :mod:`graph_service.domain.labels`.
"""

from __future__ import annotations

from typing import Final

from graph_service.config import Language

__all__ = ["TEXTS", "text", "ui_words"]

_FR, _EN = Language.FR, Language.EN

TEXTS: Final[dict[str, dict[Language, str]]] = {
    # titles, one per kind of map
    "title.ecosystem": {_FR: "Écosystème d'acteurs", _EN: "Actor ecosystem"},
    "title.brokers": {_FR: "Intermédiaires (courtiers)", _EN: "Brokers"},
    "title.silos": {_FR: "Cloisonnement entre sphères", _EN: "Siloing between spheres"},
    "title.allies": {_FR: "Alliés possibles de {actor}", _EN: "Possible allies of {actor}"},
    "title.introductions": {
        _FR: "Qui peut présenter {actor} à {target} ?",
        _EN: "Who can introduce {actor} to {target}?",
    },
    "title.inside-allies": {
        _FR: "Alliés de l'intérieur chez {target}",
        _EN: "Inside allies at {target}",
    },
    "title.levels": {
        _FR: "Cadres de dialogue multi-niveaux",
        _EN: "Multi-level dialogue frameworks",
    },
    "title.horizontalisation": {
        _FR: "Horizontalisation : {operation}",
        _EN: "Horizontalisation: {operation}",
    },
    "title.similar": {
        _FR: "Acteurs au réseau semblable à celui de {actor}",
        _EN: "Actors whose network resembles {actor}'s",
    },
    "title.similar_pairs": {
        _FR: "Acteurs au réseau semblable : les paires les plus proches",
        _EN: "Actors with similar networks: the closest pairs",
    },
    "title.double-space": {
        _FR: "Double espace : ici et là-bas",
        _EN: "Double space: here and there",
    },
    # the results table's columns, "|"-separated: name, group, measure, in words
    "columns.ecosystem": {_FR: "Acteur|Sphère|Mesure|", _EN: "Actor|Sphere|Measure|"},
    "columns.brokers": {
        _FR: "Acteur|Sphère|Intermédiarité|Rôles de courtage (z-score)",
        _EN: "Actor|Sphere|Betweenness|Brokerage roles (z-score)",
    },
    "columns.silos": {_FR: "Groupe|Acteurs|Indice E-I|", _EN: "Group|Actors|E-I index|"},
    "columns.allies": {
        _FR: "Allié possible|Sphère|Score|Pourquoi",
        _EN: "Possible ally|Sphere|Score|Why",
    },
    "columns.introductions": {
        _FR: "Intermédiaires|Étapes|Coût|Chemin",
        _EN: "Intermediaries|Steps|Cost|Path",
    },
    "columns.inside-allies": {
        _FR: "Personne|Position|Vérifiée le|En clair",
        _EN: "Person|Stance|Verified on|In words",
    },
    "columns.levels": {
        _FR: "Cadre de dialogue|Niveau|Participants|",
        _EN: "Dialogue framework|Level|Participants|",
    },
    "columns.horizontalisation": {
        _FR: "Date|Périmètre|Part du courtage tenue|",
        _EN: "Date|Scope|Share of brokerage held|",
    },
    "columns.similar": {
        _FR: "Acteur semblable|Sphère|Similarité|Partenaires communs",
        _EN: "Similar actor|Sphere|Similarity|Shared partners",
    },
    "columns.similar_pairs": {
        _FR: "Paire d'acteurs|Partenaires communs|Similarité|En clair",
        _EN: "Pair of actors|Shared partners|Similarity|In words",
    },
    "columns.double-space": {
        _FR: "Lien|Type|Liens entre les deux côtés|En clair",
        _EN: "Link|Kind|Ties across|In words",
    },
    # scope line
    "scope.whole": {_FR: "tout le graphe", _EN: "the whole graph"},
    "scope.territory": {
        _FR: "territoire {name} et ses sous-territoires",
        _EN: "territory {name} and its sub-territories",
    },
    "scope.operation": {_FR: "opération {name}", _EN: "operation {name}"},
    "scope.spheres": {_FR: "sphères : {names}", _EN: "spheres: {names}"},
    "scope.at": {_FR: "au {date}", _EN: "as of {date}"},
    "scope.all_dates": {_FR: "toutes dates", _EN: "all dates"},
    "scope.period": {_FR: "du {start} au {end}", _EN: "from {start} to {end}"},
    "scope.compare": {
        _FR: "changements du {start} au {end}",
        _EN: "changes from {start} to {end}",
    },
    "scope.ties": {_FR: "liens comptés : {types}", _EN: "ties counted: {types}"},
    "scope.counts": {_FR: "{actors} acteurs, {ties} liens", _EN: "{actors} actors, {ties} ties"},
    "scope.counts_around": {
        _FR: "{actors} acteurs et {ties} liens lus autour de la question",
        _EN: "{actors} actors and {ties} ties read around the question",
    },
    # interface words (the browser side shows these)
    "ui.legend": {_FR: "Légende", _EN: "Legend"},
    "ui.ties": {_FR: "Liens", _EN: "Ties"},
    "ui.search": {_FR: "Chercher un acteur par son nom…", _EN: "Search an actor by name…"},
    "ui.filters": {_FR: "Filtres", _EN: "Filters"},
    "ui.details": {_FR: "Détails", _EN: "Details"},
    "ui.details_hint": {
        _FR: "Cliquez sur un acteur pour voir ses propriétés et leur source.",
        _EN: "Click an actor to see its properties and their source.",
    },
    "ui.source": {_FR: "Source", _EN: "Source"},
    "ui.neighbours": {_FR: "Voisins", _EN: "Neighbours"},
    "ui.reset": {_FR: "Tout afficher", _EN: "Show all"},
    "ui.export_png": {_FR: "Exporter en PNG", _EN: "Export as PNG"},
    "ui.colour_by": {_FR: "Couleur selon", _EN: "Colour by"},
    "ui.reading": {_FR: "Ce que dit la carte", _EN: "What the map says"},
    "ui.no_match": {_FR: "Aucun acteur de ce nom.", _EN: "No actor of that name."},
    "ui.tie_category": {_FR: "type de lien", _EN: "tie type"},
    "ui.places": {_FR: "Territoires", _EN: "Territories"},
    "ui.actors_here": {_FR: "Acteurs ancrés", _EN: "Anchored actors"},
    "ui.empty": {
        _FR: "Rien à montrer dans ce périmètre.",
        _EN: "Nothing to show in this scope.",
    },
    # detail rows
    "detail.sphere": {_FR: "Sphère", _EN: "Sphere"},
    "detail.nature": {_FR: "Nature", _EN: "Nature"},
    "detail.country": {_FR: "Pays", _EN: "Country"},
    "detail.home": {_FR: "Ancrage", _EN: "Home territory"},
    "detail.degree": {_FR: "Liens dans ce périmètre", _EN: "Ties in this scope"},
    "detail.betweenness": {_FR: "Intermédiarité", _EN: "Betweenness"},
    "detail.constraint": {_FR: "Contrainte de Burt", _EN: "Burt's constraint"},
    "detail.roles": {_FR: "Rôles de courtage", _EN: "Brokerage roles"},
    "detail.community": {_FR: "Communauté détectée", _EN: "Detected community"},
    "detail.ei": {_FR: "Indice E-I de l'acteur", _EN: "Actor's E-I index"},
    "detail.score": {_FR: "Score", _EN: "Score"},
    "detail.reasons": {_FR: "Pourquoi", _EN: "Why"},
    "detail.level": {_FR: "Niveau", _EN: "Level"},
    "detail.levels": {_FR: "Niveaux où il participe", _EN: "Levels it takes part at"},
    "detail.type": {_FR: "Type", _EN: "Type"},
    "detail.stance": {_FR: "Position", _EN: "Stance"},
    "detail.verified": {_FR: "Vérifiée le", _EN: "Verified on"},
    "detail.via": {_FR: "Par qui", _EN: "Via whom"},
    "detail.works_in": {_FR: "Travaille chez", _EN: "Works at"},
    # legends
    "legend.conflict": {_FR: "conflit ou rapport de force", _EN: "conflict or power relation"},
    "legend.tie": {_FR: "lien de coopération", _EN: "cooperative tie"},
    "legend.bridge": {
        _FR: "pont (seul lien entre deux parties)",
        _EN: "bridge (only tie between two parts)",
    },
    "legend.cut_point": {_FR: "point d'articulation (anneau)", _EN: "cut point (ring)"},
    "legend.cross_sphere": {_FR: "lien entre sphères différentes", _EN: "tie across spheres"},
    "legend.same_sphere": {_FR: "lien dans une même sphère", _EN: "tie within a sphere"},
    "legend.suggested": {_FR: "alliance suggérée (pointillés)", _EN: "suggested alliance (dashed)"},
    "legend.similar": {
        _FR: "réseau semblable (pointillés, épais : très semblable)",
        _EN: "similar network (dashed; thick: very similar)",
    },
    "legend.requester": {_FR: "acteur qui demande", _EN: "actor asking"},
    "legend.target": {_FR: "acteur à joindre", _EN: "actor to reach"},
    "legend.path": {_FR: "meilleurs chemins", _EN: "best paths"},
    "legend.framework": {_FR: "cadre de dialogue", _EN: "dialogue framework"},
    "legend.nesting": {_FR: "emboîtement (fait partie de)", _EN: "nesting (part of)"},
    "legend.succession": {_FR: "remplacé par", _EN: "succeeded by"},
    "legend.participation": {_FR: "participation", _EN: "participation"},
    "legend.multi_level": {_FR: "présent à plusieurs niveaux", _EN: "present at several levels"},
    "legend.person": {_FR: "personne", _EN: "person"},
    "legend.new_tie": {_FR: "lien nouveau", _EN: "new tie"},
    "legend.ended_tie": {_FR: "lien terminé", _EN: "ended tie"},
    "legend.kept_tie": {_FR: "lien inchangé", _EN: "unchanged tie"},
    "legend.here": {_FR: "territoire d'ici", _EN: "territory here"},
    "legend.there": {_FR: "territoire de là-bas", _EN: "territory there"},
    "legend.south_south": {_FR: "lien Sud–Sud (pointillés)", _EN: "South–South link (dashed)"},
    "legend.link": {_FR: "lien ici ↔ là-bas", _EN: "link here ↔ there"},
    "legend.size_by": {_FR: "taille : {measure}", _EN: "size: {measure}"},
    "measure.degree": {_FR: "nombre de liens", _EN: "number of ties"},
    "measure.betweenness": {_FR: "intermédiarité", _EN: "betweenness"},
    "measure.brokerage": {_FR: "courtage (total des rôles)", _EN: "brokerage (all roles)"},
    "view.spheres": {_FR: "sphères déclarées", _EN: "declared spheres"},
    "view.communities": {_FR: "communautés détectées", _EN: "detected communities"},
    "community": {_FR: "communauté {number}", _EN: "community {number}"},
    "panel.missing_bridges": {
        _FR: "Ponts manquants (paires de sphères sans aucun lien)",
        _EN: "Missing bridges (sphere pairs with no tie)",
    },
    "panel.top_brokers": {_FR: "Principaux intermédiaires", _EN: "Top brokers"},
    "panel.unarticulated": {
        _FR: "Niveaux voisins non articulés",
        _EN: "Adjacent levels not articulated",
    },
    "panel.unknown_level": {
        _FR: "Cadres sans niveau renseigné",
        _EN: "Frameworks without a level",
    },
    "panel.holders": {_FR: "Qui tient le lien", _EN: "Who holds the link"},
    "panel.suggestions": {_FR: "Suggestions", _EN: "Suggestions"},
    "panel.already_partners": {
        _FR: "Déjà partenaires (même opération ou petit cadre de dialogue) : pas de nouveaux alliés",
        _EN: "Already partners (same operation or small dialogue framework): not new allies",
    },
    "panel.similar": {_FR: "Réseaux semblables", _EN: "Similar networks"},
    "panel.paths": {_FR: "Chemins", _EN: "Paths"},
    "panel.persons": {_FR: "Personnes", _EN: "Persons"},
    # reading sentences
    "read.ecosystem": {
        _FR: "{actors} acteurs et {ties} liens ; la sphère la plus représentée est « {sphere} » ({count} acteurs).",
        _EN: "{actors} actors and {ties} ties; the largest sphere is '{sphere}' ({count} actors).",
    },
    "read.conflicts": {
        _FR: "{count} relation(s) de conflit ou de rapport de force (en rouge, pointillés).",
        _EN: "{count} conflict or power relation(s) (red, dashed).",
    },
    "read.change": {
        _FR: "Entre le {start} et le {end} : {new} lien(s) nouveau(x), {ended} lien(s) terminé(s), {kept} inchangé(s).",
        _EN: "Between {start} and {end}: {new} new tie(s), {ended} ended tie(s), {kept} unchanged.",
    },
    "read.no_change": {
        _FR: "Aucun lien daté entre acteurs ne change entre le {start} et le {end} : les données ne montrent pas d'évolution de ces liens. Être ensemble dans un cadre de dialogue ou une opération ne compte comme lien qu'avec un poids de liens partagés (shared_weight) au-dessus de 0.",
        _EN: "No dated tie between actors changes between {start} and {end}: the data show no change in those ties. Sitting together in a dialogue framework or an operation counts as a tie only with a shared-tie weight (shared_weight) above 0.",
    },
    "read.silos_change": {
        _FR: "Du {start} au {end} : {new} lien(s) nouveau(x), {ended} terminé(s) ; l'indice E-I a varié de {ei} (une hausse, c'est du décloisonnement).",
        _EN: "From {start} to {end}: {new} new tie(s), {ended} ended; the E-I index moved by {ei} (a rise means less siloing).",
    },
    "read.brokers_change": {
        _FR: "Du {start} au {end} : {new} lien(s) nouveau(x), {ended} terminé(s) ; le plus grand changement d'intermédiarité : {name} ({before} → {after}).",
        _EN: "From {start} to {end}: {new} new tie(s), {ended} ended; the largest change in betweenness: {name} ({before} → {after}).",
    },
    "read.change_pair": {
        _FR: "Le plus de changements : {pair} (+{new}, −{ended}).",
        _EN: "Most changes: {pair} (+{new}, −{ended}).",
    },
    "read.broker": {
        _FR: "{name} est l'intermédiaire principal : {share} % des plus courts chemins passent par lui ; rôles : {roles}.",
        _EN: "{name} is the main broker: {share}% of shortest paths go through it; roles: {roles}.",
    },
    "read.no_broker": {
        _FR: "Aucun acteur n'est sur le chemin d'autres acteurs : pas d'intermédiaire dans ce périmètre.",
        _EN: "No actor lies between others: no broker in this scope.",
    },
    "read.cut_points": {
        _FR: "{count} acteur(s) tiennent seuls des parties du réseau (points d'articulation) : {names}.",
        _EN: "{count} actor(s) alone hold parts of the network together (cut points): {names}.",
    },
    "read.siloed": {
        _FR: "Ce périmètre est plus cloisonné que le hasard ne le voudrait : indice E-I {ei} contre {expected} attendu si les liens ignoraient les sphères ({p}).",
        _EN: "This scope is more siloed than chance would have it: E-I index {ei} against {expected} expected if ties ignored spheres ({p}).",
    },
    "read.open": {
        _FR: "Ce périmètre est plus ouvert entre sphères que le hasard ne le voudrait : indice E-I {ei} contre {expected} attendu ({p}).",
        _EN: "This scope is more open across spheres than chance would have it: E-I index {ei} against {expected} expected ({p}).",
    },
    "read.as_chance": {
        _FR: "Le cloisonnement ne se distingue pas du hasard : indice E-I {ei} contre {expected} attendu ({p}).",
        _EN: "Siloing cannot be told from chance: E-I index {ei} against {expected} expected ({p}).",
    },
    "read.p_value": {
        _FR: "p = {p} : un écart aussi grand arrive {times} fois sur 100 par hasard",
        _EN: "p = {p}: a gap this large happens {times} times in 100 by chance",
    },
    "read.no_ties": {
        _FR: "Aucun lien dans ce périmètre : on ne peut rien dire du cloisonnement.",
        _EN: "No tie in this scope: nothing can be said about siloing.",
    },
    "read.missing_bridges": {
        _FR: "{count} paire(s) de sphères présentes n'ont aucun lien entre elles.",
        _EN: "{count} pair(s) of spheres present have no tie between them.",
    },
    "read.communities": {
        _FR: "{count} communautés détectées ; leur accord avec les sphères déclarées (NMI) est de {nmi}.",
        _EN: "{count} communities detected; their agreement with declared spheres (NMI) is {nmi}.",
    },
    "read.ally": {
        _FR: "{name} ({sphere}) : {reasons}.",
        _EN: "{name} ({sphere}): {reasons}.",
    },
    "read.allies": {
        _FR: "{count} allié(s) possible(s) ; en tête, {name} ({sphere}) — {reasons}.",
        _EN: "{count} possible all(y/ies); first, {name} ({sphere}) — {reasons}.",
    },
    "read.no_allies": {
        _FR: "Aucun allié possible dans ce périmètre.",
        _EN: "No possible ally in this scope.",
    },
    "read.shared_partners": {
        _FR: "{count} partenaire(s) commun(s) : {names}",
        _EN: "{count} shared partner(s): {names}",
    },
    "read.already_tied": {_FR: " ; déjà liés entre eux", _EN: "; already tied to each other"},
    "read.similar": {
        _FR: "{count} acteur(s) travaillent avec des partenaires proches de ceux de {actor} ; le plus proche, {name} (similarité {score}) — {shared}.",
        _EN: "{count} actor(s) work with partners close to {actor}'s; the closest, {name} (similarity {score}) — {shared}.",
    },
    "read.similar_pairs": {
        _FR: "{count} paire(s) d'acteurs aux partenaires les plus proches ; en tête, {pair} (similarité {score}) — {shared}.",
        _EN: "{count} pair(s) of actors with the closest partners; first, {pair} (similarity {score}) — {shared}.",
    },
    "read.similar_meaning": {
        _FR: "La similarité est la part de leurs partenaires qu'ils ont en commun (1 : exactement les mêmes). Des acteurs semblables peuvent mettre leurs efforts en commun, ou se disputer les mêmes partenaires ; à 1 avec beaucoup de partenaires, c'est peut-être un doublon.",
        _EN: "Similarity is the share of their partners they have in common (1: exactly the same ones). Similar actors may pool their efforts, or compete for the same partners; at 1 with many partners, it may be one organisation recorded twice.",
    },
    "read.no_similar": {
        _FR: "Aucun acteur de ce périmètre ne partage de partenaire (parmi ceux qui en ont assez pour être comparés).",
        _EN: "No actor of this scope shares a partner (among those with enough partners to compare).",
    },
    "read.path": {
        _FR: "Par {names} : {steps}.",
        _EN: "Via {names}: {steps}.",
    },
    "read.direct": {
        _FR: "{actor} et {target} sont déjà liés directement.",
        _EN: "{actor} and {target} are already directly tied.",
    },
    "read.no_path": {
        _FR: "Aucun chemin entre {actor} et {target} dans ce périmètre.",
        _EN: "No path between {actor} and {target} in this scope.",
    },
    "read.inside_ally": {
        _FR: "{name} ({stance}, {freshness}) : {via}.",
        _EN: "{name} ({stance}, {freshness}): {via}.",
    },
    "read.fresh": {_FR: "vérifié il y a {months} mois", _EN: "verified {months} months ago"},
    "read.stale": {_FR: "à revérifier", _EN: "to be verified again"},
    "read.via": {_FR: "joignable par {names}", _EN: "reachable via {names}"},
    "read.direct_reach": {_FR: "joignable directement", _EN: "reachable directly"},
    "read.unreachable": {_FR: "aucun chemin connu", _EN: "no known path"},
    "read.no_inside_allies": {
        _FR: "Aucune personne alliée ou sympathisante connue dans cette institution.",
        _EN: "No known ally or sympathetic person in this institution.",
    },
    "read.persons_hidden": {
        _FR: "Les personnes sont remplacées par des pseudonymes : il faut le droit d'accès aux données sensibles pour voir leurs noms.",
        _EN: "Persons are shown as pseudonyms: seeing their names needs access to sensitive data.",
    },
    "read.pseudonym": {
        _FR: "Personne {number} chez {institution}",
        _EN: "Person {number} at {institution}",
    },
    "read.levels": {
        _FR: "Des cadres de dialogue existent aux niveaux : {levels}.",
        _EN: "Dialogue frameworks exist at these levels: {levels}.",
    },
    "read.unarticulated": {
        _FR: "Niveaux voisins sans articulation (ni emboîtement, ni participant commun) : {pairs}.",
        _EN: "Adjacent levels without articulation (no nesting, no shared participant): {pairs}.",
    },
    "read.all_articulated": {
        _FR: "Tous les niveaux voisins sont articulés.",
        _EN: "All adjacent levels are articulated.",
    },
    "read.multi_level": {
        _FR: "Présents à plusieurs niveaux : {names}.",
        _EN: "Present at several levels: {names}.",
    },
    "read.link": {
        _FR: "{here} ↔ {there} : {crossing} lien(s) entre les deux côtés ; {holder} en tient {share} % (concentration {concentration}).",
        _EN: "{here} ↔ {there}: {crossing} tie(s) across; {holder} holds {share}% (concentration {concentration}).",
    },
    "read.link_empty": {
        _FR: "{here} ↔ {there} : aucun lien entre acteurs des deux côtés n'est enregistré.",
        _EN: "{here} ↔ {there}: no tie between actors of both sides is recorded.",
    },
    "read.links": {
        _FR: "{count} lien(s) de territoire à territoire, dont {south} Sud–Sud.",
        _EN: "{count} territory link(s), {south} of them South–South.",
    },
    "read.south_south_ties": {
        _FR: "{count} lien(s) Sud–Sud entre acteurs dans ce périmètre ; le plus souvent entre {countries}.",
        _EN: "{count} South–South tie(s) between actors in this scope; most often between {countries}.",
    },
    "read.no_south_south": {
        _FR: "Aucun lien Sud–Sud entre acteurs n'est enregistré dans ce périmètre.",
        _EN: "No South–South tie between actors is recorded in this scope.",
    },
    "panel.south_south": {
        _FR: "Liens Sud–Sud entre acteurs",
        _EN: "South–South ties between actors",
    },
    "read.horiz_lead": {
        _FR: "Le chef de file ({names}) tient {first} % du courtage au {start} et {last} % au {end} : {verdict}.",
        _EN: "The lead ({names}) holds {first}% of brokerage on {start} and {last}% on {end}: {verdict}.",
    },
    "read.horiz_main_intermediary": {
        _FR: "L'intermédiaire principal ({names}) tient {first} % du courtage au {start} et {last} % au {end} : {verdict}.",
        _EN: "The main intermediary ({names}) holds {first}% of brokerage on {start} and {last}% on {end}: {verdict}.",
    },
    "read.horiz_falls": {
        _FR: "la coopération s'horizontalise ({points} points de moins)",
        _EN: "cooperation is becoming horizontal ({points} points less)",
    },
    "read.horiz_rises": {
        _FR: "la dépendance envers lui augmente ({points} points de plus)",
        _EN: "dependence on it grows ({points} points more)",
    },
    "read.horiz_same": {_FR: "aucun changement", _EN: "no change"},
    "read.horiz_unknown": {
        _FR: "on ne peut pas comparer (aucun chemin entre acteurs à l'une des dates)",
        _EN: "no comparison possible (no path between actors at one of the dates)",
    },
    "legend.lead": {_FR: "chef de file", _EN: "lead"},
    "legend.main_intermediary": {_FR: "intermédiaire principal", _EN: "main intermediary"},
    "read.lead_share": {
        _FR: "Part du courtage tenue par le chef de file : {first} % en {start}, {last} % en {end}.",
        _EN: "Share of brokerage held by the lead: {first}% in {start}, {last}% in {end}.",
    },
    "read.unplaced": {
        _FR: "Sans contour connu (placés par leurs coordonnées ou leur territoire parent) : {names}.",
        _EN: "Without a known boundary (placed by coordinates or parent territory): {names}.",
    },
    "read.too_small": {
        _FR: "Périmètre trop petit pour conclure : {actors} acteurs et {ties} liens (il en faut au moins {min_actors} et {min_ties}). Élargissez le territoire, la période ou les types de liens.",
        _EN: "Scope too small to conclude: {actors} actors and {ties} ties (at least {min_actors} and {min_ties} are needed). Widen the territory, the period or the tie types.",
    },
    "read.in_database": {
        _FR: "Calculé dans la base sur tout le périmètre ({actors} acteurs, {ties} liens) : trop pour les dessiner un à un, la carte en montre {shown} ; les chiffres valent pour tout le périmètre.",
        _EN: "Computed in the database over the whole scope ({actors} actors, {ties} ties): too many to draw one by one, the map shows {shown} of them; the figures hold for the whole scope.",
    },
    "read.in_database_empty": {
        _FR: "Trop d'acteurs pour les dessiner un à un : les chiffres ci-dessus et les ponts manquants valent pour tout le périmètre.",
        _EN: "Too many actors to draw one by one: the figures above and the missing bridges hold for the whole scope.",
    },
    "read.aggregated": {
        _FR: "{actors} acteurs : trop pour une carte lisible, ils sont regroupés par sphère ; cliquez sur un groupe pour l'ouvrir.",
        _EN: "{actors} actors: too many for a readable map, they are grouped by sphere; click a group to open it.",
    },
}


def text(key: str, language: Language = Language.FR, **values: object) -> str:
    """The map text ``key`` in ``language``, filled with ``values``.

    >>> text("title.allies", Language.EN, actor="GRDR")
    'Possible allies of GRDR'
    """
    template = TEXTS[key][language]
    return template.format(**values) if values else template


def ui_words(language: Language) -> dict[str, str]:
    """Every interface word the browser side needs, keyed without ``ui.``."""
    return {key[3:]: entry[language] for key, entry in TEXTS.items() if key.startswith("ui.")}
