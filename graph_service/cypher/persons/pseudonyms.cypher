// Purpose: what stands for each person when the caller may not see persons: the
//          employer (first by name among the actors the person works in) and the
//          person's rank among that employer's persons, by order of recording
//          (then id), so that "Personne 2 chez Fruitco" stays the same person.
// Parameters: $ids (person ids).
// Returns: one row per person found: id, pseudonym (the person's own, or null),
//          employer_id and employer_name (or null), rank (1-based).
UNWIND $ids AS wanted
MATCH (p:Person {id: wanted})
OPTIONAL MATCH (p)-[:WORKS_IN]->(a:Actor)
WITH p, a ORDER BY a.name, a.id
WITH p, head(collect(a)) AS employer
CALL (p, employer) {
  MATCH (o:Person)
  WHERE (employer IS NULL AND NOT (o)-[:WORKS_IN]->(:Actor))
     OR (employer IS NOT NULL AND (o)-[:WORKS_IN]->(employer))
  WITH o ORDER BY o.recorded_at, o.id
  RETURN collect(o.id) AS colleagues
}
RETURN p.id AS id, p.pseudonym AS pseudonym, employer.id AS employer_id,
       employer.name AS employer_name,
       [i IN range(0, size(colleagues) - 1) WHERE colleagues[i] = p.id][0] + 1 AS rank
