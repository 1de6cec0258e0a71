// Purpose: territories with what a geographic map needs to place them: their own
//          geography and that of their ancestors (a commune without coordinates is
//          drawn where its département or région is).
// Parameters: $ids (territory ids).
// Returns: one row per territory: id, name, kind, level, country, code, lat, lon,
//          ancestors (list of maps with the same keys, nearest first).
MATCH (t:Territory)
WHERE t.id IN $ids
CALL (t) {
  OPTIONAL MATCH path = (t)-[:PART_OF*1..6]->(ancestor:Territory)
  WITH ancestor, min(length(path)) AS distance
  ORDER BY distance
  RETURN collect(ancestor {.id, .name, .level, .country, .code, .lat, .lon}) AS ancestors
}
RETURN t.id AS id, t.name AS name, t.kind AS kind, t.level AS level, t.country AS country,
       t.code AS code, t.lat AS lat, t.lon AS lon, ancestors
ORDER BY id
