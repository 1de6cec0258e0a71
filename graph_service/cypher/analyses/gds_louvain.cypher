// Purpose: Louvain communities of a projected GDS graph (the GDS engine of silos).
// Parameters: $name (the GDS graph), $config (map: relationshipWeightProperty
//             'weight' when weighted; concurrency 1 so that a run is reproducible).
// Returns: one row per actor: node (its GDS node id), id, community (GDS's own number).
CALL gds.louvain.stream($name, $config) YIELD nodeId, communityId
RETURN nodeId AS node, gds.util.asNode(nodeId).id AS id, communityId AS community
