// Purpose: the 17 Sustainable Development Goals, in number order.
// Parameters: none.
// Returns: one row per goal: sdg (map of properties with labels).
MATCH (s:SDG)
RETURN s {.*, labels: labels(s)} AS sdg
ORDER BY s.number
