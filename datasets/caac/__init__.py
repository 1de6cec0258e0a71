"""CAAC: the CFSI programme "Coopérer Autrement en Acteurs de Changement" (see build.py)."""
