// Purpose: whether a database holds a graph (the 17 SDGs the schema seeds do not count).
// Parameters: none.
// Returns: nodes, relationships.
RETURN COUNT { MATCH (n:Entity) WHERE NOT n:SDG } AS nodes,
       COUNT { MATCH (:Entity)-[r]->(:Entity) } AS relationships
