// Purpose: take the write lock on one node before reading it for an update, so that
//          concurrent updates of the same node run one after the other (no lost update).
// Template: __LABEL__ is a NodeLabel value.
// Parameters: $id.
// Returns: found (true) when the node exists; no row otherwise.
MATCH (n:__LABEL__ {id: $id})
SET n.id = n.id
RETURN true AS found
