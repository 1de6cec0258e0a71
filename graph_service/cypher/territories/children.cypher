// Purpose: the sub-territories of a territory: direct children, or the whole subtree.
// Parameters: $id (parent territory), $max_depth (1 for children, large for the subtree),
//             $at (date or null: PART_OF ties valid that day).
// Returns: one row per sub-territory: territory (map), depth (1 = child), ordered by depth, name.
MATCH path = (sub:Territory)-[:PART_OF*1..]->(:Territory {id: $id})
WHERE length(path) <= $max_depth
  AND ($at IS NULL OR all(r IN relationships(path) WHERE
    (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at)))
WITH sub, min(length(path)) AS depth
RETURN sub {.*, labels: labels(sub)} AS territory, depth
ORDER BY depth, sub.name, sub.id
