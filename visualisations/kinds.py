"""The kinds of map: one per analysis, and the ecosystem itself."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["MapKind"]


class MapKind(StrEnum):
    ECOSYSTEM = "ecosystem"
    BROKERS = "brokers"
    SILOS = "silos"
    ALLIES = "allies"
    INTRODUCTIONS = "introductions"
    INSIDE_ALLIES = "inside-allies"
    LEVELS = "levels"
    DOUBLE_SPACE = "double-space"
    HORIZONTALISATION = "horizontalisation"
    SIMILAR = "similar"
