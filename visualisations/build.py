"""Build the browser assets: ``python -m visualisations.build``.

Installs the JavaScript packages pinned in ``package.json`` and
``package-lock.json`` (``npm ci``: exact versions, no download of anything but
registry packages), bundles ``web/`` with esbuild into ``static/`` and copies
Swagger UI's assets there, so that maps, the explorer and ``/docs`` are served
without any other host.  ``static/`` is a build output: ignored by git, shipped
in the wheel.  Runs again only when the sources or the lockfile changed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
STAMP = STATIC / ".built-from"
BUNDLES = {"map.js": "maillage-map.js", "explorer.js": "maillage-explorer.js"}
SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css")


def _digest() -> str:
    sources = [*sorted((HERE / "web").glob("*")), HERE / "package-lock.json", Path(__file__)]
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build(force: bool = False) -> None:
    digest = _digest()
    if not force and STAMP.exists() and STAMP.read_text() == digest:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(
            "npm est requis pour construire les cartes (Debian : apt-get install npm)."
        )
    lock = HERE / "node_modules" / ".package-lock.json"
    if not lock.exists() or lock.stat().st_mtime < (HERE / "package-lock.json").stat().st_mtime:
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=HERE, check=True
        )
    STATIC.mkdir(exist_ok=True)
    esbuild = HERE / "node_modules" / ".bin" / "esbuild"
    for source, target in BUNDLES.items():
        subprocess.run(
            [
                str(esbuild),
                f"web/{source}",
                "--bundle",
                "--minify",
                "--format=iife",
                "--target=es2020",
                "--loader:.png=dataurl",
                "--legal-comments=eof",
                f"--outfile=static/{target}",
            ],
            cwd=HERE,
            check=True,
        )
    swagger = HERE / "node_modules" / "swagger-ui-dist"
    (STATIC / "swagger").mkdir(exist_ok=True)
    for name in SWAGGER_FILES:
        shutil.copyfile(swagger / name, STATIC / "swagger" / name)
    STAMP.write_text(digest)


if __name__ == "__main__":
    build(force="--force" in sys.argv)
