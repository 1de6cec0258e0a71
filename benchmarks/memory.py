"""Peak memory for the benchmarks: what one piece of work adds, and what a running
process (a Neo4j server, the API and its workers) has held at most.

Linux only (``/proc``), as the machine the benchmarks are run on.  A peak is the
kernel's high-water mark of resident memory (``VmHWM``): it counts native
allocations too (rustworkx's, igraph's, the JVM's), which Python's own tracing
would miss, so both sides of a comparison are measured the same way.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any


def _status_kib(key: str, pid: int | str = "self") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    return 0


def _added_in_this_process(prepare: Callable[[], Any], work: Callable[[Any], Any]) -> float:
    prepared = prepare()
    before = _status_kib("VmRSS")
    # Writing 5 resets the high-water mark to the memory resident now (Linux ≥ 4.0).
    Path("/proc/self/clear_refs").write_text("5")
    work(prepared)
    return round((_status_kib("VmHWM") - before) / 1024, 1)


def added_peak_mib(prepare: Callable[[], Any], work: Callable[[Any], Any]) -> float:
    """MiB of resident memory ``work(prepare())`` adds at its peak, beyond what
    preparing its input (building the graph) left resident.  Run in a fresh
    process, so that neither memory freed by earlier work nor a thread pool started
    by it (rustworkx's) is inherited; both callables must be importable
    (module-level functions or ``functools.partial`` of them)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_added_in_this_process, prepare, work).result()


def _descendants(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            found += [child, *_descendants(child)]
    return found


def process_peak_mib(pid: int, with_children: bool = False) -> int:
    """The most resident memory process ``pid`` has held so far, in MiB; with
    ``with_children``, the sum of its own and each living descendant's (at most
    what they held together: their peaks need not have come at the same time)."""
    pids = [pid, *(_descendants(pid) if with_children else [])]
    return round(sum(_status_kib("VmHWM", each) for each in pids) / 1024)
