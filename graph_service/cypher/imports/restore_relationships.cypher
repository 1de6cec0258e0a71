// Purpose: put back the properties of relationships a failed large import had updated.
// Template: __ALL_TYPES__ is every RelationshipType joined by '|'.
// Parameters: $rows (maps: id, properties = the properties stored before the import).
// Returns: restored (number of relationships).
UNWIND $rows AS row
MATCH ()-[r:__ALL_TYPES__ {id: row.id}]->()
SET r = row.properties
RETURN count(*) AS restored
