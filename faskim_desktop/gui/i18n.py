"""Language of the interface: Qt Linguist translators for widget text, the core's message table
for codes. Indonesian is the source language of the widgets, so it needs no translator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
_installed: list[QTranslator] = []


def set_language(language: str) -> None:
    app = QCoreApplication.instance()
    messages.set_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English,
                               QLocale.Country.Indonesia))
    if language == "id":
        qt_base = QTranslator()
        if qt_base.load("qtbase_id", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            _installed.append(qt_base)
        return
    translator = QTranslator()
    if translator.load(str(TRANSLATIONS / f"faskim_{language}.qm")):
        app.installTranslator(translator)
        _installed.append(translator)


def words(code: str, **params: object) -> str:
    return messages.text(code, params)


def explain(error: BaseException) -> str:
    """What to show a person for any failure: the words of a known code, else a safe sentence."""
    if isinstance(error, FaskimError):
        text = error.message()
        details = error.params.get("errors") if isinstance(error.params, dict) else None
        if isinstance(details, dict):
            lines = [f"• {field}: {err.message()}" for field, err in details.items() if isinstance(err, FaskimError)]
            text += "\n" + "\n".join(lines)
        return text
    return messages.text("gui.unexpected")


messages.register(
    {
        "gui.unexpected": {
            "id": "Terjadi kesalahan tak terduga. Data yang sudah disimpan aman. Coba lagi; bila berulang, "
            "ekspor diagnostik dari halaman Teknisi dan hubungi teknisi.",
            "en": "An unexpected error occurred. Saved data is safe. Try again; if it recurs, export the "
            "diagnostics from the Technician page and call the technician.",
        },
    }
)
