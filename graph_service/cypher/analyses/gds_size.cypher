// Purpose: how many actors and ties a projected GDS graph holds (the in-database
//          reports' summary: the scope as the algorithms see it).
// Parameters: $name (the GDS graph).
// Returns: one row: nodes, ties (each undirected tie once: GDS stores both ways).
CALL gds.graph.list($name) YIELD nodeCount, relationshipCount
RETURN nodeCount AS nodes, relationshipCount / 2 AS ties
