// Purpose: put back the audit entries of a backup.
// Parameters: $rows (maps of properties, each with id).
// Returns: restored.
UNWIND $rows AS row
MERGE (e:MaillageAudit {id: row.id})
ON CREATE SET e = row
RETURN count(*) AS restored
