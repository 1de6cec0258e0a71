// Purpose: change properties of one node; a null value removes the property.
// Template: __LABEL__ is a NodeLabel value.
// Parameters: $id, $changes (map property -> new value or null).
// Returns: node, labels; no row when absent.
MATCH (n:__LABEL__ {id: $id})
SET n += $changes, n.recorded_at = datetime()
RETURN n {.*} AS node, labels(n) AS labels
