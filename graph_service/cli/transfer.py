"""``maillage import PATH`` and ``maillage export PATH``."""

from __future__ import annotations

import resource
import tempfile
import time
from datetime import date
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table

from graph_service.cli.operator import operator, record, with_database
from graph_service.cli.output import console, fail, refused, say, state
from graph_service.config import get_settings
from graph_service.domain.access import Caller
from graph_service.errors import MaillageError
from graph_service.i18n import translate
from graph_service.local_neo4j.runtime import LocalNeo4j
from graph_service.repositories.database import Database
from graph_service.services.backup import BackupService, BackupSummary
from graph_service.services.schema import migrate
from graph_service.services.transfer import (
    ExportFormat,
    ImportReport,
    TransferService,
    recover_interrupted_imports,
)
from importers.formats import FileFormat
from importers.formats.admin_csv import AdminFiles

#: The datasets shipped with Maillage (package data; their build scripts are in the
#: checkout's ``datasets/``).
DATASETS_DIR = Path(str(files("graph_service").joinpath("datasets")))


def _service(database: Database, caller: Caller) -> TransferService:
    return TransferService(database, caller, get_settings().import_dir)


def recover(database: Database) -> None:
    """Undo a large import that died while writing (before anything else runs)."""
    for name in recover_interrupted_imports(database, get_settings().import_dir):
        say("import.undone", file=name)


def import_command(
    path: Annotated[
        Path | None,
        typer.Argument(exists=True, help="File (or folder of CSV files) to import."),
    ] = None,
    dataset: Annotated[
        str | None,
        typer.Option(
            help="A dataset shipped with Maillage instead of a file (caac, inside-allies-example)."
        ),
    ] = None,
    file_format: Annotated[
        FileFormat | None, typer.Option("--format", help="Format (default: from the file).")
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Check and report; write nothing.")] = False,
    bulk: Annotated[
        bool,
        typer.Option(
            help="Load an empty database through Neo4j's offline importer (local server: "
            "stopped, loaded, restarted), after the same checks."
        ),
    ] = False,
) -> None:
    """Import a file (Maillage JSON, CSV, XLSX, GraphML, GEXF, Kumu): all of it, or nothing."""
    if (path is None) == (dataset is None):
        raise refused("cli.path_or_dataset")
    if dataset is not None:
        path = shipped_dataset(dataset)
    assert path is not None
    if bulk:
        if dry_run:
            raise refused("cli.bulk_dry_run")
        bulk_load(path, file_format)
        return
    started = time.perf_counter()
    caller = operator(persons=True)  # a file's persons are the operator's own data

    def work(database: Database) -> ImportReport:
        recover(database)
        with Progress(console=console, transient=True) as bar:
            report = _service(database, caller).import_file(
                path,
                file_format=file_format,
                dry_run=dry_run,
                progress=ImportProgress(bar, path.name),
            )
        record(database, caller, "import", writes=not dry_run and report.changes > 0)
        return report

    report = with_database(work)
    _print_summary(path, report)
    say(
        "import.dry_run" if dry_run else "import.done", format=report.format, changes=report.changes
    )
    # Imports stream the file: this says what a large one cost (ru_maxrss is in KiB).
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    say("import.resources", seconds=round(time.perf_counter() - started, 1), mib=peak_mib)


def _print_summary(path: Path, report: ImportReport) -> None:
    table = Table(title=path.name)
    table.add_column("")
    for column in ("created", "updated", "unchanged"):
        table.add_column(translate(f"import.{column}", state.language))
    for part in ("nodes", "relationships"):
        for key, counts in sorted(report.summary.get(part, {}).items()):
            table.add_row(key, *(str(counts[c]) for c in ("created", "updated", "unchanged")))
    console.print(table)


def bulk_load(path: Path, file_format: FileFormat | None) -> None:
    """Validate like every import, write the offline importer's files, stop the local
    server, load them, restart it, apply the schema and put back Maillage's own
    records (accounts, keys, audit).  A wrong file or a database holding a graph
    stops everything before the server is touched."""
    settings = get_settings()
    if not settings.names_local_server:
        raise fail(MaillageError("bulk.not_local", uri=settings.neo4j_uri))
    server = LocalNeo4j(settings)
    caller = operator(persons=True)
    started = time.perf_counter()
    settings.import_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bulk-", dir=settings.import_dir) as folder:

        def prepare(database: Database) -> tuple[ImportReport, AdminFiles, list[dict[str, Any]]]:
            recover(database)
            with Progress(console=console, transient=True) as bar:
                report, files = _service(database, caller).prepare_bulk(
                    path,
                    Path(folder) / "files",
                    file_format=file_format,
                    progress=ImportProgress(bar, path.name),
                )
            return report, files, BackupService(database, caller).own_records()

        report, files, records = with_database(prepare)
        checked = time.perf_counter()

        def keep_own_records(database: Database) -> None:
            # Idempotent: the records merge into what the store still holds.
            migrate(database)
            BackupService(database, caller).put_back(records)

        try:
            server.stop()
            try:
                offline = server.import_offline(files.arguments(), Path(folder) / "report.txt")
            finally:
                # Whatever the importer did, the server comes back (on the old store
                # when the importer failed before replacing it).
                server.start(lambda key, values: say(key, **values))
        except MaillageError as exc:
            # An importer that failed after clearing the store must not take the
            # accounts and keys with it.
            with_database(keep_own_records)
            raise fail(exc) from exc

    def finish(database: Database) -> None:
        # The empty lists before the schema: set after it, each would also update
        # the indexes (aliases are in the name index).  The accounts and keys
        # come back whatever happens.
        try:
            _service(database, caller).complete_bulk(files)
        finally:
            keep_own_records(database)
        record(database, caller, "import.bulk", writes=True)

    with_database(finish)
    done = time.perf_counter()
    _print_summary(path, report)
    say(
        "bulk.done",
        nodes=files.node_count,
        relationships=files.relationship_count,
        seconds=round(done - started, 1),
        checked=round(checked - started, 1),
        offline=round(offline, 1),
        restart=round(done - checked - offline, 1),
    )


class ImportProgress:
    """Shows an import's stages: reading, checking, then a bar over the writes."""

    def __init__(self, bar: Progress, name: str) -> None:
        self.bar = bar
        self.task = bar.add_task(
            translate("import.stage.read", state.language, name=name), total=None
        )

    def __call__(self, stage: str, count: int) -> None:
        if stage == "read":
            self.bar.update(
                self.task, description=translate("import.stage.check", state.language, count=count)
            )
        elif stage == "validated":
            self.bar.update(
                self.task,
                total=count,
                completed=0,
                description=translate("import.stage.write", state.language),
            )
        else:
            self.bar.advance(self.task, count)


def shipped_dataset(name: str) -> Path:
    """The file of a dataset shipped with Maillage (e.g. ``caac``)."""
    path = DATASETS_DIR / f"{name}.json"
    if not path.is_file():
        known = sorted(p.stem for p in DATASETS_DIR.glob("*.json"))
        raise refused("cli.no_dataset", "--dataset", name=name, known=", ".join(known))
    return path


def export_command(
    path: Annotated[Path, typer.Argument(help="File (or folder, for csv) to write.")],
    export_format: Annotated[
        ExportFormat, typer.Option("--format", help="json, graphml, gexf, xlsx or csv (a folder).")
    ] = ExportFormat.JSON,
    territory: Annotated[
        str | None, typer.Option(help="Only this territory (with sub-territories).")
    ] = None,
    operation: Annotated[str | None, typer.Option(help="Only this operation or programme.")] = None,
    at: Annotated[
        str | None, typer.Option(help="Only ties valid on that day (YYYY-MM-DD).")
    ] = None,
    public: Annotated[
        bool, typer.Option(help="Leave persons and their ties out (a file to share).")
    ] = False,
) -> None:
    """Export the graph (or a scope of it) to a file."""
    try:
        day = date.fromisoformat(at) if at else None
    except ValueError:
        raise refused("cli.not_a_date", "--at", value=at) from None
    caller = operator(persons=not public)

    def work(database: Database) -> dict[str, int]:
        counts = _service(database, caller).export_file(
            path, export_format, territory=territory, operation=operation, at=day
        )
        record(database, caller, "export", writes=False)
        return counts

    counts = with_database(work)
    say("export.done", path=str(path), nodes=counts["nodes"], relationships=counts["relationships"])


class SynthFormat(StrEnum):
    JSON = "json"
    CSV = "csv"  # a folder, one file per sheet


def synth_command(
    path: Annotated[Path, typer.Argument(help="Maillage JSON file (or CSV folder) to write.")],
    actors: Annotated[int, typer.Option(min=2, help="Number of actors.")] = 1000,
    seed: Annotated[int, typer.Option(help="Same seed, same ecosystem.")] = 0,
    output_format: Annotated[
        SynthFormat, typer.Option("--format", help="json (one file) or csv (a folder).")
    ] = SynthFormat.JSON,
    load: Annotated[bool, typer.Option(help="Also import the file into the database.")] = False,
) -> None:
    """Generate a realistic synthetic ecosystem (deterministic for a seed)."""
    from importers.synthetic import write_csv, write_json

    if output_format is SynthFormat.JSON and path.is_dir():
        raise refused("cli.folder_not_file", "PATH", path=path)
    writer = write_json if output_format is SynthFormat.JSON else write_csv
    counts = writer(path, actors, seed)
    say("synth.done", path=str(path), nodes=counts["nodes"], relationships=counts["relationships"])
    if load:
        import_command(
            path=path, dataset=None, file_format=FileFormat(output_format.value), dry_run=False
        )


def backup_command(
    path: Annotated[Path, typer.Argument(help="The backup file to write (a zip).")],
) -> None:
    """Back up the whole database (graph, accounts, keys, audit) from one snapshot."""
    caller = operator(persons=True)

    def work(database: Database) -> BackupSummary:
        done = BackupService(database, caller, get_settings().import_dir).backup(path)
        record(database, caller, "backup", writes=False)
        return done

    _say_summary("backup.done", path, with_database(work))


def restore_command(
    path: Annotated[Path, typer.Argument(exists=True, help="A file written by maillage backup.")],
    replace: Annotated[
        bool, typer.Option(help="Replace the graph the database holds (otherwise refused).")
    ] = False,
) -> None:
    """Restore a backup into an empty database (or replace the graph with --replace)."""
    caller = operator(persons=True)

    def work(database: Database) -> BackupSummary:
        services = BackupService(database, caller, get_settings().import_dir)
        done = services.restore(path, replace=replace)
        record(database, caller, "restore", writes=True)
        return done

    _say_summary("backup.restored", path, with_database(work))


def _say_summary(message: str, path: Path, done: BackupSummary) -> None:
    say(
        message,
        path=str(path),
        nodes=done.nodes,
        relationships=done.relationships,
        records=done.records,
    )
