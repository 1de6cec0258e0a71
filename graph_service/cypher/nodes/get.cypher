// Purpose: one node by id.
// Template: __LABEL__ is a NodeLabel value.
// Parameters: $id.
// Returns: node (map of properties), labels; no row when absent.
MATCH (n:__LABEL__ {id: $id})
RETURN n {.*} AS node, labels(n) AS labels
