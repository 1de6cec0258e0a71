// Purpose: API keys (never their hashes), of one account or of all.
// Parameters: $account (name or null).
// Returns: one row per key: key (map with role); newest first.
MATCH (k:MaillageApiKey)
WHERE $account IS NULL OR k.account = $account
MATCH (a:MaillageAccount {name: k.account})
RETURN k {.*, hash: null, role: a.role} AS key
ORDER BY k.created_at DESC, k.id
