// Purpose: the names of nodes an analysis report mentions by id (territories,
//          operations, issues, frameworks, actors), so that people read names.
//          Persons are left out: their names are sensitive.
// Parameters: $ids (node ids).
// Returns: one row per node found: id, name.
UNWIND $ids AS wanted
MATCH (n:Actor|Territory|Operation|Issue|DialogueFramework {id: wanted})
RETURN DISTINCT n.id AS id, coalesce(n.name, n.id) AS name
ORDER BY id
