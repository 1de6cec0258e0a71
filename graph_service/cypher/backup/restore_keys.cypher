// Purpose: put back the API keys of a backup (their hashes: the keys keep working).
// Parameters: $rows (maps of properties, each with id).
// Returns: restored.
UNWIND $rows AS row
MERGE (k:MaillageApiKey {id: row.id})
ON CREATE SET k = row
RETURN count(*) AS restored
