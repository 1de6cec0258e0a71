"""An import sets the objects alive before it aside from the cycle collector, and
gives back the state it found: nothing set aside in a plain process, the start-up
objects still set aside in an API worker, which froze them itself."""

from __future__ import annotations

import gc

from graph_service.services.transfer import _collector_passes_over_older_objects


def test_a_plain_process_gets_everything_collectable_again() -> None:
    gc.unfreeze()
    with _collector_passes_over_older_objects():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_worker_that_set_its_start_up_aside_keeps_it_aside() -> None:
    gc.unfreeze()
    gc.freeze()
    try:
        with _collector_passes_over_older_objects():
            pass
        # Set aside again (fewer objects when the collection freed garbage that
        # had been set aside with them).
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_cycles_left_by_the_import_are_collected_before_setting_aside_again() -> None:
    class Node:
        other: object = None

    gc.unfreeze()
    gc.freeze()
    try:
        with _collector_passes_over_older_objects():
            first, second = Node(), Node()
            first.other, second.other = second, first
            del first, second
    finally:
        gc.unfreeze()  # what was set aside becomes visible to get_objects again
    assert not any(isinstance(o, Node) for o in gc.get_objects())
