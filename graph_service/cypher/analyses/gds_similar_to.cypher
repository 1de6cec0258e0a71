// Purpose: the actors of a projected GDS graph whose partners most resemble one
//          actor's (the GDS engine of similar actors): node similarity (Jaccard,
//          or weighted Jaccard) from that actor only.
// Parameters: $name (the GDS graph), $actor (the actor's id), $config (map: topK,
//             degreeCutoff, relationshipWeightProperty 'weight' when weighted).
// Returns: one row per similar actor: id, score.
MATCH (source:Actor {id: $actor})
WITH source, $config AS config
CALL gds.nodeSimilarity.filtered.stream($name, config {.*, sourceNodeFilter: [source]})
YIELD node2, similarity
RETURN gds.util.asNode(node2).id AS id, similarity AS score
