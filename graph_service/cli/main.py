"""The ``maillage`` command line.  Messages in French by default
(``--lang en`` or ``MAILLAGE_LANG=en`` for English)."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from graph_service.cli.access import audit_command, key_app, user_app
from graph_service.cli.analyse import analyse_command
from graph_service.cli.help_fr import HELP_FR
from graph_service.cli.maps import map_command
from graph_service.cli.operator import with_database
from graph_service.cli.output import console, fail, say, state
from graph_service.cli.transfer import (
    backup_command,
    export_command,
    import_command,
    recover,
    restore_command,
    synth_command,
)
from graph_service.cli.usage_errors import say_in_french
from graph_service.config import Environment, Language, Settings, get_settings
from graph_service.domain.refusals import field_of_rule, pydantic_message
from graph_service.errors import FieldProblem, MaillageError, ValidationProblem
from graph_service.i18n import translate
from graph_service.local_neo4j.runtime import LocalNeo4j, connection_info, probe_server
from graph_service.repositories.database import Database
from graph_service.services.accounts import BOOTSTRAP_ACCOUNT
from graph_service.services.schema import Initialised, initialise

app = typer.Typer(
    help="Maillage: graph database and network analysis of actor ecosystems.",
    no_args_is_help=True,
    add_completion=False,
)
neo4j_app = typer.Typer(
    help="The local Neo4j server (assembled from Maven Central).", no_args_is_help=True
)
db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")
app.add_typer(key_app, name="key")


@app.callback()
def main(
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="Language of messages (default: MAILLAGE_LANG, else fr)."),
    ] = None,
) -> None:
    state.language = lang or get_settings().language


def _settings() -> Settings:
    return get_settings()


def _announce(key: str, values: dict[str, object]) -> None:
    say(key, **values)


# --- maillage neo4j ---------------------------------------------------------------


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Build (once) and start the local Neo4j, then wait until Bolt answers."""
    settings = _settings()
    if not settings.uses_local_neo4j:
        say("neo4j.external", uri=settings.neo4j_uri)
        return
    server = LocalNeo4j(settings)
    try:
        pid, already = server.start(_announce)
    except MaillageError as exc:
        raise fail(exc) from exc
    say("neo4j.already_running" if already else "neo4j.started", uri=server.uri, pid=pid)


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j cleanly."""
    settings = _settings()
    if not settings.names_local_server:
        say("neo4j.external", uri=settings.neo4j_uri)
        return
    stopped = LocalNeo4j(settings).stop()
    say("neo4j.stopped" if stopped else "neo4j.not_running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Version, URI, and whether APOC and GDS answer.  Exit code 1 when not running."""
    settings = _settings()
    try:
        if settings.names_local_server:
            status = LocalNeo4j(settings).status()
        else:
            status = probe_server(connection_info(settings))
    except MaillageError as exc:
        raise fail(exc) from exc
    if not status.running:
        say("neo4j.not_running")
        raise typer.Exit(code=1)
    if status.error:
        console.print(
            f"{status.uri}: "
            + translate("neo4j.status.unreachable", state.language, error=status.error),
            markup=False,
        )
        raise typer.Exit(code=1)
    state_word = translate("neo4j.status.running", state.language)
    console.print(f"Neo4j {status.neo4j_version} {status.edition} — {state_word}", markup=False)
    console.print(f"URI  : {status.uri}", markup=False)
    if status.pid:
        console.print(f"PID  : {status.pid}", markup=False)
    console.print(f"APOC : {status.apoc_version or '—'}", markup=False)
    console.print(f"GDS  : {status.gds_version or '—'}", markup=False)


@neo4j_app.command("env")
def neo4j_env() -> None:
    """Print shell `export` lines (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
    for the server in use, e.g. `eval "$(maillage neo4j env)"`."""
    try:
        info = connection_info(_settings())
    except MaillageError as exc:
        raise fail(exc) from exc
    for name, value in (
        ("NEO4J_URI", info.uri),
        ("NEO4J_USER", info.user),
        ("NEO4J_PASSWORD", info.password),
        ("NEO4J_DATABASE", info.database),
    ):
        print(f"export {name}={shlex.quote(value)}")


# --- maillage db ------------------------------------------------------------------


@db_app.command("init")
def db_init() -> None:
    """Apply the schema migrations (constraints, indexes, SDGs); idempotent. On the
    first run, also create the admin account and print its key, once."""

    def work(database: Database) -> Initialised:
        done = initialise(database, _settings().key_lifetime_days)
        recover(database)
        return done

    done = with_database(work)
    say(
        "db.initialised",
        version=done.version,
        applied=", ".join(done.applied) or translate("db.none", state.language),
    )
    if done.first_key:
        say("access.bootstrap", account=BOOTSTRAP_ACCOUNT)
        print(done.first_key)  # plain: never wrapped, easy to copy


app.command("analyse")(analyse_command)
app.command("import")(import_command)
app.command("export")(export_command)
app.command("synth")(synth_command)
app.command("map")(map_command)
app.command("audit")(audit_command)
app.command("backup")(backup_command)
app.command("restore")(restore_command)


# --- maillage serve / demo --------------------------------------------------------


@app.command("serve")
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Worker processes (each with its own connection pool); a worker that "
            "dies is replaced.",
        ),
    ] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI documentation at /docs)."""
    _serve(_settings(), host, port, workers)


def _serve(settings: Settings, host: str | None, port: int | None, workers: int = 1) -> None:
    import uvicorn

    from graph_service.api.app import create_app

    host = host or settings.api_host
    port = port or settings.api_port
    say("serve.listening", host=host, port=port)
    if workers > 1:
        # Each worker builds its app from the environment; uvicorn's supervisor
        # restarts a worker that dies (an analysis that brought its process down).
        uvicorn.run(
            "graph_service.api.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            access_log=settings.access_log,
        )
        return
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="info",
        access_log=settings.access_log,
    )


@app.command("demo")
def demo(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Start the local Neo4j (unless NEO4J_URI names another), initialise the
    schema, load the CAAC reference dataset (again only what changed) and serve the API
    (this machine's browser reads without a key)."""
    settings = _settings()
    if settings.uses_local_neo4j:
        neo4j_start()
    db_init()
    import_command(path=None, dataset="caac", file_format=None, dry_run=False)
    if settings.environment is not Environment.PRODUCTION:
        # A demonstration on this machine: its browser reads without a key, as a
        # viewer (persons as pseudonyms); writing still needs a key.
        settings = settings.model_copy(update={"open_local_read": True})
        say("demo.open_read")
    _serve(settings, host, port)


# --- the entry point: help in the user's language ------------------------------------

#: Panel titles of the help screens, in French.
PANEL_TITLES_FR = {
    "OPTIONS_PANEL_TITLE": "Options",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "COMMANDS_PANEL_TITLE": "Commandes",
    "ERRORS_PANEL_TITLE": "Erreur",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "DEFAULT_STRING": "[défaut : {}]",
    "ABORTED_TEXT": "Interrompu.",
}

_PANEL_TITLES_EN: dict[str, str] = {}
_ENGLISH_USAGE_ERRORS: dict[str, Callable[[Any], None]] = {}


def requested_language(arguments: list[str]) -> Language:
    """``--lang`` when given (before Typer parses it: the help is built first),
    else the configured language."""
    for position, argument in enumerate(arguments):
        value = None
        if argument == "--lang" and position + 1 < len(arguments):
            value = arguments[position + 1]
        elif argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        if value in tuple(Language):
            return Language(value)
    try:
        return get_settings().language
    except Exception:  # an invalid setting is reported by the command itself
        return Language.FR


def localised_command(language: Language) -> typer.core.TyperGroup:
    """The command tree, its help in ``language`` (the code's help is English)."""
    from typer import rich_utils

    command = typer.main.get_command(app)
    for name, title in PANEL_TITLES_FR.items():
        _PANEL_TITLES_EN.setdefault(name, getattr(rich_utils, name))
        setattr(rich_utils, name, title if language is Language.FR else _PANEL_TITLES_EN[name])
    # A command typed wrong: Typer prints it through this function, in English.
    english = _ENGLISH_USAGE_ERRORS.setdefault("say", rich_utils.rich_format_error)
    setattr(  # noqa: B010 - the function Typer looks up when it prints one
        rich_utils, "rich_format_error", say_in_french if language is Language.FR else english
    )
    if language is Language.FR:
        _translate(command, command.context_class(command))
    assert isinstance(command, typer.core.TyperGroup)
    return command


@cache
def _french_context(english: type[Any]) -> type[Any]:
    """Typer's context class, with a help formatter whose usage line starts with
    "Utilisation :" (click writes "Usage:" from its own English text).  Made once
    per English class: every command of the tree shares it."""

    class FrenchFormatter(english.formatter_class):  # type: ignore[misc,name-defined]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, "Utilisation : " if prefix is None else prefix)

    class FrenchContext(english):  # type: ignore[misc]
        formatter_class = FrenchFormatter

    return FrenchContext


def _translate(command: Any, context: Any) -> None:
    command.context_class = _french_context(command.context_class)
    if command.help:
        command.help = HELP_FR.get(command.help, command.help)
    for parameter in [*command.params, command.get_help_option(context)]:
        text = getattr(parameter, "help", None)
        if text:
            parameter.help = HELP_FR.get(text, text)
    if isinstance(command, typer.core.TyperGroup):
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None:
                _translate(sub, sub.context_class(sub, parent=context))


def run() -> None:
    """``maillage``: the command line, its help in the user's language.  A wrong
    setting (``MAILLAGE_…`` or ``NEO4J_…``) is said first, each variable with its
    problem, rather than as a traceback from whichever command read it."""
    language = requested_language(sys.argv[1:])
    try:
        get_settings()
    except ValidationError as exc:
        state.language = language
        problem = ValidationProblem(_setting_problems(exc), detail_key="error.settings.detail")
        raise SystemExit(fail(problem).exit_code) from None
    localised_command(language)()


def _setting_problems(exc: ValidationError) -> list[FieldProblem]:
    """One problem per wrong variable, named as it is set (a rule over several
    variables, at the one its sentence starts with)."""
    problems = []
    for error in exc.errors(include_url=False):
        variable = ".".join(str(part) for part in error["loc"]) or field_of_rule(error) or ""
        message, values = pydantic_message(error)
        given = error.get("input")
        value = given if isinstance(given, str | int | float) else None
        problems.append(FieldProblem((variable,), message, value=value, values=values))
    return problems


if __name__ == "__main__":
    run()
