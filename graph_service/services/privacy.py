"""Persons as the caller may see them.

``Person`` nodes, ``WORKS_IN`` and ``SUPPORTS`` ties and inside-ally results are
sensitive: only a caller with the ``sensitive`` permission sees them.  Everyone
else gets, for a person, a stable pseudonym ("Personne 2 chez Fruitco": the rank
among the persons of that employer, in order of recording) and nothing else
about them; and ties that touch a person are left out (lists say how many).
The same rule serves lists, relationship lists, neighbourhoods, analyses,
exports, maps and the console, so that no two of them disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph_service.config import Language
from graph_service.domain.access import Caller
from graph_service.domain.enums import NodeLabel, RelationshipType
from graph_service.i18n import translate
from graph_service.repositories import persons as repo
from graph_service.repositories.database import Database

PERSON = NodeLabel.PERSON.value
#: Relationship types that are sensitive whatever their ends.
SENSITIVE_TYPES = frozenset({RelationshipType.WORKS_IN.value, RelationshipType.SUPPORTS.value})


@dataclass(frozen=True)
class Pseudonym:
    id: str
    name: str

    def record(self) -> dict[str, Any]:
        """All a caller without the permission gets of a person."""
        return {"id": self.id, "name": self.name, "labels": [PERSON], "pseudonymous": True}


class Privacy:
    def __init__(self, database: Database, caller: Caller, language: Language = Language.FR):
        self.database = database
        self.caller = caller
        self.language = language

    @property
    def hides_persons(self) -> bool:
        return not self.caller.sensitive

    def saw_persons(self, what: str, count: int) -> None:
        """A sensitive read: said in the audit trail (a caller with the permission)."""
        if count and not self.hides_persons:
            self.caller.note(sensitive_read=what, persons=count)

    def pseudonyms(self, ids: Iterable[str]) -> dict[str, Pseudonym]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self.database.read(repo.pseudonym_rows, wanted)
        found: dict[str, Pseudonym] = {}
        for row in rows:
            rank = int(row["rank"] or 0)
            if row["employer_id"]:
                key = f"personne-{rank}-chez-{row['employer_id']}"
                name = translate(
                    "person.pseudonym_at", self.language, n=rank, employer=row["employer_name"]
                )
            else:
                key = f"personne-{rank}"
                name = translate("person.pseudonym", self.language, n=rank)
            found[row["id"]] = Pseudonym(key, row["pseudonym"] or name)
        return found

    def pseudonym_of_unknown(self) -> Pseudonym:
        return Pseudonym("personne", translate("person.pseudonym", self.language, n="?"))

    # --- records ------------------------------------------------------------------------

    @staticmethod
    def is_person(record: dict[str, Any]) -> bool:
        return PERSON in (record.get("labels") or [])

    def nodes(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Node records with persons replaced by their pseudonyms (when hidden)."""
        persons = [r["id"] for r in records if self.is_person(r)]
        if not self.hides_persons:
            self.saw_persons("persons", len(persons))
            return records
        names = self.pseudonyms(persons)
        return [
            (names.get(r["id"]) or self.pseudonym_of_unknown()).record() if self.is_person(r) else r
            for r in records
        ]

    def graph(self, graph: nx.Graph, *, kind_key: str = "kind") -> nx.Graph:
        """A projected graph whose person nodes (``kind == "person"``) carry their
        pseudonyms as id and name (when hidden)."""
        persons = [n for n, d in graph.nodes(data=True) if d.get(kind_key) == "person"]
        if not self.hides_persons:
            self.saw_persons("persons", len(persons))
            return graph
        if not persons:
            return graph
        names = self.pseudonyms(str(p) for p in persons)
        mapping = {p: (names.get(str(p)) or self.pseudonym_of_unknown()).id for p in persons}
        renamed = nx.relabel_nodes(graph, mapping, copy=True)
        for person in persons:
            pseudonym = names.get(str(person)) or self.pseudonym_of_unknown()
            data = renamed.nodes[pseudonym.id]
            kept = {kind_key: "person", "name": pseudonym.name}
            data.clear()
            data.update(kept)
        return renamed
