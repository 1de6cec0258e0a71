"""Repositories: the only code that talks to Neo4j.

Each function takes a managed transaction and runs named queries from
``cypher/``; :class:`~graph_service.repositories.database.Database` runs them in
read or write transactions and translates driver errors in one place.
"""
