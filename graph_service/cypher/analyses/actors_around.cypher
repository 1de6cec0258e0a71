// Purpose: the actors a local analysis of one actor needs, so that it never reads the
//          whole scope: the actor, those within two hops of it over the tie types (a
//          shared partner's degree counts all its ties), and those sharing with it a
//          territory, a dialogue framework, an operation, an issue or an SDG (the
//          attributes possible allies are scored on).  The same time window as the
//          projection applies to each relationship the projection filters by date.
// Parameters: $actor (actor id), $types (tie types), $large (the size past which a
//             territory's, framework's or operation's actors are not read for
//             sitting in it),
//             $from, $to (dates or null: ties valid at some time in [from, to]).
// Returns: one row: ids (actor ids, the actor's own included); no row when absent.
MATCH (me:Actor {id: $actor})
CALL (me) {
  OPTIONAL MATCH (me)-[r]-(near:Actor)
  WHERE type(r) IN $types
    AND ($to IS NULL OR r.valid_from IS NULL OR r.valid_from <= $to)
    AND ($from IS NULL OR r.valid_to IS NULL OR r.valid_to >= $from)
  RETURN collect(DISTINCT near) AS first
}
CALL (first) {
  UNWIND first AS near
  MATCH (near)-[r]-(far:Actor)
  WHERE type(r) IN $types
    AND ($to IS NULL OR r.valid_from IS NULL OR r.valid_from <= $to)
    AND ($from IS NULL OR r.valid_to IS NULL OR r.valid_to >= $from)
  RETURN collect(DISTINCT far.id) AS second
}
CALL (me) {
  OPTIONAL MATCH (me)-[mine:ANCHORED_IN|ACTIVE_IN|PARTICIPATES_IN|TAKES_PART_IN]->(place)
  WHERE (place:Territory OR place:DialogueFramework OR place:Operation)
    AND ($to IS NULL OR mine.valid_from IS NULL OR mine.valid_from <= $to)
    AND ($from IS NULL OR mine.valid_to IS NULL OR mine.valid_to >= $from)
  // The actors of a territory, framework or operation holding more than $large are
  // not candidates for sitting in it (see the allies analysis): not read for it.
  WITH place
  WHERE COUNT {
    MATCH (place)<-[p:ANCHORED_IN|ACTIVE_IN|PARTICIPATES_IN|TAKES_PART_IN]-(:Actor)
    WHERE ($to IS NULL OR p.valid_from IS NULL OR p.valid_from <= $to)
      AND ($from IS NULL OR p.valid_to IS NULL OR p.valid_to >= $from)
  } <= $large
  OPTIONAL MATCH (place)<-[theirs:ANCHORED_IN|ACTIVE_IN|PARTICIPATES_IN|TAKES_PART_IN]-(other:Actor)
  WHERE ($to IS NULL OR theirs.valid_from IS NULL OR theirs.valid_from <= $to)
    AND ($from IS NULL OR theirs.valid_to IS NULL OR theirs.valid_to >= $from)
  RETURN collect(DISTINCT other.id) AS sharing
}
CALL (me) {
  OPTIONAL MATCH (me)-[:TAKES_PART_IN|ANCHORED_IN|ACTIVE_IN]->()-[:ADDRESSES]->(:Issue)
                 <-[:ADDRESSES]-()<-[:TAKES_PART_IN|ANCHORED_IN|ACTIVE_IN]-(other:Actor)
  RETURN collect(DISTINCT other.id) AS same_issue
}
CALL (me) {
  OPTIONAL MATCH (me)-[:TAKES_PART_IN*0..1]->()-[:CONTRIBUTES_TO]->(:SDG)
                 <-[:CONTRIBUTES_TO]-()<-[:TAKES_PART_IN*0..1]-(other:Actor)
  RETURN collect(DISTINCT other.id) AS same_sdg
}
WITH me, [n IN first | n.id] + second + sharing + same_issue + same_sdg AS found
UNWIND found + [me.id] AS id
RETURN collect(DISTINCT id) AS ids
