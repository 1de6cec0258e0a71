// Purpose: betweenness of every actor of a projected GDS graph kept in that graph
//          (the in-database brokers report: a nation's scores never leave Neo4j;
//          gds_ranked then reads the top of them).
// Parameters: $name (the GDS graph), $config (as gds_betweenness, plus
//             mutateProperty 'betweenness').
// Returns: one row: actors (how many got a score).
CALL gds.betweenness.mutate($name, $config) YIELD nodePropertiesWritten
RETURN nodePropertiesWritten AS actors
