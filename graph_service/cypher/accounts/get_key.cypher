// Purpose: one API key with its account's role, to check a presented key.
// Parameters: $id.
// Returns: key (map, hash included), role; no row when the key does not exist.
MATCH (k:MaillageApiKey {id: $id})
MATCH (a:MaillageAccount {name: k.account})
RETURN k {.*} AS key, a.role AS role
