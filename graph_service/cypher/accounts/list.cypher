// Purpose: every account, with how many keys it holds that still work.
// Parameters: none.
// Returns: one row per account: account (map), active_keys; by name.
MATCH (a:MaillageAccount)
RETURN a {.*} AS account,
       COUNT { MATCH (k:MaillageApiKey {account: a.name})
               WHERE k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > datetime()) }
         AS active_keys
ORDER BY a.name
