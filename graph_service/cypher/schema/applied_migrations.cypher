// Purpose: versions of the schema migrations already applied to this database.
// Parameters: none.
// Returns: one row per applied migration (version, name, applied_at), oldest first.
MATCH (m:SchemaMigration)
RETURN m.version AS version, m.name AS name, m.applied_at AS applied_at
ORDER BY m.version
