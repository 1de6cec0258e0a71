"""A command typed wrong (unknown command or option, missing argument, a value of
the wrong kind) said in the reader's language.

Typer parses the command line with its own copy of click, whose messages are
English sentences built on the spot: no translation catalogue reaches them.  The
French CLI reads each such sentence back (its shape is click's, stable across
versions; a test types each mistake and reads the answer) and says it again in
French; a value refused by a type check is said from Maillage's own catalogue, as
the API and the importers say it.  A sentence not recognised is shown as click
wrote it, rather than not at all.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from rich.panel import Panel

from graph_service.cli.output import errors
from graph_service.config import Language
from graph_service.domain.refusals import pydantic_message
from graph_service.i18n import translate_or_keep

# click's sentence → the French one, filled with the sentence's own parts.
_FRENCH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), french)
    for pattern, french in (
        (r"No such command '(?P<name>.+)'\.", "Commande inconnue : « {name} »."),
        (r"Missing command\.", "Commande manquante."),
        (
            r"No such option: (?P<name>\S+) \(Possible options: (?P<near>.+)\)",
            "Option inconnue : {name} (options proches : {near}).",
        ),
        (r"No such option: (?P<name>\S+)", "Option inconnue : {name}."),
        (r"Missing argument (?P<name>.+?)\.(?P<more>.*)", "Argument manquant : {name}.{more}"),
        (r"Missing option (?P<name>.+?)\.(?P<more>.*)", "Option manquante : {name}.{more}"),
        (r"Missing parameter (?P<name>.+?)\.(?P<more>.*)", "Paramètre manquant : {name}.{more}"),
        (r"Got unexpected extra argument(?:s|\(s\))? \((?P<values>.+)\)", "En trop : {values}."),
        (r"Option '(?P<name>.+)' requires an argument\.", "L'option « {name} » attend une valeur."),
        (
            r"Option '(?P<name>.+)' requires (?P<count>\d+) arguments\.",
            "L'option « {name} » attend {count} valeurs.",
        ),
        (
            r"Option '(?P<name>.+)' does not take a value\.",
            "L'option « {name} » ne prend pas de valeur.",
        ),
        (r"Invalid value for (?P<name>.+?): (?P<why>.*)", "Valeur refusée pour {name} : {why}"),
        (r"Invalid value: (?P<why>.*)", "Valeur refusée : {why}"),
        # Why a value was refused.
        (
            r"'(?P<value>.*)' is not one of (?P<choices>.+)\.",
            "« {value} » n'est pas une valeur possible ({choices}).",
        ),
        (r"\w+ '(?P<path>.+)' does not exist\.", "« {path} » n'existe pas."),
        (r"\w+ '(?P<path>.+)' is a file\.", "« {path} » est un fichier, pas un dossier."),
        (r"\w+ '(?P<path>.+)' is a directory\.", "« {path} » est un dossier, pas un fichier."),
        (r"\w+ '(?P<path>.+)' is not readable\.", "« {path} » ne peut pas être lu."),
        (r"\w+ '(?P<path>.+)' is not writable\.", "« {path} » ne peut pas être écrit."),
    )
)


def in_french(message: str, cause: BaseException | None = None) -> str:
    """click's ``message`` in French; why a value was refused, from the catalogue
    when a type check (``cause``) refused it.

    >>> in_french("No such command 'fou'.")
    'Commande inconnue : « fou ».'
    >>> in_french("Got unexpected extra argument (x)")
    'En trop : x.'
    """
    for pattern, french in _FRENCH:
        match = pattern.fullmatch(message.strip())
        if match is not None:
            parts = match.groupdict()
            if "why" in parts:
                if isinstance(cause, ValidationError):
                    parts["why"] = _refusal(cause)
                else:
                    parts["why"] = in_french(parts["why"])
            return french.format(**parts)
    return message


def _refusal(cause: ValidationError) -> str:
    """Each check's message from the catalogue (one it does not know, as click's)."""
    messages = []
    for error in cause.errors(include_url=False):
        key, values = pydantic_message(error)
        messages.append(in_french(translate_or_keep(key, Language.FR, values)))
    return " ".join(messages)


def say_in_french(error: Any) -> None:
    """What Typer prints for a usage error, in French and the same order: the
    usage line, where to find help, the problem."""
    context = getattr(error, "ctx", None)
    if context is not None:
        # The context's formatter writes "Utilisation :" (cli.main's French context).
        errors.print(context.get_usage(), highlight=False, markup=False)
        errors.print(f"Aide : {context.command_path} --help", style="dim", markup=False)
    message = in_french(error.format_message(), error.__cause__)
    errors.print(
        Panel(message, title="Erreur", title_align="left", border_style="red"),
        highlight=False,
    )
