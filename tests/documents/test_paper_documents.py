"""Receipt, return slip, kuitansi and cash summary: valid PDFs in both languages, right contents."""

from __future__ import annotations

import dataclasses
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from faskim_desktop.documents import samples
from faskim_desktop.documents.kuitansi import render_cash_summary, render_kuitansi, summarise
from faskim_desktop.documents.models import CashSummaryData
from faskim_desktop.documents.receipt import render_receipt
from faskim_desktop.documents.return_slip import render_return_slip

from .helpers import needs_pdftoppm, rasterise, save_artifacts

A4_POINTS = (595.28, 841.89)
A5_POINTS = (419.53, 595.28)

RENDERERS: dict[str, tuple[Callable[[str], bytes], tuple[float, float]]] = {
    "tanda_terima": (lambda lg: render_receipt(samples.receipt(), lg), A5_POINTS),
    "tanda_terima_pemohon": (lambda lg: render_receipt(samples.receipt(representative=False), lg), A5_POINTS),
    "pengembalian_berkas": (lambda lg: render_return_slip(samples.return_slip(), lg), A5_POINTS),
    "kuitansi": (lambda lg: render_kuitansi(samples.kuitansi(), lg), A4_POINTS),
    "kuitansi_batal": (lambda lg: render_kuitansi(samples.kuitansi(voided=True), lg), A4_POINTS),
    "rekap_kas_harian": (lambda lg: render_cash_summary(samples.cash_summary(), lg), A4_POINTS),
}


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "t.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True,
                          text=True).stdout


def page_sizes(pdf: bytes, tmp_path: Path) -> list[tuple[float, float]]:
    source = tmp_path / "s.pdf"
    source.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(source)], capture_output=True, check=True,
                          text=True).stdout
    sizes = []
    for line in info.splitlines():
        if " size:" in line and line.startswith("Page"):
            parts = line.split(":", 1)[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


@needs_pdftoppm
@pytest.mark.parametrize("name", list(RENDERERS))
@pytest.mark.parametrize("language", ["id", "en"])
def test_renders_a_valid_single_page_pdf(name: str, language: str, tmp_path: Path) -> None:
    render, size = RENDERERS[name]
    pdf = render(language)
    assert pdf.startswith(b"%PDF-")
    pages = rasterise(pdf, tmp_path, dpi=40)
    assert len(pages) == 1, f"{name} spilled onto {len(pages)} pages"
    (w, h), = page_sizes(pdf, tmp_path)
    assert abs(w - size[0]) < 0.5 and abs(h - size[1]) < 0.5
    if language == "id":
        save_artifacts(pdf, name)


@needs_pdftoppm
def test_receipt_contents(tmp_path: Path) -> None:
    text = pdf_text(render_receipt(samples.receipt()), tmp_path)
    assert "TANDA TERIMA BERKAS PERMOHONAN" in text
    assert "JKS-2026-11-000457" in text
    assert "Simpan tanda terima ini untuk pengambilan dokumen" in text
    assert "selaku kuasa" in text and "surat kuasa" in text
    assert "Akta perkawinan orang tua" in text
    english = pdf_text(render_receipt(samples.receipt(), "en"), tmp_path)
    assert "APPLICATION RECEIPT" in english and "power of attorney" in english


@needs_pdftoppm
def test_receipt_qr_carries_the_application_number(tmp_path: Path) -> None:
    cv2 = pytest.importorskip("cv2")
    page = rasterise(render_receipt(samples.receipt()), tmp_path, dpi=200)[0]
    value, _points, _ = cv2.QRCodeDetector().detectAndDecode(cv2.imread(str(page)))
    assert value == "JKS-2026-11-000457"


@needs_pdftoppm
def test_long_document_list_flows_onto_a_second_page(tmp_path: Path) -> None:
    data = samples.receipt()
    many = dataclasses.replace(data, documents=data.documents * 4)
    assert len(rasterise(render_receipt(many), tmp_path, dpi=30)) >= 2


@needs_pdftoppm
def test_return_slip_lists_problems(tmp_path: Path) -> None:
    text = pdf_text(render_return_slip(samples.return_slip()), tmp_path)
    assert "SURAT PENGEMBALIAN BERKAS" in text
    assert "Tidak ada" in text and "Izin tinggal orang tua WNA" in text
    empty = dataclasses.replace(samples.return_slip(), problems=())
    assert "(tidak ada catatan)" in pdf_text(render_return_slip(empty), tmp_path)


@needs_pdftoppm
def test_kuitansi_three_labelled_copies(tmp_path: Path) -> None:
    text = pdf_text(render_kuitansi(samples.kuitansi()), tmp_path)
    for label in ("untuk Pemohon", "untuk Berkas Permohonan", "untuk Bendahara"):
        assert text.count(label) == 1, label
    assert text.count("KW-JKS-2026-000312") == 3
    assert text.count("Empat ratus ribu rupiah") == 3
    assert text.count("Rp 400.000") == 3
    assert "BATAL" not in text


@needs_pdftoppm
def test_voided_kuitansi_is_marked(tmp_path: Path) -> None:
    text = pdf_text(render_kuitansi(samples.kuitansi(voided=True)), tmp_path)
    assert text.count("DIBATALKAN") == 3 and "Salah input metode pembayaran" in text
    english = pdf_text(render_kuitansi(samples.kuitansi(voided=True), "en"), tmp_path)
    assert "VOID" in english and "for the Treasurer" in english


@needs_pdftoppm
def test_kuitansi_qr_carries_the_receipt_number(tmp_path: Path) -> None:
    cv2 = pytest.importorskip("cv2")
    page = cv2.imread(str(rasterise(render_kuitansi(samples.kuitansi()), tmp_path, dpi=150)[0]))
    third = page.shape[0] // 3
    for i in range(3):
        value, _points, _ = cv2.QRCodeDetector().detectAndDecode(page[i * third : (i + 1) * third])
        assert value == "KW-JKS-2026-000312"


def test_cash_summary_counts_per_method_without_voids() -> None:
    data = samples.cash_summary()
    per_method, count, total, voided = summarise(data)
    assert voided == 1
    assert count == len(data.entries) - 1 and total == 400_000 * count
    assert sum(c for c, _ in per_method.values()) == count
    empty = CashSummaryData(data.office, data.day, (), data.bendahara)
    assert summarise(empty) == ({}, 0, 0, 0)
    assert render_cash_summary(empty).startswith(b"%PDF")


@needs_pdftoppm
def test_cash_summary_text(tmp_path: Path) -> None:
    text = pdf_text(render_cash_summary(samples.cash_summary()), tmp_path)
    assert "REKAPITULASI PENERIMAAN HARIAN BENDAHARA" in text
    assert "5.200.000" in text and "Lima juta dua ratus ribu rupiah" in text


def test_names_with_unusual_characters_do_not_break_rendering() -> None:
    odd = dataclasses.replace(samples.receipt(), applicant_name="Zoë O'Brien-Łukasiewicz <b>&amp;",
                              submitted_by="Nguyễn Thị Minh Khai")
    assert render_receipt(odd).startswith(b"%PDF")
    long = dataclasses.replace(samples.kuitansi(), payer_name="A" * 2000)
    assert render_kuitansi(long).startswith(b"%PDF")
