"""Tanda terima berkas permohonan (SOP step 1): the applicant's proof that the file was received.

A5 portrait. The QR code carries the application number only (read back at handover, step 10).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from faskim_desktop.documents.formatting import lang, long_date, time_hm
from faskim_desktop.documents.letterhead import NAVY
from faskim_desktop.documents.models import ReceiptData
from faskim_desktop.documents.pages import (
    build,
    generated_line,
    grid_table,
    key_value_table,
    p,
    qr_flowable,
    signature_block,
    styles,
)

LABELS = {
    "id": {
        "title": "TANDA TERIMA BERKAS PERMOHONAN",
        "application_number": "Nomor Permohonan",
        "received_at": "Tanggal / Jam",
        "service": "Layanan",
        "applicant": "Nama Pemohon",
        "passport": "Nomor Paspor",
        "submitted_by": "Diserahkan oleh",
        "as_applicant": "pemohon / orang tua pemohon",
        "as_representative": "selaku kuasa",
        "poa": "berdasarkan surat kuasa",
        "queue": "Nomor Antrian",
        "estimate": "Perkiraan Pengambilan",
        "documents": "Dokumen yang diterima",
        "no": "No.",
        "document": "Dokumen",
        "form": "Bentuk",
        "count": "Jml.",
        "note": "Keterangan",
        "original": "Asli",
        "copy": "Fotokopi",
        "submitter_sign": "Yang menyerahkan,",
        "officer_sign": "Petugas loket,",
        "keep": "Simpan tanda terima ini untuk pengambilan dokumen.",
        "keep_sub": "Tunjukkan tanda terima ini beserta kuitansi pembayaran saat mengambil kartu dan paspor.",
        "none": "(tidak ada dokumen tercatat)",
        "at": "pukul",
    },
    "en": {
        "title": "APPLICATION RECEIPT",
        "application_number": "Application number",
        "received_at": "Date / time",
        "service": "Service",
        "applicant": "Applicant",
        "passport": "Passport number",
        "submitted_by": "Submitted by",
        "as_applicant": "applicant / applicant's parent",
        "as_representative": "as authorised representative",
        "poa": "under power of attorney",
        "queue": "Queue number",
        "estimate": "Expected collection",
        "documents": "Documents received",
        "no": "No.",
        "document": "Document",
        "form": "Form",
        "count": "Qty",
        "note": "Note",
        "original": "Original",
        "copy": "Copy",
        "submitter_sign": "Submitted by,",
        "officer_sign": "Counter officer,",
        "keep": "Keep this receipt to collect your documents.",
        "keep_sub": "Show this receipt and the payment receipt (kuitansi) when collecting the card and passport.",
        "none": "(no documents recorded)",
        "at": "at",
    },
}


def render_receipt(data: ReceiptData, language: str = "id") -> bytes:
    """The tanda terima as an A5 PDF."""
    lg = lang(language)
    t = LABELS[lg]
    st = styles(0.86)
    width = A5[0] - 2 * 10 * mm

    submitted = data.submitted_by
    if data.is_representative:
        submitted += f" ({t['as_representative']}"
        if data.representative_relation:
            submitted += f", {data.representative_relation}"
        submitted += ")"
        if data.power_of_attorney_ref:
            submitted += f", {t['poa']} {data.power_of_attorney_ref}"
    else:
        submitted += f" ({t['as_applicant']})"

    rows = [
        (t["received_at"], f"{long_date(data.received_at.date(), lg)}, {t['at']} {time_hm(data.received_at)}"),
        (t["service"], data.service),
        (t["applicant"], data.applicant_name),
    ]
    if data.passport_number:
        rows.append((t["passport"], data.passport_number))
    rows.append((t["submitted_by"], submitted))
    if data.queue_ticket:
        rows.append((t["queue"], data.queue_ticket))
    if data.estimated_collection:
        rows.append((t["estimate"], long_date(data.estimated_collection, lg)))

    qr_size = 22 * mm
    title_style = ParagraphStyle("rt", parent=st.title, alignment=TA_LEFT, spaceAfter=0)
    number_style = ParagraphStyle("rn", parent=st.title, alignment=TA_LEFT, fontSize=st.title.fontSize * 1.1,
                                  leading=st.title.fontSize * 1.35, textColor=colors.black, spaceAfter=0)
    number_block = [
        p(t["title"], title_style),
        Spacer(0, 2.5 * mm),
        p(t["application_number"], st.label),
        p(data.application_number, number_style),
    ]
    top = Table([[number_block, qr_flowable(data.application_number, qr_size)]],
                colWidths=[width - qr_size, qr_size])
    top.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))

    doc_rows = [
        [str(i), d.name, t["original"] if d.original else t["copy"], str(d.copies), d.note]
        for i, d in enumerate(data.documents, 1)
    ] or [["", t["none"], "", "", ""]]
    documents = grid_table(
        [t["no"], t["document"], t["form"], t["count"], t["note"]], doc_rows,
        [8 * mm, width - 8 * mm - 16 * mm - 9 * mm - 27 * mm, 16 * mm, 9 * mm, 27 * mm], st,
        right_columns=(3,),
    )

    notice = Table([[p(t["keep"], st.notice)], [p(t["keep_sub"], st.centre)]], colWidths=[width])
    notice.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, NAVY), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))

    place_date = f"{data.office.city}, {long_date(data.received_at.date(), lg)}" if data.office.city else ""
    story = [
        top,
        Spacer(0, 2 * mm),
        key_value_table(rows, st, width, 34 * mm),
        Spacer(0, 2 * mm),
        p(t["documents"], st.value),
        Spacer(0, 1.5 * mm),
        documents,
        Spacer(0, 2.5 * mm),
        KeepTogether([
            signature_block(
                [(t["submitter_sign"], data.submitted_by, ""),
                 (t["officer_sign"], data.officer.name, data.officer.nip)],
                width, st, place_date, gap=10 * mm,
            ),
            Spacer(0, 2.5 * mm),
            notice,
        ]),
    ]
    return build(
        story, office=data.office, pagesize=A5, margin=10 * mm, compact_header=True,
        title=f"{t['title']} {data.application_number}",
        footer=f"{data.application_number} · {generated_line(None, lg)}",
    )
