"""Synthetic, clearly fictional inputs for every renderer: used by tests, the benchmark and demos.

No real person's data: names and numbers are made up (the office address is the public one of
an immigration office, as printed on any of its letters).
"""

from __future__ import annotations

import datetime as dt
import io

from faskim_desktop.documents.models import (
    CardData,
    CashEntry,
    CashSummaryData,
    CounterDailyReportData,
    DocumentProblem,
    IssuedReceipt,
    KuitansiData,
    Office,
    Official,
    PaymentDailyReportData,
    PaymentRecord,
    ReceiptData,
    ReceivedDocument,
    ReturnSlipData,
    SlaReportData,
    SlaStep,
)

OFFICE = Office(
    code="JKS",
    name="Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan",
    address="Jl. Warung Buncit Raya No. 207, Mampang Prapatan, Jakarta Selatan 12760",
    city="Jakarta",
    phone="(021) 7996630",
    regional_office="Kantor Wilayah DKI Jakarta",
)
OFFICER = Official("Rina Marlina", "Petugas Loket", "199003152015032002")
BENDAHARA = Official("Agus Pratama", "Bendahara Penerima", "198807212010121001")
KAKANIM = Official("Dr. Budi Santoso, S.H., M.Hum.", "Kepala Kantor", "197001011995031001")
NOW = dt.datetime(2026, 11, 27, 9, 42)

DEFAULT_DOCUMENTS = (
    "Formulir permohonan",
    "Surat permohonan",
    "KTP orang tua WNI",
    "Kartu Keluarga",
    "Akta kelahiran anak",
    "Akta perkawinan orang tua",
    "Paspor kebangsaan asing anak",
    "Paspor orang tua",
    "Izin tinggal orang tua WNA",
    "Pasfoto 4×6 (2 lembar)",
    "Bukti pendaftaran anak berkewarganegaraan ganda",
)


def photo_bytes() -> bytes:
    """A drawn stand-in portrait (no real face)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (420, 540), (226, 231, 238))
    draw = ImageDraw.Draw(image)
    draw.ellipse((130, 95, 290, 300), fill=(198, 160, 128))
    draw.rectangle((70, 360, 350, 540), fill=(40, 60, 120))
    draw.ellipse((160, 80, 260, 140), fill=(60, 40, 30))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def receipt(representative: bool = True) -> ReceiptData:
    return ReceiptData(
        office=OFFICE,
        application_number="JKS-2026-11-000457",
        received_at=NOW,
        applicant_name="Charlotte Amélie Wijaya-Thompson",
        submitted_by="Hendra Wijaya" if not representative else "Siti Rahmawati",
        documents=tuple(
            ReceivedDocument(name, original=name.startswith("Paspor"), copies=2 if "Pasfoto" in name else 1,
                             note="dikembalikan" if name.startswith("Paspor") else "")
            for name in DEFAULT_DOCUMENTS
        ) + (ReceivedDocument("Surat kuasa bermeterai", original=True),) * representative,
        officer=OFFICER,
        is_representative=representative,
        power_of_attorney_ref="tanggal 20 November 2026" if representative else "",
        representative_relation="PT Sahabat Dokumen Nusantara (biro jasa)" if representative else "",
        passport_number="PA1234567",
        queue_ticket="B-017",
        estimated_collection=dt.date(2026, 12, 4),
    )


def return_slip() -> ReturnSlipData:
    return ReturnSlipData(
        office=OFFICE,
        application_number="JKS-2026-11-000458",
        returned_at=NOW + dt.timedelta(minutes=6),
        applicant_name="Lukas Pratama Schneider",
        submitted_by="Dewi Lestari",
        problems=(
            DocumentProblem("Akta perkawinan orang tua", "missing", "Belum dilampirkan."),
            DocumentProblem("Izin tinggal orang tua WNA", "invalid",
                            "ITAS telah habis masa berlakunya pada 01-10-2026; lampirkan ITAS/ITAP yang masih berlaku."),
            DocumentProblem("Bukti pendaftaran anak berkewarganegaraan ganda", "missing", ""),
        ),
        officer=OFFICER,
        slip_number="PB-JKS-2026-0031",
        general_note="Berkas dapat diajukan kembali setelah dilengkapi, sebagai permohonan baru.",
    )


def kuitansi(voided: bool = False) -> KuitansiData:
    return KuitansiData(
        office=OFFICE,
        receipt_number="KW-JKS-2026-000312",
        paid_at=NOW + dt.timedelta(hours=1, minutes=5),
        payer_name="Siti Rahmawati",
        applicant_name="Charlotte Amélie Wijaya-Thompson",
        application_number="JKS-2026-11-000457",
        amount=400_000,
        method="billing",
        reference="820261127000457 · NTPN 4F7A9C21B0D3E5F6",
        bendahara=BENDAHARA,
        voided=voided,
        void_reason="Salah input metode pembayaran" if voided else "",
        voided_at=NOW + dt.timedelta(hours=1, minutes=20) if voided else None,
        voided_by="Drs. Hasan Basri (Kepala Seksi Statuskim)" if voided else "",
    )


def cash_summary() -> CashSummaryData:
    methods = ("cash", "billing", "qris", "cash", "edc", "billing", "billing", "transfer")
    entries = tuple(
        CashEntry(f"KW-JKS-2026-{300 + i:06d}", NOW.replace(hour=8) + dt.timedelta(minutes=37 * i),
                  f"JKS-2026-11-{440 + i:06d}", methods[i % len(methods)], 400_000, voided=(i == 5))
        for i in range(14)
    )
    return CashSummaryData(OFFICE, NOW.date(), entries, BENDAHARA, NOW.replace(hour=16, minute=5))


def card(photo: bool = True) -> CardData:
    return CardData(
        office=OFFICE,
        register_number="JKS-2026-000123",
        name="Charlotte Amélie Wijaya-Thompson",
        sex="F",
        place_of_birth="Melbourne",
        date_of_birth=dt.date(2015, 3, 14),
        nationality="AUS",
        passport_number="PA1234567",
        passport_expiry=dt.date(2030, 5, 1),
        niora="2A13BC45678",
        issue_date=dt.date(2026, 11, 29),
        valid_until=dt.date(2031, 11, 29),
        signing_official=KAKANIM,
        photo=photo_bytes() if photo else None,
        nationality_name="Australia",
    )


def counter_daily() -> CounterDailyReportData:
    return CounterDailyReportData(
        office=OFFICE, day=NOW.date(), received=23, returned=4, approved=17, paid=16, printed=14,
        handed_over=11, archived=9, cards_spoiled=1, held_cekal=1, rejected=0, prepared_by=OFFICER,
        generated_at=NOW.replace(hour=16, minute=30), notes="1 kartu rusak saat cetak (pita printer habis).",
    )


def payment_daily() -> PaymentDailyReportData:
    payments = [
        PaymentRecord(f"P{i:04d}", f"JKS-2026-11-{440 + i:06d}", ("cash", "billing", "qris")[i % 3], 400_000,
                      f"KW-JKS-2026-{300 + i:06d}")
        for i in range(10)
    ]
    payments[4] = PaymentRecord("P0004", "JKS-2026-11-000444", "billing", 400_000, "KW-JKS-2026-000304",
                                voided=True)
    payments.append(PaymentRecord("P0010", "JKS-2026-11-000450", "cash", 400_000, None))
    receipts = [IssuedReceipt(f"KW-JKS-2026-{300 + i:06d}", 400_000, voided=(i == 4)) for i in range(10)]
    receipts[7] = IssuedReceipt("KW-JKS-2026-000307", 350_000)
    receipts.append(IssuedReceipt("KW-JKS-2026-000311", 400_000))
    return PaymentDailyReportData(OFFICE, NOW.date(), tuple(payments), tuple(receipts), BENDAHARA,
                                  NOW.replace(hour=16, minute=40))


SOP_STEPS = (
    (1, "Terima berkas", 10), (2, "Periksa kelengkapan", 5), (3, "Entri data", 5), (4, "Cek cekal", 5),
    (5, "Persetujuan", 5), (6, "Pembayaran", 5), (7, "Foto & sidik jari", 10), (8, "Nomor register", 3),
    (9, "Cetak & pengesahan", 5), (10, "Penyerahan", 5), (11, "Pindai & arsip", 10),
)


def sla_monthly() -> SlaReportData:
    medians = (7.5, 4.0, 6.2, 0.4, 12.0, 3.1, 8.0, 0.2, 6.5, 3.0, 9.0)
    p90s = (12.0, 6.5, 9.8, 1.0, 45.0, 5.0, 13.0, 0.5, 11.0, 6.0, 15.0)
    shares = (0.82, 0.71, 0.44, 1.0, 0.31, 0.93, 0.77, 1.0, 0.58, 0.86, 0.79)
    steps = tuple(
        SlaStep(n, name, 180 - n * 3, medians[n - 1], p90s[n - 1], float(mutu), shares[n - 1],
                mean_wait_minutes=(None if n == 1 else 2.0 + n))
        for n, name, mutu in SOP_STEPS
    )
    return SlaReportData(OFFICE, 2026, 11, steps, cases_started=196, cases_finished=171, returned=14, held=3,
                         rejected=1, generated_at=dt.datetime(2026, 12, 1, 8, 0),
                         cases_per_day=tuple((dt.date(2026, 11, d), 4 + (d * 7) % 9) for d in range(1, 31)))
