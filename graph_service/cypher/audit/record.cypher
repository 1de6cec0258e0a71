// Purpose: append one entry to the audit trail.
// Parameters: $who (account name), $key_id (or null), $role, $action (e.g. "DELETE
//             /api/v1/actors/grdr", "key.revoke", "console.query"), $target (or null),
//             $address (client address or null), $outcome ("ok", "refused", "failed"),
//             $status (HTTP status or null), $details (JSON text or null).
// Returns: id of the entry.
CREATE (e:MaillageAudit {id: randomUUID(), at: datetime(), who: $who, key_id: $key_id,
                         role: $role, action: $action, target: $target, address: $address,
                         outcome: $outcome, status: $status, details: $details})
RETURN e.id AS id
