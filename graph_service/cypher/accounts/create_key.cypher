// Purpose: record a new API key of an account: only its id and the hash of its secret.
// Parameters: $account (name), $id, $hash (Argon2id), $sensitive (bool), $expires_at
//             (datetime or null), $label (what the key is for, or null).
// Returns: key (map, without the hash); no row when the account does not exist.
MATCH (a:MaillageAccount {name: $account})
CREATE (k:MaillageApiKey {id: $id, account: a.name, hash: $hash, sensitive: $sensitive,
                          created_at: datetime(), expires_at: $expires_at, label: $label})
RETURN k {.*, hash: null, role: a.role} AS key
