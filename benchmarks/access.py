"""Benchmark: what being private by default costs a request.

The same cheap read (``GET /api/v1/sdgs``) through the same application, over
real HTTP on loopback, with an API key (key lookup in Neo4j once a recheck time,
``MAILLAGE_KEY_RECHECK_SECONDS``, Argon2 verification the first time, the audit
middleware, the rate limiter) against its peer without a key (the development
switch that lets this machine read: no lookup at all).
Interleaved rounds, medians; the ratio holds whatever the machine.  The first
request with a new key (a full Argon2id verification) is timed apart.

    .venv/bin/python benchmarks/access.py [--requests 400] [--rounds 5]
        [--out benchmarks/results/access.json]

Needs a running Neo4j (``eval "$(maillage neo4j env)"``); it writes only an
account, a key and an audit entry, into whatever database that names.
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import statistics
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvicorn

from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.domain.access import Caller, Role
from graph_service.local_neo4j.runtime import connection_info
from graph_service.repositories.database import Database
from graph_service.services.accounts import AccountService


def _serve(settings: Settings, database: Database) -> tuple[uvicorn.Server, threading.Thread, int]:
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, database=database), port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, int(server.servers[0].sockets[0].getsockname()[1])


def _timed(client: http.client.HTTPConnection, headers: dict[str, str], count: int) -> list[float]:
    """``count`` requests on one kept-alive connection; the time of each."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        client.request("GET", "/api/v1/sdgs", headers=headers)
        response = client.getresponse()
        response.read()
        times.append(time.perf_counter() - started)
        assert response.status == 200, response.status
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/access.json"))
    arguments = parser.parse_args()

    base = Settings()
    settings = base.model_copy(update={"open_local_read": True, "rate_limit_per_minute": 0})
    database = Database(connection_info(base))
    name = f"benchmark-{int(time.time())}"
    accounts = AccountService(database, Caller.operator("benchmark"))
    accounts.add_account(name, Role.VIEWER)
    token = accounts.create_key(name, expires_in_days=1, label="benchmarks/access.py").token
    server, serving, port = _serve(settings, database)
    keyed = {"Authorization": f"Bearer {token}"}
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    first_with_key = _timed(client, keyed, 1)[0]
    _timed(client, {}, 50)  # warm both paths
    _timed(client, keyed, 50)
    with_key: list[float] = []
    without_key: list[float] = []
    for _ in range(arguments.rounds):  # interleaved: both see the same machine
        without_key += _timed(client, {}, arguments.requests)
        with_key += _timed(client, keyed, arguments.requests)
    client.close()
    server.should_exit = True
    # The server's thread ends before the database closes and the interpreter exits:
    # left running through the exit, it crashed the process (SIGSEGV) about one run
    # in ten, after the results were printed.
    serving.join(timeout=30)
    database.close()

    def summary(times: list[float]) -> dict[str, float]:
        ordered = sorted(times)
        return {
            "p50_ms": round(statistics.median(ordered) * 1000, 3),
            "p95_ms": round(ordered[int(len(ordered) * 0.95)] * 1000, 3),
        }

    results: dict[str, Any] = {
        "benchmark": "access",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "request": "GET /api/v1/sdgs over loopback HTTP, one client",
        "requests_per_side": arguments.requests * arguments.rounds,
        "with_key": summary(with_key),
        "without_key_peer": summary(without_key),
        "ratio_p50": round(statistics.median(with_key) / statistics.median(without_key), 2),
        "first_request_with_a_new_key_ms": round(first_with_key * 1000, 1),
    }
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
