// Purpose: how many actors sit in each of some territories (anchored or active
//          there, not in sub-territories), dialogue frameworks and operations, in a
//          time window: possible allies tell a commune or a working group from a
//          region or a platform of thousands by it, the same whether the analysis
//          read the whole scope or one actor's surroundings.
// Parameters: $ids (territory, framework and operation ids), $from, $to (dates or null).
// Returns: one row per place found: id, members.
UNWIND $ids AS wanted
MATCH (place:Entity {id: wanted})
WHERE place:Territory OR place:DialogueFramework OR place:Operation
RETURN wanted AS id, COUNT {
  MATCH (place)<-[p:ANCHORED_IN|ACTIVE_IN|PARTICIPATES_IN|TAKES_PART_IN]-(:Actor)
  WHERE ($to IS NULL OR p.valid_from IS NULL OR p.valid_from <= $to)
    AND ($from IS NULL OR p.valid_to IS NULL OR p.valid_to >= $from)
} AS members
