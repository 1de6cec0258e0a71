"""Writes read one step ahead by a thread: every item in order, errors raised in
the writer's thread, and the reader stopped before the store is used again."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from importers.loader import read_ahead


def _readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "import-read-ahead"]


def test_every_item_in_order() -> None:
    with read_ahead(iter(range(1000))) as items:
        assert list(items) == list(range(1000))
    assert not _readers()


def test_an_error_while_reading_is_raised_where_the_items_are_used() -> None:
    def broken() -> Iterator[int]:
        yield 1
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"), read_ahead(broken()) as items:
        assert next(items) == 1
        next(items)
    assert not _readers()


def test_leaving_early_stops_the_reader() -> None:
    produced: list[int] = []

    def counting() -> Iterator[int]:
        for index in range(10_000):
            produced.append(index)
            yield index

    with read_ahead(counting()) as items:
        for item in items:
            if item == 3:
                break
    assert not _readers()  # joined: the store is the caller's again
    assert len(produced) <= 6  # one item ahead, not the whole store
