// Purpose: the most similar pairs of actors of a projected GDS graph (the GDS
//          engine of similar actors over a whole scope): node similarity (Jaccard,
//          or weighted Jaccard), each actor's topK, then the topN best overall.
// Parameters: $name (the GDS graph), $config (map: topK, topN, degreeCutoff,
//             relationshipWeightProperty 'weight' when weighted).
// Returns: the pairs, each once (GDS streams both directions): a, b (a < b), score.
CALL gds.nodeSimilarity.stream($name, $config) YIELD node1, node2, similarity
WITH gds.util.asNode(node1).id AS one, gds.util.asNode(node2).id AS other, similarity
WITH CASE WHEN one < other THEN one ELSE other END AS a,
     CASE WHEN one < other THEN other ELSE one END AS b, similarity
RETURN DISTINCT a, b, similarity AS score
