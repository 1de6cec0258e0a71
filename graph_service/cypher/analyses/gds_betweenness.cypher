// Purpose: betweenness of every actor of a projected GDS graph (the GDS engine of
//          brokers), exact or estimated from a sample of source actors.
// Parameters: $name (the GDS graph), $config (map: samplingSize and samplingSeed
//             when sampled, relationshipWeightProperty 'distance' when weighted).
// Returns: one row per actor: id, score (GDS's raw count, each unordered pair of
//          an undirected graph counted once).
CALL gds.betweenness.stream($name, $config) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
