// Purpose: the actors in an analysis scope, with the attributes analyses use.
//          __ACTORS__ chooses them first: every actor, those of $ids (local
//          analyses, which never read the whole scope), or those found from the
//          territory or operation (a département without scanning the nation).
// Parameters: $ids (actor ids, with the ids selection), $scope_territory and
//             $scope_operation (with the territory and operation selections, which
//             apply those scopes themselves), $attributes (false: leave the
//             lists below empty without reading them, for analyses that only need
//             who the actors are, such as introductions), $territory (territory id or null: actors placed in it or its
//             sub-territories), $operation (operation/programme id or null: actors
//             taking part in it or in its sub-operations), $spheres (list or null),
//             $from, $to (dates or null: ties valid at some time in [from, to]).
// Returns: one row per actor: id, name, sphere, nature, country, home (primary
//          anchoring territory id), home_level, territories, frameworks, operations,
//          issues, sdgs (lists of ids), home_name, source, source_ref (provenance).
// The placement and participation checks walk up from the actor, whose territories
// and operations are few: `coalesce(top.id, '')` is not an index lookup, so the
// planner cannot start from the scope's territory and walk down its whole subtree for
// every actor (a région's 70,000 actors, 12 ms an actor).
__ACTORS__
WHERE ($spheres IS NULL OR a.sphere IN $spheres)
  AND ($territory IS NULL OR EXISTS {
    MATCH placement = (a)-[:ANCHORED_IN|ACTIVE_IN]->(:Territory)-[:PART_OF*0..]->(top:Territory)
    WHERE coalesce(top.id, '') = $territory AND all(r IN relationships(placement) WHERE
      ($to IS NULL OR r.valid_from IS NULL OR r.valid_from <= $to)
      AND ($from IS NULL OR r.valid_to IS NULL OR r.valid_to >= $from))
  })
  AND ($operation IS NULL OR EXISTS {
    MATCH (a)-[part:TAKES_PART_IN]->(:Operation)-[:PART_OF*0..]->(top:Operation)
    WHERE coalesce(top.id, '') = $operation
      AND ($to IS NULL OR part.valid_from IS NULL OR part.valid_from <= $to)
      AND ($from IS NULL OR part.valid_to IS NULL OR part.valid_to >= $from)
  })
CALL (a) {
  OPTIONAL MATCH (a)-[anchor:ANCHORED_IN]->(home:Territory)
  WHERE ($to IS NULL OR anchor.valid_from IS NULL OR anchor.valid_from <= $to)
    AND ($from IS NULL OR anchor.valid_to IS NULL OR anchor.valid_to >= $from)
  RETURN home ORDER BY coalesce(anchor.primary, false) DESC, home.id LIMIT 1
}
CALL (a) {
  OPTIONAL MATCH (a)-[placed:ANCHORED_IN|ACTIVE_IN]->(t:Territory)
  WHERE $attributes AND ($to IS NULL OR placed.valid_from IS NULL OR placed.valid_from <= $to)
    AND ($from IS NULL OR placed.valid_to IS NULL OR placed.valid_to >= $from)
  RETURN collect(DISTINCT t.id) AS territories
}
CALL (a) {
  OPTIONAL MATCH (a)-[p:PARTICIPATES_IN]->(f:DialogueFramework)
  WHERE $attributes AND ($to IS NULL OR p.valid_from IS NULL OR p.valid_from <= $to)
    AND ($from IS NULL OR p.valid_to IS NULL OR p.valid_to >= $from)
  RETURN collect(DISTINCT f.id) AS frameworks
}
CALL (a) {
  OPTIONAL MATCH (a)-[p:TAKES_PART_IN]->(o:Operation)
  WHERE $attributes AND ($to IS NULL OR p.valid_from IS NULL OR p.valid_from <= $to)
    AND ($from IS NULL OR p.valid_to IS NULL OR p.valid_to >= $from)
  RETURN collect(DISTINCT o.id) AS operations
}
CALL (a) {
  OPTIONAL MATCH (a)-[:TAKES_PART_IN|ANCHORED_IN|ACTIVE_IN]->(x)-[:ADDRESSES]->(i:Issue)
  WHERE $attributes
  RETURN collect(DISTINCT i.id) AS issues
}
CALL (a) {
  OPTIONAL MATCH (a)-[:TAKES_PART_IN*0..1]->()-[:CONTRIBUTES_TO]->(s:SDG)
  WHERE $attributes
  RETURN collect(DISTINCT s.number) AS sdgs
}
RETURN a.id AS id, a.name AS name, a.sphere AS sphere, a.nature AS nature,
       a.country AS country, home.id AS home, home.level AS home_level,
       home.name AS home_name, a.source AS source, a.source_ref AS source_ref,
       territories, frameworks, operations, issues, sdgs
ORDER BY id
