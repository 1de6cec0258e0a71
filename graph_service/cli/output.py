"""What the CLI prints, and in which language (shared by every command)."""

from __future__ import annotations

import typer
from rich.console import Console

from graph_service.config import Language
from graph_service.errors import MaillageError
from graph_service.i18n import translate

# No emoji codes: a place in a file reads "nodes:#4:id:", which rich would
# otherwise print as an emoji (and a name may hold such a code too).
console = Console(emoji=False)
errors = Console(stderr=True, emoji=False)


class _State:
    language: Language = Language.FR


state = _State()


def say(key: str, **values: object) -> None:
    console.print(translate(key, state.language, **values), highlight=False, markup=False)


def refused(key: str, param_hint: str | None = None, **values: object) -> typer.BadParameter:
    """A value of the command line refused before anything runs, said in the
    reader's language (click prints it with the usage line)."""
    return typer.BadParameter(translate(key, state.language, **values), param_hint=param_hint)


def fail(error: MaillageError) -> typer.Exit:
    """Print ``error`` (and each located problem it holds) and give the exit to raise."""
    errors.print(error.detail(state.language), style="bold red", highlight=False, markup=False)
    for problem in error.extra(state.language).get("errors", []):
        # API-style problems name a field; import problems a place in a file.
        where = problem.get("field") or ":".join(
            f"#{part}" if key == "row" else str(part)
            for key in ("file", "sheet", "row", "column")
            if (part := problem.get(key)) is not None
        )
        value = f" ({problem['value']!r})" if "value" in problem else ""
        errors.print(f"- {where}: {problem['message']}{value}", highlight=False, markup=False)
    return typer.Exit(code=1)
