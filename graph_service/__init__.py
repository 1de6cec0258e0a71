"""Maillage: graph database and network analysis of actor ecosystems."""

__version__ = "0.1.0"
