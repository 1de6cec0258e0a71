// Purpose: Leiden communities of a projected GDS graph (the GDS engine of silos with
//          algorithm=leiden).
// Parameters: $name (the GDS graph), $config (map: relationshipWeightProperty
//             'weight' when weighted; concurrency 1 and randomSeed so that a run is
//             reproducible).
// Returns: one row per actor: node (its GDS node id), id, community (GDS's own number).
CALL gds.leiden.stream($name, $config) YIELD nodeId, communityId
RETURN nodeId AS node, gds.util.asNode(nodeId).id AS id, communityId AS community
