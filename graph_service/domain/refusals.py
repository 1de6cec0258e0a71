"""What the models refuse, as keys of the message catalogue: pydantic says its
checks in English, and the domain's own rules raise errors of their own types
(see :func:`graph_service.domain.nodes.dates_out_of_order`); both are said to a
person in their language through ``pydantic.KEY`` in :mod:`graph_service.i18n`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from graph_service.domain import patterns
from graph_service.i18n import MESSAGES

#: pydantic's error types that the catalogue says in the reader's language:
#: ``pydantic.KEY``, filled with the error's context.  The domain's own checks raise
#: errors whose type is their key (``pydantic.dates_out_of_order``…): the catalogue
#: alone lists them.
PYDANTIC_KEYS: Final[dict[str, str]] = {
    "missing": "missing",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "date_type": "date",
    "datetime_parsing": "datetime",
    "datetime_from_date_parsing": "datetime",
    "int_parsing": "int",
    "int_type": "int",
    "int_from_float": "int",
    "float_parsing": "float",
    "float_type": "float",
    "bool_parsing": "bool",
    "enum": "enum",
    "literal_error": "enum",
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
    "too_short": "too_short",
    "string_too_short": "too_short",
    "too_long": "too_long",
    "string_too_long": "too_long",
    "extra_forbidden": "extra",
}

#: What each expression of :mod:`graph_service.domain.patterns` means, in words.
_PATTERN_KEYS: Final[dict[str, str]] = {
    patterns.NODE_ID: "pattern",
    patterns.NO_CONTROL: "pattern_text",
    patterns.ONE_LINE: "pattern_line",
    patterns.WEB_ADDRESS: "pattern_web",
    patterns.COUNTRY_CODE: "pattern_country",
    patterns.CURRENCY: "pattern_currency",
}

#: pydantic lists the values it expects as "'a', 'b' or 'c'": the "or" is English.
_LAST_OR = re.compile(r"' or '(?=[^']*'$)")


def pydantic_message(error: Mapping[str, Any]) -> tuple[str, dict[str, object]]:
    """The catalogue key of one pydantic error and the values that fill it; for an
    error the catalogue does not know, pydantic's own (English) message.

    >>> pydantic_message({"type": "enum", "msg": "…", "ctx": {"expected": "'a', 'b' or 'c'"}})
    ('pydantic.enum', {'expected': "'a', 'b', 'c'"})
    """
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        return f"pydantic.{_PATTERN_KEYS.get(str(context.get('pattern')), 'pattern_other')}", {}
    key = f"pydantic.{PYDANTIC_KEYS.get(kind, kind)}"
    if key not in MESSAGES:
        return str(error["msg"]).removeprefix("Value error, "), {}
    values: dict[str, object] = {name: str(value) for name, value in context.items()}
    if "expected" in values:
        values["expected"] = _LAST_OR.sub("', '", str(values["expected"]))
    return key, values


def field_of_rule(error: Mapping[str, Any]) -> str | None:
    """The field a rule over several fields is about, for an error located at the
    model rather than at one field: the domain's messages start with the field to
    fix ("valid_to is before valid_from"); None when the message does not.

    >>> field_of_rule({"msg": "Value error, valid_to is before valid_from"})
    'valid_to'
    >>> field_of_rule({"msg": "Value error, 3 fields disagree"}) is None
    True
    """
    words = str(error["msg"]).removeprefix("Value error, ").split()
    return words[0] if words and words[0].isidentifier() else None
