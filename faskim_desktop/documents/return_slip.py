"""Surat pengembalian berkas (SOP step 2): the file is incomplete and goes back with the reasons.

A5 portrait, one row per missing or invalid document with the officer's note.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from faskim_desktop.documents.formatting import lang, long_date, time_hm
from faskim_desktop.documents.letterhead import RED
from faskim_desktop.documents.models import ReturnSlipData
from faskim_desktop.documents.pages import (
    build,
    generated_line,
    grid_table,
    key_value_table,
    p,
    signature_block,
    styles,
)

LABELS = {
    "id": {
        "title": "SURAT PENGEMBALIAN BERKAS PERMOHONAN",
        "subtitle": "Berkas permohonan Kartu Fasilitas Keimigrasian belum dapat diproses",
        "slip_number": "Nomor",
        "application_number": "Nomor Permohonan",
        "returned_at": "Tanggal / Jam",
        "applicant": "Nama Pemohon",
        "submitted_by": "Diserahkan oleh",
        "intro": "Setelah diperiksa, berkas permohonan di atas dikembalikan karena persyaratan berikut "
                 "belum lengkap atau belum memenuhi ketentuan:",
        "no": "No.",
        "document": "Persyaratan",
        "status": "Status",
        "note": "Keterangan",
        "missing": "Tidak ada",
        "invalid": "Tidak sah / tidak sesuai",
        "none": "(tidak ada catatan)",
        "closing": "Permohonan dapat diajukan kembali setelah persyaratan dilengkapi. Berkas yang diajukan "
                   "kembali dicatat sebagai permohonan baru.",
        "receiver_sign": "Yang menerima kembali,",
        "officer_sign": "Petugas loket,",
        "at": "pukul",
    },
    "en": {
        "title": "NOTICE OF RETURNED APPLICATION FILE",
        "subtitle": "The Immigration Facility Card application cannot be processed yet",
        "slip_number": "Number",
        "application_number": "Application number",
        "returned_at": "Date / time",
        "applicant": "Applicant",
        "submitted_by": "Submitted by",
        "intro": "After checking, the application file above is returned because the following requirements "
                 "are missing or do not meet the rules:",
        "no": "No.",
        "document": "Requirement",
        "status": "Status",
        "note": "Note",
        "missing": "Missing",
        "invalid": "Invalid / not as required",
        "none": "(no note)",
        "closing": "You may apply again once the requirements are complete. A resubmitted file is recorded as "
                   "a new application.",
        "receiver_sign": "Received back by,",
        "officer_sign": "Counter officer,",
        "at": "at",
    },
}


def render_return_slip(data: ReturnSlipData, language: str = "id") -> bytes:
    lg = lang(language)
    t = LABELS[lg]
    st = styles(0.86)
    margin = 10 * mm
    width = A5[0] - 2 * margin
    rows = []
    if data.slip_number:
        rows.append((t["slip_number"], data.slip_number))
    rows += [
        (t["application_number"], data.application_number),
        (t["returned_at"], f"{long_date(data.returned_at.date(), lg)}, {t['at']} {time_hm(data.returned_at)}"),
        (t["applicant"], data.applicant_name),
        (t["submitted_by"], data.submitted_by),
    ]
    problem_rows = [
        [str(i), pr.name, t.get(pr.status, pr.status), pr.note or "-"]
        for i, pr in enumerate(data.problems, 1)
    ] or [["", t["none"], "", ""]]
    table = grid_table([t["no"], t["document"], t["status"], t["note"]], problem_rows,
                       [8 * mm, 42 * mm, 24 * mm, width - 74 * mm], st)
    title = p(t["title"], st.title)
    banner = Table([[p(t["subtitle"], st.notice)]], colWidths=[width])
    banner.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, RED), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    place_date = f"{data.office.city}, {long_date(data.returned_at.date(), lg)}" if data.office.city else ""
    story = [
        title,
        banner,
        Spacer(0, 3 * mm),
        key_value_table(rows, st, width, 32 * mm),
        Spacer(0, 3 * mm),
        p(t["intro"], st.body),
        Spacer(0, 2 * mm),
        table,
        Spacer(0, 3 * mm),
    ]
    if data.general_note:
        story += [p(data.general_note, st.body), Spacer(0, 2 * mm)]
    story += [
        p(t["closing"], st.small),
        Spacer(0, 4 * mm),
        KeepTogether([signature_block([(t["receiver_sign"], data.submitted_by, ""),
                                       (t["officer_sign"], data.officer.name, data.officer.nip)],
                                      width, st, place_date, gap=12 * mm)]),
    ]
    return build(story, office=data.office, pagesize=A5, margin=margin, compact_header=True,
                 title=f"{t['title']} {data.application_number}",
                 footer=f"{data.application_number} · {generated_line(None, lg)}")
