"""Analyses: pure functions on networkx graphs, one concept per module."""
