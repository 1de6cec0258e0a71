// Purpose: one page of nodes of a label, filtered, with the total count.
// Template: __LABEL__ is a NodeLabel value; __PLACEMENT__ the relationship types that
//           place a node of that label on a territory (e.g. ANCHORED_IN|ACTIVE_IN).
// Parameters: $equals (map property -> required value), $ids (list of ids or null:
//             the text-search hits), $territory (territory id or null; its
//             sub-territories count), $at (date or null: ties valid on that day),
//             $offset, $limit.
// Returns: total (int) and items (list of maps with the node's properties and labels),
//          ordered by name then id.
MATCH (n:__LABEL__)
WHERE all(key IN keys($equals) WHERE n[key] = $equals[key])
  AND ($ids IS NULL OR n.id IN $ids)
  AND ($territory IS NULL OR EXISTS {
    MATCH placement = (n)-[:__PLACEMENT__*0..1]->(:Territory)-[:PART_OF*0..]->(:Territory {id: $territory})
    WHERE $at IS NULL OR all(r IN relationships(placement) WHERE
      (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
  })
WITH n ORDER BY n.name, n.id
WITH collect(n) AS matched
RETURN size(matched) AS total,
       [m IN matched[$offset..($offset + $limit)] | m {.*, labels: labels(m)}] AS items
