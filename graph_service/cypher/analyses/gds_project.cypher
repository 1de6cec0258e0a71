// Purpose: project actors and the ties among them into a named in-memory graph of the
//          Graph Data Science library (the GDS engine of brokers and silos): one
//          undirected relationship per pair of actors, as the Python projection
//          merges them, with the strongest tie's weight and its distance (1/weight).
// Parameters: $name (the GDS graph's name), $ids (actor ids: the analysis scope),
//             $types (tie types), $weights (map: type -> weight; 1 when absent),
//             $from, $to (dates or null: ties valid at some time in [from, to]).
// Returns: nodes, relationships (what was projected).
UNWIND $ids AS wanted
MATCH (a:Actor {id: wanted})
OPTIONAL MATCH (a)-[r]-(b:Actor)
WHERE type(r) IN $types AND a.id < b.id AND b.id IN $ids
  AND ($to IS NULL OR r.valid_from IS NULL OR r.valid_from <= $to)
  AND ($from IS NULL OR r.valid_to IS NULL OR r.valid_to >= $from)
  AND coalesce($weights[type(r)], 1.0) > 0
WITH a, b, max(coalesce($weights[type(r)], 1.0) * coalesce(r.strength, 2) / 2.0) AS weight
WITH gds.graph.project(
  $name, a, b,
  {relationshipProperties: CASE WHEN b IS NULL THEN null
                                ELSE {weight: weight, distance: 1.0 / weight} END},
  {undirectedRelationshipTypes: ['*']}
) AS graph
RETURN graph.nodeCount AS nodes, graph.relationshipCount AS relationships
