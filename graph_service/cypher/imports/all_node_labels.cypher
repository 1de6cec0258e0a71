// Purpose: every node's id and labels (read only when the graph holds nothing but
//          the seeded SDGs, to answer an import's identity checks without a query per batch).
// Parameters: none.
// Returns: id, labels.
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels
