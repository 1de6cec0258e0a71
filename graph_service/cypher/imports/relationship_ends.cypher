// Purpose: type and ends of existing relationships of one type, by id (ids must
//          keep their ends); the caller asks every type in turn.  One query over
//          every type at once (`[r:A|B|… {id: wanted}]`) planned a union of index
//          seeks that took 40 s for 5,000 ids on a 20,000-actor graph (0.1 s for
//          1,000): a re-import stalled on it.
// Template: __TYPE__ is a RelationshipType.
// Parameters: $ids (relationship ids).
// Returns: one row per existing id of that type: id, type, from_id, to_id, properties.
UNWIND $ids AS wanted
MATCH (a)-[r:__TYPE__ {id: wanted}]->(b)
RETURN wanted AS id, type(r) AS type, a.id AS from_id, b.id AS to_id, r {.*} AS properties
