// Purpose: make an existing Actor also a DialogueFramework (CFSI, EMDK, COLSIBA are
// both an organisation and a space): one node, two labels.
// Parameters: $id (actor id), $props (framework properties; the actor keeps its name).
// Returns: node, labels; no row when no Actor has that id.
MATCH (n:Actor {id: $id})
SET n:DialogueFramework, n += $props, n.recorded_at = datetime()
RETURN n {.*} AS node, labels(n) AS labels
