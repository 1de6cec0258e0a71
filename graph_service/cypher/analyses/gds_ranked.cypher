// Purpose: the actors of a projected GDS graph with the highest value of a node
//          property an algorithm left there (the in-database reports' top rows).
// Parameters: $name (the GDS graph), $property (its name), $floor (only values at
//             least this; -1 for all), $limit (rows).
// Returns: at most $limit rows, highest value first: id, score.
CALL gds.graph.nodeProperty.stream($name, $property) YIELD nodeId, propertyValue
WITH nodeId, propertyValue AS score WHERE score >= $floor
WITH nodeId, score ORDER BY score DESC LIMIT $limit
RETURN gds.util.asNode(nodeId).id AS id, score
