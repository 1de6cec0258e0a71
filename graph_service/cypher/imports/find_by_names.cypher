// Purpose: candidate nodes for references given by name or alias (accent-insensitive,
//          through the full-text index); the caller keeps exact matches of the folded name.
// Parameters: $queries (list of maps: name = the folded name, lucene = a phrase query).
// Returns: one row per (name, candidate): name, id, node_name, aliases.
UNWIND $queries AS q
CALL db.index.fulltext.queryNodes('entity_names', q.lucene) YIELD node
RETURN q.name AS name, node.id AS id, node.name AS node_name, node.aliases AS aliases
ORDER BY name, id
