"""Generated forms: uic's blanket Qt imports are trimmed to the names the form uses."""

from __future__ import annotations

from faskim_desktop.gui.build_ui import FORMS_DIR, TRIMMED, compile_forms, trim_imports

GENERATED = """## Created by: Qt User Interface Compiler (QColor in a comment does not count)
from PySide6.QtCore import (QCoreApplication, QDate, QMetaObject,
    Qt)
from PySide6.QtGui import (QBrush, QColor)
from PySide6.QtWidgets import (QLabel, QLabelX, QVBoxLayout)

class Ui_Form(object):
    def setupUi(self, Form):
        self.layout = QVBoxLayout(Form)
        self.label = QLabel(Form)
        self.label.setAlignment(Qt.AlignCenter)
        QMetaObject.connectSlotsByName(Form)
        self.label.setText(QCoreApplication.translate("Form", u"QDate QBrush words", None))
"""


def test_unused_names_and_empty_blocks_go() -> None:
    trimmed = trim_imports(GENERATED)
    assert trimmed.startswith(TRIMMED)
    assert "from PySide6.QtCore import QCoreApplication, QDate, QMetaObject, Qt\n" in trimmed  # QDate: in a string
    assert "from PySide6.QtGui import QBrush\n" in trimmed
    assert "from PySide6.QtWidgets import QLabel, QVBoxLayout\n" in trimmed  # QLabelX is not QLabel
    assert "import QBrush, QColor" not in trimmed and "QLabelX" not in trimmed
    assert trimmed.endswith(GENERATED.split("class Ui_Form", 1)[1])
    assert trimmed.count("QColor") == 1  # only the comment's


def test_text_without_import_blocks_is_kept() -> None:
    assert trim_imports("x = 1\n") == TRIMMED + "x = 1\n"


def test_compiled_forms_are_trimmed_and_import() -> None:
    for path in compile_forms():
        assert path.read_text(encoding="utf-8").startswith(TRIMMED)
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    from faskim_desktop.gui.forms import ui_login

    assert (FORMS_DIR / "ui_login.py").exists() and hasattr(ui_login, "Ui_LoginDialog")
