"""A map document as one self-contained HTML page: the browser bundle, its
styles and the map's data inlined, so that the file opens offline and sends
no request anywhere."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib.resources import files

from visualisations.document import MapDocument

__all__ = [
    "AssetsMissingError",
    "asset",
    "inline_json",
    "inline_script",
    "page",
    "static_directory",
]


class AssetsMissingError(RuntimeError):
    """The browser bundle has not been built (``python -m visualisations.build``)."""


@cache
def asset(name: str) -> str:
    """A built browser asset (``static/NAME``), shipped as package data."""
    path = files("visualisations").joinpath("static", name)
    if not path.is_file():
        raise AssetsMissingError(
            f"visualisations/static/{name} is missing: run `python -m visualisations.build` "
            "(scripts/setup-env.sh does it)"
        )
    return path.read_text(encoding="utf-8")


def static_directory() -> str:
    """The folder of built assets, served by the API under ``/static``."""
    return str(files("visualisations").joinpath("static"))


def inline_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>``, no HTML comment,
    no line separators that older parsers choke on.

    >>> inline_json({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, default=str)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def inline_script(code: str) -> str:
    """Bundled JavaScript safe inside a ``<script>`` element."""
    return code.replace("</script", "<\\/script")


def page(document: MapDocument) -> str:
    template = files("visualisations").joinpath("templates", "map.html").read_text("utf-8")
    values = {
        "lang": html.escape(document.language),
        "title": html.escape(document.title),
        "style": asset("maillage-map.css").replace("</style", "<\\/style"),
        "data": inline_json(document.to_json()),
        "script": inline_script(asset("maillage-map.js")),
    }
    # One pass over the template: a value that happens to contain a marker
    # (a name with "{{script}}" in it) is never expanded.
    return re.sub(r"\{\{(\w+)\}\}", lambda match: values[match.group(1)], template)
