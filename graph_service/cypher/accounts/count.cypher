// Purpose: how many accounts exist (the first-run bootstrap creates one when none do).
// Parameters: none.
// Returns: accounts.
RETURN COUNT { MATCH (:MaillageAccount) } AS accounts
