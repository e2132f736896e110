"""The printables: table cards, personal itineraries, agenda and master plan, as PDF.

Each document is a function Plan -> bytes in its own module; `write_printables` builds them all
first and then writes each file atomically, so a failure never leaves half a set behind.
"""

from collections.abc import Callable
from pathlib import Path

from speeddating.exporters.pdf.agenda import agenda_pdf
from speeddating.exporters.pdf.itineraries import itineraries_pdf
from speeddating.exporters.pdf.master_plan import master_plan_pdf
from speeddating.exporters.pdf.table_cards import table_cards_pdf
from speeddating.fileio import atomic_write_bytes
from speeddating.plan import Plan

DOCUMENTS: tuple[tuple[str, Callable[[Plan, str], bytes]], ...] = (
    ("table-cards.pdf", table_cards_pdf),
    ("itineraries.pdf", itineraries_pdf),
    ("agenda.pdf", agenda_pdf),
    ("master-plan.pdf", master_plan_pdf),
)


def write_printables(plan: Plan, folder: Path, paper: str = "A4") -> list[Path]:
    """Write the four PDFs into `folder` in the current language; returns their paths."""
    documents = [(Path(folder) / name, build(plan, paper)) for name, build in DOCUMENTS]
    for path, data in documents:
        atomic_write_bytes(path, data)
    return [path for path, _ in documents]
