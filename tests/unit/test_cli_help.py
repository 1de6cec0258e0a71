"""``maillage --help`` follows the language setting: every help text of the
command tree has its French translation."""

from __future__ import annotations

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
