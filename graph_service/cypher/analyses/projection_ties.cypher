// Purpose: the ties among a set of actors, of the chosen types, valid in a period.
// Parameters: $ids (actor ids), $types (relationship types counted as ties, e.g.
//             COOPERATES_WITH, FUNDS, MEMBER_OF; OPPOSES is returned separately by
//             the caller's choice), $from, $to (dates or null).
// Returns: one row per relationship: source, target, type, kind, strength,
//          valid_from, valid_to, source_ref (provenance).
MATCH (a:Actor)-[r]->(b:Actor)
WHERE a.id IN $ids AND b.id IN $ids AND a <> b AND type(r) IN $types
  AND ($to IS NULL OR r.valid_from IS NULL OR r.valid_from <= $to)
  AND ($from IS NULL OR r.valid_to IS NULL OR r.valid_to >= $from)
RETURN a.id AS source, b.id AS target, type(r) AS type, r.kind AS kind,
       r.strength AS strength, r.valid_from AS valid_from, r.valid_to AS valid_to,
       r.source_ref AS source_ref
ORDER BY source, target, type
