// Purpose: delete every node but those labelled $keep (a test server's marker), in
//          committed batches; run after empty_relationships, so none has ties left.
// Parameters: $keep (a label name).  Needs an auto-commit transaction.
// Returns: nothing.
MATCH (n) WHERE NOT $keep IN labels(n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
