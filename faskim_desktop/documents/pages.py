"""Flowing paper documents (platypus): paragraph styles, tables and the page frame with letterhead.

Receipts, return slips and reports are built from flowables so that a long list of documents
or a long report breaks onto a second page cleanly; the letterhead is drawn on the first page,
a small running footer (document id, page x/y) on every page.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from faskim_desktop.documents.fonts import fonts, safe_text
from faskim_desktop.documents.letterhead import GREY, LIGHT, NAVY, draw_letterhead, draw_qr
from faskim_desktop.documents.models import Office


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    centre: ParagraphStyle
    notice: ParagraphStyle


def styles(scale: float = 1.0) -> Styles:
    f = fonts()

    def style(name: str, font: str, size: float, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size * scale, leading=size * scale * 1.25, **kw)

    return Styles(
        title=style("title", f.bold, 12.5, alignment=TA_CENTER, spaceAfter=1 * mm, textColor=NAVY),
        subtitle=style("subtitle", f.regular, 8.5, alignment=TA_CENTER, textColor=GREY, spaceAfter=3 * mm),
        body=style("body", f.regular, 9),
        small=style("small", f.regular, 7.5, textColor=GREY),
        label=style("label", f.regular, 8.5, textColor=colors.HexColor("#374151")),
        value=style("value", f.bold, 8.5),
        cell=style("cell", f.regular, 8),
        cell_bold=style("cell_bold", f.bold, 8),
        cell_right=style("cell_right", f.regular, 8, alignment=TA_RIGHT),
        head=style("head", f.bold, 8, textColor=colors.white),
        centre=style("centre", f.regular, 8.5, alignment=TA_CENTER),
        notice=style("notice", f.bold, 9, alignment=TA_CENTER, textColor=NAVY),
    )


def p(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept)."""
    return Paragraph(escape(safe_text(str(text))).replace("\n", "<br/>"), style)


def key_value_table(rows: Sequence[tuple[str, str]], st: Styles, width: float, label_width: float) -> Table:
    data = [[p(label, st.label), p(":", st.label), p(value, st.value)] for label, value in rows]
    table = Table(data, colWidths=[label_width, 3 * mm, width - label_width - 3 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]))
    return table


def grid_table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float], st: Styles,
               *, right_columns: Sequence[int] = (), bold_last_row: bool = False) -> Table:
    """A ruled table with a navy header row; cells wrap."""
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                cells.append(value)
                continue
            bold = bold_last_row and r == len(rows) - 1
            style = st.cell_right if c in right_columns else (st.cell_bold if bold else st.cell)
            if bold and c in right_columns:
                style = ParagraphStyle("rb", parent=st.cell_right, fontName=fonts().bold)
            cells.append(p(value, style))
        body.append(cells)
    table = Table([[p(h, st.head) for h in header], *body], colWidths=list(widths), repeatRows=1)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9CA3AF")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in range(2, len(body) + 1, 2):
        commands.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F3F4F6")))
    if bold_last_row and body:
        commands.append(("BACKGROUND", (0, len(body)), (-1, len(body)), LIGHT))
    table.setStyle(TableStyle(commands))
    return table


class QrFlowable(Flowable):
    """A QR code as a flowable square of ``size`` points."""

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        self.value = value
        self.size = size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.value, 0, 0, self.size)


def qr_flowable(value: str, size: float) -> QrFlowable:
    return QrFlowable(value, size)


def signature_block(columns: Sequence[tuple[str, str, str]], width: float, st: Styles,
                    place_date: str = "", gap: float = 15 * mm) -> Table:
    """Side-by-side signature columns: (role, name, nip)."""
    n = len(columns)
    heads = [p(role, st.centre) for role, _name, _nip in columns]
    gaps = [p("", st.centre) for _ in columns]
    names = []
    for role, name, nip in columns:
        if not role and not name:  # an empty column keeps the signer on the right
            names.append(Paragraph("", st.centre))
            continue
        text = f"<u>{escape(safe_text(name))}</u>" if name else "(........................................)"
        if nip:
            text += f"<br/>NIP. {escape(nip)}"
        names.append(Paragraph(text, st.centre))
    rows = [heads, gaps, names]
    if place_date:
        rows.insert(0, [p("", st.centre)] * (n - 1) + [p(place_date, st.centre)])
    table = Table(rows, colWidths=[width / n] * n,
                  rowHeights=[None] * (len(rows) - 2) + [gap, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def build(
    story: list[Flowable],
    *,
    office: Office,
    pagesize: tuple[float, float],
    title: str,
    footer: str,
    margin: float = 14 * mm,
    compact_header: bool = False,
    on_page: Callable[[Canvas, int], None] | None = None,
) -> bytes:
    """Lay the story out under the office letterhead; returns the PDF bytes."""
    buffer = io.BytesIO()
    width, height = pagesize
    f = fonts()
    # measure the letterhead once to know where the first frame starts
    probe = Canvas(io.BytesIO(), pagesize=pagesize)
    header_bottom = draw_letterhead(probe, office, margin, width - margin, height - margin * 0.8,
                                    compact=compact_header)
    first_top = height - header_bottom

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        page = canvas.getPageNumber()
        if page == 1:
            draw_letterhead(canvas, office, margin, width - margin, height - margin * 0.8, compact=compact_header)
        canvas.setFont(f.regular, 6.5)
        canvas.setFillColor(GREY)
        canvas.drawString(margin, margin * 0.5, safe_text(footer))
        canvas.drawRightString(width - margin, margin * 0.5, f"- {page} -")
        if on_page is not None:
            on_page(canvas, page)
        canvas.restoreState()

    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
        bottomMargin=margin, title=title, author=office.name, creator="Faskim Desktop",
    )
    frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])

    class _FirstPageSpacer(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return aw, max(0.0, first_top - margin - 1)

        def draw(self) -> None:
            return None

    doc.build([_FirstPageSpacer(), *story])
    return buffer.getvalue()


def generated_line(when: dt.datetime | None, language: str) -> str:
    stamp = (when or dt.datetime.now()).strftime("%d-%m-%Y %H:%M")
    return f"Dicetak oleh Faskim Desktop, {stamp}" if language != "en" else f"Printed by Faskim Desktop, {stamp}"
