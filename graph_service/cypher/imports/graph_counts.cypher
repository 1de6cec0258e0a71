// Purpose: how much graph a database holds, read from Neo4j's counts (constant
//          time, whatever its size): an import into an empty graph skips its lookups.
// Parameters: none.
// Returns: nodes (Entity nodes other than the seeded SDGs), relationships (from an Entity).
CALL { MATCH (n:Entity) RETURN count(n) AS entities }
CALL { MATCH (n:SDG) RETURN count(n) AS sdgs }
CALL { MATCH (:Entity)-[r]->() RETURN count(r) AS relationships }
RETURN entities - sdgs AS nodes, relationships
