"""Properties of the import readers (Hypothesis), for every format the project
writes: what a writer wrote, the reader reads back — names with accents, quotes,
markup, formula-looking text and emoji included — and whatever bytes a file
holds, a reader either reads records or says the file is unreadable (a located
``ReadError``), never another exception; and of the projection: whatever rows
come, the graph holds only the actors given, and every weight is finite and
positive."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_service.domain.enums import RelationshipType
from graph_service.errors import MaillageError
from graph_service.projection import ProjectionOptions, build_graph
from graph_service.services.transfer import read_file
from importers.formats import FileFormat, gexf, graphml, maillage_json, tables
from importers.records import NodeRecord, RelationshipRecord

WRITERS = {
    FileFormat.JSON: ("graph.json", maillage_json.write),
    FileFormat.GRAPHML: ("graph.graphml", graphml.write),
    FileFormat.GEXF: ("graph.gexf", gexf.write),
    FileFormat.CSV: ("graph-csv", tables.write_csv),
    FileFormat.XLSX: ("graph.xlsx", tables.write_xlsx),
}
#: Text a person may type: any letter, digit, punctuation, symbol or space, never a
#: control character (the domain refuses those).
TEXT = (
    st.text(
        alphabet=st.characters(
            categories=("L", "M", "N", "P", "S", "Zs"),
            exclude_characters="\u2028\u2029\ufffe\uffff",
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True)
PROFILE = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ids = draw(st.lists(IDS, min_size=1, max_size=8, unique=True))
    nodes = [
        {
            "labels": ["Actor"],
            "properties": {"id": id, "name": draw(TEXT), "sphere": "civil_society"},
        }
        for id in ids
    ]
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=10, unique=True)
    )
    relationships = [
        {
            "type": "COOPERATES_WITH",
            "from": a,
            "to": b,
            "properties": {"id": f"t{i}", "strength": draw(st.integers(1, 3))},
        }
        for i, (a, b) in enumerate(pairs)
        if a != b
    ]
    return nodes, relationships


def _records(path: Path, file_format: FileFormat) -> tuple[dict[str, str], set[Any]]:
    stream = read_file(path, file_format)
    names: dict[str, str] = {}
    ties: set[Any] = set()
    for record in stream.records:
        if isinstance(record, NodeRecord):
            names[str(record.properties["id"])] = str(record.properties["name"])
        elif isinstance(record, RelationshipRecord):
            # Spreadsheet readers give cells as text; validation types them later.
            strength = record.properties.get("strength")
            ties.add((record.type, record.source, record.target, str(strength)))
    return names, ties


def _round_trip(file_format: FileFormat) -> None:
    @PROFILE
    @given(graph=graphs())
    def check(graph: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        nodes, relationships = graph
        name, writer = WRITERS[file_format]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            writer(path, nodes, relationships, {})
            names, ties = _records(path, file_format)
        assert names == {n["properties"]["id"]: n["properties"]["name"] for n in nodes}
        assert ties == {
            (r["type"], r["from"], r["to"], str(r["properties"]["strength"])) for r in relationships
        }

    check()


def test_json_reads_back_what_it_wrote() -> None:
    _round_trip(FileFormat.JSON)


def test_graphml_reads_back_what_it_wrote() -> None:
    _round_trip(FileFormat.GRAPHML)


def test_gexf_reads_back_what_it_wrote() -> None:
    _round_trip(FileFormat.GEXF)


def test_csv_reads_back_what_it_wrote() -> None:
    _round_trip(FileFormat.CSV)


def test_xlsx_reads_back_what_it_wrote() -> None:
    _round_trip(FileFormat.XLSX)


SUFFIXES = {
    FileFormat.JSON: ".json",
    FileFormat.GRAPHML: ".graphml",
    FileFormat.GEXF: ".gexf",
    FileFormat.CSV: ".csv",
    FileFormat.XLSX: ".xlsx",
    FileFormat.KUMU: ".json",
}
#: Bytes that look like the start of each format, then anything.
PREFIXES = [b"", b"{", b'{"format": "maillage", "nodes": [', b"<?xml", b"<graphml>", b"PK\x03\x04"]


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    file_format=st.sampled_from(list(SUFFIXES)),
    prefix=st.sampled_from(PREFIXES),
    content=st.binary(max_size=300),
)
def test_any_bytes_are_read_or_refused_with_a_located_problem(
    file_format: FileFormat, prefix: bytes, content: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{SUFFIXES[file_format]}"
        path.write_bytes(prefix + content)
        try:
            for _ in read_file(path, file_format).records:
                pass
        except MaillageError as refused:
            assert refused.status_code == 422


@settings(max_examples=200, deadline=None)
@given(
    actors=st.lists(IDS, max_size=8, unique=True),
    ties=st.lists(
        st.fixed_dictionaries(
            {
                "source": IDS,
                "target": IDS,
                "type": st.sampled_from([t.value for t in RelationshipType]),
                "strength": st.one_of(st.none(), st.integers(1, 3)),
            }
        ),
        max_size=20,
    ),
    weights=st.dictionaries(
        st.sampled_from(list(RelationshipType)), st.floats(0, 1000, allow_nan=False), max_size=4
    ),
)
def test_the_projection_keeps_given_actors_and_finite_positive_weights(
    actors: list[str], ties: list[dict[str, Any]], weights: dict[RelationshipType, float]
) -> None:
    options = ProjectionOptions(weights=weights)
    graph = build_graph([{"id": a} for a in actors], ties, [], options)
    assert set(graph.nodes) == set(actors)
    for source, target, data in graph.edges(data=True):
        assert source != target
        assert math.isfinite(data["weight"]) and data["weight"] > 0
        assert math.isfinite(data["distance"]) and data["distance"] > 0
