// Purpose: delete one node, refusing (unless $force) while it still has relationships.
// Template: __LABEL__ is a NodeLabel value.
// Parameters: $id, $force (boolean).
// Returns: degree (relationships it had) and deleted (boolean); no row when absent.
MATCH (n:__LABEL__ {id: $id})
WITH n, COUNT { (n)--() } AS degree
CALL (n, degree) {
  WITH n WHERE degree = 0 OR $force
  DETACH DELETE n
}
RETURN degree, degree = 0 OR $force AS deleted
