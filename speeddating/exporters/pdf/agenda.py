"""agenda.pdf: the one-page programme to put up at the door or on each table.

Title, date and place; a timeline from the welcome through every round (times, theme, prompt)
to the closing (in two columns when there are many rounds); and one short paragraph telling
participants how the morning works (promising no repeat meeting only when the plan has none).
"""

from dataclasses import dataclass
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from speeddating.exporters.pdf.style import (
    ACCENT,
    BOLD,
    FONT,
    INK,
    MM,
    MUTED,
    TINT,
    WHITE,
    Fitted,
    fit_text,
    long_date,
    new_canvas,
    page_size,
    quality_of,
    revision_mark,
    shrink_to_fit,
    theme_title,
)
from speeddating.i18n import t
from speeddating.plan import Plan

SIDE = 22 * MM
TOP = 20 * MM
TIME_COLUMN = 62.0
LINE_X = TIME_COLUMN + 14
COLUMN_GAP = 18.0
READABLE = 0.75


@dataclass(frozen=True)
class Step:
    """One block of the morning, as the timeline shows it."""

    start: str
    end: str
    kicker: str
    title: str
    detail: str


def steps(plan: Plan) -> list[Step]:
    """Welcome, every round, closing."""
    welcome = plan.event.welcome()
    closing = plan.event.closing(len(plan.rounds))
    rounds = [
        Step(
            rnd.start,
            rnd.end,
            t("Round {number}", number=rnd.number),
            theme_title(rnd),
            rnd.theme.prompt if rnd.theme else "",
        )
        for rnd in plan.rounds
    ]
    return [
        Step(
            welcome.start,
            welcome.end,
            "",
            t("Welcome"),
            t("Coffee, welcome and instructions; everyone receives their itinerary card."),
        ),
        *rounds,
        Step(closing.start, closing.end, "", t("Closing"), t("What we take away, and a word of thanks.")),
    ]


@dataclass(frozen=True)
class LaidStep:
    step: Step
    kicker: Fitted | None
    title: Fitted
    detail: Fitted | None
    scale: float

    @property
    def height(self) -> float:
        parts = [self.kicker, self.title, self.detail]
        return sum(part.height for part in parts if part) + 14 * self.scale


def _lay_out(step: Step, width: float, scale: float) -> LaidStep:
    kicker = fit_text(step.kicker.upper(), BOLD, width, 8.5 * scale, min(6, 8.5 * scale)) if step.kicker else None
    title = fit_text(step.title, BOLD, width, 15 * scale, min(9, 15 * scale), max_lines=2)
    detail = (
        fit_text(step.detail, FONT, width, 10.5 * scale, min(7, 10.5 * scale), max_lines=3) if step.detail else None
    )
    return LaidStep(step, kicker, title, detail, scale)


def _draw_step(canvas: Canvas, laid: LaidStep, left: float, top: float) -> None:
    scale = laid.scale
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 14 * scale)
    canvas.drawRightString(left + TIME_COLUMN, top - 14 * scale, laid.step.start)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 9 * scale)
    canvas.drawRightString(left + TIME_COLUMN, top - 26 * scale, laid.step.end)
    canvas.setFillColor(ACCENT if laid.kicker else WHITE)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.5)
    canvas.circle(left + LINE_X, top - 9 * scale, 4.5 * scale, stroke=1, fill=1)
    x = left + LINE_X + 16
    y = top
    if laid.kicker:
        y = laid.kicker.draw(canvas, x, y, ACCENT)
    y = laid.title.draw(canvas, x, y)
    if laid.detail:
        laid.detail.draw(canvas, x, y - 1, MUTED)


def _columns(timeline: list[Step], columns: int) -> list[list[Step]]:
    """The steps split into `columns` runs of (nearly) equal length, in order."""
    size = -(-len(timeline) // columns)
    return [timeline[i : i + size] for i in range(0, len(timeline), size)]


def _timeline_scale(runs: list[list[Step]], width: float, available: float) -> float:
    """The largest scale at which the tallest column fits."""
    return shrink_to_fit(
        lambda scale: max(sum(_lay_out(step, width, scale).height for step in run) for run in runs), available, 0.4
    )


def _draw_timeline(canvas: Canvas, laid: list[LaidStep], left: float, top: float, available: float) -> None:
    """The steps down a line with a dot each, spread out a little when there is room."""
    gap = min(16.0, max(0.0, available - sum(step.height for step in laid)) / len(laid))
    dot = 9 * laid[0].scale
    canvas.setStrokeColor(TINT)
    canvas.setLineWidth(3)
    canvas.line(left + LINE_X, top - dot, left + LINE_X, top - sum(s.height + gap for s in laid[:-1]) - dot)
    for step in laid:
        _draw_step(canvas, step, left, top)
        top -= step.height + gap


def agenda_pdf(plan: Plan, paper: str = "A4") -> bytes:
    """A single portrait page."""
    width, height = page_size(paper)
    inner = width - 2 * SIDE
    buffer = BytesIO()
    canvas = new_canvas(buffer, (width, height), t("Agenda"))
    y = height - TOP
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 10)
    canvas.drawString(SIDE, y - 10, t("Agenda").upper())
    mark = revision_mark(plan)
    if mark:
        canvas.drawRightString(width - SIDE, y - 10, mark)
    y = fit_text(plan.event.title, BOLD, inner, 28, 16, max_lines=3).draw(canvas, SIDE, y - 18)
    y = fit_text(long_date(plan.event.date), FONT, inner, 14, 10).draw(canvas, SIDE, y - 4)
    if plan.event.location:
        y = fit_text(plan.event.location, FONT, inner, 12, 9, max_lines=2).draw(canvas, SIDE, y, MUTED)
    y -= 14
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2)
    canvas.line(SIDE, y, SIDE + 40, y)
    y -= 24

    promise = (
        t(
            "Your card shows your table for each round. At the signal, move to your next "
            "table: you will meet people from other organisations, never the same person "
            "twice."
        )
        if quality_of(plan).repeat_pairs == 0
        else t(
            "Your card shows your table for each round. At the signal, move to your next "
            "table: you will meet people from other organisations, mostly new faces."
        )
    )
    how = fit_text(promise, FONT, inner - 28, 11, 8, max_lines=5)
    box = how.height + 40
    timeline = steps(plan)
    available = y - (TOP + box + 24)
    for columns in (1, 2):
        column_width = (inner + COLUMN_GAP) / columns - COLUMN_GAP
        runs = _columns(timeline, columns)
        text_width = column_width - LINE_X - 16
        scale = _timeline_scale(runs, text_width, available)
        if scale >= READABLE:
            break
    for index, run in enumerate(runs):
        _draw_timeline(
            canvas,
            [_lay_out(step, text_width, scale) for step in run],
            SIDE + index * (column_width + COLUMN_GAP),
            y,
            available,
        )

    canvas.setFillColor(TINT)
    canvas.roundRect(SIDE, TOP, inner, box, 6, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 11)
    canvas.drawString(SIDE + 14, TOP + box - 22, t("How it works"))
    how.draw(canvas, SIDE + 14, TOP + box - 28)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
