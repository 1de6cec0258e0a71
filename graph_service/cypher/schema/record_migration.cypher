// Purpose: record that a schema migration has been applied.
// Parameters: $version (int), $name (string).
// Returns: nothing.
MERGE (m:SchemaMigration {version: $version})
SET m.name = $name, m.applied_at = datetime()
