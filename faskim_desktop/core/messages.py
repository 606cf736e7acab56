"""User-facing words for the codes that the core returns.

The core speaks in codes (``FaskimError.code``, enum values); the GUI and the command line turn
them into sentences here. Indonesian is the default language and English the second. Each module
that defines codes registers its own table, so the words live beside the code that raises them.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "id"
LANGUAGES = ("id", "en")

# code -> {"id": template, "en": template}; templates use str.format with the error's params.
_MESSAGES: dict[str, dict[str, str]] = {}
_language = DEFAULT_LANGUAGE


def register(table: Mapping[str, Mapping[str, str]]) -> None:
    """Add a module's message table. A code registered twice with other words is a bug."""
    for code, words in table.items():
        if code in _MESSAGES and _MESSAGES[code] != dict(words):
            raise ValueError(f"message code registered twice with different text: {code}")
        _MESSAGES[code] = dict(words)


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _language = language


def current_language() -> str:
    return _language


def has(code: str) -> bool:
    return code in _MESSAGES


def text(code: str, params: Mapping[str, object] | None = None, language: str | None = None) -> str:
    """The sentence for ``code`` in ``language`` (default: the current one).

    An unknown code or a template whose parameters are missing still yields readable text rather
    than an exception: a message must never be the thing that crashes the counter.
    """
    words = _MESSAGES.get(code)
    if words is None:
        return code
    template = words.get(language or _language) or words.get(DEFAULT_LANGUAGE) or code
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return template
