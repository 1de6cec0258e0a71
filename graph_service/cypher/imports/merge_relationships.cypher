// Purpose: create or update a batch of relationships of one type (imports).
// Template: __TYPE__ is a RelationshipType value.
// Parameters: $rows (maps: id, from_id, to_id, properties, recorded_at or null).
// Returns: written (number of rows whose ends exist).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from_id}), (b:Entity {id: row.to_id})
MERGE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r += row.properties, r.recorded_at = coalesce(row.recorded_at, datetime())
RETURN count(*) AS written
