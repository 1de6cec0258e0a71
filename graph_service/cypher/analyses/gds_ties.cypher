// Purpose: the ties of a projected GDS graph, each once, as pairs of GDS node ids with
//          their weight (the in-database silos report counts them by group without
//          building a graph of the scope).
// Parameters: $name (the GDS graph).
// Returns: one row per tie: source, target (GDS node ids, as the community streams
//          give them), weight.
CALL gds.graph.relationshipProperty.stream($name, 'weight')
YIELD sourceNodeId, targetNodeId, propertyValue
WITH sourceNodeId, targetNodeId, propertyValue WHERE sourceNodeId < targetNodeId
RETURN sourceNodeId AS source, targetNodeId AS target, propertyValue AS weight
