"""Kuitansi PNBP (SOP step 6) in three labelled copies on one A4, and the bendahara's daily summary.

The SOP (Langkah Utama 2.d): "kuitansi lembar pertama untuk pemohon, kuitansi lembar kedua untuk
pertinggal pada berkas permohonan, dan kuitansi lembar ketiga untuk Bendahara Penerima". Each copy
is a third of the page with a cut line between; each carries a QR code of the receipt number
(read back at handover, step 10). A voided receipt prints with a BATAL/VOID watermark and the
reason, so that both the original and its void stay on paper.
"""

from __future__ import annotations

import io
from collections import defaultdict

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer

from faskim_desktop.documents.fonts import fit_font_size, fonts, safe_text, wrap
from faskim_desktop.documents.formatting import lang, long_date, method_name, rupiah, time_hm
from faskim_desktop.documents.letterhead import GREY, NAVY, RED, draw_emblem, draw_qr, draw_watermark
from faskim_desktop.documents.models import CashSummaryData, KuitansiData
from faskim_desktop.documents.pages import (
    build,
    generated_line,
    grid_table,
    key_value_table,
    p,
    signature_block,
    styles,
)
from faskim_desktop.documents.terbilang import terbilang

LABELS = {
    "id": {
        "title": "KUITANSI",
        "subtitle": "Tanda Bukti Pembayaran Penerimaan Negara Bukan Pajak (PNBP)",
        "number": "Nomor",
        "copies": (("Lembar 1", "untuk Pemohon"), ("Lembar 2", "untuk Berkas Permohonan"),
                   ("Lembar 3", "untuk Bendahara")),
        "received_from": "Telah terima dari",
        "amount_words": "Uang sejumlah",
        "purpose": "Untuk pembayaran",
        "application": "No. Permohonan",
        "applicant": "a.n.",
        "method": "Cara pembayaran",
        "reference": "Referensi",
        "time": "Waktu",
        "bendahara": "Bendahara Penerima,",
        "cut": "potong di sini",
        "void": "BATAL",
        "void_line": "DIBATALKAN {when} oleh {by}. Alasan: {reason}",
        "keep": "Simpan kuitansi ini; tunjukkan saat pengambilan dokumen.",
        "summary_title": "REKAPITULASI PENERIMAAN HARIAN BENDAHARA",
        "summary_sub": "PNBP Kartu Fasilitas Keimigrasian",
        "day": "Tanggal",
        "by_method": "Ringkasan per cara pembayaran",
        "count": "Jumlah transaksi",
        "total": "Jumlah (Rp)",
        "grand_total": "JUMLAH",
        "voided": "Kuitansi batal (tidak dihitung)",
        "details": "Rincian kuitansi",
        "no": "No.",
        "receipt": "No. Kuitansi",
        "status": "Status",
        "ok": "Sah",
        "status_void": "BATAL",
        "total_words": "Terbilang",
        "prepared": "Bendahara Penerima,",
        "none": "(tidak ada transaksi)",
    },
    "en": {
        "title": "RECEIPT",
        "subtitle": "Proof of payment of non-tax state revenue (PNBP)",
        "number": "Number",
        "copies": (("Copy 1", "for the Applicant"), ("Copy 2", "for the Application File"),
                   ("Copy 3", "for the Treasurer")),
        "received_from": "Received from",
        "amount_words": "The sum of",
        "purpose": "In payment of",
        "application": "Application no.",
        "applicant": "for",
        "method": "Payment method",
        "reference": "Reference",
        "time": "Time",
        "bendahara": "Treasurer,",
        "cut": "cut here",
        "void": "VOID",
        "void_line": "VOIDED {when} by {by}. Reason: {reason}",
        "keep": "Keep this receipt; show it when collecting your documents.",
        "summary_title": "TREASURER'S DAILY RECEIPTS SUMMARY",
        "summary_sub": "PNBP Immigration Facility Card",
        "day": "Date",
        "by_method": "Summary by payment method",
        "count": "Transactions",
        "total": "Amount (IDR)",
        "grand_total": "TOTAL",
        "voided": "Voided receipts (not counted)",
        "details": "Receipts",
        "no": "No.",
        "receipt": "Receipt no.",
        "status": "Status",
        "ok": "Valid",
        "status_void": "VOID",
        "total_words": "In words",
        "prepared": "Treasurer,",
        "none": "(no transactions)",
    },
}

PAGE_W, PAGE_H = A4
MARGIN = 10 * mm
COPY_H = PAGE_H / 3


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _copy(canvas: Canvas, data: KuitansiData, index: int, lg: str) -> None:
    t = LABELS[lg]
    f = fonts()
    top = PAGE_H - index * COPY_H - 6 * mm
    bottom = PAGE_H - (index + 1) * COPY_H + 10 * mm
    left, right = MARGIN + 2 * mm, PAGE_W - MARGIN - 2 * mm

    # header: emblem, office, copy label
    draw_emblem(canvas, left + 6 * mm, top - 6 * mm, 6 * mm)
    canvas.setFillColor(HexColor("#111827"))
    office_w = right - left - 14 * mm - 52 * mm
    name = safe_text(data.office.name.upper())
    canvas.setFont(f.bold, fit_font_size(name, f.bold, 8.5, office_w))
    canvas.drawString(left + 14 * mm, top - 4 * mm, name)
    canvas.setFont(f.regular, 6.5)
    canvas.setFillColor(GREY)
    address = safe_text(data.office.address + (f" · Telp. {data.office.phone}" if data.office.phone else ""))
    canvas.setFont(f.regular, fit_font_size(address, f.regular, 6.5, office_w))
    canvas.drawString(left + 14 * mm, top - 7.5 * mm, address)
    canvas.setFont(f.regular, 6.5)
    canvas.drawString(left + 14 * mm, top - 10.5 * mm, safe_text(data.office.directorate))

    label, audience = t["copies"][index]
    box_w, box_h = 50 * mm, 11 * mm
    canvas.setFillColor(NAVY)
    canvas.roundRect(right - box_w, top - box_h, box_w, box_h, 1.5 * mm, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#FFFFFF"))
    canvas.setFont(f.bold, 9)
    canvas.drawCentredString(right - box_w / 2, top - 4.6 * mm, label.upper())
    canvas.setFont(f.regular, 7.5)
    canvas.drawCentredString(right - box_w / 2, top - 8.6 * mm, audience)

    # title and number
    y = top - 19 * mm
    canvas.setFillColor(NAVY)
    canvas.setFont(f.bold, 15)
    canvas.drawString(left, y, t["title"])
    canvas.setFont(f.regular, 7)
    canvas.setFillColor(GREY)
    canvas.drawString(left + 37 * mm, y + 4, t["subtitle"])
    canvas.setFillColor(HexColor("#111827"))
    canvas.setFont(f.bold, 9)
    canvas.drawString(left + 37 * mm, y - 5, f"{t['number']}: {data.receipt_number}")

    # QR of the receipt number
    qr = 24 * mm
    draw_qr(canvas, data.receipt_number, right - qr, y - qr + 4 * mm, qr)

    # body rows
    label_w = 34 * mm
    value_x = left + label_w + 4 * mm
    value_w = right - qr - 5 * mm - value_x
    y -= 10 * mm
    words = _capital(terbilang(data.amount))  # amounts in words stay Indonesian, as the law writes them
    purpose = f"{data.purpose} · {t['application']} {data.application_number} {t['applicant']} {data.applicant_name}"
    method = method_name(data.method, lg)
    if data.reference:
        method += f" · {data.reference}"
    rows = [
        (t["received_from"], data.payer_name, f.bold, 9),
        (t["amount_words"], words, f.bold, 9),
        (t["purpose"], purpose, f.regular, 8),
        (t["method"], method, f.regular, 8),
    ]
    for row_label, value, font, size in rows:
        lines = wrap(safe_text(value), font, size, value_w)[:2]
        canvas.setFont(f.regular, 8)
        canvas.setFillColor(HexColor("#374151"))
        canvas.drawString(left, y, row_label)
        canvas.drawString(left + label_w, y, ":")
        if row_label == t["amount_words"]:
            canvas.setFillColor(HexColor("#EEF3F8"))
            h = len(lines) * size * 1.25 + 3
            canvas.rect(value_x - 2, y - h + size + 1, value_w + 4, h, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#111827"))
        canvas.setFont(font, size)
        for line in lines:
            canvas.drawString(value_x, y, line)
            y -= size * 1.25
        y -= 2.2 * mm

    # amount in figures (left) and signature (right)
    fig_w, fig_h = 62 * mm, 11 * mm
    fig_y = bottom + 7 * mm
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(1.2)
    canvas.rect(left, fig_y, fig_w, fig_h, stroke=1, fill=0)
    canvas.setFillColor(NAVY)
    canvas.setFont(f.bold, 14)
    canvas.drawCentredString(left + fig_w / 2, fig_y + 3.6 * mm, f"{rupiah(data.amount, lg)},-" if lg == "id"
                             else rupiah(data.amount, lg))
    canvas.setFillColor(GREY)
    canvas.setFont(f.regular, 6.5)
    canvas.drawString(left, fig_y - 4 * mm, t["keep"])

    sign_x = right - 38 * mm
    canvas.setFillColor(HexColor("#111827"))
    canvas.setFont(f.regular, 8)
    place = f"{data.office.city}, " if data.office.city else ""
    canvas.drawCentredString(sign_x, fig_y + fig_h + 4 * mm,
                             f"{place}{long_date(data.paid_at.date(), lg)} {time_hm(data.paid_at)}")
    canvas.drawCentredString(sign_x, fig_y + fig_h, t["bendahara"])
    name = safe_text(data.bendahara.name)
    canvas.setFont(f.bold, 8.5)
    canvas.drawCentredString(sign_x, bottom + 2.5 * mm, name)
    if data.bendahara.nip:
        canvas.setFont(f.regular, 7)
        canvas.drawCentredString(sign_x, bottom - 0.8 * mm, f"NIP. {data.bendahara.nip}")

    if data.voided:
        draw_watermark(canvas, t["void"], PAGE_W / 2, (top + bottom) / 2, 64, angle=18)
        when = f"{long_date(data.voided_at.date(), lg)} {time_hm(data.voided_at)}" if data.voided_at else "-"
        line = t["void_line"].format(when=when, by=data.voided_by or "-", reason=data.void_reason or "-")
        canvas.setFillColor(RED)
        canvas.setFont(f.bold, 7)
        canvas.drawString(left, bottom - 5.5 * mm, safe_text(line)[:140])


def _cut_line(canvas: Canvas, y: float, lg: str) -> None:
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 2)
    canvas.line(MARGIN, y, PAGE_W - MARGIN, y)
    canvas.setFillColor(HexColor("#FFFFFF"))
    canvas.rect(PAGE_W / 2 - 16 * mm, y - 2 * mm, 32 * mm, 4 * mm, stroke=0, fill=1)
    canvas.setFillColor(GREY)
    canvas.setFont(fonts().regular, 6.5)
    canvas.drawCentredString(PAGE_W / 2, y - 0.8 * mm, f"✂ {LABELS[lg]['cut']}" if fonts().embedded
                             else LABELS[lg]["cut"])
    canvas.restoreState()


def render_kuitansi(data: KuitansiData, language: str = "id") -> bytes:
    """Three copies (pemohon, berkas, bendahara) of the kuitansi on one A4 page."""
    lg = lang(language)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Kuitansi {data.receipt_number}")
    canvas.setAuthor(data.office.name)
    canvas.setCreator("Faskim Desktop")
    for index in range(3):
        _copy(canvas, data, index, lg)
    _cut_line(canvas, PAGE_H - COPY_H, lg)
    _cut_line(canvas, PAGE_H - 2 * COPY_H, lg)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def summarise(data: CashSummaryData) -> tuple[dict[str, tuple[int, int]], int, int, int]:
    """Per method (count, total) of valid receipts; grand count, grand total, voided count."""
    per_method: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    voided = 0
    for entry in data.entries:
        if entry.voided:
            voided += 1
            continue
        per_method[entry.method][0] += 1
        per_method[entry.method][1] += entry.amount
    result = {m: (c, tot) for m, (c, tot) in sorted(per_method.items())}
    return result, sum(c for c, _ in result.values()), sum(tot for _, tot in result.values()), voided


def render_cash_summary(data: CashSummaryData, language: str = "id") -> bytes:
    """The bendahara's daily cash summary: count and total per payment method, then every receipt."""
    lg = lang(language)
    t = LABELS[lg]
    st = styles()
    width = PAGE_W - 2 * 14 * mm
    per_method, count, total, voided = summarise(data)
    method_rows: list[list[object]] = [
        [method_name(m, lg), str(c), f"{tot:,}".replace(",", ".")] for m, (c, tot) in per_method.items()
    ]
    method_rows.append([t["grand_total"], str(count), f"{total:,}".replace(",", ".")])
    summary = grid_table([t["method"], t["count"], t["total"]], method_rows,
                         [width - 70 * mm, 30 * mm, 40 * mm], st, right_columns=(1, 2), bold_last_row=True)
    detail_rows = [
        [str(i), e.receipt_number, time_hm(e.paid_at), e.application_number, method_name(e.method, lg),
         f"{e.amount:,}".replace(",", "."), t["status_void"] if e.voided else t["ok"]]
        for i, e in enumerate(sorted(data.entries, key=lambda e: e.paid_at), 1)
    ] or [["", t["none"], "", "", "", "", ""]]
    details = grid_table(
        [t["no"], t["receipt"], t["time"], t["application"], t["method"], t["total"], t["status"]], detail_rows,
        [9 * mm, 38 * mm, 13 * mm, 38 * mm, width - 9 * mm - 38 * mm - 13 * mm - 38 * mm - 26 * mm - 15 * mm,
         26 * mm, 15 * mm], st, right_columns=(5,),
    )
    place_date = f"{data.office.city}, {long_date(data.day, lg)}" if data.office.city else long_date(data.day, lg)
    story = [
        p(t["summary_title"], st.title),
        p(t["summary_sub"], st.subtitle),
        key_value_table([(t["day"], long_date(data.day, lg)), (t["voided"], str(voided))], st, width, 55 * mm),
        Spacer(0, 4 * mm),
        p(t["by_method"], st.value),
        Spacer(0, 1.5 * mm),
        summary,
        Spacer(0, 1.5 * mm),
        p(f"{t['total_words']}: {_capital(terbilang(total))}", st.body),
        Spacer(0, 5 * mm),
        p(t["details"], st.value),
        Spacer(0, 1.5 * mm),
        details,
        Spacer(0, 8 * mm),
        KeepTogether([signature_block([("", "", ""), (t["prepared"], data.bendahara.name, data.bendahara.nip)],
                                      width, st, place_date)]),
    ]
    return build(story, office=data.office, pagesize=A4, title=f"{t['summary_title']} {data.day.isoformat()}",
                 footer=f"{t['summary_title']} · {data.day.isoformat()} · "
                        f"{generated_line(data.generated_at, lg)}")
