// Purpose: the cheapest round trip, for /readyz.
// Parameters: none.
// Returns: ok = 1.
RETURN 1 AS ok
