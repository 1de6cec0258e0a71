// Purpose: the LINKED_TO links between territories (territoire-à-territoire, double espace).
// Parameters: $id (a link id or null for all), $from, $to (dates or null).
// Returns: one row per link: id, kind, here (the 'ici' territory id), there ('là-bas'),
//          here_name, there_name, operation, valid_from, valid_to.
MATCH (here:Territory)-[link:LINKED_TO]->(there:Territory)
WHERE ($id IS NULL OR link.id = $id)
  AND ($to IS NULL OR link.valid_from IS NULL OR link.valid_from <= $to)
  AND ($from IS NULL OR link.valid_to IS NULL OR link.valid_to >= $from)
RETURN link.id AS id, link.kind AS kind, here.id AS here, there.id AS there,
       here.name AS here_name, there.name AS there_name, link.operation AS operation,
       link.valid_from AS valid_from, link.valid_to AS valid_to
ORDER BY id
