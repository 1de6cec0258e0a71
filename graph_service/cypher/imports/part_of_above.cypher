// Purpose: the stored PART_OF ties above some nodes (their ancestors' ties), so that an
//          import can tell whether its own PART_OF ties would close a loop.
// Parameters: $ids (ids of nodes an imported PART_OF tie starts or ends at).
// Returns: one row per stored PART_OF tie above them: from_id, to_id.
UNWIND $ids AS wanted
MATCH path = (:Territory|DialogueFramework|Operation {id: wanted})-[:PART_OF*1..64]->()
UNWIND relationships(path) AS tie
RETURN DISTINCT startNode(tie).id AS from_id, endNode(tie).id AS to_id
