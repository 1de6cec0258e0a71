// Purpose: the dialogue frameworks of an operation (FRAMES, with sub-operations), of a
//          territory (COVERS it or a sub-territory), or of the whole graph (neither given);
//          their nesting and succession, and who takes part in each: the input of the
//          multi-level analysis.
// Parameters: $operation (id or null), $territory (id or null), $from, $to (dates or null).
// Returns: one row per framework: id, name, level, type, formality, parents (ids of
//          frameworks it is PART_OF), successors (SUCCEEDED_BY ids), participants
//          (maps: id, name, role, kind 'Actor'/'Person'), source, source_ref.
// Walked up from each framework (coalesce() is no index lookup), not down the
// scope's whole subtree once per framework.
MATCH (f:DialogueFramework)
WHERE ($operation IS NULL OR EXISTS {
        MATCH (f)-[:FRAMES]->(:Operation)-[:PART_OF*0..]->(top:Operation)
        WHERE coalesce(top.id, '') = $operation })
  AND ($territory IS NULL OR EXISTS {
        MATCH (f)-[:COVERS]->(:Territory)-[:PART_OF*0..]->(top:Territory)
        WHERE coalesce(top.id, '') = $territory })
CALL (f) {
  OPTIONAL MATCH (f)-[:PART_OF]->(parent:DialogueFramework)
  RETURN collect(DISTINCT parent.id) AS parents
}
CALL (f) {
  OPTIONAL MATCH (f)-[:SUCCEEDED_BY]->(next:DialogueFramework)
  RETURN collect(DISTINCT next.id) AS successors
}
CALL (f) {
  OPTIONAL MATCH (who)-[p:PARTICIPATES_IN]->(f)
  WHERE ($to IS NULL OR p.valid_from IS NULL OR p.valid_from <= $to)
    AND ($from IS NULL OR p.valid_to IS NULL OR p.valid_to >= $from)
  WITH who, p ORDER BY who.id
  RETURN [x IN collect({id: who.id, name: who.name, role: p.role,
                        kind: CASE WHEN who:Actor THEN 'Actor' ELSE 'Person' END})
          WHERE x.id IS NOT NULL] AS participants
}
RETURN f.id AS id, f.name AS name, f.level AS level, f.type AS type, f.formality AS formality,
       f.source AS source, f.source_ref AS source_ref, parents, successors, participants
ORDER BY id
