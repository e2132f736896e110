"""table-cards.pdf: one tent card per table, to fold along the middle and stand on the table.

The sheet is portrait; its lower half is the front face and its upper half the same face turned
upside down, so that once folded the table number and the programme read upright from both sides
of the table. Each face: the number, large enough to find the table from across the room, and for
every round its times, theme, prompt and who sits there (with who presents whom). When the rounds
would not fit one face readably, the table gets continuation cards, each saying which rounds it holds.
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from io import BytesIO
from typing import NamedTuple

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
    WHITE,
    Fitted,
    event_line,
    fit_event_line,
    fit_text,
    needs_fallback_presentation,
    new_canvas,
    nothing_to_reprint,
    page_size,
    revision_mark,
    round_times,
    shrink_to_fit,
    theme_title,
)
from speeddating.i18n import t
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.roster import Attendee

MARGIN = 9 * MM
GUTTER = 14.0
ROUND_LABEL = 54.0
READABLE = 0.6
LAST_RESORT = 0.2


@dataclass(frozen=True)
class Face:
    width: float
    height: float

    @property
    def number_column(self) -> float:
        return self.width * 0.31

    @property
    def rounds_left(self) -> float:
        return MARGIN + self.number_column + GUTTER

    @property
    def rounds_width(self) -> float:
        return self.width - MARGIN - self.rounds_left


Drawing = Callable[[Canvas, float], None]
"""Draws a block whose top is at the given y."""


@dataclass(frozen=True)
class Block:
    height: float
    draw: Drawing


def _person_cell(person: Attendee, presents: str, width: float, scale: float) -> list[Fitted]:
    """Name, organisation and what to present; an organisation may take a third line (three people to a row leave
    a long one too narrow a column for two)."""
    cell = [
        fit_text(person.name, BOLD, width, 9 * scale, 6 * scale, max_lines=2),
        fit_text(person.organisation, FONT, width, 7.5 * scale, 5.5 * scale, max_lines=3),
    ]
    if presents:
        cell.append(
            fit_text(
                t("→ presents {organisation}", organisation=presents), BOLD, width, 7 * scale, 5.5 * scale, max_lines=3
            )
        )
    return cell


def _round_block(
    people: dict[str, Attendee], rnd: PlannedRound, table: SeatedTable | None, width: float, scale: float
) -> Block:
    """One round on the card: label and times on the left; theme, prompt and people on the right."""
    text_width = width - ROUND_LABEL
    label = fit_text(t("Round {number}", number=rnd.number), BOLD, ROUND_LABEL - 6, 8.5 * scale, 6 * scale)
    times = fit_text(round_times(rnd), FONT, ROUND_LABEL - 6, 7.5 * scale, 5 * scale)
    theme = fit_text(theme_title(rnd), BOLD, text_width, 10 * scale, 7.5 * scale, max_lines=2)
    prompt = (
        fit_text(rnd.theme.prompt, FONT, text_width, 7.5 * scale, 6 * scale, max_lines=2)
        if rnd.theme and rnd.theme.prompt
        else None
    )
    fallback = (
        fit_text(
            t("→ present a partner organisation not at the table"),
            BOLD,
            text_width,
            7 * scale,
            5.5 * scale,
            max_lines=2,
        )
        if table is not None and needs_fallback_presentation(rnd, table)
        else None
    )
    head = theme.height + sum(part.height for part in (prompt, fallback) if part) + 3 * scale
    if table is None:
        cells: list[list[Fitted]] = [[fit_text(t("Table not used this round"), FONT, text_width, 8 * scale, 6 * scale)]]
        columns = 1
    else:
        columns = 2 if len(table.attendees) <= 4 else 3
    column_width = (text_width - 8 * (columns - 1)) / columns
    if table is not None:
        presents = dict(table.presents)
        cells = [_person_cell(people[x], presents.get(x, ""), column_width, scale) for x in table.attendees]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    row_heights = [max(sum(f.height for f in cell) for cell in row) + 3 * scale for row in rows]
    height = max(label.height + times.height, head + sum(row_heights)) + 7 * scale

    def draw(canvas: Canvas, top: float) -> None:
        x = width - text_width
        below = label.draw(canvas, 0, top, ACCENT)
        times.draw(canvas, 0, below, MUTED)
        y = theme.draw(canvas, x, top)
        if prompt:
            y = prompt.draw(canvas, x, y, MUTED)
        if fallback:
            y = fallback.draw(canvas, x, y, ACCENT)
        y -= 3 * scale
        for row, row_height in zip(rows, row_heights, strict=True):
            for index, cell in enumerate(row):
                cell_y = y
                for colour, fitted in zip((INK, MUTED, ACCENT), cell, strict=False):
                    cell_y = fitted.draw(canvas, x + index * (column_width + 8), cell_y, colour)
            y -= row_height

    return Block(height, draw)


def _rounds_blocks(
    rounds: Sequence[PlannedRound], people: dict[str, Attendee], number: int, width: float, scale: float
) -> list[Block]:
    return [_round_block(people, rnd, _numbered(rnd, number), width, scale) for rnd in rounds]


@dataclass(frozen=True)
class Sheet:
    """One tent card of a table: a run of consecutive rounds, laid out to fit the face."""

    rounds: tuple[PlannedRound, ...]
    blocks: list[Block]
    fits: bool


def _sheet(
    rounds: tuple[PlannedRound, ...], people: dict[str, Attendee], number: int, face: Face, smallest: float
) -> Sheet:
    """The rounds at the largest scale (down to `smallest`) that fits the face's height."""
    available = face.height - 2 * MARGIN
    scale = shrink_to_fit(
        lambda s: sum(b.height for b in _rounds_blocks(rounds, people, number, face.rounds_width, s)),
        available,
        smallest,
    )
    blocks = _rounds_blocks(rounds, people, number, face.rounds_width, scale)
    return Sheet(rounds, blocks, sum(b.height for b in blocks) <= available)


def _sheets(plan: Plan, people: dict[str, Attendee], number: int, face: Face) -> list[Sheet]:
    """As few cards as keep every round readable: with many rounds a table gets continuation cards."""
    rounds = plan.rounds
    for count in range(1, len(rounds) + 1):
        size = -(-len(rounds) // count)
        runs = [rounds[i : i + size] for i in range(0, len(rounds), size)]
        last = size == 1
        sheets = [_sheet(run, people, number, face, LAST_RESORT if last else READABLE) for run in runs]
        if last or all(sheet.fits for sheet in sheets):
            return sheets
    return [Sheet((), [], True)]


def _draw_number_column(canvas: Canvas, plan: Plan, number: int, face: Face, sheet: str) -> None:
    """TABLE, the big number, which rounds this card holds (if the table has several), and the event and version."""
    column = face.number_column
    top = face.height - MARGIN
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 15)
    canvas.drawString(MARGIN + 2, top - 15, t("TABLE"))
    digits = str(number)
    size = min(175.0, (column - 4) / (canvas.stringWidth(digits, BOLD, 1) or 1))
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, size)
    canvas.drawString(MARGIN, top - 22 - size * 0.76, digits)
    foot = fit_event_line(plan, column - 2, 8, 6, 4)
    mark = revision_mark(plan)
    bottom = MARGIN + (16 if mark else 0)
    foot.draw(canvas, MARGIN + 2, bottom + foot.height, MUTED)
    if sheet:
        label = fit_text(sheet, BOLD, column - 2, 11, 7, max_lines=2)
        label.draw(canvas, MARGIN + 2, bottom + foot.height + 8 + label.height, ACCENT)
    if mark:
        canvas.setFillColor(ACCENT)
        canvas.roundRect(MARGIN + 2, MARGIN, canvas.stringWidth(mark, BOLD, 8) + 10, 12, 3, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        canvas.setFont(BOLD, 8)
        canvas.drawString(MARGIN + 7, MARGIN + 3.3, mark)
    canvas.setStrokeColor(TINT)
    canvas.setLineWidth(1.5)
    rule = MARGIN + column + GUTTER / 2
    canvas.line(rule, MARGIN, rule, face.height - MARGIN)


def _draw_face(canvas: Canvas, plan: Plan, number: int, face: Face, blocks: list[Block], sheet: str) -> None:
    _draw_number_column(canvas, plan, number, face, sheet)
    spare = max(0.0, face.height - 2 * MARGIN - sum(b.height for b in blocks))
    gap = min(spare / max(len(blocks) - 1, 1), 10.0)
    canvas.saveState()
    canvas.translate(face.rounds_left, 0)
    y = face.height - MARGIN
    for index, block in enumerate(blocks):
        if index:
            canvas.setStrokeColor(FAINT)
            canvas.setLineWidth(0.5)
            canvas.line(0, y + gap / 2 + 2, face.rounds_width, y + gap / 2 + 2)
        block.draw(canvas, y)
        y -= block.height + gap
    canvas.restoreState()


def _draw_fold(canvas: Canvas, width: float, middle: float) -> None:
    canvas.setStrokeColor(FAINT)
    canvas.setLineWidth(0.6)
    canvas.setDash(4, 3)
    canvas.line(0, middle, width, middle)
    canvas.setDash()
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 6.5)
    label = t("fold here")
    canvas.drawRightString(width - 4 * MM, middle + 2.5, label)
    canvas.drawString(4 * MM, middle + 2.5, label)


def table_numbers(plan: Plan) -> list[int]:
    """Every table number used in any round, in order."""
    return sorted({table.number for rnd in plan.rounds for table in rnd.tables})


def _numbered(rnd: PlannedRound, number: int) -> SeatedTable | None:
    return next((table for table in rnd.tables if table.number == number), None)


class SeatedPerson(NamedTuple):
    """How a table's card names one of its people in a round."""

    name: str
    organisation: str
    presents: str
    """The organisation they present ("": none)."""


class TableRow(NamedTuple):
    """What a table's card prints for one round: two versions printing equal rows print the same block."""

    round: int
    times: str
    theme: str
    prompt: str
    unused: bool
    """The table seats nobody in that round."""
    seated: tuple[SeatedPerson, ...]
    fallback: bool
    """The note on presenting an organisation not at the table."""


def _table_row(rnd: PlannedRound, people: Mapping[str, Attendee], number: int) -> TableRow:
    """What table `number`'s card prints for one round: times, theme, prompt, and who sits there presenting whom."""
    table = _numbered(rnd, number)
    prompt = rnd.theme.prompt if rnd.theme else ""
    presents = {} if table is None else dict(table.presents)
    seated = (
        ()
        if table is None
        else tuple(SeatedPerson(people[x].name, people[x].organisation, presents.get(x, "")) for x in table.attendees)
    )
    fallback = table is not None and needs_fallback_presentation(rnd, table)
    return TableRow(rnd.number, round_times(rnd), theme_title(rnd), prompt, table is None, seated, fallback)


def table_card_content(plan: Plan, people: Mapping[str, Attendee], number: int) -> tuple[str, tuple[TableRow, ...]]:
    """Everything table `number`'s card prints but the version mark (`people`: the plan's, by id): two versions
    of a plan giving the same content give the same card, which needs no reprinting."""
    return event_line(plan), tuple(_table_row(rnd, people, number) for rnd in plan.rounds)


class CompanyChange(Enum):
    """Why one round of a table's card prints differently: the first of these that applies."""

    PEOPLE = "people"
    """Someone leaves the table or joins it."""
    PRESENTS = "presents"
    """The same people; who presents whom."""
    DETAILS = "details"
    """The same people presenting the same; their order, the times, the theme or the presentation note."""


@dataclass(frozen=True)
class TableChange:
    round: int
    change: CompanyChange
    leaving: tuple[str, ...] = ()
    """Ids of the people at the table in the previous version and not now, in its printed order."""
    joining: tuple[str, ...] = ()
    """Ids of the people at the table now and not in the previous version, in its printed order."""


def table_changes(before: Plan, after: Plan, number: int) -> list[TableChange]:
    """Round by round, what table `number`'s card prints differently in `after`, for the organiser to say why
    it is reprinted (a card that differs only in its event line has no round here)."""
    earlier, now = before.by_id(), after.by_id()
    old = {rnd.number: (_numbered(rnd, number), _table_row(rnd, earlier, number)) for rnd in before.rounds}
    changes = []
    for rnd in after.rounds:
        table = _numbered(rnd, number)
        was_table, was_row = old.get(rnd.number, (None, None))
        if _table_row(rnd, now, number) == was_row:
            continue
        seated = table.attendees if table else ()
        seated_before = was_table.attendees if was_table else ()
        leaving = tuple(x for x in seated_before if x not in seated)
        joining = tuple(x for x in seated if x not in seated_before)
        if leaving or joining:
            changes.append(TableChange(rnd.number, CompanyChange.PEOPLE, leaving, joining))
        elif table and was_table and dict(table.presents) != dict(was_table.presents):
            changes.append(TableChange(rnd.number, CompanyChange.PRESENTS))
        else:
            changes.append(TableChange(rnd.number, CompanyChange.DETAILS))
    return changes


def table_cards_pdf(plan: Plan, paper: str = "A4", only: Collection[int] | None = None) -> bytes:
    """One portrait sheet per table (more with many rounds): two identical faces, the upper one upside down;
    with `only`, the cards of those tables alone (to reprint), or a page saying there is none."""
    width, height = page_size(paper)
    face = Face(width, height / 2)
    buffer = BytesIO()
    canvas = new_canvas(buffer, (width, height), t("Table cards"))
    people = plan.by_id()
    chosen = [number for number in table_numbers(plan) if only is None or number in only]
    if not chosen:
        nothing_to_reprint(canvas, width, height)
        return buffer.getvalue()
    for number in chosen:
        sheets = _sheets(plan, people, number, face)
        for index, sheet in enumerate(sheets, start=1):
            label = (
                t(
                    "Rounds {first} to {last} (card {sheet}/{sheets})",
                    first=sheet.rounds[0].number,
                    last=sheet.rounds[-1].number,
                    sheet=index,
                    sheets=len(sheets),
                )
                if len(sheets) > 1
                else ""
            )
            _draw_face(canvas, plan, number, face, sheet.blocks, label)
            canvas.saveState()
            canvas.translate(width, height)
            canvas.rotate(180)
            _draw_face(canvas, plan, number, face, sheet.blocks, label)
            canvas.restoreState()
            _draw_fold(canvas, width, height / 2)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()
