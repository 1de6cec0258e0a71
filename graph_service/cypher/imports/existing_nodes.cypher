// Purpose: the stored labels and properties of nodes, by id (to tell created, updated
//          and unchanged apart before writing).
// Parameters: $ids.
// Returns: one row per existing id: id, labels, properties.
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
RETURN wanted AS id, labels(n) AS labels, n {.*} AS properties
