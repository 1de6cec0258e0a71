"""The local Neo4j server, assembled from Maven Central (see ``runtime``)."""
