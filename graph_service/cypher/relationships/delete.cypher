// Purpose: delete one relationship by id.
// Template: __ALL_TYPES__ is every RelationshipType joined by '|'.
// Parameters: $id.
// Returns: deleted (number of relationships deleted: 0 or 1).
OPTIONAL MATCH ()-[r:__ALL_TYPES__ {id: $id}]->()
DELETE r
RETURN count(r) AS deleted
