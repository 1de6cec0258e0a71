// Purpose: create an account (a person or a service that holds API keys).
// Parameters: $name, $role (viewer, analyst, editor or admin).
// Returns: account (map: name, role, created_at).
CREATE (a:MaillageAccount {name: $name, role: $role, created_at: datetime()})
RETURN a {.*} AS account
