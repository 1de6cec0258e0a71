"""The domain model of shared/DOMAIN.md: enumerations, vocabularies and node and
relationship models."""
