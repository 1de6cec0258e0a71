"""Benchmark: a national ecosystem generated, loaded and asked, each step against a peer.

    .venv/bin/python -m benchmarks.national [--actors 1000000] [--queries 200]
        [--clients 32] [--seconds 30] [--workers cores] [--out benchmarks/results/national.json]

It drives local Neo4j servers of its own (temporary data folders, free ports): the
tests' server is never touched.  Each step is timed, with the peak memory of the
process that ran it (``wait4``); the loads also with their Neo4j server's, and the
API with its processes' together (:mod:`benchmarks.memory`):

- **load**: Neo4j's own ``LOAD CSV`` of the synthetic ecosystem's CSV files (the
  peer: every value kept as the text read, nothing checked, APOC creating the
  relationship of each row's type) into a fresh server, against ``maillage import
  --bulk`` of the same ecosystem as Maillage JSON into another (validation, the
  offline importer, restart, schema); the peer runs before the bulk load and again
  after it, each load alone on the machine, and the ratio is taken against the
  mean of its two runs (a machine whose speed drifts charges the drift to neither
  side);
- **answers**: possible allies, the neighbourhood (depth 1) and introductions for
  random actors, through the service layer a request uses, once the store has been
  read into the page cache as a server in service holds it: p50 / p95 / p99, each
  against the same question's reads run bare through the driver (allies: the Cypher
  gathering the actor's surroundings; neighbourhood: its Cypher; introductions:
  Cypher's ``shortestPath`` between the two);
- **a région's brokers and silos**: the first région's brokers (from ``--sample``
  sources) and silos, through the Python engine against ``engine=gds`` computed in
  the database alone;
- **API under load**: ``--clients`` clients for ``--seconds`` seconds on the
  neighbourhood and allies endpoints over loopback HTTP (``maillage serve
  --workers``), against ``--clients`` threads running the neighbourhood Cypher
  through the driver and reading its rows: p50 / p95 / p99 and requests per
  second, counted after a few seconds of warm-up on each side, with every actor
  asked about read once beforehand.  The HTTP clients are kept-alive sockets that
  read each answer by its length (Python's ``http.client`` spent about 150 µs of
  CPU per answer parsing headers, on the cores the API and Neo4j share); the API
  runs as ``maillage serve`` runs it by default, without an access log.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from neo4j import GraphDatabase

from benchmarks.memory import process_peak_mib
from graph_service.analyses.allies import LARGE_PLACE
from graph_service.config import Settings
from graph_service.domain.access import Caller, Role
from graph_service.local_neo4j.runtime import LocalNeo4j, connection_info
from graph_service.repositories.cypher import query
from graph_service.repositories.database import Database
from graph_service.services.accounts import AccountService
from graph_service.services.actors import ActorService
from graph_service.services.analyses import (
    AnalysisName,
    AnalysisQuery,
    AnalysisService,
    Engine,
)
from importers.synthetic import write_csv, write_json

ROOT = Path(__file__).resolve().parents[1]
#: The account whose key the API load uses.
BENCHMARK_ACCOUNT = "banc-d-essai"


# --- servers of our own ----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Instance:
    """A local server in a folder of its own, driven through the ``maillage`` CLI."""

    def __init__(self, folder: Path, heap: str, pagecache: str) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
        self.env.update(
            MAILLAGE_DATA_DIR=str(folder),
            MAILLAGE_NEO4J_BOLT_PORT=str(_free_port()),
            MAILLAGE_NEO4J_HEAP=heap,
            MAILLAGE_NEO4J_PAGECACHE=pagecache,
            MAILLAGE_LANG="en",
        )
        self.settings = Settings(
            # This server, whatever NEO4J_URI the caller's environment names.
            NEO4J_URI="",
            MAILLAGE_DATA_DIR=folder,
            MAILLAGE_NEO4J_BOLT_PORT=int(self.env["MAILLAGE_NEO4J_BOLT_PORT"]),
            MAILLAGE_NEO4J_HEAP=heap,
            MAILLAGE_NEO4J_PAGECACHE=pagecache,
        )
        self.import_dir = folder / "neo4j" / "import"

    def cli(self, *arguments: str) -> dict[str, Any]:
        """Run ``maillage ARGUMENTS``: its output, wall time and peak memory."""
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "graph_service.cli.main", *arguments],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert child.stdout is not None
        output = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"maillage {' '.join(arguments)} failed:\n{output}")
        return {
            "seconds": round(time.perf_counter() - started, 1),
            "peak_rss_mib": round(usage.ru_maxrss / 1024),
            "output": output,
        }

    def database(self) -> Database:
        return Database(connection_info(self.settings), timeout_seconds=3600)


# --- load ------------------------------------------------------------------------

_LOAD_NODES = (
    "LOAD CSV WITH HEADERS FROM $file AS row "
    "CALL (row) { CREATE (n:Entity) SET n += apoc.map.clean(row, [], ['']) "
    "WITH n CALL apoc.create.addLabels(n, [$label]) YIELD node RETURN count(*) AS done } "
    "IN TRANSACTIONS OF 10000 ROWS RETURN count(*) AS rows"
)
_LOAD_TIES = (
    "LOAD CSV WITH HEADERS FROM $file AS row "
    "CALL (row) { MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to}) "
    "CALL apoc.create.relationship(a, row.type, "
    "apoc.map.clean(row, ['type', 'from', 'to'], ['']), b) YIELD rel RETURN count(*) AS done } "
    "IN TRANSACTIONS OF 10000 ROWS RETURN count(*) AS rows"
)
_SHEETS = {
    "territories.csv": "Territory",
    "actors.csv": "Actor",
    "frameworks.csv": "DialogueFramework",
    "persons.csv": "Person",
}


def load_csv_peer(instance: Instance, csv_folder: Path) -> dict[str, Any]:
    """The peer: LOAD CSV of every sheet, then of the relations, on the id index."""
    instance.import_dir.mkdir(parents=True, exist_ok=True)
    for sheet in csv_folder.iterdir():
        os.link(sheet, instance.import_dir / sheet.name)
    database = instance.database()
    started = time.perf_counter()
    with database.driver.session(database=database.connection.database) as session:
        for sheet, label in _SHEETS.items():
            if (instance.import_dir / sheet).is_file():
                session.run(_LOAD_NODES, file=f"file:///{sheet}", label=label).consume()
        session.run(_LOAD_TIES, file="file:///relations.csv").consume()
    seconds = time.perf_counter() - started
    database.close()
    return {"seconds": round(seconds, 1), "server_peak_mib": _server_peak(instance)}


def _server_peak(instance: Instance) -> int:
    """The most memory the instance's Neo4j server has held since it started."""
    pid = LocalNeo4j(instance.settings).running_pid()
    assert pid is not None, "the server stopped"
    return process_peak_mib(pid)


def _admin_header(columns: list[str]) -> str:
    """The offline importer's header for a sheet of the CSV folder: every value kept
    as text (as LOAD CSV reads it), one id space for every node."""
    if "from" in columns:  # the relations: their id is a property like any other
        special = {"type": ":TYPE", "from": ":START_ID", "to": ":END_ID"}
    else:
        special = {"id": "id:ID"}
    return ",".join(special.get(column, column) for column in columns)


def neo4j_admin_peer(instance: Instance, csv_folder: Path) -> dict[str, Any]:
    """The second peer: Neo4j's offline importer on the same CSV files, no checks,
    then the server started and the schema applied, as the bulk path ends.  The
    files only get a header of the importer's own (written before the clock
    starts); the stop before the import is timed, as the bulk path's is."""
    folder = instance.import_dir / "admin"
    folder.mkdir(parents=True, exist_ok=True)
    arguments = ["--ignore-empty-strings=true"]
    for sheet in sorted(csv_folder.iterdir()):
        lines = sheet.read_text(encoding="utf-8").split("\n", 1)
        header, body = folder / f"header-{sheet.name}", folder / sheet.name
        header.write_text(_admin_header(lines[0].split(",")) + "\n", encoding="utf-8")
        body.write_text(lines[1] if len(lines) > 1 else "", encoding="utf-8")
        label = _SHEETS.get(sheet.name)
        option = f"--nodes=Entity:{label}" if label else "--relationships"
        arguments.append(f"{option}={header},{body}")
    server = LocalNeo4j(instance.settings)
    started = time.perf_counter()
    server.stop()
    offline = server.import_offline(arguments, folder / "report.txt")
    # Started by the CLI, as every server of this benchmark: a server started here
    # would be this process's child, left a zombie that `maillage neo4j stop` waits on.
    instance.cli("neo4j", "start")
    instance.cli("db", "init")
    seconds = time.perf_counter() - started
    database = instance.database()
    records, _, _ = database.driver.execute_query(
        "RETURN COUNT { (:Entity) } AS nodes, COUNT { ()-[]->() } AS relationships",
        database_=database.connection.database,
    )
    database.close()
    return {
        "seconds": round(seconds, 1),
        "offline_seconds": round(offline, 1),
        "server_peak_mib": _server_peak(instance),
        "nodes": records[0]["nodes"],
        "relationships": records[0]["relationships"],
    }


def _load_csv_alone(
    folder: Path, csv_folder: Path, arguments: argparse.Namespace
) -> dict[str, Any]:
    """LOAD CSV into a fresh server of its own, the only one running."""
    peer = Instance(folder, arguments.heap, arguments.pagecache)
    peer.cli("neo4j", "start")
    try:
        peer.cli("db", "init")
        return load_csv_peer(peer, csv_folder)
    finally:
        peer.cli("neo4j", "stop")


# --- answers ---------------------------------------------------------------------


def _percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000, 1)

    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "count": len(ordered),
    }


def _timed(work: Callable[..., Any], *arguments: Any, **parameters: Any) -> float:
    started = time.perf_counter()
    work(*arguments, **parameters)
    return time.perf_counter() - started


def answers(instance: Instance, actors: int, queries: int, seed: int) -> dict[str, Any]:
    database = instance.database()
    caller = Caller.operator("benchmark", sensitive=True)
    analyses = AnalysisService(database, instance.settings, caller=caller)
    actor_service = ActorService(database, caller)
    rng = random.Random(seed)
    chosen = [f"a-{rng.randrange(actors)}" for _ in range(queries)]
    pairs = [(f"a-{rng.randrange(actors)}", f"a-{rng.randrange(actors)}") for _ in range(queries)]
    surroundings = query("analyses/actors_around")
    neighbourhood = query("actors/neighbourhood", depth=1)
    shortest = (
        "MATCH (a:Actor {id: $a}), (b:Actor {id: $b}) "
        "MATCH p = shortestPath((a)-[:COOPERATES_WITH|FUNDS|MEMBER_OF*..30]-(b)) "
        "RETURN length(p) AS hops"
    )
    types = ["COOPERATES_WITH", "FUNDS", "MEMBER_OF"]
    session = database.driver.session(database=database.connection.database)

    def bare(text: str, **parameters: Any) -> None:
        session.run(text, parameters).consume()  # type: ignore[arg-type]

    measured: dict[str, dict[str, list[float]]] = {}
    for kind in ("allies", "neighbourhood", "introductions"):
        measured[kind] = {"maillage": [], "peer": []}

    def allies(actor: str) -> None:
        analyses.analyse(AnalysisName.ALLIES, AnalysisQuery(actor=actor))

    def introductions(one: str, other: str) -> None:
        analyses.analyse(AnalysisName.INTRODUCTIONS, AnalysisQuery(actor=one, target=other, top=3))

    def around(actor: str) -> None:
        actor_service.neighbourhood(
            actor, depth=1, types=None, at=None, equals={}, territory=None, limit=500
        )

    # A server in service has its store in the page cache: read it all once (every
    # node's and relationship's properties), then warm the query plans.
    bare(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->() "
        "RETURN count(r) + sum(size(keys(n))) + sum(size(keys(r))) AS touched"
    )
    for actor in chosen[:20]:
        allies(actor)
    window = {"from": None, "to": None}
    around_parameters = {"types": None, "at": None, "equals": {}, "territory": None, "limit": 500}
    for actor, (one, other) in zip(chosen, pairs, strict=True):
        mine, peer = measured["allies"]["maillage"], measured["allies"]["peer"]
        mine.append(_timed(allies, actor))
        peer.append(
            _timed(bare, surroundings, actor=actor, types=types, large=LARGE_PLACE, **window)
        )
        mine, peer = measured["neighbourhood"]["maillage"], measured["neighbourhood"]["peer"]
        mine.append(_timed(around, actor))
        peer.append(_timed(bare, neighbourhood, id=actor, **around_parameters))
        mine, peer = measured["introductions"]["maillage"], measured["introductions"]["peer"]
        mine.append(_timed(introductions, one, other))
        peer.append(_timed(bare, shortest, a=one, b=other))
    session.close()
    database.close()
    result: dict[str, Any] = {}
    for kind, sides in measured.items():
        ours, peer = _percentiles(sides["maillage"]), _percentiles(sides["peer"])
        result[kind] = {
            "maillage": ours,
            "peer": peer,
            "ratio_p95": round(ours["p95_ms"] / peer["p95_ms"], 2) if peer["p95_ms"] else None,
        }
    return result


# --- API under load --------------------------------------------------------------


class KeepAliveClient:
    """The load's HTTP client: one kept-alive connection, a request written in one
    piece and its answer read by its ``Content-Length``.  ``http.client`` parses
    every answer's headers with the e-mail parser: about 150 µs of CPU per request
    (100 µs more than this), on the same two cores as the API and Neo4j, which the
    driver peer never pays; that is the client's cost, not the API's."""

    def __init__(self, port: int, timeout: float = 120) -> None:
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.answers = self.socket.makefile("rb")

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        """GET ``path``: the status and the body."""
        lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        self.socket.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        status_line = self.answers.readline()
        if not status_line:
            raise ConnectionError("the API closed the connection")
        length = None
        while (line := self.answers.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise ConnectionError(f"{path}: an answer without Content-Length")
        return int(status_line.split()[1]), self.answers.read(length)

    def close(self) -> None:
        self.answers.close()
        self.socket.close()


#: Seconds every client runs before its requests are counted: each API worker opens
#: its connections and plans its queries on its first requests, which says nothing
#: of the steady state (the first seconds held the run's slowest requests).
WARM_UP_SECONDS = 5.0


def _hammer(
    clients: int,
    seconds: float,
    one_request: Callable[[int, Any], None],
    connect: Callable[[], Any],
) -> list[float]:
    """``clients`` threads, each with its own connection, for :data:`WARM_UP_SECONDS`
    uncounted then ``seconds`` counted: the time of every request started in the
    counted window (those still running at its end are waited for)."""
    times: list[list[float]] = [[] for _ in range(clients)]
    counted_from = time.perf_counter() + WARM_UP_SECONDS
    deadline = counted_from + seconds

    def client(index: int) -> None:
        connection = connect()
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            one_request(index, connection)
            if started >= counted_from:
                times[index].append(time.perf_counter() - started)
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [t for per_client in times for t in per_client]


def _load_figures(times: list[float], seconds: float) -> dict[str, Any]:
    return {**_percentiles(times), "per_second": round(len(times) / seconds, 1)}


def _read_neighbourhood(session: Any, id: str) -> None:
    """The API's neighbourhood Cypher at depth 1, without filters, straight through
    the driver; the rows are read, as the API reads them to answer (consume() would
    let the driver throw them away unconverted)."""
    list(
        session.run(
            query("actors/neighbourhood", depth=1),
            id=id,
            types=None,
            at=None,
            equals={},
            territory=None,
            limit=500,
        )
    )


def _warm_up(instance: Instance, ids: list[str]) -> None:
    """Read the neighbourhood of every actor the clients will ask about, once: the
    API and the driver then find the same pages in the cache (otherwise whichever
    ran second would run on the pages the first one brought in)."""
    info = connection_info(instance.settings)
    with GraphDatabase.driver(
        info.uri, auth=(info.user, info.password), notifications_min_severity="OFF"
    ) as driver:

        def read(id: str) -> None:
            with driver.session(database=info.database) as session:
                _read_neighbourhood(session, id)

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(read, sorted(set(ids))))


def _viewer_key(instance: Instance) -> str:
    """A viewer's key, as an analyst elsewhere would hold one."""
    database = instance.database()
    try:
        accounts = AccountService(database, Caller.operator("benchmark"))
        if BENCHMARK_ACCOUNT not in {account["name"] for account in accounts.accounts()}:
            accounts.add_account(BENCHMARK_ACCOUNT, Role.VIEWER)
        return accounts.create_key(BENCHMARK_ACCOUNT).token
    finally:
        database.close()


#: Rounds of the API against the driver: the machine's pace drifts over a run
#: (other work, the page cache), and a ratio of two runs minutes apart measured
#: the drift as much as the API.  Interleaved, each round compares neighbours.
API_ROUNDS = 3
#: Seconds of uncounted requests to the API before the first round (at most a round).
API_WARM_UP_SECONDS = 15.0


def api_load(
    instance: Instance, actors: int, clients: int, seconds: float, workers: int, seed: int
) -> dict[str, Any]:
    """The neighbourhood through the API (the local reader without a key, then a
    viewer's key, as every client outside this machine holds one: looked up again
    once a second per worker, ``MAILLAGE_KEY_RECHECK_SECONDS``) against the same
    Cypher through the driver, ``clients`` at a time, in :data:`API_ROUNDS`
    interleaved rounds of ``seconds`` each; then allies through the API."""
    port = _free_port()
    env = {
        **instance.env,
        "MAILLAGE_OPEN_LOCAL_READ": "true",
        "MAILLAGE_RATE_LIMIT_PER_MINUTE": "0",
        "MAILLAGE_API_PORT": str(port),
    }
    rng = random.Random(seed)
    ids = [f"a-{rng.randrange(actors)}" for _ in range(10_000)]
    _warm_up(instance, ids)
    key = _viewer_key(instance)
    info = connection_info(instance.settings)
    # Notifications off, as the API's driver has them (Database): otherwise every
    # peer query logs a "property does not exist" warning, time the API never spends.
    driver = GraphDatabase.driver(
        info.uri,
        auth=(info.user, info.password),
        max_connection_pool_size=clients,
        notifications_min_severity="OFF",
    )

    def session_connect() -> Any:
        return driver.session(database=info.database)

    def bare(index: int, session: Any) -> None:
        _read_neighbourhood(session, ids[rng.randrange(len(ids))])

    def http_connect() -> KeepAliveClient:
        return KeepAliveClient(port)

    def getter(path: str, headers: dict[str, str] | None = None) -> Callable[[int, Any], None]:
        def one(index: int, client: KeepAliveClient) -> None:
            status, _ = client.get(path.format(id=ids[rng.randrange(len(ids))]), headers)
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")

        return one

    sides: dict[str, Callable[[int, Any], None]] = {
        "neighbourhood": getter("/api/v1/actors/{id}/neighbourhood?depth=1"),
        "neighbourhood_with_key": getter(
            "/api/v1/actors/{id}/neighbourhood?depth=1", {"Authorization": f"Bearer {key}"}
        ),
        "driver_neighbourhood_peer": bare,
    }
    times: dict[str, list[float]] = {side: [] for side in sides}
    round_ratios: dict[str, list[float]] = {"neighbourhood": [], "neighbourhood_with_key": []}
    server = subprocess.Popen(
        [sys.executable, "-m", "graph_service.cli.main", "serve", "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                probe.request("GET", "/readyz")
                if probe.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        # The workers start one after another, each importing the service (seconds of
        # CPU on the cores the load shares): the first round measured them starting.
        _hammer(clients, min(API_WARM_UP_SECONDS, seconds), sides["neighbourhood"], http_connect)
        for _ in range(API_ROUNDS):
            this_round = {
                side: _hammer(
                    clients,
                    seconds,
                    one,
                    session_connect if side == "driver_neighbourhood_peer" else http_connect,
                )
                for side, one in sides.items()
            }
            peer_p95 = _percentiles(this_round["driver_neighbourhood_peer"])["p95_ms"]
            for side, measured in this_round.items():
                times[side].extend(measured)
                if side in round_ratios:
                    round_ratios[side].append(round(_percentiles(measured)["p95_ms"] / peer_p95, 2))
        allies = _hammer(
            clients, seconds, getter("/api/v1/analyses/allies?actor={id}"), http_connect
        )
        # Before they stop: the API's processes (the server and its workers) together.
        peak_mib = process_peak_mib(server.pid, with_children=True)
    finally:
        server.terminate()
        server.wait(timeout=60)
        driver.close()
    figures = {
        side: _load_figures(measured, seconds * API_ROUNDS) for side, measured in times.items()
    }
    peer_p95 = figures["driver_neighbourhood_peer"]["p95_ms"]
    return {
        "clients": clients,
        "seconds": seconds,
        "rounds": API_ROUNDS,
        "workers": workers,
        **figures,
        "allies": _load_figures(allies, seconds),
        "peak_mib": peak_mib,
        "ratio_p95": round(figures["neighbourhood"]["p95_ms"] / peer_p95, 2),
        "ratio_p95_with_key": round(figures["neighbourhood_with_key"]["p95_ms"] / peer_p95, 2),
        "ratio_p95_by_round": round_ratios,
    }


def region_analyses(instance: Instance, sample: int, seed: int) -> dict[str, Any]:
    """Brokers (betweenness from ``sample`` sources) and silos (1,000 permutations) of
    the first région, as a request computes them: through the Python engine (the
    région read into Python as a graph) against ``engine=gds`` kept in the database
    (the threshold set to 0, so that the small run takes the same path).
    Interleaved, median of two each."""
    database = instance.database()
    settings = instance.settings.model_copy(update={"gds_in_database_above": 0})
    analyses = AnalysisService(database, settings, caller=Caller.operator("benchmark"))
    queries = {
        AnalysisName.BROKERS: AnalysisQuery(territory="reg-0", sample=sample, seed=seed, top=20),
        AnalysisName.SILOS: AnalysisQuery(territory="reg-0", seed=seed),
    }
    result: dict[str, Any] = {}
    for name, asked in queries.items():
        in_database = asked.model_copy(update={"engine": Engine.GDS})
        times: dict[str, list[float]] = {"python": [], "in_database": []}
        for _ in range(2):
            times["python"].append(_timed(analyses.analyse, name, asked))
            times["in_database"].append(_timed(analyses.analyse, name, in_database))
        summary = analyses.analyse(name, in_database).report["summary"]
        python = statistics.median(times["python"])
        inside = statistics.median(times["in_database"])
        result[name.value] = {
            **summary,
            "python_s": round(python, 1),
            "in_database_s": round(inside, 1),
            "ratio": round(inside / python, 2),
        }
    result["brokers"]["sample"] = sample
    database.close()
    return result


# --- the run ---------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--actors", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    # One worker per core of a machine the API shares with Neo4j (here 2 on 2 cores):
    # four gave a p95 1.46 to 1.51 times the driver's in two runs by hand, two 1.24
    # to 1.39, at the same throughput (docs/scaling.md).
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="3g")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=300, help="région brokers' sources")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/national.json"))
    arguments = parser.parse_args()
    results: dict[str, Any] = {
        "benchmark": "national",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "actors": arguments.actors,
    }
    with tempfile.TemporaryDirectory(prefix="maillage-national-") as folder:
        work = Path(folder)
        started = time.perf_counter()
        counts = write_json(work / "france.json", arguments.actors, arguments.seed)
        results["synth_seconds"] = round(time.perf_counter() - started, 1)
        write_csv(work / "csv", arguments.actors, arguments.seed)
        results["records"] = counts["nodes"] + counts["relationships"]
        results["json_mib"] = round((work / "france.json").stat().st_size / 2**20)
        print(json.dumps(results), flush=True)

        peer = Instance(work / "peer", arguments.heap, arguments.pagecache)
        peer.cli("neo4j", "start")
        try:
            peer.cli("db", "init")
            results["load_csv_peer"] = load_csv_peer(peer, work / "csv")
            print(json.dumps(results["load_csv_peer"]), flush=True)
            results["neo4j_admin_peer"] = neo4j_admin_peer(peer, work / "csv")
            print(json.dumps(results["neo4j_admin_peer"]), flush=True)
        finally:
            peer.cli("neo4j", "stop")

        ours = Instance(work / "maillage", arguments.heap, arguments.pagecache)
        ours.cli("neo4j", "start")
        try:
            ours.cli("db", "init")
            bulk = ours.cli("import", "--bulk", str(work / "france.json"))
            results["bulk"] = {k: v for k, v in bulk.items() if k != "output"}
            results["bulk"]["report"] = bulk["output"].strip().splitlines()[-3:]
            # The server the bulk load restarted: its empty lists, schema and records.
            results["bulk"]["server_peak_mib"] = _server_peak(ours)
            print(json.dumps(results["bulk"]), flush=True)
            # LOAD CSV again after the bulk load, each alone on the machine, and the
            # ratio taken against the mean of the two: the speed of this machine
            # drifted by a quarter within an hour (the same checks, 77 s then 102 s
            # of CPU), and a peer measured before only would charge that drift to
            # whichever side came second.
            ours.cli("neo4j", "stop")
            before = results["load_csv_peer"]
            after = _load_csv_alone(work / "peer-after", work / "csv", arguments)
            results["load_csv_peer"] = {
                "seconds": round((before["seconds"] + after["seconds"]) / 2, 1),
                "runs": [before["seconds"], after["seconds"]],
                "server_peak_mib": max(before["server_peak_mib"], after["server_peak_mib"]),
            }
            print(json.dumps(results["load_csv_peer"]), flush=True)
            ours.cli("neo4j", "start")
            results["load_ratio"] = round(
                results["bulk"]["seconds"] / results["load_csv_peer"]["seconds"], 2
            )
            results["admin_ratio"] = round(
                results["bulk"]["seconds"] / results["neo4j_admin_peer"]["seconds"], 2
            )
            results["answers"] = answers(ours, arguments.actors, arguments.queries, arguments.seed)
            print(json.dumps(results["answers"]), flush=True)
            results["region"] = region_analyses(ours, arguments.sample, arguments.seed)
            print(json.dumps(results["region"]), flush=True)
            results["api"] = api_load(
                ours,
                arguments.actors,
                arguments.clients,
                arguments.seconds,
                arguments.workers,
                arguments.seed,
            )
            print(json.dumps(results["api"]), flush=True)
        finally:
            ours.cli("neo4j", "stop")
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
