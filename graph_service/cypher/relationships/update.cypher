// Purpose: change properties of one relationship; a null value removes the property.
// Template: __ALL_TYPES__ is every RelationshipType joined by '|'.
// Parameters: $id, $changes (map).
// Returns: rel (map), type, from_id, to_id; no row when absent.
MATCH (a)-[r:__ALL_TYPES__ {id: $id}]->(b)
SET r += $changes, r.recorded_at = datetime()
RETURN r {.*} AS rel, type(r) AS type, a.id AS from_id, b.id AS to_id
