// Purpose: the causes an actor stands for: itself, the operations it takes part in, and
//          the issues those operations address (inside allies are allies of these).
// Parameters: $id (actor id).
// Returns: causes (list of ids); no row when the actor does not exist.
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[:TAKES_PART_IN]->(op:Operation)
OPTIONAL MATCH (op)-[:ADDRESSES]->(issue:Issue)
WITH a, collect(DISTINCT op.id) AS operations, collect(DISTINCT issue.id) AS issues
RETURN [a.id] + operations + issues AS causes
