"""master-plan.pdf: the organiser's overview, everyone's table in every round on a few pages.

People are rows, grouped under their organisation; rounds are columns; each cell is a table
number. The plan's figures (the same lines `plan` prints) head the first page, so the sheet on
the organiser's clipboard also says how good the plan is.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from itertools import takewhile
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BalancedColumns, Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from speeddating.exporters.pdf.style import (
    ACCENT,
    BOLD,
    FAINT,
    FONT,
    INK,
    MM,
    MUTED,
    TINT,
    by_organisation_then_name,
    event_line,
    fit_event_line,
    french_spacing,
    page_size,
    quality_of,
    register_fonts,
    revision_mark,
    visual,
)
from speeddating.i18n import t
from speeddating.plan import Plan, Quality
from speeddating.summary import summary_lines

MARGIN = 14 * MM
KEPT_WITH_HEADING = 2
"""People an organisation's heading keeps on its page: a page never ends on a heading alone."""
ZEBRA = (0.965, 0.97, 0.975)


def _style(name: str, font: str = FONT, size: float = 8, colour: Any = INK, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.25, textColor=colour, **extra)


def _text(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(visual(french_spacing(text))), style)


def _header(plan: Plan, quality: Quality, width: float) -> list[Flowable]:
    """Title, event, and the plan's figures in two columns."""
    kicker = t("Master plan").upper()
    mark = revision_mark(plan)
    flowables: list[Flowable] = [
        _text(f"{kicker}   {mark}" if mark else kicker, _style("kicker", BOLD, 9, ACCENT)),
        Spacer(0, 3),
        _text(plan.event.title, _style("title", BOLD, 18)),
        Spacer(0, 2),
        _text(event_line(plan, with_title=False), _style("event", size=10, colour=MUTED)),
        Spacer(0, 10),
        _text(t("The plan in figures"), _style("heading", BOLD, 10, ACCENT)),
        Spacer(0, 3),
    ]
    figure = _style("figure", size=7.5, spaceAfter=1.5)
    lines = [_text(line.strip(), figure) for line in summary_lines(plan, quality)]
    columns = BalancedColumns(
        lines, nCols=2, innerPadding=12, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    legend = _text(
        t("Each cell: the person's table in that round; '—': no table in that round."),
        _style("legend", size=7.5, colour=MUTED),
    )
    flowables += [columns, Spacer(0, 12), legend, Spacer(0, 5)]
    return flowables


@dataclass(frozen=True)
class _Line:
    """A row under the grid's header: an organisation's heading (no `cells`), or one of its people."""

    organisation: str
    count: int
    cells: tuple[Any, ...] = ()
    continued: bool = False


class _Grid(Table):  # type: ignore[misc]
    """The grid of people by rounds; a page that opens inside an organisation repeats its heading, continued."""

    lines: Sequence[_Line] = ()
    build: Callable[[Sequence[_Line], Sequence[float | None]], "_Grid"] | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """reportlab's split, the second part opening on its organisation's heading when it opens on a person.
        Rows keep the heights measured here (wrapping every name again on every page took most of the time)."""
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) != 2 or self.build is None:
            return parts
        first, rest = parts
        done = len(first._cellvalues) - 1  # the header row is repeated on each page, the lines are not
        shown = self.lines[done:]
        if shown and shown[0].cells:
            heights = [self._rowHeights[0], None, *self._rowHeights[done + 1 :]]
            return [first, self.build([replace(shown[0], cells=(), continued=True), *shown], heights)]
        rest.lines, rest.build = shown, self.build
        return parts


def _grid(plan: Plan, width: float) -> _Grid:
    """Header row of rounds, then per organisation a band row and its people."""
    rounds = len(plan.rounds)
    cell = min(52.0, max(26.0, (width - 170) / max(rounds, 1)))
    centred = _style("round", BOLD, 7.5, alignment=TA_CENTER)
    times = _style("times", size=6.5, colour=MUTED, alignment=TA_CENTER)
    header: list[Any] = [_text(t("Attendee"), _style("person", BOLD, 7.5))]
    header += [[_text(t("Round {number}", number=rnd.number), centred), _text(rnd.start, times)] for rnd in plan.rounds]
    seat = [{x: table.number for table in rnd.tables for x in table.attendees} for rnd in plan.rounds]
    name_style = _style("name", size=8)
    band_style = _style("band", BOLD, 8.5, ACCENT)
    people = plan.by_id()
    counts = Counter(a.organisation_key for a in plan.attendees)
    widths = [width - cell * rounds, *[cell] * rounds]
    lines: list[_Line] = []
    for attendee_id in by_organisation_then_name(plan):
        person = people[attendee_id]
        count = counts[person.organisation_key]
        if not lines or lines[-1].organisation != person.organisation:
            lines.append(_Line(person.organisation, count))
        row = (_text(person.name, name_style), *[str(s.get(attendee_id, "—")) for s in seat])
        lines.append(_Line(person.organisation, count, row))

    def build(shown: Sequence[_Line], heights: Sequence[float | None]) -> _Grid:
        rows: list[Any] = [header]
        commands: list[tuple[Any, ...]] = [
            ("FONT", (1, 1), (-1, -1), BOLD, 9),
            ("TEXTCOLOR", (1, 1), (-1, -1), INK),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT),
        ]
        shade = False
        for band, line in enumerate(shown, start=1):
            if line.cells:
                if shade:
                    commands.append(("BACKGROUND", (0, band), (-1, band), ZEBRA))
                shade = not shade
                rows.append(list(line.cells))
                continue
            heading = (
                t("{organisation} ({count}, continued)", organisation=line.organisation, count=line.count)
                if line.continued
                else t("{organisation} ({count})", organisation=line.organisation, count=line.count)
            )
            rows.append([_text(heading, band_style), *[""] * rounds])
            kept = len(list(takewhile(lambda below: bool(below.cells), shown[band : band + KEPT_WITH_HEADING])))
            commands += [
                ("SPAN", (0, band), (-1, band)),
                ("BACKGROUND", (0, band), (-1, band), TINT),
                ("TOPPADDING", (0, band), (-1, band), 3),
                ("NOSPLIT", (0, band), (-1, band + kept)),
            ]
            shade = False
        grid = _Grid(rows, colWidths=widths, rowHeights=heights or None, repeatRows=1)
        grid.setStyle(TableStyle(commands))
        grid.lines, grid.build = shown, build
        return grid

    return build(lines, ())


def _footer(plan: Plan) -> Callable[[Canvas, Any], None]:
    """What, which event, and the page number; a long title shrinks or wraps (or, past
    two lines, is left to the page's heading) rather than run into the number or hide the date."""

    def draw(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(FAINT)
        canvas.setLineWidth(0.5)
        width = document.pagesize[0]
        canvas.line(MARGIN, MARGIN - 8, width - MARGIN, MARGIN - 8)
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        page = t("page {number}", number=document.page)
        canvas.drawRightString(width - MARGIN, MARGIN - 18, page)
        mark = revision_mark(plan)
        room = width - 2 * MARGIN - canvas.stringWidth(page, FONT, 7) - 12
        fitted = fit_event_line(
            plan, room, 7, 5.5, 2, around=lambda line: " · ".join(x for x in (t("Master plan"), line, mark) if x)
        )
        fitted.draw(canvas, MARGIN, MARGIN - 18 + fitted.size * 0.95, MUTED)
        canvas.restoreState()

    return draw


def master_plan_pdf(plan: Plan, paper: str = "A4") -> bytes:
    """Portrait, or landscape when there are more than eight rounds to fit across."""
    register_fonts()
    width, height = page_size(paper)
    if len(plan.rounds) > 8:
        width, height = height, width
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6,
        title=t("Master plan"),
        creator="speeddating",
        invariant=1,
        pageCompression=1,
    )
    inner = width - 2 * MARGIN
    quality = quality_of(plan)
    footer = _footer(plan)
    document.build([*_header(plan, quality, inner), _grid(plan, inner)], onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
