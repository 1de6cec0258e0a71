// Purpose: create a batch of nodes of the same labels that the import's plan found
//          absent (imports).  Cheaper than merge_nodes (no lookup before each
//          create); a node created meanwhile by someone else under the same id
//          fails the id constraint, and the import is undone, never merged into.
// Template: __LABELS__ is NodeLabel values joined by ':'.
// Parameters: $rows (maps: id, properties, recorded_at or null, stamp: false for the
//             seeded SDGs, which carry no recording date).
// Returns: written (number of rows).
UNWIND $rows AS row
CREATE (n:Entity:__LABELS__)
SET n = row.properties, n.id = row.id
SET n.recorded_at = CASE WHEN row.stamp THEN coalesce(row.recorded_at, datetime()) END
RETURN count(*) AS written
