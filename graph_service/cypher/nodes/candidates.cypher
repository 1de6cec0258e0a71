// Purpose: the nodes of one label that a name or alias typed by a person may designate
//          (full-text index over names and aliases, accent-insensitive, words in any order).
// Parameters: $search (Lucene query built by the repository from escaped, folded words),
//             $label (the label the reference must have), $limit.
// Returns: one row per candidate: id, name, aliases; best match first.
CALL db.index.fulltext.queryNodes('entity_names', $search) YIELD node, score
WHERE $label IN labels(node)
RETURN node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases
ORDER BY score DESC, id
LIMIT $limit
