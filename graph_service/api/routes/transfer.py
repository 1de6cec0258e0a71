"""Imports (multipart upload) and exports (file download)."""

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from graph_service.api.security import requires
from graph_service.api.services import TransferServiceDep
from graph_service.domain.access import Role
from graph_service.services.transfer import ExportFormat
from importers.formats import FileFormat, slugify

router = APIRouter(tags=["imports and exports"])

MEDIA_TYPES = {
    ExportFormat.JSON: "application/json",
    ExportFormat.GRAPHML: "application/graphml+xml",
    ExportFormat.GEXF: "application/gexf+xml",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.CSV: "application/zip",  # a folder of CSV files, zipped
}


@router.post(
    "/imports", summary="Import a file (all or nothing)", dependencies=[requires(Role.EDITOR)]
)
def import_upload(
    transfer: TransferServiceDep,
    file: Annotated[
        UploadFile, File(description="Maillage JSON, CSV, XLSX, GraphML, GEXF or Kumu file.")
    ],
    file_format: Annotated[FileFormat | None, Query(alias="format")] = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    """Validate the whole file first, then write it (or, when large, write it in
    undoable steps); or answer 422 with every problem located (file, sheet, row,
    column, value) and write nothing."""
    suffix = Path(file.filename or "upload").suffix
    name = slugify(Path(file.filename or "upload").stem) + suffix
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as target:
            shutil.copyfileobj(file.file, target)
        report = transfer.import_file(path, file_format=file_format, dry_run=dry_run)
    return report.as_dict()


@router.get(
    "/exports",
    summary="Export the graph or a scope of it (public without the sensitive permission)",
    dependencies=[requires(Role.ANALYST)],
)
def export_download(
    transfer: TransferServiceDep,
    export_format: Annotated[ExportFormat, Query(alias="format")] = ExportFormat.JSON,
    territory: str | None = None,
    operation: str | None = None,
    at: date | None = None,
) -> FileResponse:
    folder = Path(tempfile.mkdtemp())
    path = folder / f"maillage.{export_format.value}"
    try:
        transfer.export_file(path, export_format, territory=territory, operation=operation, at=at)
        if export_format is ExportFormat.CSV:  # a folder: one zip file to download
            path = Path(shutil.make_archive(str(folder / "maillage-csv"), "zip", root_dir=path))
    except BaseException:
        # Never leave a copy of the graph (persons included) in the temporary folder.
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        path,
        media_type=MEDIA_TYPES[export_format],
        filename=path.name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
