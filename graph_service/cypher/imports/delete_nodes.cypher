// Purpose: undo the nodes a failed large import created (compensation).
// Parameters: $ids (node ids).
// Returns: deleted (number of nodes deleted).
UNWIND $ids AS wanted
MATCH (n:Entity {id: wanted})
DETACH DELETE n
RETURN count(*) AS deleted
