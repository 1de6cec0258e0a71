"""The domain model of shared/DOMAIN.md: enumerations, vocabularies, node and relationship models."""
