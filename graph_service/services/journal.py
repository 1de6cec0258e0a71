"""The folders imports work in, and the journal that lets an interrupted one be
undone.

Each import stages what it reads in its own folder under the work directory,
with an ``owner.json`` naming its process.  A large import, written in several
committed transactions, first puts its staging store on disk for good and writes
``journal.json`` ("writing").  The folder is removed when the import ends, whatever
the ending.  If the process dies instead (killed, machine restarted), the folder
stays; at the next start, a folder whose process is gone is *abandoned*: when its
journal says it was writing, what it wrote is undone from the staging store, and
the folder is removed either way.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

OWNER = "owner.json"
JOURNAL = "journal.json"


def default_work_dir() -> Path:
    return Path(tempfile.gettempdir()) / "maillage-imports"


def _write_durably(path: Path, content: dict[str, object]) -> None:
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as file:
        json.dump(content, file)
        file.flush()
        os.fsync(file.fileno())
    temporary.replace(path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class ImportFolder:
    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def create(cls, work_dir: Path, file_name: str = "") -> ImportFolder:
        work_dir.mkdir(parents=True, exist_ok=True)
        folder = cls(work_dir / f"import-{uuid.uuid4().hex}")
        folder.path.mkdir(mode=0o700)  # the staged records may hold persons
        _write_durably(
            folder.path / OWNER,
            {"pid": os.getpid(), "started": datetime.now(UTC).isoformat(), "file": file_name},
        )
        return folder

    def __enter__(self) -> ImportFolder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.remove()

    def mark_writing(self) -> None:
        _write_durably(
            self.path / JOURNAL, {"state": "writing", "since": datetime.now(UTC).isoformat()}
        )

    def was_writing(self) -> bool:
        journal = self.path / JOURNAL
        try:
            return bool(json.loads(journal.read_text("utf-8")).get("state") == "writing")
        except (OSError, ValueError):
            return False

    def owner_pid(self) -> int | None:
        try:
            return int(json.loads((self.path / OWNER).read_text("utf-8"))["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def file_name(self) -> str:
        try:
            return str(json.loads((self.path / OWNER).read_text("utf-8")).get("file", ""))
        except (OSError, ValueError):
            return ""

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    @classmethod
    def abandoned(cls, work_dir: Path) -> Iterator[ImportFolder]:
        """Folders whose import process is gone."""
        if not work_dir.is_dir():
            return
        for path in sorted(work_dir.glob("import-*")):
            folder = cls(path)
            pid = folder.owner_pid()
            if pid is None:
                # No owner yet: a folder being created this instant, or one whose
                # process died at once; only the latter is old.
                if time.time() - path.stat().st_mtime > 60:
                    yield folder
            elif not _alive(pid):
                yield folder
