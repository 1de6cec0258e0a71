// Purpose: create or update a batch of nodes of the same labels (imports).
// Template: __LABELS__ is NodeLabel values joined by ':'.
// Parameters: $rows (maps: id, properties, recorded_at or null, stamp: false for the
//             seeded SDGs, which carry no recording date).
// Returns: written (number of rows).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:__LABELS__
SET n += row.properties
SET n.recorded_at = CASE WHEN row.stamp THEN coalesce(row.recorded_at, datetime()) ELSE n.recorded_at END
RETURN count(*) AS written
