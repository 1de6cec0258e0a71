// Migration 1: constraints and indexes of the domain model (shared/DOMAIN.md).
// Every domain node also carries the label :Entity, whose id is unique across
// labels, so that a relationship endpoint is found by id alone. Statements are
// separated by ';' and each is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dialogue_framework_id IF NOT EXISTS FOR (n:DialogueFramework) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT operation_id IF NOT EXISTS FOR (n:Operation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT issue_id IF NOT EXISTS FOR (n:Issue) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_id IF NOT EXISTS FOR (n:SDG) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sdg_number IF NOT EXISTS FOR (n:SDG) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
// Relationship ids: unique per type (also the index behind GET /relationships/{id}).
CREATE CONSTRAINT cooperates_with_id IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT funds_id IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT knows_id IF NOT EXISTS FOR ()-[r:KNOWS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT opposes_id IF NOT EXISTS FOR ()-[r:OPPOSES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT inspired_by_id IF NOT EXISTS FOR ()-[r:INSPIRED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT anchored_in_id IF NOT EXISTS FOR ()-[r:ANCHORED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT active_in_id IF NOT EXISTS FOR ()-[r:ACTIVE_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT works_in_id IF NOT EXISTS FOR ()-[r:WORKS_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT succeeded_by_id IF NOT EXISTS FOR ()-[r:SUCCEEDED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT covers_id IF NOT EXISTS FOR ()-[r:COVERS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT frames_id IF NOT EXISTS FOR ()-[r:FRAMES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT takes_part_in_id IF NOT EXISTS FOR ()-[r:TAKES_PART_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT takes_place_in_id IF NOT EXISTS FOR ()-[r:TAKES_PLACE_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT addresses_id IF NOT EXISTS FOR ()-[r:ADDRESSES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT contributes_to_id IF NOT EXISTS FOR ()-[r:CONTRIBUTES_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT linked_to_id IF NOT EXISTS FOR ()-[r:LINKED_TO]-() REQUIRE r.id IS UNIQUE;
// Common filters.
CREATE INDEX actor_sphere IF NOT EXISTS FOR (n:Actor) ON (n.sphere);
CREATE INDEX actor_nature IF NOT EXISTS FOR (n:Actor) ON (n.nature);
CREATE INDEX actor_country IF NOT EXISTS FOR (n:Actor) ON (n.country);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX territory_level IF NOT EXISTS FOR (n:Territory) ON (n.level);
CREATE INDEX territory_kind IF NOT EXISTS FOR (n:Territory) ON (n.kind);
CREATE INDEX territory_country IF NOT EXISTS FOR (n:Territory) ON (n.country);
CREATE INDEX territory_code IF NOT EXISTS FOR (n:Territory) ON (n.code);
CREATE INDEX framework_level IF NOT EXISTS FOR (n:DialogueFramework) ON (n.level);
CREATE INDEX framework_type IF NOT EXISTS FOR (n:DialogueFramework) ON (n.type);
CREATE INDEX operation_type IF NOT EXISTS FOR (n:Operation) ON (n.type);
CREATE INDEX operation_programme IF NOT EXISTS FOR (n:Operation) ON (n.programme);
CREATE INDEX cooperates_with_kind IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.kind);
CREATE INDEX supports_stance IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.stance);
// Text search over names and aliases, accent-insensitive ("Coopérative" = "cooperative").
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Actor|Person|Territory|DialogueFramework|Operation|Issue) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
