// Purpose: remove the graph before a restore that replaces it (SDGs stay: the schema
//          seeds them), in committed batches.
// Parameters: none.  Needs an auto-commit transaction.
// Returns: nothing.
MATCH (n:Entity) WHERE NOT n:SDG
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
