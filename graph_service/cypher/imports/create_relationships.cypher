// Purpose: create a batch of relationships of one type that the import's plan found
//          absent (imports).  Cheaper than merge_relationships (no look at the ties
//          already between the two ends); one created meanwhile under the same id
//          fails the type's id constraint, and the import is undone.
// Template: __TYPE__ is a RelationshipType value.
// Parameters: $rows (maps: id, from_id, to_id, properties, recorded_at or null).
// Returns: written (number of rows whose ends exist).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from_id}), (b:Entity {id: row.to_id})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.properties, r.id = row.id, r.recorded_at = coalesce(row.recorded_at, datetime())
RETURN count(*) AS written
