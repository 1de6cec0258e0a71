"""How Maillage runs a headless browser on its maps (browser tests, the map
benchmark): Debian's Chromium, never a browser downloaded by a test tool."""

from __future__ import annotations

import os
import shutil

__all__ = ["CHROMIUM_FLAGS", "chromium_path"]

#: For a root, sandbox-less, offline machine without a GPU: SwiftShader draws
#: WebGL in software (the geographic map does not need it; a page might), and
#: no background request goes to any service.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
)


def chromium_path() -> str | None:
    """``MAILLAGE_CHROMIUM``, else Debian's ``chromium`` on the PATH, else None."""
    return os.environ.get("MAILLAGE_CHROMIUM") or shutil.which("chromium")
