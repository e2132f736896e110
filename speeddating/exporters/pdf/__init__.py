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
from speeddating.fileio import write_all
from speeddating.plan import Plan

DOCUMENTS: tuple[tuple[str, Callable[[Plan, str], bytes]], ...] = (
    ("table-cards.pdf", table_cards_pdf),
    ("itineraries.pdf", itineraries_pdf),
    ("agenda.pdf", agenda_pdf),
    ("master-plan.pdf", master_plan_pdf),
)


def printables(plan: Plan, folder: Path, paper: str = "A4") -> dict[Path, bytes]:
    """The four PDFs, in the current language, keyed by where they belong in `folder`."""
    return {Path(folder) / name: build(plan, paper) for name, build in DOCUMENTS}


def write_printables(plan: Plan, folder: Path, paper: str = "A4") -> list[Path]:
    """Write the four PDFs into `folder`; returns their paths."""
    documents = printables(plan, folder, paper)
    write_all(documents)
    return list(documents)
