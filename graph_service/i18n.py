"""User-facing messages, French by default and English on request.

Code, API field names and logs stay in English; what a person reads on the CLI,
in error titles and on maps comes from this catalogue.  Every key has both
languages (a unit test checks it).
"""

from __future__ import annotations

from typing import Final

from graph_service.config import Language

MESSAGES: Final[dict[str, dict[Language, str]]] = {
    # --- errors (API problem titles) -------------------------------------------------
    "error.not_found": {
        Language.FR: "Introuvable",
        Language.EN: "Not found",
    },
    "error.not_found.detail": {
        Language.FR: "Aucun·e {label} avec l'identifiant « {id} ».",
        Language.EN: "No {label} with id '{id}'.",
    },
    "error.conflict": {Language.FR: "Conflit", Language.EN: "Conflict"},
    "error.duplicate.detail": {
        Language.FR: "Un·e {label} avec l'identifiant « {id} » existe déjà.",
        Language.EN: "A {label} with id '{id}' already exists.",
    },
    "error.constraint.detail": {
        Language.FR: "La base a refusé l'écriture : une contrainte d'unicité serait violée.",
        Language.EN: "The database refused the write: a uniqueness constraint would be violated.",
    },
    "error.has_relationships.detail": {
        Language.FR: (
            "« {id} » a encore {count} relation(s). Supprimez-les d'abord, "
            "ou relancez avec force=true pour tout supprimer."
        ),
        Language.EN: (
            "'{id}' still has {count} relationship(s). Delete them first, "
            "or repeat with force=true to delete everything."
        ),
    },
    "error.validation": {
        Language.FR: "Données invalides",
        Language.EN: "Invalid data",
    },
    "error.validation.detail": {
        Language.FR: "{count} problème(s) ; rien n'a été écrit.",
        Language.EN: "{count} problem(s); nothing was written.",
    },
    "error.settings.detail": {
        Language.FR: "{count} réglage(s) de l'environnement invalide(s) ; rien n'a été lancé.",
        Language.EN: "{count} setting(s) of the environment are wrong; nothing was run.",
    },
    "error.validation.detail_read": {
        Language.FR: "{count} problème(s) dans la demande.",
        Language.EN: "{count} problem(s) in the request.",
    },
    # --- pydantic's checks, in the reader's language (by error type) ------------------
    "pydantic.missing": {Language.FR: "Valeur obligatoire.", Language.EN: "Required value."},
    # The settings' rules for production (graph_service/config.py).
    "pydantic.production_password": {
        Language.FR: "En production (MAILLAGE_ENV=production), le mot de passe de Neo4j "
        "doit être un vrai secret.",
        Language.EN: "In production (MAILLAGE_ENV=production), Neo4j's password must be a "
        "real secret.",
    },
    "pydantic.production_uri": {
        Language.FR: "En production, NEO4J_URI doit désigner le serveur Neo4j de production.",
        Language.EN: "In production, NEO4J_URI must name the production Neo4j server.",
    },
    "pydantic.production_open_read": {
        Language.FR: "La lecture locale sans clé est un réglage de développement : jamais en "
        "production.",
        Language.EN: "Reading without a key from this machine is a development switch: never "
        "in production.",
    },
    "pydantic.date": {
        Language.FR: "Date invalide : AAAA-MM-JJ attendu.",
        Language.EN: "Invalid date: YYYY-MM-DD expected.",
    },
    "pydantic.datetime": {
        Language.FR: "Date et heure invalides (ISO 8601 attendu).",
        Language.EN: "Invalid date and time (ISO 8601 expected).",
    },
    "pydantic.int": {Language.FR: "Nombre entier attendu.", Language.EN: "Whole number expected."},
    "pydantic.float": {Language.FR: "Nombre attendu.", Language.EN: "Number expected."},
    "pydantic.bool": {
        Language.FR: "Vrai ou faux attendu (true/false).",
        Language.EN: "True or false expected.",
    },
    "pydantic.enum": {
        Language.FR: "Valeur inconnue ; valeurs possibles : {expected}.",
        Language.EN: "Unknown value; possible values: {expected}.",
    },
    "pydantic.ge": {
        Language.FR: "Doit être supérieur ou égal à {ge}.",
        Language.EN: "Must be greater than or equal to {ge}.",
    },
    "pydantic.gt": {
        Language.FR: "Doit être supérieur à {gt}.",
        Language.EN: "Must be greater than {gt}.",
    },
    "pydantic.le": {
        Language.FR: "Doit être inférieur ou égal à {le}.",
        Language.EN: "Must be less than or equal to {le}.",
    },
    "pydantic.lt": {
        Language.FR: "Doit être inférieur à {lt}.",
        Language.EN: "Must be less than {lt}.",
    },
    "pydantic.too_short": {
        Language.FR: "Trop court : au moins {min_length} élément(s) ou caractère(s).",
        Language.EN: "Too short: at least {min_length} item(s) or character(s).",
    },
    "pydantic.too_long": {
        Language.FR: "Trop long : au plus {max_length} élément(s) ou caractère(s).",
        Language.EN: "Too long: at most {max_length} item(s) or character(s).",
    },
    "pydantic.pattern": {
        Language.FR: "Forme invalide (un identifiant : minuscules, chiffres, « . », « - », « _ »).",
        Language.EN: "Invalid form (an id: lower-case letters, digits, '.', '-', '_').",
    },
    "pydantic.extra": {
        Language.FR: "Paramètre inconnu.",
        Language.EN: "Unknown parameter.",
    },
    "pydantic.pattern_text": {
        Language.FR: "Caractère de contrôle interdit (seuls tabulations et retours à la ligne "
        "sont admis).",
        Language.EN: "Control characters are not allowed (only tabs and line breaks).",
    },
    "pydantic.pattern_line": {
        Language.FR: "Texte sur une seule ligne attendu, sans caractère de contrôle.",
        Language.EN: "Text on one line expected, without control characters.",
    },
    "pydantic.pattern_web": {
        Language.FR: "Adresse web attendue, commençant par http:// ou https://, sans espace.",
        Language.EN: "Web address expected, starting with http:// or https://, without spaces.",
    },
    "pydantic.pattern_country": {
        Language.FR: "Code pays attendu : deux lettres majuscules (FR, SN, ML…).",
        Language.EN: "Country code expected: two capital letters (FR, SN, ML…).",
    },
    "pydantic.pattern_currency": {
        Language.FR: "Code de monnaie attendu : trois lettres majuscules (EUR, XOF…).",
        Language.EN: "Currency code expected: three capital letters (EUR, XOF…).",
    },
    "pydantic.pattern_other": {
        Language.FR: "Forme invalide.",
        Language.EN: "Invalid form.",
    },
    "pydantic.country_code": {
        Language.FR: "« {value} » n'est pas un code pays ISO 3166-1 (deux lettres : FR, SN, ML…).",
        Language.EN: "'{value}' is not an ISO 3166-1 country code (two letters: FR, SN, ML…).",
    },
    "pydantic.empty_alias": {
        Language.FR: "Un alias ne peut pas être vide.",
        Language.EN: "An alias cannot be empty.",
    },
    "pydantic.repeated_alias": {
        Language.FR: "Le même alias est donné deux fois.",
        Language.EN: "The same alias is given twice.",
    },
    "pydantic.unknown_nature": {
        Language.FR: "« {value} » n'est pas une nature documentée (MAILLAGE_EXTRA_NATURES en "
        "ajoute).",
        Language.EN: "'{value}' is not a documented nature (MAILLAGE_EXTRA_NATURES adds one).",
    },
    "pydantic.unknown_framework_type": {
        Language.FR: "« {value} » n'est pas un type de cadre documenté "
        "(MAILLAGE_EXTRA_FRAMEWORK_TYPES en ajoute).",
        Language.EN: "'{value}' is not a documented framework type "
        "(MAILLAGE_EXTRA_FRAMEWORK_TYPES adds one).",
    },
    "pydantic.coordinates_pair": {
        Language.FR: "lat et lon vont ensemble : donnez les deux ou aucune.",
        Language.EN: "lat and lon go together: give both or neither.",
    },
    "pydantic.coordinates_not_geographic": {
        Language.FR: "lat et lon ne valent que pour un territoire géographique (kind=geographic).",
        Language.EN: "lat and lon are only for geographic territories (kind=geographic).",
    },
    "pydantic.dates_out_of_order": {
        Language.FR: "{later} précède {earlier}.",
        Language.EN: "{later} is before {earlier}.",
    },
    "pydantic.type_weight": {
        Language.FR: "« {item} » n'est pas TYPE=poids, avec un type de lien et un nombre de 0 "
        "à {most}.",
        Language.EN: "'{item}' is not TYPE=weight, with a relationship type and a number from "
        "0 to {most}.",
    },
    "pydantic.date_or_period": {
        Language.FR: "Une date (at) ou une période (period_from, period_to), pas les deux.",
        Language.EN: "A date (at) or a period (period_from, period_to), not both.",
    },
    "pydantic.compare_needs_at": {
        Language.FR: "compare_at demande at : le changement se lit de at à compare_at.",
        Language.EN: "compare_at needs at: the change is shown from at to compare_at.",
    },
    "pydantic.integer_too_large": {
        Language.FR: "Les entiers des paramètres tiennent sur 64 bits dans Neo4j.",
        Language.EN: "Integers in parameters are 64-bit in Neo4j.",
    },
    "analysis.no_link": {
        Language.FR: "Aucun lien de territoire à territoire entre « {here} » et « {there} ».",
        Language.EN: "No territory link between '{here}' and '{there}'.",
    },
    "reference.unknown": {
        Language.FR: "« {ref} » ne désigne rien de ce genre (ni identifiant, ni nom, ni alias).",
        Language.EN: "'{ref}' designates nothing of this kind (no id, name or alias).",
    },
    "reference.ambiguous": {
        Language.FR: "« {ref} » est ambigu ; précisez parmi : {candidates}.",
        Language.EN: "'{ref}' is ambiguous; choose among: {candidates}.",
    },
    "error.part_of_loop": {
        Language.FR: (
            "« {from} » ne peut pas faire partie de « {to} » : « {to} » fait déjà partie "
            "de « {from} » (une boucle)."
        ),
        Language.EN: (
            "'{from}' cannot be part of '{to}': '{to}' is already part of '{from}' (a loop)."
        ),
    },
    "error.dangling_reference": {
        Language.FR: "Aucun nœud avec l'identifiant « {id} ».",
        Language.EN: "No node with id '{id}'.",
    },
    "error.wrong_endpoint": {
        Language.FR: "Une relation {type} ne peut pas partir de {from_labels} vers {to_labels}.",
        Language.EN: "A {type} relationship cannot go from {from_labels} to {to_labels}.",
    },
    "error.too_large": {Language.FR: "Requête trop volumineuse", Language.EN: "Request too large"},
    "error.too_large.detail": {
        Language.FR: (
            "Le corps de la requête dépasse {mb} Mo ; rien n'a été lu ni écrit "
            "(pour un gros fichier : maillage import FICHIER)."
        ),
        Language.EN: (
            "The request body is over {mb} MB; nothing was read or written "
            "(for a large file: maillage import FILE)."
        ),
    },
    "error.precondition": {
        Language.FR: "Version dépassée",
        Language.EN: "Precondition failed",
    },
    "error.precondition.detail": {
        Language.FR: (
            "Ce que vous modifiez a changé depuis votre lecture (If-Match ne correspond plus) : "
            "relisez-le, puis réessayez ; rien n'a été écrit."
        ),
        Language.EN: (
            "What you are changing has changed since you read it (If-Match no longer "
            "matches): read it again, then retry; nothing was written."
        ),
    },
    "error.unavailable": {
        Language.FR: "Base de données indisponible",
        Language.EN: "Database unavailable",
    },
    "error.unavailable.detail": {
        Language.FR: (
            "Neo4j ne répond pas. Réessayez dans un instant ; le service se reconnecte seul."
        ),
        Language.EN: "Neo4j does not answer. Try again shortly; the service reconnects by itself.",
    },
    "error.unauthenticated": {
        Language.FR: "Authentification requise",
        Language.EN: "Authentication required",
    },
    "error.unauthenticated.detail": {
        Language.FR: (
            "Présentez une clé d'API valide (en-tête Authorization: Bearer mlg_…) "
            "ou connectez-vous sur /login. Une clé expirée ou révoquée ne vaut plus."
        ),
        Language.EN: (
            "Present a valid API key (header Authorization: Bearer mlg_…) or sign in at "
            "/login. An expired or revoked key no longer works."
        ),
    },
    "error.forbidden": {Language.FR: "Accès refusé", Language.EN: "Forbidden"},
    "error.forbidden.role": {
        Language.FR: "Cette action demande le rôle « {role} » (ou un rôle au-dessus).",
        Language.EN: "This needs the '{role}' role (or one above it).",
    },
    "error.forbidden.sensitive": {
        Language.FR: (
            "Ceci nomme des personnes : il faut une clé qui porte la permission "
            "« données sensibles »."
        ),
        Language.EN: "This names persons: it needs a key with the 'sensitive' permission.",
    },
    "error.forbidden.cross_site": {
        Language.FR: (
            "Requête venue d'un autre site (en-tête Origin ou Sec-Fetch-Site) : refusée, "
            "rien n'a été écrit."
        ),
        Language.EN: "A request from another site (Origin or Sec-Fetch-Site): refused, "
        "nothing was written.",
    },
    "error.forbidden.csrf": {
        Language.FR: (
            "Jeton anti-falsification (X-CSRF-Token) absent ou faux : rechargez la page ; "
            "rien n'a été écrit."
        ),
        Language.EN: "Missing or wrong anti-forgery token (X-CSRF-Token): reload the page; "
        "nothing was written.",
    },
    "error.bad_host": {Language.FR: "Hôte refusé", Language.EN: "Host refused"},
    "error.bad_host.detail": {
        Language.FR: (
            "Ce service ne répond pas sous le nom d'hôte « {host} » (voir MAILLAGE_ALLOWED_HOSTS)."
        ),
        Language.EN: "This service does not answer to the host name '{host}' "
        "(see MAILLAGE_ALLOWED_HOSTS).",
    },
    "error.query.text_search_not_here": {
        Language.FR: "La recherche de texte (q) ne s'applique pas au voisinage d'un acteur.",
        Language.EN: "Text search (q) does not apply to an actor's neighbourhood.",
    },
    "error.account_name": {
        Language.FR: "Nom de compte : 1 à 80 lettres, chiffres ou . _ @ + -",
        Language.EN: "Account name: 1 to 80 letters, digits or . _ @ + -",
    },
    "error.account_exists": {
        Language.FR: "Le compte « {name} » existe déjà.",
        Language.EN: "The account '{name}' already exists.",
    },
    "error.key_lifetime": {
        Language.FR: "Durée de validité d'une clé : de 1 à 3650 jours.",
        Language.EN: "A key's lifetime: 1 to 3650 days.",
    },
    "person.pseudonym_at": {
        Language.FR: "Personne {n} chez {employer}",
        Language.EN: "Person {n} at {employer}",
    },
    "person.pseudonym": {Language.FR: "Personne {n}", Language.EN: "Person {n}"},
    "error.timeout": {Language.FR: "Trop long", Language.EN: "Too long"},
    "error.timeout.detail": {
        Language.FR: (
            "La requête a dépassé {seconds} s et le serveur l'a arrêtée ; rien n'a été écrit. "
            "Restreignez-la (LIMIT, une étiquette, un identifiant) puis réessayez."
        ),
        Language.EN: (
            "The query ran past {seconds} s and the server stopped it; nothing was written. "
            "Narrow it (LIMIT, a label, an id) and try again."
        ),
    },
    "error.timeout.detail_unknown": {
        Language.FR: (
            "La requête a dépassé le temps permis et le serveur l'a arrêtée ; rien n'a été "
            "écrit. Restreignez le périmètre puis réessayez."
        ),
        Language.EN: (
            "The query ran past its time limit and the server stopped it; nothing was "
            "written. Narrow the scope and try again."
        ),
    },
    "console.refused": {Language.FR: "Requête refusée", Language.EN: "Query refused"},
    "console.refused.write": {
        Language.FR: (
            "La console ne fait que lire : cette requête écrirait (CREATE, MERGE, SET, "
            "DELETE, procédure d'écriture…). Rien n'a été écrit."
        ),
        Language.EN: (
            "The console only reads: this query would write (CREATE, MERGE, SET, DELETE, "
            "a writing procedure…). Nothing was written."
        ),
    },
    "console.refused.operator": {
        Language.FR: (
            "L'opération « {operator} » n'est pas permise dans la console (LOAD CSV, SHOW, "
            "parcours de tous les nœuds ou accès par identifiant interne) : partez d'une "
            "étiquette, par exemple MATCH (a:Actor)."
        ),
        Language.EN: (
            "The operation '{operator}' is not allowed in the console (LOAD CSV, SHOW, "
            "scans of every node or by internal id): start from a label, e.g. MATCH (a:Actor)."
        ),
    },
    "console.refused.procedure": {
        Language.FR: (
            "La procédure « {procedure} » n'est pas permise dans la console (seules "
            "db.labels, db.relationshipTypes, db.propertyKeys et db.schema.visualization le sont)."
        ),
        Language.EN: (
            "The procedure '{procedure}' is not allowed in the console (only db.labels, "
            "db.relationshipTypes, db.propertyKeys and db.schema.visualization are)."
        ),
    },
    "console.refused.internal": {
        Language.FR: "« {label} » appartient au fonctionnement interne de Maillage : hors console.",
        Language.EN: "'{label}' belongs to Maillage's internals: out of the console's reach.",
    },
    "console.refused.sensitive": {
        Language.FR: (
            "« {label} » peut mener à des personnes : il faut une clé avec la permission "
            "« données sensibles »."
        ),
        Language.EN: "'{label}' can lead to persons: it needs a key with the 'sensitive' "
        "permission.",
    },
    "console.refused.untyped": {
        Language.FR: (
            "Nommez les types de relation suivis, par exemple -[:COOPERATES_WITH|FUNDS]- : "
            "un chemin sans type peut mener à des personnes."
        ),
        Language.EN: (
            "Name the relationship types followed, e.g. -[:COOPERATES_WITH|FUNDS]-: an "
            "untyped path can lead to persons."
        ),
    },
    "console.refused.clause": {
        Language.FR: "EXPLAIN, PROFILE, CYPHER et USE ne sont pas acceptés dans la console.",
        Language.EN: "EXPLAIN, PROFILE, CYPHER and USE are not accepted in the console.",
    },
    "console.refused.server": {
        Language.FR: "Neo4j refuse la requête : {message}",
        Language.EN: "Neo4j refuses the query: {message}",
    },
    "error.rate_limited": {Language.FR: "Trop de requêtes", Language.EN: "Too many requests"},
    "error.rate_limited.detail": {
        Language.FR: (
            "Plus de {per_minute} requêtes par minute avec cette clé (ou depuis cette "
            "adresse) : attendez le délai indiqué par Retry-After."
        ),
        Language.EN: (
            "More than {per_minute} requests a minute with this key (or from this "
            "address): wait as long as Retry-After says."
        ),
    },
    "error.internal": {Language.FR: "Erreur interne", Language.EN: "Internal error"},
    "error.internal.detail": {
        Language.FR: "Une erreur inattendue s'est produite ; elle a été journalisée.",
        Language.EN: "An unexpected error occurred; it has been logged.",
    },
    "error.bad_request": {Language.FR: "Requête invalide", Language.EN: "Bad request"},
    # --- local Neo4j runtime -------------------------------------------------------
    "neo4j.java_missing": {
        Language.FR: (
            "Java introuvable. Installez un JDK 17 ou 21 (paquet Debian openjdk-17-jdk) "
            "ou indiquez-le avec MAILLAGE_JAVA_HOME."
        ),
        Language.EN: (
            "Java not found. Install a JDK 17 or 21 (Debian package openjdk-17-jdk) "
            "or point MAILLAGE_JAVA_HOME at one."
        ),
    },
    "neo4j.java_version": {
        Language.FR: (
            "Neo4j 5.26 tourne sous Java 17 ou 21 ; {java} est en version {version}. "
            "Indiquez un JDK 17 ou 21 avec MAILLAGE_JAVA_HOME."
        ),
        Language.EN: (
            "Neo4j 5.26 runs on Java 17 or 21; {java} is version {version}. "
            "Point MAILLAGE_JAVA_HOME at a JDK 17 or 21."
        ),
    },
    "neo4j.maven_missing": {
        Language.FR: (
            "Maven introuvable (« {maven} »). Installez-le (paquet Debian maven) "
            "ou indiquez la commande avec MAILLAGE_MAVEN."
        ),
        Language.EN: (
            "Maven not found ('{maven}'). Install it (Debian package maven) "
            "or name the command with MAILLAGE_MAVEN."
        ),
    },
    "neo4j.build_failed": {
        Language.FR: (
            "L'assemblage de Neo4j depuis Maven Central a échoué (code {code}). "
            "Vérifiez l'accès à Maven Central. Fin du journal Maven :\n{tail}"
        ),
        Language.EN: (
            "Assembling Neo4j from Maven Central failed (exit {code}). "
            "Check that Maven Central is reachable. End of the Maven log:\n{tail}"
        ),
    },
    "neo4j.building": {
        Language.FR: "Assemblage de Neo4j {version} depuis Maven Central (une seule fois)…",
        Language.EN: "Assembling Neo4j {version} from Maven Central (once)…",
    },
    "neo4j.port_taken": {
        Language.FR: (
            "Le port {port} est déjà pris par un autre programme. Libérez-le ou choisissez "
            "un autre port avec MAILLAGE_NEO4J_BOLT_PORT."
        ),
        Language.EN: (
            "Port {port} is already taken by another program. Free it or choose another "
            "port with MAILLAGE_NEO4J_BOLT_PORT."
        ),
    },
    "neo4j.starting": {
        Language.FR: "Démarrage de Neo4j (données dans {data})…",
        Language.EN: "Starting Neo4j (data in {data})…",
    },
    "neo4j.started": {
        Language.FR: "Neo4j est prêt sur {uri} (pid {pid}).",
        Language.EN: "Neo4j is ready on {uri} (pid {pid}).",
    },
    "neo4j.already_running": {
        Language.FR: "Neo4j tourne déjà sur {uri} (pid {pid}).",
        Language.EN: "Neo4j is already running on {uri} (pid {pid}).",
    },
    "neo4j.died": {
        Language.FR: "Neo4j s'est arrêté au démarrage. Fin du journal ({log}) :\n{tail}",
        Language.EN: "Neo4j stopped while starting. End of the log ({log}):\n{tail}",
    },
    "neo4j.start_timeout": {
        Language.FR: "Neo4j ne répond pas après {seconds} s. Voir le journal : {log}",
        Language.EN: "Neo4j does not answer after {seconds} s. See the log: {log}",
    },
    "neo4j.stopped": {Language.FR: "Neo4j est arrêté.", Language.EN: "Neo4j is stopped."},
    "neo4j.not_running": {
        Language.FR: "Neo4j local ne tourne pas.",
        Language.EN: "The local Neo4j is not running.",
    },
    "neo4j.external": {
        Language.FR: "NEO4J_URI désigne un serveur externe ({uri}) : rien à faire en local.",
        Language.EN: "NEO4J_URI names an external server ({uri}): nothing to do locally.",
    },
    "neo4j.credentials_missing": {
        Language.FR: (
            "Aucun mot de passe pour le Neo4j local : lancez « maillage neo4j start » "
            "ou définissez NEO4J_URI et NEO4J_PASSWORD."
        ),
        Language.EN: (
            "No password for the local Neo4j: run 'maillage neo4j start' "
            "or set NEO4J_URI and NEO4J_PASSWORD."
        ),
    },
    "neo4j.status.running": {Language.FR: "en marche", Language.EN: "running"},
    "neo4j.status.unreachable": {
        Language.FR: "injoignable : {error}",
        Language.EN: "unreachable: {error}",
    },
    # --- database ------------------------------------------------------------------
    "db.initialised": {
        Language.FR: "Schéma à jour (version {version}) ; migrations appliquées : {applied}.",
        Language.EN: "Schema up to date (version {version}); migrations applied: {applied}.",
    },
    "db.none": {Language.FR: "aucune", Language.EN: "none"},
    # --- demo and server -------------------------------------------------------------
    "serve.listening": {
        Language.FR: "API Maillage sur http://{host}:{port}/api/v1 (documentation : /docs).",
        Language.EN: "Maillage API on http://{host}:{port}/api/v1 (documentation: /docs).",
    },
    # --- analyses: labels of measures and roles --------------------------------------
    "analysis.betweenness": {Language.FR: "intermédiarité", Language.EN: "betweenness"},
    "analysis.constraint": {Language.FR: "contrainte (Burt)", Language.EN: "constraint (Burt)"},
    "analysis.effective_size": {Language.FR: "taille effective", Language.EN: "effective size"},
    "analysis.coordinator": {Language.FR: "coordinateur", Language.EN: "coordinator"},
    "analysis.itinerant": {
        Language.FR: "consultant itinérant",
        Language.EN: "itinerant (consultant)",
    },
    "analysis.representative": {Language.FR: "représentant", Language.EN: "representative"},
    "analysis.gatekeeper": {Language.FR: "portier (gardien)", Language.EN: "gatekeeper"},
    "analysis.liaison": {Language.FR: "agent de liaison", Language.EN: "liaison"},
    "analysis.total": {Language.FR: "total", Language.EN: "total"},
    "analysis.ei_index": {Language.FR: "indice E-I (cloisonnement)", Language.EN: "E-I index"},
    "analysis.shared_partners": {
        Language.FR: "partenaires communs",
        Language.EN: "shared partners",
    },
    "analysis.shared_territories": {
        Language.FR: "territoires communs",
        Language.EN: "shared territories",
    },
    "analysis.shared_issues": {Language.FR: "enjeux communs", Language.EN: "shared issues"},
    "analysis.shared_sdgs": {Language.FR: "ODD communs", Language.EN: "shared SDGs"},
    "analysis.shared_frameworks": {
        Language.FR: "cadres de dialogue communs",
        Language.EN: "shared dialogue frameworks",
    },
    "analysis.shared_operations": {
        Language.FR: "opérations communes",
        Language.EN: "shared operations",
    },
    "analysis.complementarity": {
        Language.FR: "complémentarité : autre sphère, même territoire et même enjeu",
        Language.EN: "complementarity: another sphere on the same territory and issue",
    },
    "analysis.not_in_scope": {
        Language.FR: "« {id} » n'est pas dans le périmètre analysé (ou n'existe pas).",
        Language.EN: "'{id}' is not in the analysed scope (or does not exist).",
    },
    "analysis.required": {
        Language.FR: "Ce paramètre est obligatoire pour l'analyse {analysis}.",
        Language.EN: "This parameter is required by the {analysis} analysis.",
    },
    "demo.open_read": {
        Language.FR: (
            "Démonstration : depuis cette machine, l'explorateur et l'API se lisent sans clé "
            "(rôle lecture, personnes sous pseudonyme). Écrire demande une clé."
        ),
        Language.EN: (
            "Demo: from this machine, the explorer and the API read without a key (viewer "
            "role, persons as pseudonyms). Writing needs a key."
        ),
    },
    # --- accounts, keys and the audit trail ------------------------------------------
    "role.viewer": {Language.FR: "lecture", Language.EN: "viewer"},
    "role.analyst": {Language.FR: "analyse", Language.EN: "analyst"},
    "role.editor": {Language.FR: "édition", Language.EN: "editor"},
    "role.admin": {Language.FR: "administration", Language.EN: "admin"},
    "access.user_added": {
        Language.FR: "Compte « {name} » créé (rôle : {role}).",
        Language.EN: "Account '{name}' created (role: {role}).",
    },
    "access.key_created": {
        Language.FR: (
            "Clé {id} créée, valable jusqu'au {expires}. La voici : elle ne sera plus "
            "jamais affichée, gardez-la comme un mot de passe."
        ),
        Language.EN: (
            "Key {id} created, valid until {expires}. Here it is: it will never be shown "
            "again; keep it like a password."
        ),
    },
    "access.key_revoked": {
        Language.FR: "Clé {id} révoquée : l'API la refuse dans les "
        "MAILLAGE_KEY_RECHECK_SECONDS (1 s par défaut).",
        Language.EN: "Key {id} revoked: the API refuses it within "
        "MAILLAGE_KEY_RECHECK_SECONDS (1 s by default).",
    },
    "access.bootstrap": {
        Language.FR: (
            "Premier démarrage : compte « {account} » créé, avec cette clé d'administration "
            "(permission « données sensibles »). Elle ne sera plus jamais affichée : gardez-la."
        ),
        Language.EN: (
            "First run: account '{account}' created, with this admin key (sensitive "
            "permission). It will never be shown again: keep it."
        ),
    },
    "access.pruned": {
        Language.FR: "{count} entrée(s) du journal d'audit oubliée(s).",
        Language.EN: "{count} audit entr(y/ies) forgotten.",
    },
    "access.audit_total": {
        Language.FR: "{shown} entrée(s) affichée(s) sur {total}.",
        Language.EN: "{shown} entr(y/ies) shown of {total}.",
    },
    "access.yes": {Language.FR: "oui", Language.EN: "yes"},
    "access.no": {Language.FR: "non", Language.EN: "no"},
    "access.column.id": {Language.FR: "Clé", Language.EN: "Key"},
    "access.column.name": {Language.FR: "Compte", Language.EN: "Account"},
    "access.column.role": {Language.FR: "Rôle", Language.EN: "Role"},
    "access.column.keys": {Language.FR: "Clés actives", Language.EN: "Active keys"},
    "access.column.created": {Language.FR: "Créé le", Language.EN: "Created"},
    "access.column.sensitive": {Language.FR: "Données sensibles", Language.EN: "Sensitive"},
    "access.column.expires": {Language.FR: "Expire le", Language.EN: "Expires"},
    "access.column.revoked": {Language.FR: "Révoquée le", Language.EN: "Revoked"},
    "access.column.label": {Language.FR: "Usage", Language.EN: "Purpose"},
    "access.column.when": {Language.FR: "Quand", Language.EN: "When"},
    "access.column.action": {Language.FR: "Action", Language.EN: "Action"},
    "access.column.outcome": {Language.FR: "Issue", Language.EN: "Outcome"},
    "access.column.address": {Language.FR: "Adresse", Language.EN: "Address"},
    "access.outcome.ok": {Language.FR: "faite", Language.EN: "done"},
    "access.outcome.refused": {Language.FR: "refusée", Language.EN: "refused"},
    "access.outcome.failed": {Language.FR: "échouée", Language.EN: "failed"},
    # --- imports and exports ------------------------------------------------------------
    "import.undone": {
        Language.FR: (
            "L'import de « {file} » s'était interrompu pendant l'écriture : ce qu'il avait "
            "écrit a été retiré, la base est comme avant lui."
        ),
        Language.EN: (
            "The import of '{file}' had stopped while writing: what it wrote has been "
            "taken back; the database is as it was before it."
        ),
    },
    "bulk.not_empty": {
        Language.FR: (
            "La base contient déjà un graphe ({nodes} nœud(s), {relationships} relation(s)) : "
            "le chargement rapide remplace toute la base, il ne sert qu'à une base vide. "
            "Rien n'a été écrit ; utilisez maillage import sans --bulk pour ajouter au graphe."
        ),
        Language.EN: (
            "The database already holds a graph ({nodes} node(s), {relationships} "
            "relationship(s)): the bulk load replaces the whole store and is only for an "
            "empty database. Nothing was written; use maillage import without --bulk to add "
            "to the graph."
        ),
    },
    "bulk.mixed_types": {
        Language.FR: (
            "La propriété « {key} » de {group} prend deux types ({first} et {second}) : "
            "le chargement rapide donne un seul type par colonne. Rien n'a été écrit ; "
            "importez ce fichier avec maillage import (sans --bulk)."
        ),
        Language.EN: (
            "Property '{key}' of {group} holds two types ({first} and {second}): the bulk "
            "load gives each column one type. Nothing was written; import this file with "
            "maillage import (without --bulk)."
        ),
    },
    "bulk.not_local": {
        Language.FR: (
            "Le chargement rapide passe par le serveur Neo4j local de Maillage "
            "(maillage neo4j start) ; NEO4J_URI désigne un autre serveur ({uri}). Rien n'a "
            "été écrit."
        ),
        Language.EN: (
            "The bulk load goes through Maillage's local Neo4j server (maillage neo4j "
            "start); NEO4J_URI names another server ({uri}). Nothing was written."
        ),
    },
    "bulk.done": {
        Language.FR: (
            "Chargement rapide terminé : {nodes} nœud(s) et {relationships} relation(s) "
            "en {seconds} s (vérification {checked} s, import hors ligne {offline} s, "
            "redémarrage et schéma {restart} s)."
        ),
        Language.EN: (
            "Bulk load done: {nodes} node(s) and {relationships} relationship(s) in "
            "{seconds} s (checks {checked} s, offline import {offline} s, restart and "
            "schema {restart} s)."
        ),
    },
    "neo4j.bulk_running": {
        Language.FR: (
            "Le serveur Neo4j local tourne encore : l'import hors ligne demande qu'il soit arrêté."
        ),
        Language.EN: (
            "The local Neo4j server is still running: the offline import needs it stopped."
        ),
    },
    "neo4j.bulk_failed": {
        Language.FR: "L'import hors ligne de Neo4j a échoué (code {code}) :\n{tail}",
        Language.EN: "Neo4j's offline import failed (code {code}):\n{tail}",
    },
    "backup.not_empty": {
        Language.FR: (
            "La base contient déjà un graphe ({nodes} nœud(s), {relationships} relation(s)) : "
            "rien n'a été restauré. Pour le remplacer : maillage restore FICHIER --replace."
        ),
        Language.EN: (
            "The database already holds a graph ({nodes} node(s), {relationships} "
            "relationship(s)): nothing was restored. To replace it: maillage restore FILE "
            "--replace."
        ),
    },
    "backup.not_a_backup": {
        Language.FR: "Ce fichier n'est pas une sauvegarde de Maillage (maillage backup).",
        Language.EN: "This file is not a Maillage backup (maillage backup).",
    },
    "backup.done": {
        Language.FR: (
            "Sauvegarde écrite dans {path} : {nodes} nœud(s), {relationships} relation(s), "
            "{records} compte(s), clé(s) et entrée(s) d'audit."
        ),
        Language.EN: (
            "Backup written to {path}: {nodes} node(s), {relationships} relationship(s), "
            "{records} account(s), key(s) and audit entr(y/ies)."
        ),
    },
    "backup.restored": {
        Language.FR: (
            "Sauvegarde {path} restaurée : {nodes} nœud(s), {relationships} relation(s), "
            "{records} compte(s), clé(s) et entrée(s) d'audit."
        ),
        Language.EN: (
            "Backup {path} restored: {nodes} node(s), {relationships} relationship(s), "
            "{records} account(s), key(s) and audit entr(y/ies)."
        ),
    },
    "import.rejected": {Language.FR: "Import refusé", Language.EN: "Import rejected"},
    "import.rejected.detail": {
        Language.FR: "{count} problème(s) dans le fichier ; rien n'a été écrit.",
        Language.EN: "{count} problem(s) in the file; nothing was written.",
    },
    "import.unknown_format": {
        Language.FR: "Format de fichier inconnu ; formats lus : {formats} (ou --format).",
        Language.EN: "Unknown file format; formats read: {formats} (or --format).",
    },
    "import.unreadable": {
        Language.FR: "Fichier illisible : {error}",
        Language.EN: "Unreadable file: {error}",
    },
    "import.not_maillage_json": {
        Language.FR: 'Ce JSON n\'est pas au format Maillage ("format": "maillage").',
        Language.EN: 'This JSON is not in Maillage\'s format ("format": "maillage").',
    },
    "import.unknown_column": {
        Language.FR: (
            "Colonne « {name} » inconnue dans la feuille {sheet} "
            "(voir les modèles ; préfixez-la par x_ pour la garder telle quelle)."
        ),
        Language.EN: (
            "Unknown column '{name}' in sheet {sheet} "
            "(see the templates; prefix it with x_ to keep it as is)."
        ),
    },
    "import.unknown_sheet": {
        Language.FR: "Feuille ou fichier inconnu ; feuilles lues : {sheets}.",
        Language.EN: "Unknown sheet or file; sheets read: {sheets}.",
    },
    "import.unknown_label": {
        Language.FR: "Étiquette inconnue ; étiquettes possibles : {labels}.",
        Language.EN: "Unknown label; possible labels: {labels}.",
    },
    "import.unknown_type": {
        Language.FR: "Type de relation inconnu ; types possibles : {types}.",
        Language.EN: "Unknown relationship type; possible types: {types}.",
    },
    "import.unknown_property": {
        Language.FR: (
            "Colonne « {name} » inconnue pour cette étiquette "
            "(préfixez-la par x_ pour la garder telle quelle)."
        ),
        Language.EN: (
            "Column '{name}' is unknown for this label (prefix it with x_ to keep it as is)."
        ),
    },
    "import.more_problems": {
        Language.FR: "… et {count} autres problèmes, non détaillés : corrigez d'abord ceux-ci.",
        Language.EN: "… and {count} more problems, not listed: fix these first.",
    },
    "import.other_kind": {
        Language.FR: (
            "Cet identifiant est déjà celui d'un nœud {stored} dans la base : "
            "un nœud {given} ne peut pas le reprendre (rien n'a été fusionné)."
        ),
        Language.EN: (
            "This id already belongs to a {stored} node in the database: "
            "a {given} node cannot take it over (nothing was merged)."
        ),
    },
    "import.duplicate_id": {
        Language.FR: "Identifiant en double : déjà utilisé en {first}.",
        Language.EN: "Duplicate id: already used at {first}.",
    },
    "import.dangling": {
        Language.FR: ("« {ref} » ne désigne aucun nœud (ni par identifiant, ni par nom ou alias)."),
        Language.EN: "'{ref}' names no node (by id, name or alias).",
    },
    "import.ambiguous": {
        Language.FR: (
            "« {ref} » est ambigu : plusieurs nœuds portent ce nom ou alias ({candidates}). "
            "Utilisez l'identifiant."
        ),
        Language.EN: (
            "'{ref}' is ambiguous: several nodes have this name or alias ({candidates}). "
            "Use the id."
        ),
    },
    "import.relationship_id_taken": {
        Language.FR: (
            "Cet identifiant désigne déjà une autre relation ({type} de {from} vers {to})."
        ),
        Language.EN: ("This id already names another relationship ({type} from {from} to {to})."),
    },
    "import.bad_datetime": {
        Language.FR: "Date et heure invalides (ISO 8601 attendu).",
        Language.EN: "Invalid date and time (ISO 8601 expected).",
    },
    "import.bad_sdg": {
        Language.FR: "Un ODD a un numéro de 1 à 17.",
        Language.EN: "An SDG has a number from 1 to 17.",
    },
    "import.stage.read": {Language.FR: "Lecture de {name}…", Language.EN: "Reading {name}…"},
    "import.stage.check": {
        Language.FR: "Vérification de {count} enregistrement(s)…",
        Language.EN: "Checking {count} record(s)…",
    },
    "import.stage.write": {Language.FR: "Écriture", Language.EN: "Writing"},
    "import.created": {Language.FR: "créés", Language.EN: "created"},
    "import.updated": {Language.FR: "modifiés", Language.EN: "updated"},
    "import.unchanged": {Language.FR: "inchangés", Language.EN: "unchanged"},
    "import.done": {
        Language.FR: "Import {format} terminé : {changes} écriture(s).",
        Language.EN: "{format} import done: {changes} write(s).",
    },
    "import.resources": {
        Language.FR: "Durée : {seconds} s ; mémoire maximale du processus : {mib} Mio.",
        Language.EN: "Took {seconds} s; peak memory of the process: {mib} MiB.",
    },
    "import.dry_run": {
        Language.FR: (
            "Essai à blanc ({format}) : rien n'a été écrit ; {changes} écriture(s) prévue(s)."
        ),
        Language.EN: "Dry run ({format}): nothing written; {changes} write(s) planned.",
    },
    "synth.done": {
        Language.FR: (
            "Écosystème synthétique écrit dans {path} : "
            "{nodes} nœud(s), {relationships} relation(s)."
        ),
        Language.EN: (
            "Synthetic ecosystem written to {path}: "
            "{nodes} node(s), {relationships} relationship(s)."
        ),
    },
    "map.written": {
        Language.FR: "Carte « {kind} » écrite dans {path} (elle s'ouvre sans réseau).",
        Language.EN: "Map '{kind}' written to {path} (it opens offline).",
    },
    "export.done": {
        Language.FR: "Export écrit dans {path} : {nodes} nœud(s), {relationships} relation(s).",
        Language.EN: "Export written to {path}: {nodes} node(s), {relationships} relationship(s).",
    },
    # --- a command line refused before anything runs ----------------------------------
    "cli.path_or_dataset": {
        Language.FR: "donnez un chemin PATH ou --dataset NOM (l'un ou l'autre).",
        Language.EN: "give a PATH or --dataset NAME (one of them).",
    },
    "cli.bulk_dry_run": {
        Language.FR: "--bulk écrit ; pour vérifier un fichier, --dry-run seul.",
        Language.EN: "--bulk writes; check a file with --dry-run alone.",
    },
    "cli.no_dataset": {
        Language.FR: "aucun jeu de données nommé « {name} » ; livrés : {known}.",
        Language.EN: "no dataset named '{name}'; shipped: {known}.",
    },
    "cli.not_a_date": {
        Language.FR: "« {value} » n'est pas une date (AAAA-MM-JJ).",
        Language.EN: "'{value}' is not a date (YYYY-MM-DD).",
    },
    "cli.folder_not_file": {
        Language.FR: "{path} est un dossier ; donnez un nom de fichier.",
        Language.EN: "{path} is a folder; give a file name.",
    },
}


#: French names of the things errors talk about (English names are the keys).
ENTITY_NAMES_FR: Final[dict[str, str]] = {
    "actor": "acteur",
    "person": "personne",
    "territory": "territoire",
    "dialogue framework": "cadre de dialogue",
    "operation": "opération",
    "issue": "enjeu",
    "relationship": "relation",
    "LINKED_TO relationship": "lien LINKED_TO",
    "SDG": "ODD",
}


def entity_name(name: str, language: Language) -> str:
    """``name`` (English) in ``language``.

    >>> entity_name("dialogue framework", Language.FR)
    'cadre de dialogue'
    """
    return ENTITY_NAMES_FR.get(name, name) if language is Language.FR else name


def translate(key: str, language: Language = Language.FR, **values: object) -> str:
    """Return the message ``key`` in ``language``, filled with ``values``.

    >>> translate("neo4j.stopped", Language.EN)
    'Neo4j is stopped.'
    """
    template = MESSAGES[key][language]
    return template.format(**values) if values else template


def translate_or_keep(message: str, language: Language, values: dict[str, object]) -> str:
    """``message`` translated when it is a catalogue key; otherwise as given (the
    English message of a pydantic check the catalogue does not know)."""
    return translate(message, language, **values) if message in MESSAGES else message
