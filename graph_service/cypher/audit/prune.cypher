// Purpose: forget audit entries older than the retention period (a batch at a time).
// Parameters: $before (datetime), $batch (how many at most).
// Returns: removed.
MATCH (e:MaillageAudit)
WHERE e.at < $before
WITH e LIMIT $batch
DELETE e
RETURN count(*) AS removed
