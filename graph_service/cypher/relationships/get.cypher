// Purpose: one relationship by id, whatever its type (a union of unique-index seeks).
// Template: __ALL_TYPES__ is every RelationshipType joined by '|'.
// Parameters: $id.
// Returns: rel (map), type, from_id, to_id; no row when absent.
MATCH (a)-[r:__ALL_TYPES__ {id: $id}]->(b)
RETURN r {.*} AS rel, type(r) AS type, a.id AS from_id, b.id AS to_id
