"""Helpers shared by the test files: the command line run in-process, attendee lists on disk and in memory,
solved plans, and hand-seated plans for the history."""

import contextvars
import csv
import dataclasses
import datetime as dt
import io
import struct
from collections.abc import Collection, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import openpyxl
import pypdfium2
import xlwt
from click.testing import CliRunner
from odf.element import Element
from odf.opendocument import OpenDocument, OpenDocumentSpreadsheet
from odf.style import Style, TableProperties
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P
from xlwt.CompoundDoc import XlsDoc

from speeddating.cli import cli
from speeddating.constraints import OrganiserConstraints
from speeddating.event import Event
from speeddating.history.store import add_plan, open_history
from speeddating.plan import Plan, PlannedRound, SeatedTable, SeriesPlace
from speeddating.planning import build_plan, problem_for
from speeddating.replan import Move
from speeddating.roster import Attendee
from speeddating.session import ReplanOptions, replan_session
from speeddating.solver import solve
from speeddating.web.previews import PDFIUM


class CliResult(NamedTuple):
    """What the organiser sees: the exit status, standard output and standard error."""

    code: int
    out: str
    err: str


def run_cli(*args: str, env: Mapping[str, str | None] | None = None) -> CliResult:
    """Run `speeddating ARGS` in-process; the language it picks stays inside the run, not in the next test.

    Any exception other than click's own exit is a bug the organiser would see as a traceback, so it fails here.
    """
    result = contextvars.copy_context().run(CliRunner().invoke, cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr)


def plan_quickly(attendees: Path, out: Path, *options: str) -> CliResult:
    """`speeddating plan` into `out` with no history, a one-second search and no progress lines."""
    return run_cli("plan", str(attendees), "--no-history", "--time-limit", "1", "--quiet", "--out", str(out), *options)


def write_roster(
    folder: Path,
    rows: Sequence[Sequence[str]],
    headers: Sequence[str] = ("nom", "structure"),
    name: str = "attendees.csv",
) -> Path:
    """An attendee list as a French spreadsheet exports it: `;`-separated, UTF-8, one person per row."""
    path = folder / name
    path.write_text("".join(";".join(cells) + "\n" for cells in [headers, *rows]), encoding="utf-8")
    return path


def write_attendees(
    folder: Path,
    people: int,
    organisations: int | None = None,
    *,
    name: str = "Personne",
    organisation: str = "Structure",
    seated: Collection[int] = (),
    hosts: Collection[int] = (),
) -> Path:
    """`name 0`, `name 1`... spread in turn over `organisations` (default: one each), in attendees.csv.

    Numbers are zero-padded to the width of the largest, so the names sort in order. `seated` and `hosts` are the
    numbers of the people who stay seated and who host a table (their columns appear only when given).
    """
    width = len(str(people - 1))
    spread = organisations or people
    columns = {"reste_assis": seated, "animateur": hosts}
    headers = ["nom", "structure", *(column for column, chosen in columns.items() if chosen)]
    rows = [
        [f"{name} {number:0{width}d}", f"{organisation} {number % spread}"]
        + ["oui" if number in chosen else "" for chosen in columns.values() if chosen]
        for number in range(people)
    ]
    return write_roster(folder, rows, headers)


def people(count: int, organisations: int, *, first: int = 1, **flags: dict[int, str]) -> list[Attendee]:
    """`Person 01` (id p01), numbered from `first`, spread in turn over `organisations`; flags map a column
    to {index in the list: value}."""
    return [
        Attendee(
            f"p{i + first:02d}",
            f"Person {i + first:02d}",
            f"Org {i % organisations}",
            attributes=tuple((column, values[i]) for column, values in flags.items() if i in values),
        )
        for i in range(count)
    ]


def solved_plan(attendees: Sequence[Attendee], rounds: int, constraints: OrganiserConstraints | None = None) -> Plan:
    """The plan the portfolio finds in one second, on one worker, seed 0."""
    problem = problem_for(attendees, rounds, constraints=constraints)
    result = solve(problem, time_limit=1, seed=0, workers=1)
    return build_plan(attendees, Event(), result)


def replanned(
    plan: Plan, from_round: int, absent: Sequence[Attendee] = (), added: Sequence[Attendee] = (), **options: Any
) -> tuple[Plan, tuple[Move, ...]]:
    """The session workflow's re-plan of `plan`, without history: the new version and who moves."""
    result = replan_session(plan, ReplanOptions(from_round, tuple(a.id for a in absent), tuple(added), **options))
    assert result.revision is not None
    return result.plan, result.revision.moves


Person = tuple[str, str, str]
"""Name, organisation, e-mail."""


def attendees_of(people: Sequence[Person]) -> tuple[Attendee, ...]:
    """The attendees p1, p2... with these names, organisations and e-mails."""
    return tuple(Attendee(f"p{i + 1}", name, org, email) for i, (name, org, email) in enumerate(people))


def seated_plan(
    people: Sequence[Person],
    seating: Sequence[Sequence[Sequence[int]]],
    title: str = "Petit-déjeuner",
    date: str = "2025-01-15",
) -> Plan:
    """`seating[r][t]` lists 0-based indices into `people` seated at table t of round r."""
    attendees = attendees_of(people)
    rounds = tuple(
        PlannedRound(
            r + 1, tuple(SeatedTable(t + 1, tuple(attendees[i].id for i in table)) for t, table in enumerate(tables))
        )
        for r, tables in enumerate(seating)
    )
    return Plan(attendees=attendees, rounds=rounds, event=Event(title=title, date=date))


EIGHT: list[Person] = [
    ("Anne Martin", "France Travail", "anne.martin@example.org"),
    ("Bruno Ngô", "France Travail", ""),
    ("Chloé Œuvray", "Mission Locale", ""),
    ("Didier Roux", "Mission Locale", ""),
    ("Élodie Fauré", "CIO", ""),
    ("Farid Haddad", "CIO", ""),
    ("Gaëlle Le Goff", "Cap emploi", ""),
    ("Hugo Petit", "Cap emploi", ""),
]
"""Eight people from four organisations, two of each, with accents and ligatures in their names."""
ROUND_A = [[0, 2, 4, 6], [1, 3, 5, 7]]
ROUND_B = [[0, 3, 5, 6], [1, 2, 4, 7]]
ROUND_C = [[0, 3, 4, 7], [1, 2, 5, 6]]


def series_plans(key: str = "breakfast") -> list[Plan]:
    """Two sessions of EIGHT's series planned at once, one round each, undated as a series' sessions are."""
    return [
        dataclasses.replace(
            seated_plan(EIGHT, [seating], title=f"Série, séance {number}", date=""), series=SeriesPlace(key, number, 2)
        )
        for number, seating in ((1, ROUND_A), (2, ROUND_B))
    ]


def reprint_list(report: Sequence[str], heading: str | tuple[str, ...]) -> list[str]:
    """What the lines of a re-plan's report list under the one starting with `heading` ("Itinerary cards to
    reprint", "Parcours à réimprimer"...): the name or the table of each indented line, before its reason."""
    start = next(i for i, line in enumerate(report) if line.startswith(heading))
    listed = []
    for line in report[start + 1 :]:
        if not line.startswith("  "):
            break
        listed.append(line.strip().partition(":")[0].rstrip())
    return listed


def record(
    db: Path, plan: Plan, *, title: str | None = None, replace: bool = False, force: bool = False, source: str = "plan"
) -> int:
    """Record `plan` in the history at `db`, as `history add` would; returns the session number."""
    with open_history(db, write=True) as connection:
        return add_plan(connection, plan, title=title, replace=replace, force=force, source=source)


Rows = Sequence[Sequence[object]]
"""A sheet as lists of cells, row 1 first; None is an empty cell."""
Merge = tuple[str, str]
"""A merged range by its corners, ("A1", "E1")."""


class WorkbookWriter(Protocol):
    """`write_xlsx` or `write_xls`: sheets by name, merged ranges and hidden sheets, saved at `path`."""

    def __call__(
        self,
        path: Path,
        sheets: dict[str, Rows],
        merges: Mapping[str, Sequence[Merge]] | None = None,
        hidden: Collection[str] = (),
    ) -> Path: ...


def write_csv(path: Path, rows: Rows, separator: str = ";", encoding: str = "utf-8-sig") -> Path:
    """A text table as spreadsheets export it (CRLF lines, quotes where needed) in `encoding`."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(
        [["" if cell is None else str(cell) for cell in row] for row in rows]
    )
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(
    path: Path,
    sheets: dict[str, Rows],
    merges: Mapping[str, Sequence[Merge]] | None = None,
    hidden: Collection[str] = (),
) -> Path:
    """An Excel workbook of these sheets (in order), with merged ranges and hidden sheets."""
    book = openpyxl.Workbook()
    assert book.active is not None
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row_number, row in enumerate(rows, start=1):
            for column_number, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=row_number, column=column_number, value=value)
        for first, last in (merges or {}).get(title, ()):
            sheet.merge_cells(f"{first}:{last}")
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def write_xls(
    path: Path,
    sheets: dict[str, Rows],
    merges: Mapping[str, Sequence[Merge]] | None = None,
    hidden: Collection[str] = (),
    struck: Collection[str] = (),
) -> Path:
    """The same workbook as `write_xlsx`, in Excel's 97-2003 format (.xls), as xlwt writes it; dates as dates,
    the cells `struck` ("A3") in a struck-through font."""
    book = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    struck_style = xlwt.easyxf("font: struck_out on")
    struck_cells = {_corner(cell) for cell in struck}
    for title, rows in sheets.items():
        sheet = book.add_sheet(title)
        spans = {_corner(first): _corner(last) for first, last in (merges or {}).get(title, ())}
        for row_number, row in enumerate(rows):
            for column_number, value in enumerate(row):
                if (row_number, column_number) in spans:
                    bottom, right = spans[row_number, column_number]
                    sheet.write_merge(row_number, bottom, column_number, right, value)
                elif value is not None:
                    style = date_style if isinstance(value, dt.date) else xlwt.Style.default_style
                    if (row_number, column_number) in struck_cells:
                        style = struck_style
                    sheet.write(row_number, column_number, value, style)
        if title in hidden:
            sheet.visibility = 1
    book.save(str(path))
    return path


XLS_BOF_RECORD_BYTES = 20
"""The BOF record that opens an Excel 97-2003 workbook stream: type, length, 16 bytes."""
XLS_FILEPASS = struct.pack("<HHHHHH", 0x002F, 8, 1, 1, 0, 0)
"""The record saying the rest of the workbook is encrypted (RC4, as Excel writes for a password to open)."""


def write_protected_xls(path: Path, rows: Rows) -> Path:
    """An .xls as Excel writes one protected by a password to open: the FILEPASS record after the first BOF."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("Feuil1")
    for row_number, row in enumerate(rows):
        for column_number, value in enumerate(row):
            sheet.write(row_number, column_number, value)
    stream = book.get_biff_data()
    path.write_bytes(
        office_document("Workbook", stream[:XLS_BOF_RECORD_BYTES] + XLS_FILEPASS + stream[XLS_BOF_RECORD_BYTES:])
    )
    return path


def office_document(stream_name: str, content: bytes) -> bytes:
    """An OLE2 compound document (the container of .xls, .doc, and of a password-protected .xlsx) holding one
    stream: xlwt's writer, with its stream renamed."""
    buffer = io.BytesIO()
    XlsDoc().save(buffer, content)
    document = buffer.getvalue()
    written = "Workbook\x00".encode("utf-16-le")
    entry = struct.pack("<64sH", written, len(written))
    name = f"{stream_name}\x00".encode("utf-16-le")
    assert document.count(entry) == 1
    return document.replace(entry, struct.pack("<64sH", name, len(name)))


def _corner(cell: str) -> tuple[int, int]:
    """(0-based row, 0-based column) of "B3"."""
    letters = "".join(c for c in cell if c.isalpha())
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter.upper()) - ord("A") + 1
    return int(cell[len(letters) :]) - 1, column - 1


def write_ods(
    path: Path,
    rows: Rows,
    merges: Sequence[Merge] = (),
    *,
    sheet: str = "Feuille1",
    before: Mapping[str, Rows] | None = None,
    hidden: Collection[str] = (),
    document: OpenDocument | None = None,
    cell_styles: Mapping[str, Element] | None = None,
    columns: Sequence[Element] = (),
) -> Path:
    """An OpenDocument spreadsheet as LibreOffice writes it: merged ranges as spanned and covered cells,
    other sheets `before` this one, `hidden` sheets through a table style with display="false". A cell may be
    an odfpy paragraph (P, with its spans) instead of a value; `document` may come with styles of its own, that
    `cell_styles` give to cells ("A3") and `columns` (TableColumn elements) to columns of the sheet."""
    document = document or OpenDocumentSpreadsheet()
    hidden_style = Style(name="hidden", family="table")
    hidden_style.addElement(TableProperties(display="false"))
    document.automaticstyles.addElement(hidden_style)
    styled = {_corner(cell): style for cell, style in (cell_styles or {}).items()}
    for title, table_rows in [*(before or {}).items(), (sheet, rows)]:
        spans = {_corner(first): _corner(last) for first, last in (merges if title == sheet else ())}
        covered = {
            (r, c)
            for (top, left), (bottom, right) in spans.items()
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
            if (r, c) != (top, left)
        }
        table = Table(name=title, stylename=hidden_style if title in hidden else None)
        for column in columns if title == sheet else ():
            table.addElement(column)
        width = max((len(row) for row in table_rows), default=0)
        for r, row in enumerate(table_rows):
            line = TableRow()
            for c in range(width):
                value = row[c] if c < len(row) else None
                if (r, c) in covered:
                    line.addElement(CoveredTableCell())
                    continue
                attributes: dict[str, Any] = {}
                if (r, c) in spans:
                    bottom, right = spans[r, c]
                    attributes = {"numberrowsspanned": bottom - r + 1, "numbercolumnsspanned": right - c + 1}
                if (r, c) in styled and title == sheet:
                    attributes["stylename"] = styled[r, c]
                cell = TableCell(valuetype="string", **attributes) if value is not None else TableCell(**attributes)
                if value is not None:
                    cell.addElement(value if isinstance(value, Element) else P(text=str(value)))
                line.addElement(cell)
            table.addElement(line)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF, as PDFium (the print screen's previews) reads it; under the previews'
    lock, every page closed, since a test's browser may be asking the page's server for previews meanwhile."""
    texts = []
    with PDFIUM, closing(pypdfium2.PdfDocument(data)) as document:
        for index in range(len(document)):
            with closing(document[index]) as page, closing(page.get_textpage()) as textpage:
                texts.append(textpage.get_text_bounded())
    return "\n".join(texts)
