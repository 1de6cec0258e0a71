// Purpose: derived ties: pairs of actors that take part in the same dialogue
//          framework or the same operation (co-attendance, not cooperation).
// Parameters: $ids (actor ids), $from, $to (dates or null).
// Returns: one row per pair (source < target): source, target, shared (number of
//          frameworks and operations they share).
MATCH (a:Actor)-[p:PARTICIPATES_IN|TAKES_PART_IN]->(place)<-[q:PARTICIPATES_IN|TAKES_PART_IN]-(b:Actor)
WHERE a.id IN $ids AND b.id IN $ids AND a.id < b.id
  AND ($to IS NULL OR p.valid_from IS NULL OR p.valid_from <= $to)
  AND ($from IS NULL OR p.valid_to IS NULL OR p.valid_to >= $from)
  AND ($to IS NULL OR q.valid_from IS NULL OR q.valid_from <= $to)
  AND ($from IS NULL OR q.valid_to IS NULL OR q.valid_to >= $from)
RETURN a.id AS source, b.id AS target, count(DISTINCT place) AS shared
ORDER BY source, target
