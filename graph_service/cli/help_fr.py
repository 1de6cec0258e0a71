"""``maillage --help`` in French: the English help of every command and option
(written beside the code it documents) and its French translation.  A unit
test checks that every help text of the command tree has one."""

from __future__ import annotations

from typing import Final

# fmt: off
HELP_FR: Final[dict[str, str]] = {
    "Maillage: graph database and network analysis of actor ecosystems.":
        "Maillage : base de données en graphe et analyse de réseaux des écosystèmes d'acteurs.",
    "Language of messages (default: MAILLAGE_LANG, else fr).":
        "Langue des messages (par défaut : MAILLAGE_LANG, sinon fr).",
    "The local Neo4j server (assembled from Maven Central).":
        "Le serveur Neo4j local (assemblé depuis Maven Central).",
    "The database schema.": "Le schéma de la base.",
    "Build (once) and start the local Neo4j, then wait until Bolt answers.":
        "Assemble (une fois) et démarre le Neo4j local, puis attend que Bolt réponde.",
    "Stop the local Neo4j cleanly.": "Arrête proprement le Neo4j local.",
    "Version, URI, and whether APOC and GDS answer.  Exit code 1 when not running.":
        "Version, URI, et si APOC et GDS répondent. Code de sortie 1 s'il ne tourne pas.",
    'Print shell `export` lines (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)\n'
    'for the server in use, e.g. `eval "$(maillage neo4j env)"`.':
        "Affiche les lignes `export` (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) "
        'du serveur utilisé, par exemple `eval "$(maillage neo4j env)"`.',
    "Apply the schema migrations (constraints, indexes, SDGs); idempotent. On the\n"
    "first run, also create the admin account and print its key, once.":
        "Applique les migrations du schéma (contraintes, index, ODD) ; sans effet si déjà "
        "faites. Au premier lancement, crée aussi le compte d'administration et affiche "
        "sa clé, une seule fois.",
    "Serve the HTTP API (OpenAPI documentation at /docs).":
        "Sert l'API HTTP, l'explorateur et les cartes (documentation OpenAPI sur /docs).",
    "Start the local Neo4j (unless NEO4J_URI names another), initialise the\n"
    "schema, load the CAAC reference dataset (again only what changed) and serve the API\n"
    "(this machine's browser reads without a key).":
        "Démarre le Neo4j local (sauf si NEO4J_URI en désigne un autre), initialise le schéma, "
        "charge le jeu de référence CAAC (seulement ce qui a changé) et sert l'API "
        "(le navigateur de cette machine lit sans clé).",
    "Address to listen on.": "Adresse d'écoute.",
    "Worker processes (each with its own connection pool); a worker that dies is replaced.":
        "Processus de travail (chacun avec ses connexions) ; un processus qui meurt est "
        "remplacé.",
    "Port to listen on.": "Port d'écoute.",
    # analyse and map
    "Run an analysis on the graph and print it (JSON has the API's shape).":
        "Lance une analyse sur le graphe et l'affiche (le JSON a la forme de celui de l'API).",
    "Draw an analysis as one self-contained HTML map.":
        "Dessine une analyse sur une carte HTML autonome (elle s'ouvre sans réseau).",
    "brokers, silos, allies, inside-allies, levels, double-space, introductions, "
    "horizontalisation or similar":
        "brokers (intermédiaires), silos (cloisonnement), allies (alliés possibles), "
        "inside-allies (alliés de l'intérieur), levels (niveaux), double-space (double espace), "
        "introductions (qui peut nous présenter), horizontalisation ou similar (acteurs "
        "au réseau semblable)",
    "ecosystem, brokers, silos, allies, introductions, inside-allies, levels, "
    "double-space, horizontalisation or similar":
        "ecosystem (écosystème), brokers, silos, allies, introductions, inside-allies, levels, "
        "double-space, horizontalisation ou similar (acteurs au réseau semblable)",
    "Scope: a territory (id or name) and its sub-territories.":
        "Périmètre : un territoire (identifiant ou nom) et ses sous-territoires.",
    "Scope: an operation or programme (id or name).":
        "Périmètre : une opération ou un programme (identifiant ou nom).",
    "Scope: spheres, comma-separated.": "Périmètre : des sphères, séparées par des virgules.",
    "Ties valid on that day (YYYY-MM-DD).": "Liens valides ce jour-là (AAAA-MM-JJ).",
    "Period start (YYYY-MM-DD).": "Début de période (AAAA-MM-JJ).",
    "Period end (YYYY-MM-DD).": "Fin de période (AAAA-MM-JJ).",
    "Tie types, comma-separated (default COOPERATES_WITH,FUNDS,MEMBER_OF).":
        "Types de liens, séparés par des virgules (par défaut COOPERATES_WITH,FUNDS,MEMBER_OF).",
    "Tie weights per type, e.g. FUNDS=0.5,MEMBER_OF=0.3.":
        "Poids des liens par type, par exemple FUNDS=0.5,MEMBER_OF=0.3.",
    "Weight of shared-framework/operation ties (0: none).":
        "Poids des liens dérivés d'un cadre ou d'une opération en commun (0 : aucun).",
    "Groups: sphere, side, territory or level.":
        "Groupes : sphere (sphères), side (Nord/Sud), territory (territoires) ou level (niveaux).",
    "The actor asking, by id or name (allies, introductions, inside-allies, similar).":
        "L'acteur qui demande, par identifiant ou nom (allies, introductions, inside-allies, "
        "similar).",
    "The actor to reach, or the institution (inside-allies), by id or name.":
        "L'acteur à joindre, ou l'institution visée (inside-allies), par identifiant ou nom.",
    "Double-space: the territory here of a link (id or name).":
        "Double espace : le territoire d'ici d'un lien (identifiant ou nom).",
    "Double-space: the territory there of a link (id or name).":
        "Double espace : le territoire de là-bas d'un lien (identifiant ou nom).",
    "LINKED_TO relationship id (double-space).":
        "Identifiant du lien de territoire à territoire LINKED_TO (double-space).",
    "Two groups, comma-separated: who connects them.":
        "Deux groupes, séparés par une virgule : qui les relie.",
    "Number of results.": "Nombre de résultats.",
    "Similar: compare only actors with at least this many partners.":
        "Acteurs semblables : ne comparer que les acteurs ayant au moins ce nombre de "
        "partenaires.",
    "Use tie strength.": "Tenir compte de la force des liens.",
    "Estimate betweenness from this many sources.":
        "Estimer l'intermédiarité à partir de ce nombre de sources.",
    "Seed of random choices (and of map layouts).":
        "Graine des choix aléatoires (et de la disposition des cartes).",
    "Permutations of the E-I test.": "Permutations du test de l'indice E-I.",
    "Compare with this date (brokers, silos; maps: what changed).":
        "Comparer avec cette date (brokers, silos ; cartes : ce qui a changé).",
    "Inside allies: stale after this many months.":
        "Alliés de l'intérieur : à revérifier après ce nombre de mois.",
    "json or table.": "json ou table (tableau lisible, par défaut).",
    "The HTML file to write (opens offline).": "Le fichier HTML à écrire (s'ouvre sans réseau).",
    "Actor size: degree, betweenness or brokerage.":
        "Taille des acteurs : degree (nombre de liens), betweenness (intermédiarité) "
        "ou brokerage (courtage).",
    "How many names are always shown.": "Combien de noms sont toujours affichés.",
    "Name persons (inside allies, levels): your decision as the operator, written "
    "to the audit trail. Keep such output private.":
        "Nommer les personnes (alliés de l'intérieur, niveaux) : votre décision d'opérateur, "
        "inscrite au journal d'audit. Gardez ce résultat privé.",
    # accounts, keys, audit
    "Accounts (who may hold API keys).": "Comptes (qui peut détenir des clés d'API).",
    "API keys: create, list, revoke.": "Clés d'API : créer, lister, révoquer.",
    "Account name (a person or a service).": "Nom du compte (une personne ou un service).",
    "viewer, analyst, editor or admin.":
        "viewer (lecture), analyst (analyse), editor (édition) ou admin (administration).",
    "Create an account with a role.": "Crée un compte avec un rôle.",
    "Accounts, their roles and how many keys still work.":
        "Les comptes, leur rôle et combien de leurs clés fonctionnent encore.",
    "The account the key belongs to.": "Le compte auquel la clé appartient.",
    "May see persons and inside allies (audited).":
        "Peut voir les personnes et les alliés de l'intérieur (inscrit au journal d'audit).",
    "Days before it expires (default: MAILLAGE_KEY_LIFETIME_DAYS).":
        "Jours avant expiration (par défaut : MAILLAGE_KEY_LIFETIME_DAYS).",
    "What the key is for.": "À quoi sert la clé.",
    "Create an API key and print it once (only its hash is stored).":
        "Crée une clé d'API et l'affiche une seule fois (seule son empreinte est gardée).",
    "Only this account's keys.": "Seulement les clés de ce compte.",
    "API keys (never their secrets): account, role, permission, expiry, revocation.":
        "Les clés d'API (jamais leur secret) : compte, rôle, permission, expiration, révocation.",
    "The key's id (maillage key list).": "L'identifiant de la clé (maillage key list).",
    "Revoke an API key: the API refuses it within MAILLAGE_KEY_RECHECK_SECONDS (1 s).":
        "Révoque une clé d'API : l'API la refuse dans les MAILLAGE_KEY_RECHECK_SECONDS "
        "(1 s).",
    "Only this account.": "Seulement ce compte.",
    "Only actions containing this text.": "Seulement les actions qui contiennent ce texte.",
    "From this day (YYYY-MM-DD).": "À partir de ce jour (AAAA-MM-JJ).",
    "Number of entries.": "Nombre d'entrées.",
    "Print JSON.": "Afficher en JSON.",
    "Forget entries older than MAILLAGE_AUDIT_RETENTION_DAYS.":
        "Oublier les entrées plus anciennes que MAILLAGE_AUDIT_RETENTION_DAYS.",
    "The audit trail, newest first: who did what, when, from where, and how it ended.":
        "Le journal d'audit, du plus récent au plus ancien : qui a fait quoi, quand, "
        "d'où, et avec quelle issue.",
    "Leave persons and their ties out (a file to share).":
        "Laisser de côté les personnes et leurs liens (un fichier à partager).",
    # backup, restore
    "The backup file to write (a zip).": "Le fichier de sauvegarde à écrire (un zip).",
    "Back up the whole database (graph, accounts, keys, audit) from one snapshot.":
        "Sauvegarde toute la base (graphe, comptes, clés, audit) d'un seul instantané.",
    "A file written by maillage backup.": "Un fichier écrit par maillage backup.",
    "Replace the graph the database holds (otherwise refused).":
        "Remplacer le graphe que contient la base (refusé sinon).",
    "Restore a backup into an empty database (or replace the graph with --replace).":
        "Restaure une sauvegarde dans une base vide (ou remplace le graphe avec --replace).",
    # import, export, synth
    "Import a file (Maillage JSON, CSV, XLSX, GraphML, GEXF, Kumu): all of it, or nothing.":
        "Importe un fichier (JSON Maillage, CSV, XLSX, GraphML, GEXF, Kumu) : tout, ou rien.",
    "File (or folder of CSV files) to import.": "Fichier (ou dossier de CSV) à importer.",
    "A dataset shipped with Maillage instead of a file (caac, inside-allies-example).":
        "Un jeu de données livré avec Maillage au lieu d'un fichier "
        "(caac, inside-allies-example).",
    "Format (default: from the file).": "Format (par défaut : d'après le fichier).",
    "Check and report; write nothing.": "Vérifier et rendre compte ; ne rien écrire.",
    "How silos find communities: louvain, or leiden (all connected).":
        "Comment le cloisonnement trouve les communautés : louvain, ou leiden (toutes connexes).",
    "Where brokers' betweenness, silos' communities and similar actors run: python, or "
    "gds (inside Neo4j).": (
        "Où calculer l'intermédiarité (brokers), les communautés (silos) et les acteurs "
        "semblables (similar) : python, ou gds (dans Neo4j)."
    ),
    "Load an empty database through Neo4j's offline importer (local server: stopped, "
    "loaded, restarted), after the same checks.": (
        "Charger une base vide par l'import hors ligne de Neo4j (serveur local : arrêté, "
        "chargé, redémarré), après les mêmes vérifications."
    ),
    "Export the graph (or a scope of it) to a file.":
        "Exporte le graphe (ou un périmètre) dans un fichier.",
    "File (or folder, for csv) to write.": "Fichier (ou dossier, pour csv) à écrire.",
    "json, graphml, gexf, xlsx or csv (a folder).":
        "json, graphml, gexf, xlsx ou csv (un dossier).",
    "Only this territory (with sub-territories).":
        "Seulement ce territoire (et ses sous-territoires).",
    "Only this operation or programme.": "Seulement cette opération ou ce programme.",
    "Only ties valid on that day (YYYY-MM-DD).":
        "Seulement les liens valides ce jour-là (AAAA-MM-JJ).",
    "Generate a realistic synthetic ecosystem (deterministic for a seed).":
        "Génère un écosystème synthétique réaliste (le même pour une même graine).",
    "Maillage JSON file (or CSV folder) to write.":
        "Fichier JSON Maillage (ou dossier CSV) à écrire.",
    "Show this message and exit.": "Affiche cette aide et quitte.",
    "Number of actors.": "Nombre d'acteurs.",
    "Same seed, same ecosystem.": "Même graine, même écosystème.",
    "Also import the file into the database.": "Importer aussi le fichier dans la base.",
    "json (one file) or csv (a folder).": "json (un fichier) ou csv (un dossier).",
}
# fmt: on
