// Purpose: type and ends of existing relationships, by id (ids must keep their ends).
// Template: __ALL_TYPES__ is every RelationshipType joined by '|'.
// Parameters: $ids (relationship ids).
// Returns: one row per existing id: id, type, from_id, to_id, properties.
UNWIND $ids AS wanted
MATCH (a)-[r:__ALL_TYPES__ {id: wanted}]->(b)
RETURN wanted AS id, type(r) AS type, a.id AS from_id, b.id AS to_id, r {.*} AS properties
