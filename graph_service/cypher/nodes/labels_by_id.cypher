// Purpose: the labels of the nodes with these ids (relationship endpoint checks).
// Parameters: $ids (list of ids).
// Returns: one row per id: id, labels (null when no such node).
UNWIND $ids AS wanted
OPTIONAL MATCH (n:Entity {id: wanted})
RETURN wanted AS id, labels(n) AS labels
