// Purpose: after a bulk load, give an empty list to the relationships of one type
//          that lack a list property (the offline importer cannot write an empty
//          array), so the store is the one a validated import would have written.
// Template: __TYPE__ is a RelationshipType value.
// Parameters: $key (the property), $empty (map: {key: []}).
// Returns: nothing (run in committed batches, outside an explicit transaction;
//          two at a time: a national load fills a million actors' aliases, 12 s
//          one batch after the other, 8 s two by two on two cores).
MATCH ()-[r:__TYPE__]->()
WHERE r[$key] IS NULL
CALL (r) {
  SET r += $empty
} IN 2 CONCURRENT TRANSACTIONS OF 10000 ROWS
