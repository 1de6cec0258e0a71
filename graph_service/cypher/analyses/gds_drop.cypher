// Purpose: drop a projected GDS graph once its analysis is done (it holds memory).
// Parameters: $name (the GDS graph).
// Returns: name (none when it did not exist).
CALL gds.graph.drop($name, false) YIELD graphName
RETURN graphName AS name
