"""``maillage --help`` follows the language setting: every help text of the
command tree has its French translation."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from graph_service.cli.help_fr import HELP_FR
from graph_service.cli.main import app, localised_command, requested_language
from graph_service.config import Language


def _help_texts(command: Any, context: Any) -> list[str]:
    texts = [command.help] if command.help else []
    texts += [p.help for p in command.params if getattr(p, "help", None)]
    for name in getattr(command, "list_commands", lambda _: [])(context):
        sub = command.get_command(context, name)
        texts += _help_texts(sub, sub.context_class(sub, parent=context))
    return texts


def test_every_help_text_has_a_french_translation() -> None:
    import typer

    command = typer.main.get_command(app)
    missing = [t for t in _help_texts(command, command.context_class(command)) if t not in HELP_FR]
    assert missing == []


def test_the_help_is_french_by_default_and_english_on_request() -> None:
    french = localised_command(Language.FR)
    assert french.help == HELP_FR[str(app.info.help)]
    analyse = french.get_command(french.context_class(french), "analyse")
    assert analyse is not None and analyse.help is not None
    assert analyse.help.startswith("Lance une analyse")


@pytest.mark.parametrize(
    ("arguments", "language"),
    [(["--lang", "en", "--help"], Language.EN), (["--lang=fr"], Language.FR), (["x"], None)],
)
def test_the_language_is_read_before_the_help_is_built(
    arguments: list[str], language: Language | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAILLAGE_LANG", "fr")
    assert requested_language(arguments) is (language or Language.FR)


def _maillage(*arguments: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph_service.cli.main", *arguments],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_wrong_setting_is_said_by_its_variable_not_as_a_traceback() -> None:
    refused = _maillage("db", "status", MAILLAGE_RATE_LIMIT_PER_MINUTE="abc", MAILLAGE_LANG="fr")
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert "1 réglage(s) de l'environnement invalide(s)" in refused.stderr
    assert "- MAILLAGE_RATE_LIMIT_PER_MINUTE: Nombre entier attendu. ('abc')" in refused.stderr
    # Said in English when asked, for a boolean too.
    english = _maillage("--lang", "en", "serve", MAILLAGE_ACCESS_LOG="perhaps")
    assert english.returncode == 1 and "Traceback" not in english.stderr
    assert "- MAILLAGE_ACCESS_LOG: True or false expected. ('perhaps')" in english.stderr
    # A rule over several variables is said at the one its sentence names.
    production = _maillage(
        "db", "status", MAILLAGE_ENV="production", NEO4J_URI="", NEO4J_PASSWORD="", COLUMNS="200"
    )
    assert production.returncode == 1 and "Traceback" not in production.stderr
    said = " ".join(production.stderr.split())
    assert (
        "- NEO4J_PASSWORD: En production (MAILLAGE_ENV=production), le mot de passe de Neo4j "
        "doit être un vrai secret." in said
    )


@pytest.mark.parametrize(
    ("arguments", "french"),
    [
        (["fou"], "Commande inconnue : « fou »."),
        (["key", "revoke"], "Argument manquant : 'key_id'."),
        (["import", "--nope", "x"], "Option inconnue : --nope."),
        (["serve", "--workers", "abc"], "Valeur refusée pour '--workers' : Nombre entier attendu."),
        (["analyse", "brokers", "--engine", "x"], "« x » n'est pas une valeur possible"),
        (["db", "init", "en-trop"], "En trop : en-trop."),
        (["serve", "--port"], "L'option « --port » attend une valeur."),
        (["import", "/nulle/part.csv"], "« /nulle/part.csv » n'existe pas."),
    ],
)
def test_a_command_typed_wrong_is_said_in_french(arguments: list[str], french: str) -> None:
    """Typer's click writes these in English; the reader sees them in French, with
    the usage line and where to find help (exit code 2, as click's)."""
    answer = _maillage(*arguments, MAILLAGE_LANG="fr", COLUMNS="200")
    assert answer.returncode == 2, answer.stderr
    assert french in answer.stderr
    assert "Erreur" in answer.stderr and "Error" not in answer.stderr
    if arguments != ["serve", "--port"]:  # click gives no context for this one
        assert "Utilisation : " in answer.stderr and "Aide : " in answer.stderr


def test_a_command_typed_wrong_is_said_in_english_on_request() -> None:
    answer = _maillage("--lang", "en", "fou", COLUMNS="200")
    assert answer.returncode == 2
    assert "No such command 'fou'." in answer.stderr and "Usage: " in answer.stderr


def test_the_help_screens_usage_line_is_french_too() -> None:
    """click writes "Usage:" from its own English text; the French help says it."""
    french = _maillage("import", "--help", MAILLAGE_LANG="fr", COLUMNS="200")
    assert french.returncode == 0
    assert "Utilisation : " in french.stdout and "import [OPTIONS]" in french.stdout
    assert "Usage" not in french.stdout
    english = _maillage("--lang", "en", "import", "--help", COLUMNS="200")
    assert "Usage: " in english.stdout and "Utilisation" not in english.stdout


@pytest.mark.parametrize(
    ("arguments", "french", "english"),
    [
        (["import"], "donnez un chemin PATH ou --dataset NOM", "give a PATH or --dataset NAME"),
        (
            ["import", "--dataset", "nulle"],
            "aucun jeu de données nommé « nulle » ; livrés : caac",
            "no dataset named 'nulle'; shipped: caac",
        ),
        (
            ["export", "x.json", "--at", "2020-13-01"],
            "« 2020-13-01 » n'est pas une date (AAAA-MM-JJ).",
            "'2020-13-01' is not a date (YYYY-MM-DD).",
        ),
        (
            ["audit", "--since", "hier"],
            "Valeur refusée pour --since : « hier » n'est pas une date",
            "'hier' is not a date",
        ),
        (["synth", "."], "est un dossier ; donnez un nom de fichier.", "is a folder; give a file"),
        (
            ["import", "--dataset", "caac", "--bulk", "--dry-run"],
            "--bulk écrit ; pour vérifier un fichier, --dry-run seul.",
            "--bulk writes; check a file with --dry-run alone.",
        ),
    ],
)
def test_a_value_maillage_refuses_is_said_in_the_readers_language(
    arguments: list[str], french: str, english: str
) -> None:
    """Refused before any database is asked, in the language of the rest of the CLI."""
    said = _maillage(*arguments, MAILLAGE_LANG="fr", COLUMNS="200")
    assert said.returncode == 2, said.stderr
    assert french in said.stderr and "Utilisation : " in said.stderr
    said = _maillage("--lang", "en", *arguments, COLUMNS="200")
    assert said.returncode == 2, said.stderr
    assert english in said.stderr
