"""QA: the column headings of the itinerary cards never run into each other, in either language."""

import io
import itertools
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from speeddating.event import DEFAULT_THEMES, Event
from speeddating.exporters.pdf.itineraries import itineraries_pdf
from speeddating.exporters.pdf.style import FONT, register_fonts
from speeddating.i18n import N_, t, use_language
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.roster import Attendee

HEADINGS = (N_("ROUND"), N_("TIME"), N_("TABLE"), N_("THEME"))


def small_plan(rounds: int) -> Plan:
    event = Event(title="Petit-déjeuner", date="2026-12-08", themes=DEFAULT_THEMES)
    people = tuple(Attendee(f"p{i}", f"Personne {i}", f"Structure {i % 3}") for i in range(6))
    planned = []
    for number in range(1, rounds + 1):
        slot = event.round_slot(number)
        tables = (SeatedTable(1, tuple(a.id for a in people[:3])), SeatedTable(2, tuple(a.id for a in people[3:])))
        planned.append(PlannedRound(number, tables, None, slot.start, slot.end))
    return Plan(people, tuple(planned), event)


def heading_rows(data: bytes, words: set[str]) -> list[list[tuple[float, float, str]]]:
    """The headings of each card on the first page, as (x, font size, text), grouped by line."""
    rows: dict[tuple[int, int], list[tuple[float, float, str]]] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip() in words:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            rows.setdefault((round(y), int(x // 280)), []).append((x, size * abs(tm[0] * cm[0]), text.strip()))

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return [sorted(row) for row in rows.values()]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("rounds", [5, 12, 20])
def test_itinerary_headings_keep_clear_of_each_other(language: str, rounds: int, tmp_path: Path) -> None:
    register_fonts()
    with use_language(language):
        words = {t(key) for key in HEADINGS}
        rows = heading_rows(itineraries_pdf(small_plan(rounds)), words)
    assert rows
    for row in rows:
        assert [text for _, _, text in row] == [t(key, language) for key in HEADINGS]
        for (x, size, text), (next_x, _, _) in itertools.pairwise(row):
            assert x + pdfmetrics.stringWidth(text, FONT, size) <= next_x - 1, (text, x, size, next_x)
