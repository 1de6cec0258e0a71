"""The wheel works outside the source tree: built from this checkout, installed
into a fresh virtual environment in another directory, it initialises the
database, imports the shipped reference dataset and runs an analysis."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

from graph_service.repositories.database import Database
from tests.integration.cli import cli_env

ROOT = Path(__file__).resolve().parents[2]


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
    return done.stdout


def test_the_wheel_runs_outside_the_checkout(
    clean_database: Database, neo4j_connection: Any, tmp_path: Path
) -> None:
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        cwd=tmp_path,
    )
    wheel = next(tmp_path.glob("maillage-*.whl"))
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)], cwd=tmp_path)
    # The dependencies come from this environment's site-packages, appended after the
    # fresh one's: its editable hook to the checkout is a .pth file that an appended
    # path does not run, so `graph_service` can only come from the wheel.
    site = Path(sysconfig.get_paths()["purelib"])
    fresh_site = next((venv / "lib").glob("python3*/site-packages"))
    (fresh_site / "zz-dependencies.pth").write_text(f"{site}\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [str(python), "-c", "import graph_service, sys; print(graph_service.__file__)"],
        cwd=elsewhere,
    )
    assert str(fresh_site) in where and str(ROOT) not in where
    env = cli_env(neo4j_connection, MAILLAGE_DATA_DIR=str(tmp_path / "data"))
    env.pop("PYTHONPATH", None)
    maillage = str(venv / "bin" / "maillage")
    assert "Schéma" in _run([maillage, "db", "init"], cwd=elsewhere, env=env)
    imported = _run([maillage, "import", "--dataset", "caac"], cwd=elsewhere, env=env)
    assert "caac" in imported
    brokers = _run(
        [maillage, "analyse", "brokers", "--operation", "caac", "--top", "3"],
        cwd=elsewhere,
        env=env,
    )
    assert "Comité Français pour la Solidarité Internationale" in brokers
    assert os.path.isdir(elsewhere) and not any(elsewhere.iterdir())  # it wrote nothing here
