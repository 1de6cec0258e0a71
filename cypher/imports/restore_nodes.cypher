// Purpose: put back the properties of nodes a failed large import had updated.
// Parameters: $rows (maps: id, properties = the properties stored before the import).
// Returns: restored (number of nodes).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n = row.properties
RETURN count(*) AS restored
