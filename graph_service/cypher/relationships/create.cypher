// Purpose: create one typed relationship between two existing nodes.
// Template: __TYPE__ is a RelationshipType value.
// Parameters: $from_id, $to_id, $props (properties, including id and provenance).
// Returns: rel (map), type, from_id, to_id; no row when an endpoint is missing.
MATCH (a:Entity {id: $from_id}), (b:Entity {id: $to_id})
CREATE (a)-[r:__TYPE__]->(b)
SET r = $props, r.recorded_at = datetime()
RETURN r {.*} AS rel, type(r) AS type, a.id AS from_id, b.id AS to_id
