"""Use cases between the API / CLI and the repositories: validation of whole
requests (before any write) and composition of repository calls into one
transaction, so that a rejected request writes nothing."""
