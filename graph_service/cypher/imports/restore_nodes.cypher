// Purpose: put back the properties and labels of nodes a failed large import had
//          updated (compensation).
//          Labels the node did not have before go, by a dynamic label expression
//          (Cypher 5.26); the labels come from the database itself, not from a file.
// Parameters: $rows (maps: id, properties and labels = those stored before the import).
// Returns: restored (number of nodes).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n = row.properties
WITH n, [label IN labels(n) WHERE NOT label IN row.labels] AS added
REMOVE n:$(added)
RETURN count(*) AS restored
