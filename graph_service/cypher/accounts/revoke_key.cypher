// Purpose: revoke an API key (kept, so that the audit trail can still name it).
// Parameters: $id.
// Returns: key (map, without the hash); no row when the key does not exist.
MATCH (k:MaillageApiKey {id: $id})
SET k.revoked_at = coalesce(k.revoked_at, datetime())
RETURN k {.*, hash: null} AS key
