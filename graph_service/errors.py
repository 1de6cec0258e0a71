"""The service's exceptions.  Each carries its HTTP status; one API handler turns
them into ``application/problem+json`` (RFC 9457), and the CLI prints them.

Messages are catalogue keys (see :mod:`graph_service.i18n`) so that the same
error reads in French or English.  Nothing here ever holds query text or query
parameters: error bodies must not echo them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from graph_service.config import Language
from graph_service.i18n import entity_name, translate, translate_or_keep


@dataclass(frozen=True)
class FieldProblem:
    """One located problem: where (``loc``), what was given, and why it is wrong.

    ``message`` is either a catalogue key (translated when rendered) or, for a
    pydantic check the catalogue does not know, pydantic's own English message
    (see :func:`graph_service.domain.refusals.pydantic_message`).
    """

    loc: tuple[str | int, ...]
    message: str
    value: Any = None
    values: dict[str, object] = field(default_factory=dict)

    def render(self, language: Language) -> dict[str, Any]:
        text = translate_or_keep(self.message, language, self.values)
        problem: dict[str, Any] = {"loc": list(self.loc), "field": self.field, "message": text}
        if self.value is not None:
            problem["value"] = _short(self.value)
        return problem

    @property
    def field(self) -> str:
        """Dotted name of the field, without the request part (``body``, ``query``…)."""
        return ".".join(str(p) for p in self.loc if p not in ("body", "query", "path"))


#: How much of a value an error echoes: enough to recognise it, never a whole upload.
ECHOED = 80


def _short(value: Any) -> Any:
    """``value`` as an error shows it: long texts and lists cut short.

    >>> _short("x" * 100)[-1], len(_short("x" * 100))
    ('…', 81)
    """
    if isinstance(value, str) and len(value) > ECHOED:
        return value[:ECHOED] + "…"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # JSON has no NaN nor infinity: said as text
    if isinstance(value, list) and len(value) > 10:
        return [_short(v) for v in value[:10]] + ["…"]
    if isinstance(value, list):
        return [_short(v) for v in value]
    return value


class MaillageError(Exception):
    """Base class: an error a user can understand and act on."""

    status_code = 500
    title_key = "error.internal"
    problem_type = "about:blank"

    def __init__(self, detail_key: str = "error.internal.detail", **values: object) -> None:
        self.detail_key = detail_key
        self.values = values
        super().__init__(translate(detail_key, Language.EN, **values))

    def title(self, language: Language) -> str:
        return translate(self.title_key, language)

    def detail(self, language: Language) -> str:
        values = dict(self.values)
        label = values.get("label")
        if isinstance(label, str):  # the thing the message is about
            values["label"] = entity_name(label, language)
        return translate(self.detail_key, language, **values)

    def extra(self, language: Language) -> dict[str, Any]:
        """Members added to the problem document (RFC 9457 extension members)."""
        return {}


class NotFoundError(MaillageError):
    status_code = 404
    title_key = "error.not_found"
    problem_type = "/problems/not-found"

    def __init__(self, label: str, id: str) -> None:
        super().__init__("error.not_found.detail", label=label, id=id)


class ConflictError(MaillageError):
    status_code = 409
    title_key = "error.conflict"
    problem_type = "/problems/conflict"


class PreconditionFailedError(MaillageError):
    """412: the client's ``If-Match`` names a version that is no longer the stored one."""

    status_code = 412
    title_key = "error.precondition"
    problem_type = "/problems/precondition-failed"

    def __init__(self) -> None:
        super().__init__("error.precondition.detail")


class DatabaseUnavailableError(MaillageError):
    status_code = 503
    title_key = "error.unavailable"
    problem_type = "/problems/database-unavailable"

    def __init__(self) -> None:
        super().__init__("error.unavailable.detail")


class ValidationProblem(MaillageError):
    """422: the request is well-formed but its content is wrong; nothing was written."""

    status_code = 422
    title_key = "error.validation"
    problem_type = "/problems/validation"

    def __init__(
        self, problems: list[FieldProblem], *, read: bool = False, detail_key: str | None = None
    ) -> None:
        self.problems = problems
        # A read writes nothing anyway: saying so would only puzzle the reader.
        key = detail_key or ("error.validation.detail_read" if read else "error.validation.detail")
        super().__init__(key, count=len(problems))

    def extra(self, language: Language) -> dict[str, Any]:
        return {"errors": [p.render(language) for p in self.problems]}


class UnauthenticatedError(MaillageError):
    """401: no key, or a key that is unknown, expired or revoked (never which)."""

    status_code = 401
    title_key = "error.unauthenticated"
    problem_type = "/problems/unauthenticated"

    def __init__(self) -> None:
        super().__init__("error.unauthenticated.detail")


class ForbiddenError(MaillageError):
    """403: the caller is known but its role or permissions do not allow this."""

    status_code = 403
    title_key = "error.forbidden"
    problem_type = "/problems/forbidden"


class RenderableProblem(Protocol):
    """A located problem that renders itself in a language (imports, console)."""

    def render(self, language: Language) -> dict[str, Any]: ...


class ImportRejectedError(MaillageError):
    """422: the file has problems; nothing was written."""

    status_code = 422
    title_key = "import.rejected"
    problem_type = "/problems/import-rejected"

    def __init__(self, problems: Sequence[RenderableProblem]) -> None:
        self.problems = list(problems)
        super().__init__("import.rejected.detail", count=len(self.problems))

    def extra(self, language: Language) -> dict[str, Any]:
        return {"errors": [p.render(language) for p in self.problems]}


class ReadError(ImportRejectedError):
    """The file cannot be read as its format says: not a value, the container
    (a broken file, an unknown sheet or column).  Raised by the readers, possibly
    while their records are gone through; nothing has been written then."""

    def __init__(
        self, problem: RenderableProblem, problems: Sequence[RenderableProblem] | None = None
    ) -> None:
        super().__init__(problems or [problem])


class LocalNeo4jError(MaillageError):
    """A problem with the local server that the user can fix (message says how)."""

    status_code = 503
    title_key = "error.unavailable"


class QueryRefusedError(MaillageError):
    """422: a console query that Maillage or the database refused; nothing ran
    (or, for the database's own refusals, nothing was written)."""

    status_code = 422
    title_key = "console.refused"
    problem_type = "/problems/query-refused"


class QueryTimeoutError(MaillageError):
    """503: a query ran past its time limit and the server stopped it."""

    status_code = 503
    title_key = "error.timeout"
    problem_type = "/problems/query-timeout"

    def __init__(self, seconds: float | None) -> None:
        if seconds is None:
            super().__init__("error.timeout.detail_unknown")
        else:
            super().__init__("error.timeout.detail", seconds=f"{seconds:g}")
