"""Typed errors of the domain.

Every refusal the core makes is a ``FaskimError`` subclass carrying a stable ``code`` and the
``params`` that the words need; ``messages.text(err.code, err.params)`` gives the sentence in the
user's language. Callers catch the class, users read the words, logs record only the code.
"""

from __future__ import annotations

from collections.abc import Mapping

from faskim_desktop.core import messages


class FaskimError(Exception):
    """Base of every expected, user-explainable failure."""

    code = "error.generic"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or type(self).code
        self.params: Mapping[str, object] = params
        super().__init__(self.code)

    def message(self, language: str | None = None) -> str:
        return messages.text(self.code, self.params, language)

    def __str__(self) -> str:  # the English text keeps tracebacks readable for developers
        return f"{self.code}: {messages.text(self.code, self.params, 'en')}"


class ValidationError(FaskimError):
    """Input that does not meet a rule (format, check digit, date, range)."""

    code = "error.validation"

    def __init__(self, code: str | None = None, field: str | None = None, **params: object) -> None:
        self.field = field
        super().__init__(code, field=field or "", **params)


class PermissionDenied(FaskimError):
    """The user's roles or the segregation-of-duties rules forbid the action."""

    code = "error.permission"


class IllegalTransition(FaskimError):
    """The action is not allowed from the case's current state in the SOP table."""

    code = "error.transition"


class NotFound(FaskimError):
    code = "error.not_found"


class Conflict(FaskimError):
    """Someone else changed the record first (optimistic version check) or a duplicate exists."""

    code = "error.conflict"


class AuthenticationError(FaskimError):
    code = "auth.failed"


class StoreError(FaskimError):
    """The database cannot be used: not a database, newer schema, unreachable server."""

    code = "store.error"


messages.register(
    {
        "error.generic": {"id": "Terjadi kesalahan.", "en": "Something went wrong."},
        "error.validation": {"id": "Isian tidak valid.", "en": "The input is not valid."},
        "error.permission": {
            "id": "Anda tidak berwenang melakukan tindakan ini.",
            "en": "You are not allowed to do this.",
        },
        "error.transition": {
            "id": "Tindakan ini tidak sesuai dengan tahap berkas saat ini.",
            "en": "This action does not fit the file's current step.",
        },
        "error.not_found": {"id": "Data tidak ditemukan.", "en": "Not found."},
        "error.conflict": {
            "id": "Data telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.",
            "en": "Someone else changed this record. Reload and try again.",
        },
        "auth.failed": {"id": "Autentikasi gagal.", "en": "Authentication failed."},
        "store.error": {"id": "Basis data tidak dapat digunakan.", "en": "The database cannot be used."},
    }
)
