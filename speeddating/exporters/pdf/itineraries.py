"""itineraries.pdf: one small card per person, eight to a page, with cut marks.

With many rounds the cards grow taller (four or two to a page) rather than lose rounds or shrink
them past reading. Each card says who it is for and, round by round, when, at which table and on what theme (and,
in a present-another round, which organisation to present). Cards run in organisation order,
then by name, so that each team's cards come off the guillotine together for its lead to hand out.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import Enum
from io import BytesIO
from typing import NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from speeddating.exporters.pdf.style import (
    ACCENT,
    BOLD,
    FAINT,
    FONT,
    INK,
    MM,
    MUTED,
    TINT,
    Fitted,
    by_organisation_then_name,
    event_line,
    fit_event_line,
    fit_text,
    needs_fallback_presentation,
    new_canvas,
    nothing_to_reprint,
    page_size,
    revision_mark,
    shrink_to_fit,
    theme_title,
)
from speeddating.i18n import N_, t
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.roster import Attendee

COLUMNS = 2
ROW_CHOICES = (4, 2, 1)
"""Cards per column: eight small cards a page, or four or two taller ones when there are many rounds."""
READABLE = 0.7
LAST_RESORT = 0.2
MARGIN = 10 * MM
PADDING = 11.0
MARK = 5 * MM
TABLE_CENTRE = 68.0


def _cut_marks(canvas: Canvas, width: float, height: float, card_width: float, rows: int) -> None:
    """Crop marks in the margins for a guillotine, and faint dotted edges for scissors."""
    canvas.setStrokeColor(FAINT)
    canvas.setLineWidth(0.4)
    card_height = (height - 2 * MARGIN) / rows
    canvas.setDash(1, 2)
    for column in range(1, COLUMNS):
        x = MARGIN + column * card_width
        canvas.line(x, MARGIN, x, height - MARGIN)
    for row in range(1, rows):
        y = MARGIN + row * card_height
        canvas.line(MARGIN, y, width - MARGIN, y)
    canvas.setDash()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.5)
    for column in range(COLUMNS + 1):
        x = MARGIN + column * card_width
        canvas.line(x, 2, x, 2 + MARK)
        canvas.line(x, height - 2, x, height - 2 - MARK)
    for row in range(rows + 1):
        y = MARGIN + row * card_height
        canvas.line(2, y, 2 + MARK, y)
        canvas.line(width - 2, y, width - 2 - MARK, y)


RowDrawing = Callable[[Canvas, float], None]


def _round_row(
    rnd: PlannedRound, table: SeatedTable | None, person: Attendee, width: float, scale: float
) -> tuple[float, RowDrawing]:
    """Round number, time, table badge and theme; returns the row's height and how to draw it."""
    theme_x = 90 * scale
    theme_width = width - theme_x
    if table is None:
        theme = fit_text(t("no table this round"), FONT, theme_width, 7.5 * scale, 5.5 * scale)
        presents = None
    else:
        theme = fit_text(theme_title(rnd), FONT, theme_width, 7.5 * scale, 5.5 * scale, max_lines=2)
        organisation = dict(table.presents).get(person.id, "")
        instruction = (
            t("→ you present {organisation}", organisation=organisation)
            if organisation
            else t("→ present a partner organisation not at the table")
            if needs_fallback_presentation(rnd, table)
            else ""
        )
        presents = (
            fit_text(instruction, BOLD, theme_width, 6.5 * scale, 5 * scale, max_lines=2) if instruction else None
        )
    badge = 15 * scale
    text_height = theme.height + (presents.height if presents else 0)
    height = max(badge, text_height) + 4 * scale

    def draw(canvas: Canvas, top: float) -> None:
        middle = top - badge / 2
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7 * scale)
        canvas.drawString(0, middle - 2.4 * scale, str(rnd.number))
        canvas.setFillColor(INK)
        canvas.setFont(FONT, 8.5 * scale)
        canvas.drawString(20 * scale, middle - 3 * scale, rnd.start)
        if table is None:
            canvas.setFillColor(MUTED)
            canvas.drawCentredString(TABLE_CENTRE * scale, middle - 3 * scale, "—")
        else:
            canvas.setFillColor(TINT)
            canvas.roundRect((TABLE_CENTRE - 14) * scale, top - badge, 28 * scale, badge, 3 * scale, stroke=0, fill=1)
            canvas.setFillColor(ACCENT)
            canvas.setFont(BOLD, 11.5 * scale)
            canvas.drawCentredString(TABLE_CENTRE * scale, middle - 4.1 * scale, str(table.number))
        below = theme.draw(canvas, theme_x, top - max(0.0, (badge - text_height) / 2), MUTED if table is None else INK)
        if presents:
            presents.draw(canvas, theme_x, below, ACCENT)

    return height, draw


@dataclass(frozen=True)
class Card:
    """One person's card laid out for a given card size: header, foot and the round rows' scale."""

    name: Fitted
    organisation: Fitted
    foot: Fitted
    mark: str
    rows_top: float
    available: float
    scale: float
    rows: list[tuple[float, RowDrawing]]


def _card(plan: Plan, person: Attendee, width: float, height: float, smallest: float) -> Card:
    """Lay out the card; the rounds shrink to fit the space between the header and the foot."""
    inner = width - 2 * PADDING
    name = fit_text(person.name, BOLD, inner, 13, 8, max_lines=2)
    organisation = fit_text(person.organisation, FONT, inner, 8.5, 6.5, max_lines=2)
    mark = revision_mark(plan)
    room = inner - (pdfmetrics.stringWidth(mark, BOLD, 6.5) + 6 if mark else 0)
    foot = fit_event_line(plan, room, 6, 5, 2)  # a long place wraps rather than lose its end
    rows_top = height - PADDING + 2 - name.height - organisation.height - 4 - 9
    available = rows_top - 3 - (PADDING + foot.height + 3)
    itinerary = plan.itinerary(person.id)

    def rows(scale: float) -> list[tuple[float, RowDrawing]]:
        return [_round_row(rnd, table, person, inner, scale) for rnd, table in itinerary]

    scale = shrink_to_fit(lambda s: sum(h for h, _ in rows(s)), available, smallest)
    return Card(name, organisation, foot, mark, rows_top, available, scale, rows(scale))


HEADINGS = (
    (0, N_("ROUND")),
    (20, N_("TIME")),
    (TABLE_CENTRE - 14, N_("TABLE")),
    (90, N_("THEME")),
)
"""Where each column starts (at scale 1), and its heading."""
HEADING_SIZE = 5.5
HEADING_GAP = 1.5


def _draw_headings(canvas: Canvas, y: float, scale: float, inner: float) -> None:
    """The column headings, each shrunk if need be to end before the next column ("ROUND" is wider than "TOUR")."""
    starts = [x * scale for x, _ in HEADINGS] + [inner]
    for (x, key), end in zip(HEADINGS, starts[1:], strict=True):
        text = t(key)
        room = end - x * scale - HEADING_GAP
        size = min(HEADING_SIZE, HEADING_SIZE * room / max(pdfmetrics.stringWidth(text, FONT, HEADING_SIZE), 1e-6))
        canvas.setFont(FONT, size)
        canvas.drawString(PADDING + x * scale, y, text)


def _draw_card(canvas: Canvas, card: Card, width: float, height: float) -> None:
    """One card with its lower-left corner at the origin."""
    y = card.name.draw(canvas, PADDING, height - PADDING + 2)
    y = card.organisation.draw(canvas, PADDING, y, MUTED) - 4
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(PADDING, y, PADDING + 24, y)
    y = card.rows_top
    canvas.setFillColor(MUTED)
    laid_out = card.rows
    gap = min(5.0, max(0.0, card.available - sum(h for h, _ in laid_out)) / len(laid_out)) if laid_out else 0.0
    _draw_headings(canvas, y, card.scale, width - 2 * PADDING)
    y -= 3
    canvas.saveState()
    canvas.translate(PADDING, 0)
    for row_height, draw in laid_out:
        draw(canvas, y)
        y -= row_height + gap
    canvas.restoreState()
    card.foot.draw(canvas, PADDING, PADDING + card.foot.height, MUTED)
    if card.mark:
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 6.5)
        canvas.drawRightString(width - PADDING, PADDING + card.foot.height - card.foot.size * 0.95 - 0.5, card.mark)


def _cards(plan: Plan, people: list[Attendee], width: float, height: float) -> tuple[int, list[Card]]:
    """The most cards per column whose rounds all stay readable; fewer, taller cards when there are many rounds."""
    for rows in ROW_CHOICES:
        last = rows == ROW_CHOICES[-1]
        card_height = (height - 2 * MARGIN) / rows
        cards = [_card(plan, person, width, card_height, LAST_RESORT if last else READABLE) for person in people]
        if last or all(_fits(card) for card in cards):
            return rows, cards
    raise AssertionError("ROW_CHOICES is empty")


def _fits(card: Card) -> bool:
    return sum(h for h, _ in card.rows) <= card.available


class Seat(NamedTuple):
    """Where a card's person sits in one round."""

    table: int
    presents: str
    """The organisation they present ("": none)."""


class ItineraryRow(NamedTuple):
    """What a person's card prints for one round: two versions printing equal rows print the same line."""

    round: int
    start: str
    theme: str
    seat: Seat | None
    """None: no table in that round."""
    fallback: bool
    """The note on presenting an organisation not at the table."""


def _itinerary_row(rnd: PlannedRound, table: SeatedTable | None, attendee_id: str) -> ItineraryRow:
    """What `attendee_id`'s card prints for one round: its times and theme, the table and whom they present."""
    seat = None if table is None else Seat(table.number, dict(table.presents).get(attendee_id, ""))
    fallback = table is not None and needs_fallback_presentation(rnd, table)
    return ItineraryRow(rnd.number, rnd.start, theme_title(rnd), seat, fallback)


def itinerary_content(plan: Plan, person: Attendee) -> tuple[str, str, str, tuple[ItineraryRow, ...]]:
    """Everything `person`'s card prints but the version mark: two versions of a plan giving the same content
    give the same card, which needs no reprinting."""
    rows = tuple(_itinerary_row(rnd, table, person.id) for rnd, table in plan.itinerary(person.id))
    return person.name, person.organisation, event_line(plan), rows


class SeatChange(Enum):
    """Why one round of a person's card prints differently: the first of these that applies."""

    TABLE = "table"
    """Another table."""
    NO_TABLE = "no table"
    """No table any more."""
    SEATED = "seated"
    """A table, where there was none."""
    PRESENTS = "presents"
    """The same table, another organisation to present."""
    DETAILS = "details"
    """The same seat; the times, the theme or the presentation note."""


@dataclass(frozen=True)
class ItineraryChange:
    round: int
    change: SeatChange
    presents: str = ""
    """With PRESENTS: the organisation now presented ("": one not at the table)."""


def itinerary_changes(before: Plan, after: Plan, attendee_id: str) -> list[ItineraryChange]:
    """Round by round, what `attendee_id`'s card prints differently in `after`, for the organiser to say why
    it is reprinted (a card that differs only in its heading or event line has no round here)."""
    old = {rnd.number: _itinerary_row(rnd, table, attendee_id) for rnd, table in before.itinerary(attendee_id)}
    changes = []
    for rnd, table in after.itinerary(attendee_id):
        row = _itinerary_row(rnd, table, attendee_id)
        was = old.get(rnd.number)
        if row == was:
            continue
        changes.append(_seat_change(rnd.number, row.seat, None if was is None else was.seat))
    return changes


def _seat_change(round_number: int, seat: Seat | None, seat_before: Seat | None) -> ItineraryChange:
    """Why a round of a card that prints differently does, the first that applies: the seat, then whom the
    person presents, then the rest of the line."""
    if seat is not None and seat_before is not None:
        if seat.table != seat_before.table:
            return ItineraryChange(round_number, SeatChange.TABLE)
        if seat.presents != seat_before.presents:
            return ItineraryChange(round_number, SeatChange.PRESENTS, seat.presents)
    elif seat_before is not None:
        return ItineraryChange(round_number, SeatChange.NO_TABLE)
    elif seat is not None:
        return ItineraryChange(round_number, SeatChange.SEATED)
    return ItineraryChange(round_number, SeatChange.DETAILS)


def itineraries_pdf(plan: Plan, paper: str = "A4", only: Collection[str] | None = None) -> bytes:
    """Eight cards per portrait sheet (fewer, taller ones for many rounds), in organisation then name order;
    with `only`, the cards of those people alone (to reprint), or a page saying there is none."""
    width, height = page_size(paper)
    card_width = (width - 2 * MARGIN) / COLUMNS
    buffer = BytesIO()
    canvas = new_canvas(buffer, (width, height), t("Personal itineraries"))
    people = plan.by_id()
    chosen = [people[x] for x in by_organisation_then_name(plan) if only is None or x in only]
    if not chosen:
        nothing_to_reprint(canvas, width, height)
        return buffer.getvalue()
    rows, cards = _cards(plan, chosen, card_width, height)
    card_height = (height - 2 * MARGIN) / rows
    per_page = COLUMNS * rows
    for first in range(0, len(cards), per_page):
        _cut_marks(canvas, width, height, card_width, rows)
        for index, card in enumerate(cards[first : first + per_page]):
            row, column = divmod(index, COLUMNS)
            canvas.saveState()
            canvas.translate(MARGIN + column * card_width, height - MARGIN - (row + 1) * card_height)
            _draw_card(canvas, card, card_width, card_height)
            canvas.restoreState()
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
