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
// An employer's persons are read from the employer (a walk of its WORKS_IN ties):
// scanning every person for each one asked made a neighbourhood with a person in
// it cost a scan of the nation's persons.  Persons without an employer are ranked
// among all of those, which only a scan can tell.
CALL (p, employer) {
  OPTIONAL MATCH (employer)<-[:WORKS_IN]-(o:Person)
  WITH DISTINCT o ORDER BY o.recorded_at, o.id
  RETURN collect(o.id) AS at_employer
}
CALL (p, employer) {
  WITH p WHERE employer IS NULL
  MATCH (o:Person) WHERE NOT (o)-[:WORKS_IN]->(:Actor)
  WITH o ORDER BY o.recorded_at, o.id
  RETURN collect(o.id) AS unemployed
}
WITH p, employer, CASE WHEN employer IS NULL THEN unemployed ELSE at_employer END AS colleagues
RETURN p.id AS id, p.pseudonym AS pseudonym, employer.id AS employer_id,
       employer.name AS employer_name,
       [i IN range(0, size(colleagues) - 1) WHERE colleagues[i] = p.id][0] + 1 AS rank
