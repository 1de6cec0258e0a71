// Purpose: one page of the audit trail, newest first, filtered.
// Parameters: $who (account or null), $action (text the action contains, or null),
//             $outcome (or null), $since and $until (datetimes or null), $offset, $limit.
// Returns: total and entries (maps).
MATCH (e:MaillageAudit)
WHERE ($who IS NULL OR e.who = $who)
  AND ($action IS NULL OR toLower(e.action) CONTAINS toLower($action))
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($since IS NULL OR e.at >= $since)
  AND ($until IS NULL OR e.at <= $until)
WITH e ORDER BY e.at DESC, e.id
WITH collect(e {.*}) AS entries
RETURN size(entries) AS total, entries[$offset..($offset + $limit)] AS entries
