"""The README stays true: settings, endpoints and commands it names are real."""

from __future__ import annotations

import os
import re
from pathlib import Path

from graph_service.api.app import create_app
from graph_service.config import Settings, setting_names

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_a_french_summary() -> None:
    first_paragraph = README.split("\n\n")[1]
    assert "En bref" in first_paragraph and "écosystèmes d'acteurs" in first_paragraph


def test_every_setting_is_in_the_configuration_table() -> None:
    table = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", table, flags=re.MULTILINE))
    assert documented == set(setting_names())


def test_every_endpoint_is_in_the_api_table() -> None:
    table = README.split("## The API", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([A-Z, ]+) \| `([^`]+)` \|", table, flags=re.MULTILINE)
    documented = {(method.strip(), path) for methods, path in rows for method in methods.split(",")}
    spec = create_app(Settings()).openapi()
    served = {(method.upper(), path) for path, ops in spec["paths"].items() for method in ops}
    assert documented == served


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick_start.strip().splitlines()]
    assert commands == ["scripts/demo", "scripts/test"]
    for command in commands:
        assert os.access(ROOT / command, os.X_OK), command
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^scripts/test\b", ci, flags=re.MULTILINE)
    assert "maillage neo4j start" in ci and "maillage neo4j stop" in ci


def test_layout_named_in_the_readme_exists() -> None:
    for folder in (
        "graph_service",
        "graph_service/cypher",
        "importers",
        "visualisations",
        "tests/unit",
        "tests/integration",
        "scripts",
    ):
        assert (ROOT / folder).is_dir(), folder
    for file in ("pyproject.toml", "docker-compose.yml", "CHANGELOG.md", ".ci/run"):
        assert (ROOT / file).is_file(), file


def test_each_analysis_documents_its_own_options_and_report() -> None:
    spec = create_app(Settings()).openapi()

    def parameters(name: str) -> set[str]:
        operation = spec["paths"][f"/api/v1/analyses/{name}"]["get"]
        return {p["name"] for p in operation["parameters"]}

    def report(name: str) -> str:
        operation = spec["paths"][f"/api/v1/analyses/{name}"]["get"]
        return str(operation["responses"]["200"]["content"]["application/json"]["schema"])

    assert {"territory", "operation", "at", "seed"} <= parameters("levels")
    assert not {"top", "partition", "actor", "permutations"} & parameters("levels")
    assert {"partition", "between", "sample", "compare_at"} <= parameters("brokers")
    assert {"actor", "target", "max_age_months"} <= parameters("inside-allies")
    assert "permutations" not in parameters("allies")
    assert "BrokersReport" in report("brokers") and "LevelsReport" in report("levels")
    security = spec["components"]["securitySchemes"]
    assert set(security) == {"apiKey", "session"}
