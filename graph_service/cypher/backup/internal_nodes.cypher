// Purpose: Maillage's own records (accounts, API keys, audit entries) for a backup.
// Parameters: none.
// Returns: one row per record: label, properties; by label then key.
MATCH (n)
WHERE n:MaillageAccount OR n:MaillageApiKey OR n:MaillageAudit
RETURN [l IN labels(n) WHERE l STARTS WITH 'Maillage'][0] AS label, n {.*} AS properties
ORDER BY label, coalesce(n.id, n.name)
