// Purpose: whether a PART_OF tie from $from to $to would close a loop (a territory,
//          framework or operation its own ancestor): $to is $from, or already part of it.
//          A loop of PART_OF makes every subtree query walk it without end.
// Parameters: $from, $to (ids).
// Returns: one row: loop (boolean); no row when either node is missing.
MATCH (child:Territory|DialogueFramework|Operation {id: $from})
MATCH (parent:Territory|DialogueFramework|Operation {id: $to})
RETURN child = parent OR EXISTS { (parent)-[:PART_OF*1..64]->(child) } AS loop
