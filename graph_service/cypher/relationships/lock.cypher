// Purpose: take the write lock on one relationship before reading it for an update, so
//          that concurrent updates run one after the other (no lost update, no write skew
//          between valid_from and valid_to).
// Template: __ALL_TYPES__ is every RelationshipType joined by '|'.
// Parameters: $id.
// Returns: found (true) when the relationship exists; no row otherwise.
MATCH ()-[r:__ALL_TYPES__ {id: $id}]->()
SET r.id = r.id
RETURN true AS found
