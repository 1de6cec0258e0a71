// Purpose: nodes to export, in id order (streamed by the caller).
// Parameters: $ids (list of ids, or null for every node), $hide_persons (true: leave
//             persons out: a public export never carries them).
// Returns: one row per node: labels, properties.
MATCH (n:Entity)
WHERE ($ids IS NULL OR n.id IN $ids)
  AND NOT ($hide_persons AND n:Person)
RETURN labels(n) AS labels, n {.*} AS properties
ORDER BY n.id
