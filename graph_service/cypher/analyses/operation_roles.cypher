// Purpose: who takes part in an operation (and its sub-operations) in which role, and
//          the operation's dates: leads, partners, funders over time.
// Parameters: $operation (id).
// Returns: one row per participation: actor, country, role, valid_from, valid_to,
//          op_start, op_end (dates of the operation named).
MATCH (op:Operation {id: $operation})
OPTIONAL MATCH (a:Actor)-[part:TAKES_PART_IN]->(:Operation)-[:PART_OF*0..]->(op)
RETURN a.id AS actor, a.country AS country, part.role AS role,
       part.valid_from AS valid_from, part.valid_to AS valid_to,
       op.start_date AS op_start, op.end_date AS op_end
ORDER BY actor, role
