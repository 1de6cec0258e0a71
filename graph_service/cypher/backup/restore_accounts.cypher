// Purpose: put back the accounts of a backup (kept as they are when already there).
// Parameters: $rows (maps of properties, each with name).
// Returns: restored.
UNWIND $rows AS row
MERGE (a:MaillageAccount {name: row.name})
ON CREATE SET a = row
RETURN count(*) AS restored
