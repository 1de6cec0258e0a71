"""The maillage command line."""
