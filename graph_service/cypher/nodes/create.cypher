// Purpose: create one node of a domain label (plus :Entity, whose id is unique across labels).
// Template: __LABEL__ is a NodeLabel value (allow-list enforced by the loader).
// Parameters: $props (map of properties, including id).
// Returns: node (map of stored properties), labels.
CREATE (n:Entity:__LABEL__)
SET n = $props, n.recorded_at = datetime()
RETURN n {.*} AS node, labels(n) AS labels
