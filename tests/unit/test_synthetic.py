"""The synthetic ecosystem generator: deterministic, shaped like the seeds say."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from importers.synthetic import MODE_SHARES, SPHERE_MIX, Sizes, write_json


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    path = tmp_path_factory.mktemp("synth") / "ecosystem.json"
    write_json(path, 5000, seed=11)
    return json.loads(path.read_text())


def test_same_seed_same_file_other_seed_other_file(tmp_path: Path) -> None:
    first, again, other = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    write_json(first, 300, seed=1)
    write_json(again, 300, seed=1)
    write_json(other, 300, seed=2)
    assert first.read_text() == again.read_text() != other.read_text()


def test_partnership_modes_follow_the_seeds_shares(document: dict) -> None:  # type: ignore[type-arg]
    ties = [r for r in document["relationships"] if r["type"] == "COOPERATES_WITH"]
    assert len(ties) / 5000 == pytest.approx(1.2, abs=0.05)
    counts = Counter(mode for tie in ties for mode in tie["properties"]["modes"])
    for mode, share in MODE_SHARES.items():
        assert counts[mode] / len(ties) == pytest.approx(share, abs=0.03), mode


def test_sphere_mix_and_levels(document: dict) -> None:  # type: ignore[type-arg]
    actors = [n["properties"] for n in document["nodes"] if n["labels"] == ["Actor"]]
    spheres = Counter(a["sphere"] for a in actors)
    for sphere, share in SPHERE_MIX.items():
        assert spheres[sphere] / len(actors) == pytest.approx(share, abs=0.03), sphere
    levels = {
        n["properties"]["level"] for n in document["nodes"] if "DialogueFramework" in n["labels"]
    }
    assert levels == {"national", "regional", "departmental"}
    kinds = {
        r["properties"].get("kind") for r in document["relationships"] if r["type"] == "LINKED_TO"
    }
    assert kinds == {"double_space"}


def test_national_size_has_frances_territories() -> None:
    assert Sizes.for_actors(1_000_000) == Sizes(1_000_000, 35_000, 101, 13)
