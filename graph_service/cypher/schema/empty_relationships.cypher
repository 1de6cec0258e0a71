// Purpose: delete every relationship, in committed batches (test and benchmark
//          servers only: empty_database() runs it, then empty_nodes).
// Parameters: none.  Needs an auto-commit transaction (CALL … IN TRANSACTIONS).
// Returns: nothing.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
