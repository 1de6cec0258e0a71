"""The message catalogue: French and English for every key, same placeholders."""

from __future__ import annotations

import string

from graph_service.config import Language
from graph_service.i18n import MESSAGES


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, translations in MESSAGES.items():
        assert set(translations) == set(Language), key
        assert _placeholders(translations[Language.FR]) == _placeholders(
            translations[Language.EN]
        ), key
