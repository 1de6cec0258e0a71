// Purpose: relationships to export: all of them, or those touching the given nodes;
//          optionally only those valid on a day.
// Parameters: $ids (node ids or null), $at (date or null), $hide_persons (true: leave
//             out every tie that touches a person).
// Returns: one row per relationship: type, from_id, to_id, properties; ordered.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
  AND ($at IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $at)
                       AND (r.valid_to IS NULL OR r.valid_to >= $at)))
  AND NOT ($hide_persons AND (a:Person OR b:Person))
RETURN type(r) AS type, a.id AS from_id, b.id AS to_id, r {.*} AS properties
ORDER BY type, from_id, to_id, r.id
