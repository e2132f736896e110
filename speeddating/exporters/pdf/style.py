"""What every printable shares: the embedded font, the colours, the paper, and text that fits.

DejaVu Sans is embedded because Helvetica silently prints boxes for names such as Łukasz or
Nguyễn. reportlab draws code points one by one from left to right, so Arabic and Hebrew text goes
through `visual` (joined letter forms, right-to-left runs in display order) where it is measured and
drawn. Every canvas is `invariant` so the same plan gives byte-identical files, and every
piece of text goes through `fit_text`, which shrinks, then wraps, then (only as a last resort)
shortens it: a long name never runs off a card.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import BytesIO

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi.algorithm import get_display
from reportlab.lib.colors import Color
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from speeddating.exporters import PAPER_NAMES
from speeddating.i18n import format_date, t
from speeddating.plan import Plan, PlannedRound, Quality, SeatedTable
from speeddating.planning import measure
from speeddating.text import fold

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

INK = Color(0.10, 0.12, 0.15)
MUTED = Color(0.40, 0.42, 0.45)
FAINT = Color(0.78, 0.80, 0.82)
ACCENT = Color(0.00, 0.38, 0.42)
TINT = Color(0.90, 0.95, 0.95)
WHITE = Color(1, 1, 1)

PAPERS: dict[str, tuple[float, float]] = dict(zip(PAPER_NAMES, (A4, LETTER), strict=True))
MM = 72 / 25.4


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once per process, as a family for platypus."""
    if BOLD in pdfmetrics.getRegisteredFontNames():
        return
    fonts = resources.files("speeddating") / "fonts"
    for name, file in ((FONT, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        with resources.as_file(fonts / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    for bold, italic, face in ((0, 0, FONT), (1, 0, BOLD), (0, 1, FONT), (1, 1, BOLD)):
        addMapping(FONT, bold, italic, face)


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """The code points both embedded faces (regular and bold) have a glyph for."""
    register_fonts()
    regular: dict[int, int] = pdfmetrics.getFont(FONT).face.charToGlyph
    bold: dict[int, int] = pdfmetrics.getFont(BOLD).face.charToGlyph
    return frozenset(regular.keys() & bold.keys())


def unprintable(text: str) -> set[str]:
    """The visible characters of `text`, as drawn, that the embedded font has no glyph for: they would print as
    empty boxes (Chinese, Japanese, Korean, Devanagari, Thai... are beyond DejaVu Sans)."""
    covered = _covered()
    return {
        c for c in visual(text) if ord(c) not in covered and not c.isspace() and unicodedata.category(c)[0] not in "CZ"
    }


_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


@lru_cache(maxsize=1)
def _arabic_shaper() -> ArabicReshaper:
    """Joins Arabic letters into their initial, medial and final forms, with only the ligatures both faces draw
    (the one-glyph ligature of "الله", in names such as Abdullah, would print as an empty box)."""
    covered = _covered()
    drawable = {name: all(ord(c) in covered for c in "".join(forms)) for name, (_, forms) in LIGATURES}
    return ArabicReshaper(configuration=drawable)


@lru_cache(maxsize=1 << 14)
def visual(text: str) -> str:
    """`text` in the order and letter forms in which it is drawn: Arabic letters joined and every right-to-left
    run (Arabic, Hebrew) reversed in place, brackets turned to face the right way; a text that starts in a
    right-to-left script reads as a right-to-left line ("محمد (جمعية النور)" ends with the organisation on the
    left). Accents typed as separate marks (an event file or a plan edited by hand) are joined to their letter,
    which the font draws in place; other text as is. python-bidi's reference algorithm is used, since its faster
    `get_display` leaves the brackets of right-to-left runs unmirrored, which reportlab would draw backwards."""
    text = unicodedata.normalize("NFC", text)
    if not _RIGHT_TO_LEFT.search(text):
        return text
    display = get_display(_arabic_shaper().reshape(text))
    return display if isinstance(display, str) else display.decode()


def unprintable_people(plan: Plan) -> tuple[list[str], str]:
    """The names (with organisation) of the people whose name or organisation would print as empty boxes, and
    those characters."""
    names, characters = [], set()
    for attendee in plan.attendees:
        missing = unprintable(attendee.name + attendee.organisation)
        if missing:
            names.append(f"{attendee.name} ({attendee.organisation})")
            characters |= missing
    return names, "".join(sorted(characters))


def page_size(paper: str) -> tuple[float, float]:
    """Portrait width and height in points of "A4" or "letter"."""
    try:
        return PAPERS[paper]
    except KeyError:
        raise ValueError(f"unknown paper {paper!r}; choose among {', '.join(PAPERS)}") from None


def new_canvas(buffer: BytesIO, size: tuple[float, float], title: str) -> Canvas:
    """A canvas that embeds our fonts and writes the same bytes for the same content."""
    register_fonts()
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("speeddating")
    return canvas


def nothing_to_reprint(canvas: Canvas, width: float, height: float) -> None:
    """The one page of a reprint file when no card changed (so the file of an earlier re-plan is not taken for
    this one's), and save the canvas."""
    canvas.setFont(BOLD, 16)
    canvas.setFillColor(INK)
    canvas.drawCentredString(width / 2, height / 2, t("No card to reprint: the printed cards are still right."))
    canvas.showPage()
    canvas.save()


@dataclass(frozen=True)
class Fitted:
    """Text broken into lines at a font size at which each line fits its width."""

    lines: tuple[str, ...]
    font: str
    size: float

    @property
    def leading(self) -> float:
        return self.size * 1.2

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)

    def draw(
        self, canvas: Canvas, x: float, top: float, colour: Color = INK, align: str = "left", width: float = 0.0
    ) -> float:
        """Draw from `top` (the top of the first line) downwards; returns the y below the text."""
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(colour)
        y = top
        for line in self.lines:
            y -= self.leading
            baseline = y + self.leading - self.size * 0.95
            drawn = visual(line)
            if align == "center":
                canvas.drawCentredString(x + width / 2, baseline, drawn)
            elif align == "right":
                canvas.drawRightString(x + width, baseline, drawn)
            else:
                canvas.drawString(x, baseline, drawn)
        return y


@lru_cache(maxsize=1 << 16)
def _width(text: str, font: str, size: float) -> float:
    """reportlab's width of `text` as drawn, remembered: wrapping measures the same words again and again."""
    width: float = pdfmetrics.stringWidth(visual(text), font, size)
    return width


_NARROW = "\u202f"
_TIGHT = re.compile(r"(«) +| +([»:;?!])")


def french_spacing(text: str) -> str:
    """Glue « » : ; ? ! to their word with a narrow no-break space, so no line starts with »."""
    return _TIGHT.sub(lambda m: f"{m[1]}{_NARROW}" if m[1] else f"{_NARROW}{m[2]}", text)


def _wrap(text: str, font: str, size: float, width: float, break_words: bool) -> list[str] | None:
    """Greedy word wrap at plain spaces; None when a word is wider than `width` and may not be broken."""
    lines: list[str] = []
    current = ""
    for word in (w for w in text.split(" ") if w):
        candidate = f"{current} {word}" if current else word
        if _width(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while _width(current, font, size) > width:
            if not break_words:
                return None
            cut = 1
            while cut < len(current) and _width(current[: cut + 1], font, size) <= width:
                cut += 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines


def _ellipsis(line: str, font: str, size: float, width: float) -> str:
    while line and _width(line + "…", font, size) > width:
        line = line[:-1]
    return line.rstrip() + "…"


@lru_cache(maxsize=1 << 14)
def fit_text(text: str, font: str, width: float, size: float, smallest: float, max_lines: int = 1) -> Fitted:
    """`text` in at most `max_lines` lines of `width`, as large as it can be from `size` to `smallest`.

    A little shrinking (down to 80 %) is tried before each extra line, so names stay on one line
    when they nearly fit; at the smallest size words are broken, and only text that still does
    not fit loses its end to an ellipsis. Remembered: a card laid out at several scales, and the
    same theme on every table, ask for the same fits again.
    """
    text = french_spacing(text)
    sizes = [size - 0.5 * step for step in range(max(0, round((size - smallest) / 0.5)) + 1)]
    for allowed in range(1, max_lines + 1):
        floor = smallest if allowed == max_lines else max(smallest, size * 0.8)
        for current in (s for s in sizes if s >= floor):
            lines = _wrap(text, font, current, width, break_words=False)
            if lines is not None and len(lines) <= allowed:
                return Fitted(tuple(lines), font, current)
    lines = _wrap(text, font, smallest, width, break_words=True) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _ellipsis(lines[max_lines - 1], font, smallest, width)]
    return Fitted(tuple(lines), font, smallest)


def shrink_to_fit(measure: Callable[[float], float], available: float, smallest: float = 0.5) -> float:
    """The largest scale (from 1 down to `smallest`) at which `measure(scale)` <= `available`."""
    scale = 1.0
    while scale > smallest and measure(scale) > available:
        scale = max(smallest, scale * 0.95)
    return scale


def long_date(iso: str) -> str:
    """'2026-12-08' -> 'mardi 8 décembre 2026' (or 'Tuesday 8 December 2026'); other text as is."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day)


def event_line(plan: Plan, with_title: bool = True) -> str:
    """Title, date and place on one line, for the foot of cards."""
    parts = [plan.event.title if with_title else "", long_date(plan.event.date), plan.event.location]
    return " · ".join(part for part in parts if part)


def fit_event_line(
    plan: Plan, width: float, size: float, smallest: float, max_lines: int, around: Callable[[str], str] = str
) -> Fitted:
    """The event line (in `around`, such as "Master plan · {line} · v2") fitted to a foot, without the title when
    the whole line would lose its end: the date and the place matter more there than a title printed large on the
    agenda and the master plan."""
    for with_title in (True, False):
        fitted = fit_text(around(event_line(plan, with_title)), FONT, width, size, smallest, max_lines)
        if not fitted.lines[-1].endswith("…"):
            break
    return fitted


_CLOCK = re.compile(r"(\d{1,2}:\d{2})")


def revision_mark(plan: Plan) -> str:
    """'v2, 08:40' on a re-planned session, so an outdated card is spotted at a glance; '' for v1."""
    if plan.version <= 1:
        return ""
    clock = _CLOCK.search(plan.revised_at.split("T")[-1])
    if clock is None:
        return t("v{version}", version=plan.version)
    return t("v{version}, {time}", version=plan.version, time=clock[1].zfill(5))


def quality_of(plan: Plan) -> Quality:
    """The plan's recorded figures, or measured afresh for a plan saved without them."""
    return plan.quality if plan.quality is not None else measure(plan)


def round_times(rnd: PlannedRound) -> str:
    return f"{rnd.start}–{rnd.end}" if rnd.start else ""


def needs_fallback_presentation(rnd: PlannedRound, table: SeatedTable) -> bool:
    """A present-another round at a table with nobody to present (one organisation only)."""
    return rnd.theme is not None and rnd.theme.presents_another and not table.presents


def theme_title(rnd: PlannedRound) -> str:
    return rnd.theme.title if rnd.theme else t("Open discussion")


def by_organisation_then_name(plan: Plan) -> list[str]:
    """Attendee ids ordered as the cards are handed out: organisation, then name (accents ignored)."""
    people = sorted(plan.attendees, key=lambda a: (a.organisation_key, fold(a.name), a.id))
    return [a.id for a in people]
