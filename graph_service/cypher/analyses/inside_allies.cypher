// Purpose: persons working in a target institution and their stances towards causes,
//          with the people and actors they know: the input of the inside-allies analysis.
// Parameters: $target (actor id), $causes (ids of the issues, operations or actors that
//             count as "our cause"), $at (date or null: WORKS_IN valid that day).
// Returns: one row per person: id, name, title, role, unit, stances (maps: cause,
//          stance, last_verified), knows (ids of actors and persons tied by KNOWS,
//          in either direction, plus the actors they work in).
MATCH (p:Person)-[w:WORKS_IN]->(:Actor {id: $target})
WHERE $at IS NULL OR ((w.valid_from IS NULL OR w.valid_from <= $at)
                      AND (w.valid_to IS NULL OR w.valid_to >= $at))
CALL (p) {
  OPTIONAL MATCH (p)-[s:SUPPORTS]->(cause)
  WHERE cause.id IN $causes
  RETURN [x IN collect({cause: cause.id, stance: s.stance, last_verified: s.last_verified})
          WHERE x.cause IS NOT NULL] AS stances
}
CALL (p) {
  OPTIONAL MATCH (p)-[:KNOWS]-(other)
  RETURN collect(DISTINCT other.id) AS knows
}
RETURN p.id AS id, p.name AS name, p.title AS title, w.role AS role, w.unit AS unit,
       stances, knows
ORDER BY id
