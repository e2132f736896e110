"""The printables: table cards, personal itineraries, agenda and master plan, as PDF.

Each document is a function Plan -> bytes in its own module; `printables` builds them all, and
`write_printables` writes them together (all or nothing), so a failure never leaves half a set.
"""

from collections.abc import Callable
from pathlib import Path

from speeddating.exporters.pdf.agenda import agenda_pdf
from speeddating.exporters.pdf.itineraries import itineraries_pdf
from speeddating.exporters.pdf.master_plan import master_plan_pdf
from speeddating.exporters.pdf.table_cards import table_cards_pdf
from speeddating.fileio import write_set
from speeddating.plan import Plan

DOCUMENTS: tuple[tuple[str, Callable[[Plan, str], bytes]], ...] = (
    ("table-cards.pdf", table_cards_pdf),
    ("itineraries.pdf", itineraries_pdf),
    ("agenda.pdf", agenda_pdf),
    ("master-plan.pdf", master_plan_pdf),
)


def printables(plan: Plan, paper: str = "A4") -> dict[str, bytes]:
    """The four PDFs, in the current language, by file name."""
    return {name: build(plan, paper) for name, build in DOCUMENTS}


def write_printables(plan: Plan, folder: Path, paper: str = "A4") -> list[Path]:
    """Write the four PDFs into `folder` (in one step: see `fileio`); returns their paths."""
    return write_set(folder, printables(plan, paper))
