"""What an installed Maillage needs travels with it: the package data the code
reads is declared, and the image copies every package the wheel is built from."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_data_the_code_reads_is_package_data() -> None:
    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    assert "cypher/*/*.cypher" in data["graph_service"]
    assert "datasets/*.json" in data["graph_service"]
    # Every query and dataset sits where that pattern finds it.
    queries = list((ROOT / "graph_service" / "cypher").rglob("*.cypher"))
    assert queries and all(len(q.relative_to(ROOT / "graph_service").parts) == 3 for q in queries)
    assert (ROOT / "graph_service" / "datasets" / "caac.json").is_file()
    assert {"static/*", "templates/*.html", "geodata/boundaries.json"} <= set(
        data["visualisations"]
    )


def test_the_image_builds_the_wheel_from_every_package_and_runs_it_as_a_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    packages = {
        p.rstrip("*") for p in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    }
    copied = set(re.findall(r"^COPY (\w+) \./\1$", dockerfile, flags=re.MULTILINE))
    assert packages <= copied, packages - copied
    for needed in ("pyproject.toml", "README.md", "LICENSE", "THIRD_PARTY_NOTICES.md"):
        assert needed in dockerfile
    assert "python -m visualisations.build" in dockerfile  # the bundle is package data
    assert re.search(r"pip install .*\.whl", dockerfile)
    assert "-e ." not in dockerfile  # no editable install: nothing read from a source tree
    assert re.search(r"^USER maillage$", dockerfile, flags=re.MULTILINE)
    assert "HEALTHCHECK" in dockerfile and "/healthz" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    assert "**/node_modules" in ignored and ".venv" in ignored
