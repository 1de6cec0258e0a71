// Purpose: one page of relationships, filtered, with the total count.
// Parameters: $types (list of types or null), $from_id, $to_id, $node_id (either end),
//             $at (date or null: valid that day), $hide_persons (true: leave out the
//             ties that touch a person, and count them), $offset, $limit.
// Returns: total, hidden (ties left out) and items (maps: rel, type, from_id, to_id),
//          ordered by type, ends, id.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($from_id IS NULL OR a.id = $from_id)
  AND ($to_id IS NULL OR b.id = $to_id)
  AND ($node_id IS NULL OR a.id = $node_id OR b.id = $node_id)
  AND ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at)
                       AND (r.valid_to IS NULL OR r.valid_to >= $at)))
WITH a, r, b, (a:Person OR b:Person) AS person
WITH count(*) AS everything,
     collect(CASE WHEN NOT ($hide_persons AND person) THEN [a, r, b] END) AS kept
UNWIND (CASE WHEN kept = [] THEN [null] ELSE kept END) AS row
WITH everything, row[0] AS a, row[1] AS r, row[2] AS b
ORDER BY type(r), a.id, b.id, r.id
WITH everything,
     collect(CASE WHEN r IS NOT NULL
                  THEN {rel: r {.*}, type: type(r), from_id: a.id, to_id: b.id} END) AS matched
RETURN size(matched) AS total, everything - size(matched) AS hidden,
       matched[$offset..($offset + $limit)] AS items
