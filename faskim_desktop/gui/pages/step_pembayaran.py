"""Step 6 — Pembayaran PNBP and the kuitansi, at the bendahara's seat.

The amount due comes from the effective-dated fee table; the bendahara types the amount
received (the service refuses a mismatch in words), the method and, for non-cash, the
reference. The kuitansi (three labelled copies on one A4: pemohon, berkas permohonan,
bendahara) is kept in the output folder and printed to the OS queue. A payment taken in error is
voided with the supervisor's username, password and a reason; both records stay and the VOID
kuitansi is kept and printed too. The bendahara's daily cash summary is a PDF as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import clock, messages, sop
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.services.base import CaseRef, ref
from faskim_desktop.core.services.paperwork import PaperworkService
from faskim_desktop.core.services.payment import DaySummary, PaymentService
from faskim_desktop.core.services.utama_views import payment_methods, payments_of
from faskim_desktop.devices.protocols import PrintJob
from faskim_desktop.documents.compose.kuitansi import cash_summary_data, kuitansi_data
from faskim_desktop.documents.kuitansi import render_cash_summary, render_kuitansi
from faskim_desktop.gui import i18n
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register
from faskim_desktop.gui.printing import keep_copy, print_pdf
from faskim_desktop.store.tables import Case, Foreigner, Payment

MESSAGES = {  # the office's payment method codes (office setting "payment_methods")
    "utama.method.tunai": {"id": "Tunai", "en": "Cash"},
    "utama.method.transfer": {"id": "Transfer bank", "en": "Bank transfer"},
    "utama.method.edc": {"id": "Kartu debit (EDC)", "en": "Debit card (EDC)"},
    "utama.method.qris": {"id": "QRIS", "en": "QRIS"},
}
messages.register(MESSAGES)


def method_words(method: str) -> str:
    code = f"utama.method.{method}"
    return messages.text(code) if messages.has(code) else method


def rupiah(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


@dataclass(frozen=True)
class PaymentInfo:
    case: CaseRef
    applicant: str
    due: int | None
    due_error: BaseException | None
    methods: list[str]
    history: list[Payment]


@dataclass(frozen=True)
class Issued:
    """A kuitansi made and kept: the payment, the case after it, the PDF."""

    payment_id: int
    receipt_no: str
    case: CaseRef
    pdf: bytes
    kept: str


@register(sop.State.PEMBAYARAN)
class PembayaranPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.info: PaymentInfo | None = None
        self.issued: Issued | None = None
        self._busy = False

        self.number = QLabel()
        self.applicant = QLabel()
        self.due = QLabel()
        due_font = self.due.font()
        due_font.setPointSize(due_font.pointSize() + 4)
        due_font.setBold(True)
        self.due.setFont(due_font)
        head = QFormLayout()
        head.addRow(self.tr("Nomor permohonan:"), self.number)
        head.addRow(self.tr("Pemohon:"), self.applicant)
        head.addRow(self.tr("Tagihan PNBP hari ini:"), self.due)

        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Jumlah uang yang diterima, mis. 400.000"))
        self.amount_error = self._error_label()
        self.method = QComboBox()
        self.method.currentIndexChanged.connect(self._method_changed)
        self.reference = QLineEdit()
        self.reference.setMaxLength(100)
        self.reference.setPlaceholderText(self.tr("No. referensi / trace EDC / ID QRIS"))
        self.reference_error = self._error_label()
        self.pay_button = QPushButton(self.tr("Terima pembayaran && cetak &kuitansi"))
        self.pay_button.setDefault(True)
        self.pay_button.clicked.connect(self.pay)
        self.amount.returnPressed.connect(self.pay)
        self.reference.returnPressed.connect(self.pay)
        pay_box = QGroupBox(self.tr("Pembayaran"))
        form = QFormLayout(pay_box)
        amount_label = QLabel(self.tr("&Jumlah diterima:"))
        amount_label.setBuddy(self.amount)
        method_label = QLabel(self.tr("&Cara bayar:"))
        method_label.setBuddy(self.method)
        reference_label = QLabel(self.tr("&Referensi:"))
        reference_label.setBuddy(self.reference)
        form.addRow(amount_label, self.amount)
        form.addRow("", self.amount_error)
        form.addRow(method_label, self.method)
        form.addRow(reference_label, self.reference)
        form.addRow("", self.reference_error)
        form.addRow("", self.pay_button)

        # after payment: the kuitansi, reprint, go on, or void with the supervisor
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.reprint_button = QPushButton(self.tr("Cetak &ulang kuitansi"))
        self.reprint_button.clicked.connect(self.reprint)
        self.next_button = QPushButton(self.tr("&Lanjut ke biometrik"))
        self.next_button.clicked.connect(self.go_on)
        self.void_user = QLineEdit()
        self.void_user.setPlaceholderText(self.tr("nama pengguna supervisor"))
        self.void_password = QLineEdit()
        self.void_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.void_reason = QLineEdit()
        self.void_reason.setMaxLength(400)
        self.void_reason.setPlaceholderText(self.tr("alasan pembatalan"))
        self.void_button = QPushButton(self.tr("Batalkan pe&mbayaran ini"))
        self.void_button.clicked.connect(self.void)
        self.result_box = QGroupBox(self.tr("Kuitansi"))
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.result)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        result_layout.addLayout(buttons)
        void_form = QFormLayout()
        void_form.addRow(self.tr("Supervisor:"), self.void_user)
        void_form.addRow(self.tr("Kata sandi supervisor:"), self.void_password)
        void_form.addRow(self.tr("Alasan:"), self.void_reason)
        void_form.addRow("", self.void_button)
        void_box = QGroupBox(self.tr("Pembatalan (perlu supervisor dan alasan)"))
        void_box.setLayout(void_form)
        result_layout.addWidget(void_box)
        self.result_box.setVisible(False)

        self.history = QListWidget()
        self.history.setMaximumHeight(90)
        history_box = QGroupBox(self.tr("Riwayat pembayaran berkas ini"))
        QVBoxLayout(history_box).addWidget(self.history)

        self.summary_button = QPushButton(self.tr("Rekap kas &harian (PDF)"))
        self.summary_button.clicked.connect(self.day_summary)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_button)
        summary_row.addWidget(self.summary, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)

        left = QVBoxLayout()
        left.addLayout(head)
        left.addWidget(pay_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.result_box)
        right.addWidget(history_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addLayout(summary_row)
        self.setTabOrder(self.amount, self.method)
        self.setTabOrder(self.method, self.reference)
        self.setTabOrder(self.reference, self.pay_button)

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #c5221f;")
        label.setVisible(False)
        return label

    # --- loading ------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.issued = None
        self.result_box.setVisible(False)
        self.amount.clear()
        self.reference.clear()
        self._clear_errors()
        self._say("")
        self._set_busy(False)
        self.number.setText(case.number)
        ctx = self.ctx

        def fetch() -> PaymentInfo:
            service = PaymentService(ctx.ws, ctx.principal)
            due: int | None = None
            due_error: BaseException | None = None
            try:
                due = service.amount_due()
            except Exception as err:  # no fee configured: shown in words, payment refused by the service
                due_error = err
            with ctx.ws.store.read() as session:
                found = session.get(Case, case.id)
                assert found is not None
                person = session.get(Foreigner, found.foreigner_id) if found.foreigner_id else None
                current = ref(found)
            return PaymentInfo(current, person.name if person else "", due, due_error, payment_methods(ctx.ws),
                               payments_of(ctx.ws, case.id))

        ctx.run(fetch, self._show, self, self._failed)
        self.amount.setFocus()

    def _show(self, info: PaymentInfo) -> None:
        self.info = info
        self.case = info.case
        self.applicant.setText(info.applicant or "—")
        if info.due is not None:
            self.due.setText(rupiah(info.due))
        else:
            self.due.setText("—")
            self._say(i18n.explain(info.due_error) if info.due_error else "", error=True)
        current = self.method.currentData()
        self.method.blockSignals(True)
        self.method.clear()
        for method in info.methods:
            self.method.addItem(method_words(method), method)
        self.method.blockSignals(False)
        if current in info.methods:
            self.method.setCurrentIndex(info.methods.index(current))
        self._method_changed()
        self._show_history(info.history)

    def _show_history(self, history: list[Payment]) -> None:
        self.history.clear()
        for payment in history:
            line = (f"{payment.receipt_no} · {rupiah(payment.amount)} · {method_words(payment.method)}"
                    f" · {(clock.aware(payment.paid_at) or payment.paid_at).astimezone():%d-%m-%Y %H:%M}")
            if payment.voided_at:
                line += " · " + self.tr("BATAL oleh %1: %2").replace("%1", payment.voided_by).replace(
                    "%2", payment.void_reason)
            self.history.addItem(line)

    def _method_changed(self) -> None:
        cash = self.method.currentData() in (None, "tunai")
        self.reference.setEnabled(not cash)
        if cash:
            self.reference.clear()

    # --- paying -------------------------------------------------------------------------------

    def pay(self) -> None:
        if self._busy or self.case is None or self.issued is not None:
            return  # a second press while the first is running (or after it) makes no second payment
        self._clear_errors()
        case, ctx = self.case, self.ctx
        amount, method, reference = self.amount.text(), self.method.currentData() or "", self.reference.text()

        def work() -> Issued:
            payment = PaymentService(ctx.ws, ctx.principal).pay(case, amount, method, reference)
            return self._issue(ctx, payment.id or 0, "kuitansi")

        self._set_busy(True)
        self._say(self.tr("Mencatat pembayaran…"))
        ctx.run(work, self._paid, self, self._pay_failed)

    @staticmethod
    def _issue(ctx: SeatContext, payment_id: int, kind: str) -> Issued:
        """Compose, render and keep the kuitansi (on the store worker)."""
        with ctx.ws.store.read() as session:
            data = kuitansi_data(session, payment_id)
            payment = session.get(Payment, payment_id)
            assert payment is not None
            found = session.get(Case, payment.case_id)
            assert found is not None
            current = ref(found)
        pdf = render_kuitansi(data)
        category = "kuitansi_batal" if data.voided else "kuitansi"
        PaperworkService(ctx.ws, ctx.principal).keep(payment.case_id, category, pdf)
        kept = keep_copy(ctx, pdf, f"{kind}-{data.receipt_number}")
        return Issued(payment_id, data.receipt_number, current, pdf, str(kept))

    def _paid(self, issued: Issued) -> None:
        self.issued = issued
        self.case = issued.case
        self._set_busy(False)  # the pay button stays off: this case is paid
        self.result_box.setVisible(True)
        self.result.setText(self.tr("Pembayaran tercatat. Kuitansi %1 disimpan; mencetak…").replace(
            "%1", issued.receipt_no))
        self._say(self.tr("Pembayaran tercatat dengan kuitansi %1.").replace("%1", issued.receipt_no))
        self.pay_button.setEnabled(False)
        self.next_button.setEnabled(True)
        self.next_button.setDefault(True)
        self._print(issued)
        self.ctx.run(lambda: payments_of(self.ctx.ws, issued.case.id), self._show_history, self)
        self.next_button.setFocus()

    def _print(self, issued: Issued) -> None:
        self.reprint_button.setEnabled(False)

        def printed(job: PrintJob) -> None:
            self.reprint_button.setEnabled(True)
            self.result.setText(
                self.tr("Kuitansi %1 (3 lembar: pemohon, berkas, bendahara) dikirim ke printer (pekerjaan %2).")
                .replace("%1", issued.receipt_no).replace("%2", job.job_id))
            self.last_job = job

        def failed(error: BaseException) -> None:
            self.reprint_button.setEnabled(True)
            self.result.setText(
                self.tr("Pembayaran tercatat, tetapi kuitansi %1 gagal dicetak: %2 Perbaiki printer lalu "
                        "tekan Cetak ulang (salinan tersimpan di %3).")
                .replace("%1", issued.receipt_no).replace("%2", i18n.explain(error)).replace("%3", issued.kept))

        print_pdf(self.ctx, issued.pdf, f"Kuitansi {issued.receipt_no}", "A4", printed, failed)

    def reprint(self) -> None:
        if self.issued is not None:
            self._print(self.issued)

    def go_on(self) -> None:
        if self.issued is not None and self.issued.case.state is not sop.State.PEMBAYARAN:
            self.moved(self.issued.case)

    def _pay_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationError) and error.field in ("amount", "reference", "method"):
            label = self.reference_error if error.field == "reference" else self.amount_error
            label.setText(error.message())
            label.setVisible(True)
            (self.reference if error.field == "reference" else self.amount).setFocus()
            self._say("")
            return
        self._failed(error)

    # --- void ---------------------------------------------------------------------------------

    def void(self) -> None:
        if self._busy or self.issued is None:
            return
        issued, ctx = self.issued, self.ctx
        user, password, reason = self.void_user.text().strip(), self.void_password.text(), self.void_reason.text()

        def work() -> Issued:
            PaymentService(ctx.ws, ctx.principal).void(issued.payment_id, reason, user, password)
            return self._issue(ctx, issued.payment_id, "kuitansi-batal")

        self._set_busy(True)
        self.void_password.clear()
        self._say(self.tr("Membatalkan pembayaran…"))
        ctx.run(work, self._voided, self, self._failed)

    def _voided(self, voided: Issued) -> None:
        self._set_busy(False)
        print_pdf(self.ctx, voided.pdf, f"Kuitansi BATAL {voided.receipt_no}", "A4")
        self.void_user.clear()
        self.void_reason.clear()
        case = voided.case
        self.load(case)  # back at the cashier: a new payment gets a new receipt number
        self._say(self.tr("Kuitansi %1 dibatalkan; catatannya tetap tersimpan. Terima pembayaran baru.")
                  .replace("%1", voided.receipt_no))

    # --- the day's cash summary ---------------------------------------------------------------

    def day_summary(self) -> None:
        ctx = self.ctx

        def work() -> tuple[DaySummary, bytes, str]:
            today = clock.today()
            summary = PaymentService(ctx.ws, ctx.principal).day_summary(today)
            with ctx.ws.store.read() as session:
                data = cash_summary_data(session, today, ctx.principal.username)
            pdf = render_cash_summary(data)
            kept = keep_copy(ctx, pdf, f"rekap-kas-{today.isoformat()}")
            return summary, pdf, str(kept)

        def done(result: tuple[DaySummary, bytes, str]) -> None:
            summary, pdf, kept = result
            parts = ", ".join(f"{method_words(m)}: {c} ({rupiah(t)})"
                              for m, (c, t) in summary.per_method.items())
            self.summary.setText(
                self.tr("Hari ini %1 transaksi, jumlah %2 (%3); %4 batal. PDF: %5")
                .replace("%1", str(summary.count)).replace("%2", rupiah(summary.total))
                .replace("%3", parts or "-").replace("%4", str(summary.voided)).replace("%5", kept))
            self.summary_pdf = pdf
            print_pdf(ctx, pdf, f"Rekap kas {summary.day.isoformat()}", "A4")

        ctx.run(work, done, self, self._failed)

    # --- helpers ------------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._say(i18n.explain(error), error=True)

    def _clear_errors(self) -> None:
        for label in (self.amount_error, self.reference_error):
            label.clear()
            label.setVisible(False)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.pay_button.setEnabled(not busy and self.issued is None)
        self.void_button.setEnabled(not busy)
        self.pay_button.setText(self.tr("Memproses…") if busy else self.tr("Terima pembayaran && cetak &kuitansi"))
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f; font-weight: bold;" if error else "color: #188038;")
