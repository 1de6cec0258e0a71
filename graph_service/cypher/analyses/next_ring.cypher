// Purpose: one ring further out from a set of actors: the actors tied to any of them
//          by the projection's tie types in its time window (a breadth-first step of
//          local analyses, which never read the whole scope).
// Parameters: $ids (actor ids), $types (tie types), $from, $to (dates or null).
// Returns: one row: ids (the actors tied to them, the given ones possibly included).
UNWIND $ids AS given
MATCH (:Actor {id: given})-[r]-(next:Actor)
WHERE type(r) IN $types
  AND ($to IS NULL OR r.valid_from IS NULL OR r.valid_from <= $to)
  AND ($from IS NULL OR r.valid_to IS NULL OR r.valid_to >= $from)
RETURN collect(DISTINCT next.id) AS ids
