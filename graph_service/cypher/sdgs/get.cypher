// Purpose: one Sustainable Development Goal by number (1-17).
// Parameters: $number (int).
// Returns: sdg (map of properties with labels); no row when absent.
MATCH (s:SDG {number: $number})
RETURN s {.*, labels: labels(s)} AS sdg
