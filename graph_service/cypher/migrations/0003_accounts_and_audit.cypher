// Migration 3: accounts, API keys and the audit trail.  Their labels carry the
// Maillage prefix and never the :Entity label, so that no API route, import,
// export or console query (which refuses them) can reach them.
CREATE CONSTRAINT maillage_account_name IF NOT EXISTS FOR (a:MaillageAccount) REQUIRE a.name IS UNIQUE;
CREATE CONSTRAINT maillage_api_key_id IF NOT EXISTS FOR (k:MaillageApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT maillage_audit_id IF NOT EXISTS FOR (e:MaillageAudit) REQUIRE e.id IS UNIQUE;
CREATE INDEX maillage_audit_at IF NOT EXISTS FOR (e:MaillageAudit) ON (e.at);
