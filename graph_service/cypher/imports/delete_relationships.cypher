// Purpose: undo the relationships a failed large import created (compensation).
// Template: __ALL_TYPES__ is every RelationshipType joined by '|'.
// Parameters: $ids (relationship ids).
// Returns: deleted (number of relationships deleted).
UNWIND $ids AS wanted
MATCH ()-[r:__ALL_TYPES__ {id: wanted}]->()
DELETE r
RETURN count(*) AS deleted
