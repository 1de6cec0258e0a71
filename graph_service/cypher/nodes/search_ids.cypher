// Purpose: full-text search over names and aliases (accent-insensitive).
// Parameters: $search (Lucene query built by the repository from escaped, folded terms),
//             $label (restrict to nodes with this label), $limit.
// Returns: id and score, best first.
CALL db.index.fulltext.queryNodes('entity_names', $search) YIELD node, score
WHERE $label IN labels(node)
RETURN node.id AS id, score
ORDER BY score DESC, id
LIMIT $limit
