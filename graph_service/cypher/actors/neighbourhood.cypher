// Purpose: the neighbourhood of an actor up to __DEPTH__ (1 or 2) hops, in either
//          direction; the depth is part of the pattern, so depth 1 never expands a
//          second hop.
// Parameters: $id (centre actor), $types (relationship types or null),
//             $at (date or null: ties valid that day), $equals (map: filters that
//             neighbouring actors must match), $territory (territory id or null:
//             neighbouring actors placed in it or its sub-territories), $limit (max paths).
// Returns: centre (map), path_nodes and path_relationships (per path; the caller removes
//          repeats), truncated (true when $limit paths were reached); no row when absent.
//          recorded_at comes as ISO 8601 text: decoding a date-time in the driver
//          costs more than parsing it back in Python.
MATCH (centre:Actor {id: $id})
OPTIONAL MATCH path = (centre)-[*1..__DEPTH__]-(:Entity)
WHERE all(r IN relationships(path) WHERE ($types IS NULL OR type(r) IN $types)
      AND ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at)
                           AND (r.valid_to IS NULL OR r.valid_to >= $at))))
  AND all(x IN nodes(path)[1..] WHERE NOT x:Actor OR (
      all(key IN keys($equals) WHERE x[key] = $equals[key])
      AND ($territory IS NULL OR EXISTS {
        // Walked up from the neighbour: coalesce() is no index lookup, so the
        // planner cannot walk down the territory's whole subtree for each one.
        MATCH (x)-[:ANCHORED_IN|ACTIVE_IN]->(:Territory)-[:PART_OF*0..]->(top:Territory)
        WHERE coalesce(top.id, '') = $territory
      })))
WITH centre, path LIMIT $limit
WITH centre, collect(path) AS paths
RETURN centre {.*, labels: labels(centre), recorded_at: toString(centre.recorded_at)} AS centre,
       [p IN paths | [n IN nodes(p)[1..] |
          n {.*, labels: labels(n), recorded_at: toString(n.recorded_at)}]] AS path_nodes,
       [p IN paths | [r IN relationships(p) |
          {rel: r {.*, recorded_at: toString(r.recorded_at)}, type: type(r),
           from_id: startNode(r).id, to_id: endNode(r).id}]] AS path_relationships,
       size(paths) >= $limit AS truncated
