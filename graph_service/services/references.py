"""References typed by people: an id, a name or an alias, accents and case
ignored, words in any order.  Analyses and maps take them wherever they take
an id; an unknown or ambiguous one is a clear error that lists the candidates."""

from __future__ import annotations

from graph_service.domain.enums import NodeLabel
from graph_service.errors import FieldProblem, NotFoundError, ValidationProblem
from graph_service.repositories import nodes as repo
from graph_service.repositories.database import Database
from importers.validation import fold

__all__ = ["STOP_WORDS", "ReferenceResolver"]

#: Little words people add or leave out ("CGT du Vietnam", "CGT Vietnam").
STOP_WORDS = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "au", "aux", "a", "the", "of"}
)
#: How many candidates an ambiguity error names.
CANDIDATES_SHOWN = 6


class ReferenceResolver:
    def __init__(self, database: Database) -> None:
        self.database = database

    def resolve(
        self, label: NodeLabel, text: str, field: str, *, not_found: str | None = None
    ) -> str:
        """The id of the one node of ``label`` that ``text`` designates.  Given
        ``not_found`` (what the path names: "actor"…), a reference that matches
        nothing is a 404 rather than a problem with a field."""
        candidates = self.database.read(repo.reference_candidates, label, text)
        if not candidates:
            shorter = " ".join(
                w for w in fold(text).replace("'", " ").split() if w not in STOP_WORDS
            )
            if shorter and shorter != fold(text):
                candidates = self.database.read(repo.reference_candidates, label, shorter)
        if len(candidates) == 1:
            return str(candidates[0]["id"])
        wanted = fold(text)
        exact = [
            c
            for c in candidates
            if c["by_id"] or wanted in {fold(n) for n in [c.get("name") or "", *c["aliases"]]}
        ]
        if len(exact) == 1:
            return str(exact[0]["id"])
        if not candidates and not_found is not None:
            raise NotFoundError(not_found, text)
        if not candidates:
            raise ValidationProblem(
                [FieldProblem(("query", field), "reference.unknown", text, {"ref": text})],
                read=True,
            )
        shown = candidates[:CANDIDATES_SHOWN]
        names = " ; ".join(f"{c.get('name') or c['id']} ({c['id']})" for c in shown)
        more = len(candidates) - len(shown)
        raise ValidationProblem(
            [
                FieldProblem(
                    ("query", field),
                    "reference.ambiguous",
                    text,
                    {"ref": text, "candidates": names + (f" … (+{more})" if more > 0 else "")},
                )
            ],
            read=True,
        )
