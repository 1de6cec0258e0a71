// Purpose: the territories a territory is part of, nearest first (commune -> région -> pays).
// Parameters: $id, $at (date or null: PART_OF ties valid that day).
// Returns: one row per ancestor: territory (map), distance (1 = direct parent).
MATCH path = (:Territory {id: $id})-[:PART_OF*1..]->(ancestor:Territory)
WHERE $at IS NULL OR all(r IN relationships(path) WHERE
  (r.valid_from IS NULL OR r.valid_from <= $at) AND (r.valid_to IS NULL OR r.valid_to >= $at))
WITH ancestor, min(length(path)) AS distance
RETURN ancestor {.*, labels: labels(ancestor)} AS territory, distance
ORDER BY distance, ancestor.name, ancestor.id
