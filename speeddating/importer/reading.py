"""From a file to rows of clean text, whatever the format: CSV/TSV/TXT in any usual encoding, XLSX, ODS, XLS, and
the HTML or XML Spreadsheet that web tools name .xls.

Only non-empty rows are kept, each with its spreadsheet number, so memory follows the cells really
used and never the range a sheet claims (a 5 KB workbook with one cell at row 1,000,000 and column
16,000 stays small). Everything is bounded: the file's size, the rows, the columns; beyond a limit
the file is refused in one line, or the far cells are left out with a warning.
"""

import bisect
import contextlib
import csv
import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from xml.etree import ElementTree

from speeddating.errors import UserError
from speeddating.i18n import N_, and_more, format_integer, t, t_plural
from speeddating.importer.encodings import repaired, single_byte_encoding, utf16_without_bom
from speeddating.importer.markup import MarkupTable, html_tables, is_html, is_spreadsheet_xml, spreadsheet_xml_sheets
from speeddating.text import clean, column_index, column_letter, fold, word_set

MAX_PEOPLE = 5000
"""The largest list planned: beyond it the optimiser's model and the printed documents stop being practical."""
MAX_ROWS = 2 * MAX_PEOPLE
"""Non-empty rows read from one sheet: room for cancelled registrations, notes and totals, not for a data dump."""
MAX_COLUMNS = 1000
"""Cells further right are left out (no registration form asks a thousand questions)."""
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""A workbook is a zip: the parts we read may not unpack to more than this (a zip bomb stays a small file)."""
MAX_SHOWN_PROBLEMS = 20
SEPARATORS = (";", ",", "\t")
"""Tried in this order; ties go to `;`, which French Excel writes."""
SEPARATOR_SAMPLE_LINES = 40
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
"""Excel's "Unicode text" export is UTF-16 with a byte-order mark."""
ZIP_MAGIC = b"PK\x03\x04"
END_OF_FILE = "\x1a"
"""Ctrl-Z, which old DOS and Windows programs write at the end of a text file: the end, not a character."""
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
PDF_MAGIC = b"%PDF-"
PLAN_FORMAT = "speeddating-plan/1"
"""The format of a plan.json (speeddating.plan.FORMAT, not imported: the importer knows no plans)."""
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".ods", ".xls"})
MAX_SHOWN_LINES = 5


class ImportProblems(UserError):
    """Everything wrong with an attendee file, one line per problem, shown together (capped); `duplicates`
    when some are people listed twice, which reading again with `dedupe` settles."""

    def __init__(self, problems: Sequence[str], *, duplicates: bool = False) -> None:
        self.problems = list(problems)
        self.duplicates = duplicates
        shown = self.problems[:MAX_SHOWN_PROBLEMS]
        if len(self.problems) > len(shown):
            shown.append(
                t_plural(
                    "... and {count} more problem to fix.",
                    "... and {count} more problems to fix.",
                    len(self.problems) - len(shown),
                )
            )
        super().__init__("\n".join(shown))


def refuse(message: str) -> ImportProblems:
    return ImportProblems([message])


def quoted(text: str) -> str:
    return t("'{text}'", text=text)


def quoted_list(texts: Sequence[str]) -> str:
    return ", ".join(quoted(text) for text in texts)


@dataclass(frozen=True)
class Row:
    """A non-empty row: its number as the spreadsheet shows it, and its cells from column A (no trailing blanks)."""

    number: int
    cells: tuple[str, ...]

    def cell(self, column: int) -> str:
        return self.cells[column] if column < len(self.cells) else ""


@dataclass(frozen=True)
class Sheet:
    """The non-empty rows of the sheet read, and what the organiser should know about how it was read."""

    rows: tuple[Row, ...]
    source: str
    other_sheets: tuple[str, ...] = ()
    workbook: bool = False
    warnings: tuple[str, ...] = field(default=(), compare=False)
    name: str = ""
    """The sheet read, in a workbook."""
    sheets: tuple[str, ...] = ()
    """Every sheet of the workbook, hidden ones included, in its order."""
    struck: frozenset[tuple[int, int]] = frozenset()
    """(row, column) of the cells written struck through, as an organiser strikes a cancelled person (in a
    workbook: .xlsx, .ods, .xls)."""
    hidden: frozenset[int] = frozenset()
    """The rows the sheet hides (filtered out or hidden), read like the others as Excel's own CSV export reads
    them: the importer names the people on them."""

    def hint(self) -> str:
        """Where the list may be instead, when the sheet read was the wrong one."""
        return t(worded(OTHER_SHEETS), sheets=quoted_list(self.other_sheets)) if self.other_sheets else ""


FOR_THE_PAGE: ContextVar[bool] = ContextVar("for_the_page", default=False)
"""Whether the importer's advice is read on the web page, which has controls where the CLI has options."""


Advice = tuple[str, str]
"""A message naming a command line option, and the same advice naming the web page's control (marked N_)."""
Worded = TypeVar("Worded")
OTHER_SHEETS: Advice = (
    N_(" The workbook has other sheets ({sheets}): pick the right one with --sheet."),
    N_(" The workbook has other sheets ({sheets}): pick the right one in the Sheet list."),
)
SHEET_READ: Advice = (
    N_("{file}: sheet {sheet} read{hidden}{empty}; give --sheet to read another one."),
    N_("{file}: sheet {sheet} read{hidden}{empty}; choose another one in the Sheet list."),
)


PLAN_GIVEN: Advice = (
    N_(
        "{file}: a plan made by speeddating ({count} people), not an attendee list. Give the list of "
        "registrations it was planned from; or, to plan the same people again, give the {csv} beside it "
        "with --dedupe (it lists each person once per round)."
    ),
    N_(
        "{file}: a plan made by speeddating ({count} people), not an attendee list. Give the list of "
        "registrations it was planned from; or, to plan the same people again, give the plan.csv beside it: "
        "the page then offers to keep the first row of each person (it lists each person once per round)."
    ),
)
WORD_PROCESSOR = N_(
    "{file}: a word-processor document (Word, Writer, RTF), not a table. Copy the list into a spreadsheet and "
    "save it as .xlsx, or give the registration list as .xlsx, .ods or CSV."
)
DOCUMENT_OPENINGS: tuple[tuple[str, str], ...] = (
    (
        "BEGIN:VCARD",
        N_(
            "{file}: contact cards (vCard), not an attendee list. Export the contacts from your address book "
            "as CSV instead (one row per person, with their organisation), or give the registration list as "
            ".xlsx, .ods or CSV."
        ),
    ),
    (
        "BEGIN:VCALENDAR",
        N_(
            "{file}: a calendar invitation (iCalendar), not an attendee list. Give the registration list as "
            ".xlsx, .ods or CSV (one row per person, with their organisation)."
        ),
    ),
    ("{\\RTF", WORD_PROCESSOR),
)
"""How text documents that are no table begin (in capitals), and what to say of each."""
ZIPPED_DOCUMENTS: tuple[tuple[str, str], ...] = (
    (
        "xl/workbook.bin",
        N_(
            "{file}: an Excel binary workbook (.xlsb), which speeddating does not read. Open it in Excel and save "
            "it as an Excel workbook (.xlsx), or export the list as CSV."
        ),
    ),
    (
        "Index/Document.iwa",
        N_(
            "{file}: an Apple Numbers document. Export it from Numbers as Excel (File, Export To, Excel) or as "
            "CSV, and give that file."
        ),
    ),
    ("word/document.xml", WORD_PROCESSOR),
)
"""What a part of a zip that is no Excel or ODS workbook tells it is, and what to say of each."""


def worded(advice: tuple[Worded, Worded]) -> Worded:
    """The message of `advice` for where it is read: the command line, or the web page (a message, or the
    singular and plural forms of one)."""
    command_line, page = advice
    return page if FOR_THE_PAGE.get() else command_line


@contextlib.contextmanager
def advice_for_the_page() -> Iterator[None]:
    """Word the importer's advice for the web page while the block runs."""
    token = FOR_THE_PAGE.set(True)
    try:
        yield
    finally:
        FOR_THE_PAGE.reset(token)


ListScore = Callable[[Sequence[Sequence[str]]], int]
"""How much the first rows of a table look like an attendee list (0: not at all): picks the separator
of a text file and the sheet of a workbook."""
FULL_LIST_SCORE = 2
"""The score of a header naming every column needed: the first sheet reaching it is read, the others are
not opened (a notes sheet naming only one of them comes second to the list after it)."""


class _Rows:
    """Rows being collected, within the limits: too many rows is refused, cells too far right are left out."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.rows: list[Row] = []
        self.far_cell: str | None = None
        self.repairs: list[tuple[int, str, str]] = []
        """(row, the cell as written, as repaired) of every cell whose garbled accents were put back."""

    def add(self, number: int, values: Iterable[str], far: int | None = None) -> None:
        """Row `number`'s cells from column A, garbled accents repaired (`encodings.repaired`); `far` is the
        column of a filled cell beyond MAX_COLUMNS, if any."""
        cells = [self._repaired(number, value) for value in list(values)[:MAX_COLUMNS]]
        if far is not None and self.far_cell is None:
            self.far_cell = f"{column_letter(far)}{number}"
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            return
        if len(self.rows) >= MAX_ROWS:
            raise refuse(
                t(
                    "{file}: more than {rows} filled rows (row {row} is one too many); speeddating plans at "
                    "most {people} people at a time. Keep only the attendees in the list, or split it into "
                    "several sessions.",
                    file=self.source,
                    rows=format_integer(MAX_ROWS),
                    row=number,
                    people=format_integer(MAX_PEOPLE),
                )
            )
        self.rows.append(Row(number, tuple(cells)))

    def _repaired(self, number: int, cell: str) -> str:
        fixed = repaired(cell)
        if fixed == cell:
            return cell
        fixed = clean(fixed)
        self.repairs.append((number, cell, fixed))
        return fixed

    def warnings(self) -> tuple[str, ...]:
        """What to say of the rows collected."""
        lines = []
        if self.repairs:
            rows = sorted({number for number, _, _ in self.repairs})
            _, written, fixed = self.repairs[0]
            lines.append(
                t_plural(
                    "{file}: row {rows}{more} had its accents garbled by an earlier save in the wrong encoding "
                    "(a UTF-8 file opened as Windows-1252 and saved again); repaired, for example {written} "
                    "read as {fixed}. Check the names of that row.",
                    "{file}: rows {rows}{more} had their accents garbled by an earlier save in the wrong "
                    "encoding (a UTF-8 file opened as Windows-1252 and saved again); repaired, for example "
                    "{written} read as {fixed}. Check the names of those rows.",
                    len(rows),
                    file=self.source,
                    **numbered(rows),
                    written=quoted(written),
                    fixed=quoted(fixed),
                )
            )
        if self.far_cell is not None:
            lines.append(
                t(
                    "{file}: cells beyond column {letter} left out (the first one at {cell}); the list must "
                    "fit in the first {count} columns.",
                    file=self.source,
                    letter=column_letter(MAX_COLUMNS - 1),
                    cell=self.far_cell,
                    count=format_integer(MAX_COLUMNS),
                )
            )
        return tuple(lines)


def _far_column(values: Sequence[object]) -> int | None:
    """The first filled column beyond MAX_COLUMNS, if any (None and blanks are empty)."""
    return next((index for index in range(MAX_COLUMNS, len(values)) if str(values[index] or "").strip()), None)


def read_sheet(path: Path, sheet: str | None, score: ListScore) -> Sheet:
    """Every non-empty row of the file (or of the chosen sheet) as clean text."""
    source = str(path)
    if not path.exists():
        raise refuse(t("{file}: no such file. Check its name and the folder you run the command from.", file=source))
    if path.is_dir():
        raise refuse(t("{file} is a folder. Give the attendee list file itself (.xlsx, .ods or .csv).", file=source))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refuse(
                t(
                    "{file}: {size} MB, too large for an attendee list (at most {limit} MB). Give the "
                    "list of attendees alone, as .xlsx, .ods or CSV.",
                    file=source,
                    size=format_integer(size // 2**20),
                    limit=format_integer(MAX_FILE_BYTES // 2**20),
                )
            )
        data = path.read_bytes()
    except OSError as error:
        raise refuse(
            t(
                "{file}: cannot be read ({reason}). Close it if another program has it open, and "
                "check your permissions on the file.",
                file=source,
                reason=error.strerror or error,
            )
        ) from None
    if data.startswith(ZIP_MAGIC):
        return _read_workbook(data, source, sheet, score)
    if data.startswith(OLE2_MAGIC):
        return _read_xls(data, source, sheet, score)
    if data.lstrip().startswith(PDF_MAGIC):
        raise refuse(
            t(
                "{file}: a PDF document, which holds no table a program can read back. Give the list as it "
                "was exported from the registration form or the spreadsheet (.xlsx, .ods or CSV); failing "
                "that, copy the table from the PDF into a spreadsheet and save it as .xlsx.",
                file=source,
            )
        )
    text, warnings = decoded_text(data, source)
    if is_html(text) or is_spreadsheet_xml(text):
        return _read_markup(text, source, sheet, score)
    _refuse_documents(text, source)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        # What many web tools export as "Excel": a CSV or tab-separated text under a workbook's name.
        warnings.insert(
            0,
            t(
                "{file}: named {suffix} but holds a text table (CSV), as some web tools export their lists for "
                "Excel; read as such.",
                file=source,
                suffix=path.suffix,
            ),
        )
    table = _read_text(text, source, score)
    ignored = (
        [
            t(
                "{file}: --sheet {sheet} ignored, a CSV file has only one sheet. To read a "
                "particular sheet, give the workbook (.xlsx or .ods) itself.",
                file=source,
                sheet=quoted(sheet),
            )
        ]
        if sheet is not None
        else []
    )
    return Sheet(table.rows, source, warnings=(*ignored, *warnings, *table.warnings))


def _refuse_documents(text: str, source: str) -> None:
    """Refuse, each with its own line, the text files that are no table: a JSON document (a plan.json among
    them), contact cards, a calendar invitation, a document in RTF. Read as CSV they would be refused
    for a reason that misleads (an unclosed quote, a missing header)."""
    start = text.lstrip()[:20].upper()
    if start.startswith(("{", "[")):
        with contextlib.suppress(ValueError, RecursionError):
            raise _json_document(json.loads(text), source)
    for opening, message in DOCUMENT_OPENINGS:
        if start.startswith(opening):
            raise refuse(t(message, file=source))


def _json_document(document: object, source: str) -> ImportProblems:
    if isinstance(document, dict) and document.get("format") == PLAN_FORMAT:
        people = document.get("attendees")
        folder = Path(source).parent
        return refuse(
            t(
                worded(PLAN_GIVEN),
                file=source,
                count=format_integer(len(people) if isinstance(people, list) else 0),
                csv=str(folder / "plan.csv"),
            )
        )
    return refuse(
        t(
            "{file}: a JSON document, not an attendee list. Give the list as a table: from the registration "
            "form or the spreadsheet, as .xlsx, .ods or CSV.",
            file=source,
        )
    )


def reason(error: BaseException) -> str:
    """A short technical reason, for the organiser to pass on if the advice does not help."""
    text = clean(str(error)) or type(error).__name__
    return text if len(text) <= 100 else text[:99] + "…"


# --- text files ---


def decoded_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """The file as text, and what the organiser should know about how it was decoded (the attendee list and
    the pair files alike). A UTF-8 file with a few Windows-1252 bytes (one name pasted from another file) is
    read line by line, each line in the encoding it is written in, and those lines are named: decoding the
    whole file as Windows-1252 would turn every accent of every other line into mojibake ("Élodie" ->
    "Ã‰lodie") without a word."""
    text, warnings = _decoded(data, source)
    text, stray = _without_nul(text.removesuffix(END_OF_FILE), source)
    return _checked(text, source), [*stray, *warnings]


def _decoded(data: bytes, source: str) -> tuple[str, list[str]]:
    """UTF-16 (with a byte-order mark or without), UTF-8, Windows-1252 or Mac Roman, else line by line."""
    utf16 = "utf-16" if data.startswith(UTF16_BOMS) else utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16).removeprefix("\ufeff"), []
        except UnicodeDecodeError:
            raise _not_a_table(source) from None
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8-sig"), []
    lines = data.splitlines(keepends=True)
    as_utf8 = [_utf8(line) for line in lines]
    if not any(text is not None and not text.isascii() for text in as_utf8):
        return _single_byte(data, source)
    decoded = [text if text is not None else _windows_1252(line) for line, text in zip(lines, as_utf8, strict=True)]
    text = "".join(decoded).removeprefix("\ufeff")
    wrong = [number for number, line in enumerate(as_utf8, start=1) if line is None]
    example = clean(decoded[wrong[0] - 1])
    return text, [
        t_plural(
            "{file}: line {lines}{more} is not in UTF-8 like the rest of the file; read as "
            "Windows-1252 (line {first}: {example}). Check that name, or save the file again as "
            "'CSV UTF-8' from your spreadsheet.",
            "{file}: lines {lines}{more} are not in UTF-8 like the rest of the file; read as "
            "Windows-1252 (line {first}: {example}). Check those names, or save the file again as "
            "'CSV UTF-8' from your spreadsheet.",
            len(wrong),
            file=source,
            **numbered(wrong, "lines"),
            first=wrong[0],
            example=quoted(example if len(example) <= 80 else example[:79] + "…"),
        )
    ]


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _single_byte(data: bytes, source: str) -> tuple[str, list[str]]:
    """A file in one byte per character: Windows-1252, or Mac Roman when it reads more like words (Excel for
    Mac's "CSV Macintosh", said: "PrŽnom" and "P™le emploi" as Windows-1252), else latin-1, which never
    fails and lets `_checked` point at the line holding a byte that no text encoding accepts."""
    encoding = single_byte_encoding(data)
    if encoding is None:
        return data.decode("latin-1"), []
    if encoding == "cp1252":
        return data.decode(encoding), []
    return data.decode(encoding), [
        t(
            "{file}: read as Mac Roman, the encoding of Excel for Mac's 'CSV Macintosh'. If accents look "
            "wrong, save the list again as 'CSV UTF-8'.",
            file=source,
        )
    ]


def _windows_1252(data: bytes) -> str:
    """A line in Windows-1252, or latin-1 for the five bytes it leaves undefined (see `_single_byte`)."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _not_a_table(source: str) -> ImportProblems:
    return refuse(
        t(
            "{file}: neither a text table (CSV) nor a readable Excel or ODS workbook. Save "
            "the list from your spreadsheet as .xlsx, .ods or CSV.",
            file=source,
        )
    )


def _without_nul(text: str, source: str) -> tuple[str, list[str]]:
    """The text without its NUL characters (zero bytes a damaged save or a program's bug leaves in a text
    file: they hold nothing), and a line naming the rows that held them; a file with other control characters
    too is binary, and refused."""
    if "\x00" not in text:
        return text, []
    if any(unicodedata.category(char) == "Cc" and not char.isspace() and char != "\x00" for char in text):
        raise _not_a_table(source)
    lines = io.StringIO(text, newline=None).readlines()
    rows = [number for number, line in enumerate(lines, start=1) if "\x00" in line]
    return text.replace("\x00", ""), [
        t_plural(
            "{file}: row {rows}{more} held an invisible NUL character (a zero byte, left by a damaged save or "
            "another program); read without it. Check that row.",
            "{file}: rows {rows}{more} held invisible NUL characters (zero bytes, left by a damaged save or "
            "another program); read without them. Check those rows.",
            len(rows),
            file=source,
            **numbered(rows),
        )
    ]


def numbered(numbers: Sequence[int], name: str = "rows") -> dict[str, str]:
    """The placeholders `name` and `more` of a message naming rows or lines: the first MAX_SHOWN_LINES of
    `numbers` ("2, 3, 4, 5, 6"), then " and 3 more" if there are more."""
    return {
        name: ", ".join(format_integer(number) for number in numbers[:MAX_SHOWN_LINES]),
        "more": and_more(len(numbers) - MAX_SHOWN_LINES),
    }


def _checked(text: str, source: str) -> str:
    """Refuse encodings that leave control characters behind."""
    for number, line in enumerate(io.StringIO(text, newline=None), start=1):
        if any(unicodedata.category(char) == "Cc" and not char.isspace() for char in line):
            raise refuse(
                t(
                    "{file}, row {row}: unreadable character, the file's encoding is not recognised. "
                    "Save it from your spreadsheet as 'CSV UTF-8'.",
                    file=source,
                    row=number,
                )
            )
    return text


def _malformed(source: str, error: Exception) -> ImportProblems:
    return refuse(
        t(
            "{file}: malformed CSV table ({reason}). Check the quotes, or open it in your "
            "spreadsheet and save it again as CSV.",
            file=source,
            reason=reason(error),
        )
    )


def _read_text(text: str, source: str, score: ListScore) -> Sheet:
    """A CSV/TSV table with the separator that reveals an attendee list in its first lines; the csv module
    and not pandas, whose own sniffing (sep=None) invents a separator on one-column files."""
    sample = "".join(io.StringIO(text, newline="").readlines()[:SEPARATOR_SAMPLE_LINES])

    def fit(separator: str) -> tuple[int, int]:
        cut = list(csv.reader(io.StringIO(sample, newline=""), delimiter=separator))
        rows = [Row(number, tuple(cells)) for number, cells in enumerate(cut, start=1) if any(cells)]
        listed = [row.cells for row in (_teams_participants(rows) or ())[1:]] or cut  # a report: its list decides
        return score(listed), _rows_as_wide_as_the_first(listed)

    try:
        separator = max(SEPARATORS, key=fit)
    except csv.Error as error:
        raise _malformed(source, error) from None
    _check_quotes(text, separator, source)
    rows = _Rows(source)
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=separator), start=1):
            far = _far_column(cells)
            rows.add(number, (clean(cell) for cell in cells), far)
    except csv.Error as error:
        raise _malformed(source, error) from None
    participants = _teams_participants(rows.rows)
    if participants is None:
        return Sheet(tuple(rows.rows), source, warnings=rows.warnings())
    title, header, *people = participants
    said = t(
        "{file}: a Microsoft Teams attendance report; its section {section} read (rows {first} to {last}), its "
        "summary and in-meeting activities left out.",
        file=source,
        section=quoted(title.cells[0]),
        first=header.number,
        last=participants[-1].number,
    )
    return Sheet((header, *map(_without_guest_mark, people)), source, warnings=(said, *rows.warnings()))


TEAMS_SECTION = re.compile(r"\d\.\s*(.+)")
"""A section's title in a Teams attendance report, alone on its row: "1. Summary", "2. Participants",
"3. In-Meeting Activities" (in French "1. Résumé", "2. Participants", "3. Activités de la réunion")."""
TEAMS_SUMMARY_TITLES = frozenset({"summary", "resume", "meeting summary", "resume de la reunion"})


TEAMS_GUEST_MARKS = frozenset({"guest", "external", "unverified", "invite", "invitee", "externe", "non verifie"})
"""What Teams writes in brackets after the name of someone outside the organisation (folded): "Zoé Roux (Guest)",
"(Invité)", "(External)", "(Unverified)"; no part of the name to print on a card."""


def _without_guest_mark(row: Row) -> Row:
    """A participant's row of a Teams report, the guest mark off the name (its first column)."""
    name, mark = row.cells[0], re.search(r"\s*\(([^()]*)\)$", row.cells[0])
    if mark is None or fold(mark[1]) not in TEAMS_GUEST_MARKS:
        return row
    return Row(row.number, (name[: mark.start()], *row.cells[1:]))


def _section_title(row: Row) -> str | None:
    """The folded title of a report's numbered section alone on its row ("2. Participants": "participants")."""
    match = TEAMS_SECTION.fullmatch(row.cells[0]) if len(row.cells) == 1 else None
    return fold(match[1]) if match else None


def _teams_participants(rows: Sequence[Row]) -> tuple[Row, ...] | None:
    """The second section's title row ("2. Participants") and the rows under it, up to the next section, when
    `rows` are a Microsoft Teams attendance report (its first row "1. Summary"); None for any other table. The
    summary above (meeting title, times) and the activities below (a row per join, people again) list nobody."""
    if not rows or _section_title(rows[0]) not in TEAMS_SUMMARY_TITLES:
        return None
    sections = [index for index, row in enumerate(rows) if _section_title(row) is not None]
    if len(sections) < 2:
        return None
    start, end = sections[1], (sections[2] if len(sections) > 2 else len(rows))
    return tuple(rows[start:end]) if end - start > 1 else None


def _rows_as_wide_as_the_first(rows: Sequence[Sequence[str]]) -> int:
    """Rows cut into as many cells as the first non-empty one, when that is two or more: between separators
    whose first lines look alike as a list ('Participant,Provenance' names only a name column either way), the
    one that really cuts the lines into columns."""
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    width = len(filled[0]) if filled else 0
    return sum(1 for row in filled if len(row) == width) if width > 1 else 0


def _check_quotes(text: str, separator: str, source: str) -> None:
    """Refuse a quote that opens a cell and is not closed just before a separator or the end of a line: read
    leniently, it swallows the following lines into one cell and people silently disappear from the list."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error:
        raise refuse(
            t(
                '{file}, line {row}: a quote (") opens a cell that is not closed properly, and '
                "the rest of the file would fall into it. Add the closing quote or remove this "
                "one, or save the list again as CSV from your spreadsheet.",
                file=source,
                row=start,
            )
        ) from None


# --- workbooks ---


@dataclass(frozen=True)
class _SheetEntry:
    """A sheet of a workbook as listed in it, before its cells are read."""

    name: str
    hidden: bool
    read: Callable[[], Sheet]


def _damaged(source: str, error: BaseException) -> ImportProblems:
    return refuse(
        t(
            "{file}: damaged or incomplete workbook ({reason}). Open it in your spreadsheet "
            "and save it again, or export the list as CSV.",
            file=source,
            reason=reason(error),
        )
    )


def _read_workbook(data: bytes, source: str, sheet: str | None, score: ListScore) -> Sheet:
    """The sheet asked for, else the first visible sheet that holds a list (else the first visible one).
    A hidden sheet is read only when asked for by name: it is usually an old list or a lookup table."""
    import openpyxl  # only a workbook needs it: a CSV plans without it

    # A damaged workbook can fail anywhere in zipfile, the XML parser or openpyxl, each with its own
    # exception types; whatever it raises means the same thing to the organiser.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for part in archive.infolist():
                if part.file_size > MAX_UNPACKED_BYTES:
                    raise ValueError(f"{part.filename} unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")
            if "xl/workbook.xml" in names:
                book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
                try:
                    return _choose_sheet(_xlsx_sheets(book, archive, source), sheet, source, score)
                finally:
                    book.close()
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
            if mimetype == ODS_MIMETYPE:
                return _choose_sheet(_ods_sheets(archive, source), sheet, source, score)
    except UserError:
        raise
    except Exception as error:
        raise _damaged(source, error) from None
    if mimetype == ODT_MIMETYPE:
        raise refuse(t(WORD_PROCESSOR, file=source))
    for marker, message in ZIPPED_DOCUMENTS:
        if marker in names:
            raise refuse(t(message, file=source))
    raise refuse(
        t(
            "{file}: a zip archive or a document, not an Excel or ODS workbook. Save the list "
            "from your spreadsheet as .xlsx, .ods or CSV.",
            file=source,
        )
    )


def _choose_sheet(entries: Sequence[_SheetEntry], sheet: str | None, source: str, score: ListScore) -> Sheet:
    if not entries:
        raise refuse(
            t(
                "{file}: the list is empty. Put a header row (for example First name, Last name, "
                "Organisation, Email) then one row per attendee.{hint}",
                file=source,
                hint="",
            )
        )
    if sheet is not None:
        chosen = _named_sheet(entries, sheet, source)
        return replace(chosen.read(), name=chosen.name, sheets=tuple(entry.name for entry in entries))
    visible = [entry for entry in entries if not entry.hidden] or list(entries)
    best: tuple[int, Sheet, _SheetEntry] | None = None
    for entry in sorted(visible, key=lambda entry: _example_sheet(entry.name)):
        table = entry.read()
        found = score([row.cells for row in table.rows[:SEPARATOR_SAMPLE_LINES]])
        if best is None or found > best[0]:
            best = (found, table, entry)
        if found >= FULL_LIST_SCORE:
            break
    assert best is not None
    _, table, entry = best
    return _with_context(table, entry, entries, visible)


EXAMPLE_SHEET_WORDS = word_set(
    "exemple exemples example examples modele model template sample specimen instruction instructions consigne "
    "consignes help notice lisez readme tutoriel tutorial"
)
"""Words of the name of a template's sheet showing how to fill the list in ("Exemple", "Modèle", "Consignes"):
read only when no other visible sheet holds a list."""


def _example_sheet(name: str) -> bool:
    return bool(set(re.split(r"[^0-9a-z]+", fold(name))) & EXAMPLE_SHEET_WORDS)


def _with_context(
    table: Sheet, chosen: _SheetEntry, entries: Sequence[_SheetEntry], visible: Sequence[_SheetEntry]
) -> Sheet:
    """The sheet read, named, with the workbook's sheets, the other visible ones (for hints) and a warning when
    it was not simply the first."""
    others = tuple(entry.name for entry in visible if entry is not chosen)
    warnings = list(table.warnings)
    if chosen is not entries[0]:
        skipped = entries[: entries.index(chosen)]
        hidden = [entry.name for entry in skipped if entry.hidden]
        examples = [entry.name for entry in skipped if not entry.hidden and _example_sheet(entry.name)]
        empty = [entry.name for entry in skipped if not entry.hidden and entry.name not in examples]
        warnings.insert(
            0,
            t(
                worded(SHEET_READ),
                file=table.source,
                sheet=quoted(chosen.name),
                hidden=t_plural(
                    ", the hidden sheet {sheets} left out",
                    ", the hidden sheets {sheets} left out",
                    len(hidden),
                    sheets=quoted_list(hidden),
                )
                if hidden
                else "",
                empty=(t(", no attendee list in {sheets}", sheets=quoted_list(empty)) if empty else "")
                + (
                    t_plural(
                        ", the sheet {sheets} passed over (an example or instructions)",
                        ", the sheets {sheets} passed over (examples or instructions)",
                        len(examples),
                        sheets=quoted_list(examples),
                    )
                    if examples
                    else ""
                ),
            ),
        )
    names = tuple(entry.name for entry in entries)
    return Sheet(
        table.rows,
        table.source,
        others,
        workbook=True,
        warnings=tuple(warnings),
        name=chosen.name,
        sheets=names,
        struck=table.struck,
        hidden=table.hidden,
    )


def _named_sheet(entries: Sequence[_SheetEntry], sheet: str, source: str) -> _SheetEntry:
    """The sheet asked for, exactly, else ignoring case, accents and spacing."""
    for entry in entries:
        if entry.name == sheet:
            return entry
    close = [entry for entry in entries if fold(entry.name) == fold(sheet)]
    if len(close) == 1:
        return close[0]
    raise refuse(
        t(
            "{file}: no sheet '{sheet}' in this workbook. Available sheets: {sheets}.",
            file=source,
            sheet=sheet,
            sheets=quoted_list([entry.name for entry in entries]),
        )
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attribute(element: ElementTree.Element, name: str, default: str = "") -> str:
    """An attribute by its local name, whatever its namespace."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return default


# --- XLSX ---

XLSX_NAMESPACE = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _xlsx_sheets(book: Any, archive: zipfile.ZipFile, source: str) -> list[_SheetEntry]:
    relationships = _xlsx_relationships(archive)
    paths = _xlsx_sheet_paths(archive, relationships)
    strikes = _xlsx_strikes(archive, relationships)
    return [
        _SheetEntry(
            str(worksheet.title),
            worksheet.sheet_state != "visible",
            partial(_xlsx_rows, worksheet, archive, paths.get(str(worksheet.title)), strikes, source),
        )
        for worksheet in book.worksheets
    ]


def _xlsx_sheet_paths(archive: zipfile.ZipFile, targets: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Sheet name -> the part holding its cells, from the workbook and its relationships (`_xlsx_relationships`)."""
    paths = {}
    for element in ElementTree.parse(archive.open("xl/workbook.xml")).getroot().iter(XLSX_NAMESPACE + "sheet"):
        paths[_attribute(element, "name")] = _xlsx_part(targets.get(_attribute(element, "id"), ("", ""))[0])
    return paths


def _xlsx_relationships(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """The workbook's relationships: id -> (target, type)."""
    relationships = ElementTree.parse(archive.open("xl/_rels/workbook.xml.rels")).getroot()
    return {_attribute(rel, "Id"): (_attribute(rel, "Target"), _attribute(rel, "Type")) for rel in relationships}


def _xlsx_part(target: str) -> str:
    """A relationship's target as the archive names the part ("worksheets/sheet1.xml" -> "xl/worksheets/...")."""
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _struck(font: ElementTree.Element | None) -> bool:
    """Whether a font (styles.xml's <font>, a rich text run's <rPr>) strikes its text through."""
    strike = font.find(XLSX_NAMESPACE + "strike") if font is not None else None
    return strike is not None and _attribute(strike, "val", "1") not in ("0", "false")


def _runs_struck(text: ElementTree.Element) -> bool:
    """Whether a rich text (a shared string's <si>, an inline <is>) is struck through in every run that shows
    something: the organiser selected the name while typing in the cell and struck it."""
    shown = [run for run in text.iter(XLSX_NAMESPACE + "r") if (run.findtext(XLSX_NAMESPACE + "t") or "").strip()]
    return bool(shown) and all(_struck(run.find(XLSX_NAMESPACE + "rPr")) for run in shown)


def _xlsx_workbook_part(relationships: dict[str, tuple[str, str]], kind: str, default: str) -> str:
    """The part of the workbook's relationship of this kind ("styles", "sharedStrings")."""
    return next((_xlsx_part(target) for target, type_ in relationships.values() if type_.endswith("/" + kind)), default)


def _mentions(archive: zipfile.ZipFile, path: str, word: bytes) -> bool:
    """Whether a part holds `word`, scanned in chunks: a plain scan costs far less than parsing the part."""
    tail = b""
    with archive.open(path) as part:
        while chunk := part.read(2**20):
            if word in tail + chunk:
                return True
            tail = chunk[-len(word) :]
    return False


@dataclass(frozen=True)
class _XlsxStrikes:
    """What strikes a cell through: its style (s=, an index of styles.xml's cellXfs whose font is struck), or
    every run of its rich text, shared (by its index in sharedStrings.xml) or inline."""

    styles: frozenset[int]
    strings: frozenset[int]

    def of(self, cell: ElementTree.Element) -> bool:
        style = _attribute(cell, "s")
        if style.isdigit() and int(style) in self.styles:
            return True
        if _attribute(cell, "t") == "s":
            index = (cell.findtext(XLSX_NAMESPACE + "v") or "").strip()
            return index.isdigit() and int(index) in self.strings
        text = cell.find(XLSX_NAMESPACE + "is")
        return text is not None and _runs_struck(text)


def _xlsx_strikes(archive: zipfile.ZipFile, relationships: dict[str, tuple[str, str]]) -> _XlsxStrikes:
    """The struck cell styles and shared strings of a workbook, the strings read as a stream."""
    names = set(archive.namelist())
    styles: frozenset[int] = frozenset()
    path = _xlsx_workbook_part(relationships, "styles", "xl/styles.xml")
    if path in names:
        root = ElementTree.parse(archive.open(path)).getroot()
        fonts = root.find(XLSX_NAMESPACE + "fonts")
        struck_fonts = {str(index) for index, font in enumerate(fonts if fonts is not None else []) if _struck(font)}
        cell_styles = root.find(XLSX_NAMESPACE + "cellXfs")
        styles = frozenset(
            index
            for index, style in enumerate(cell_styles if cell_styles is not None else [])
            if _attribute(style, "fontId", "0") in struck_fonts
        )
    strings: set[int] = set()
    path = _xlsx_workbook_part(relationships, "sharedStrings", "xl/sharedStrings.xml")
    if path in names and _mentions(archive, path, b"strike"):
        with archive.open(path) as part:
            index = 0
            for _, element in ElementTree.iterparse(part):
                if element.tag == XLSX_NAMESPACE + "si":
                    if _runs_struck(element):
                        strings.add(index)
                    index += 1
                    element.clear()
    return _XlsxStrikes(styles, frozenset(strings))


def _cell_range(reference: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column), 1-based rows and 0-based columns, of "B2:D3"."""
    match = re.fullmatch(r"([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)", reference.upper())
    if not match:
        return None
    first_column, last_column = column_index(match[1]), column_index(match[3])
    assert first_column is not None and last_column is not None
    return int(match[2]), first_column, int(match[4]), last_column


@dataclass
class _XlsxLayout:
    """What openpyxl's read-only mode does not give of a sheet: its merged ranges, hidden rows and struck cells."""

    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: set[int] = field(default_factory=set)
    struck: set[tuple[int, int]] = field(default_factory=set)


def _xlsx_layout(archive: zipfile.ZipFile, path: str | None, strikes: _XlsxStrikes) -> _XlsxLayout:
    """The merged ranges, hidden rows and struck-through cells of a sheet, read from its part as a stream, so
    that a large sheet costs no more than its cells' text."""
    layout = _XlsxLayout()
    if path is None or path not in archive.namelist():
        return layout
    with archive.open(path) as part:
        for _, element in ElementTree.iterparse(part):
            if element.tag == XLSX_NAMESPACE + "c":
                if strikes.of(element):
                    cell = re.fullmatch(r"([A-Z]{1,3})(\d+)", _attribute(element, "r").upper())
                    column = column_index(cell[1]) if cell else None
                    if cell and column is not None:
                        layout.struck.add((int(cell[2]), column))
            elif element.tag == XLSX_NAMESPACE + "mergeCell":
                found = _cell_range(_attribute(element, "ref"))
                if found is not None:
                    layout.merges.append(found)
            elif element.tag == XLSX_NAMESPACE + "row":
                if _attribute(element, "hidden") in ("1", "true") and _attribute(element, "r").isdigit():
                    layout.hidden.add(int(_attribute(element, "r")))
                element.clear()
    return layout


def _xlsx_rows(worksheet: Any, archive: zipfile.ZipFile, path: str | None, strikes: _XlsxStrikes, source: str) -> Sheet:
    """The cells of a sheet, as text, row by row from the file: the dimension the sheet claims is ignored
    (openpyxl would otherwise pad every row to it)."""
    worksheet.reset_dimensions()
    rows = _Rows(source)
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if values:
            far = _far_column(values)
            rows.add(number, (_cell_text(value) for value in values[:MAX_COLUMNS]), far)
    layout = _xlsx_layout(archive, path, strikes)
    return Sheet(
        tuple(_merged(rows.rows, layout.merges)),
        source,
        warnings=rows.warnings(),
        struck=frozenset(layout.struck),
        hidden=frozenset(layout.hidden),
    )


def _cell_text(value: object) -> str:
    """A cell as its text: numbers without a spurious ".0", dates as ISO dates, "NA" and "None" as written."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    return clean(str(value))


def _merged(rows: Sequence[Row], merges: Sequence[tuple[int, int, int, int]]) -> Iterator[Row]:
    """Rows with every merged range filled with its first cell's value, as the organiser sees it (an
    organisation merged down the rows of its people belongs to each of them). Only filled rows change."""
    if not merges:
        yield from rows
        return
    by_number = {row.number: row for row in rows}
    numbers = [row.number for row in rows]  # in order: a range merged down a million empty rows costs nothing
    filling: dict[int, dict[int, str]] = {}
    for first_row, first_column, last_row, last_column in merges:
        top = by_number.get(first_row)
        value = top.cell(first_column) if top else ""
        if not value:
            continue
        for number in numbers[bisect.bisect_left(numbers, first_row) : bisect.bisect_right(numbers, last_row)]:
            cells = filling.setdefault(number, {})
            for column in range(first_column, min(last_column, MAX_COLUMNS - 1) + 1):
                cells[column] = value
    for row in rows:
        fill = filling.get(row.number)
        if not fill:
            yield row
            continue
        width = max(len(row.cells), max(fill) + 1)
        yield Row(row.number, tuple(fill.get(column) or row.cell(column) for column in range(width)))


# --- XLS (Excel 97-2003) ---

XLS_STREAMS = frozenset({"Workbook", "Book"})
"""The stream of an OLE2 compound document that holds an Excel 97-2003 workbook (Excel 5 called it Book)."""
ENCRYPTED_STREAM = "EncryptedPackage"
"""Where an .xlsx protected by a password to open keeps its (encrypted) workbook, inside an OLE2 document."""


def _read_xls(data: bytes, source: str, sheet: str | None, score: ListScore) -> Sheet:
    """An Excel 97-2003 workbook through xlrd, its sheets chosen as in an .xlsx. The OLE2 container is also
    what a password-protected .xlsx and a Word or PowerPoint document are: each told apart with its own line."""
    import xlrd  # only an .xls needs it

    log = io.StringIO()  # xlrd writes its warnings to stdout unless given a file
    try:
        streams = {entry.name for entry in xlrd.compdoc.CompDoc(data, logfile=log).dirlist}
        if ENCRYPTED_STREAM in streams:
            raise _protected(source)
        if not streams & XLS_STREAMS:
            raise refuse(
                t(
                    "{file}: a Microsoft Office document (Word, PowerPoint...) but not an Excel workbook. "
                    "Give the attendee list itself, saved from your spreadsheet as .xlsx, .xls, .ods or CSV.",
                    file=source,
                )
            )
        book = xlrd.open_workbook(file_contents=data, logfile=log, formatting_info=True, ragged_rows=True)
    except UserError:
        raise
    except xlrd.XLRDError as error:
        if "encrypted" in str(error):
            raise _protected(source) from None
        raise _damaged(source, error) from None
    except Exception as error:
        raise _damaged(source, error) from None
    try:
        entries = [
            _SheetEntry(worksheet.name, worksheet.visibility != 0, partial(_xls_rows, worksheet, book, source))
            for worksheet in book.sheets()
        ]
        return _choose_sheet(entries, sheet, source, score)
    finally:
        book.release_resources()


def _protected(source: str) -> ImportProblems:
    return refuse(
        t(
            "{file}: the workbook is protected by a password. Open it in your spreadsheet with its "
            "password, then save a copy without one (or export the list as CSV) and give that copy.",
            file=source,
        )
    )


def _xls_rows(worksheet: Any, book: Any, source: str) -> Sheet:
    """The cells of an .xls sheet as text, its merged ranges filled, its hidden rows said and its struck cells
    noted as in an .xlsx."""
    rows = _Rows(source)
    struck: set[tuple[int, int]] = set()
    for index in range(worksheet.nrows):
        cells = worksheet.row(index)
        rows.add(index + 1, (_xls_cell_text(cell, book.datemode) for cell in cells))
        struck.update(
            (index + 1, column)
            for column, cell in enumerate(cells[:MAX_COLUMNS])
            if _xls_struck(book, cell, worksheet.rich_text_runlist_map.get((index, column)))
        )
    merges = [(top + 1, left, bottom, right - 1) for top, bottom, left, right in worksheet.merged_cells]
    hidden = {index + 1 for index, info in worksheet.rowinfo_map.items() if info.hidden}
    return Sheet(
        tuple(_merged(rows.rows, merges)),
        source,
        warnings=rows.warnings(),
        struck=frozenset(struck),
        hidden=frozenset(hidden),
    )


def _xls_struck(book: Any, cell: Any, runs: Sequence[tuple[int, int]] | None) -> bool:
    """Whether a cell's text is struck through: by its format's font, or in every run of its rich text that
    shows something (`runs`: (first character, font) of each, the text before the first in the format's font)."""
    import xlrd

    if cell.ctype == xlrd.XL_CELL_EMPTY or cell.xf_index is None or cell.xf_index >= len(book.xf_list):
        return False
    fonts = book.font_list
    font = book.xf_list[cell.xf_index].font_index
    if not runs or cell.ctype != xlrd.XL_CELL_TEXT:
        return font < len(fonts) and bool(fonts[font].struck_out)
    starts = [(0, font), *runs]
    ends = [*(start for start, _ in starts[1:]), len(cell.value)]
    shown = [run_font for (start, run_font), end in zip(starts, ends, strict=True) if cell.value[start:end].strip()]
    return bool(shown) and all(run_font < len(fonts) and fonts[run_font].struck_out for run_font in shown)


def _xls_cell_text(cell: Any, datemode: int) -> str:
    """A cell of an .xls as an .xlsx cell of the same value reads: dates as dates, whole numbers without ".0",
    errors as Excel shows them ("#N/A")."""
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        with contextlib.suppress(ValueError, OverflowError, xlrd.xldate.XLDateError):
            return _cell_text(xlrd.xldate_as_datetime(cell.value, datemode))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return _cell_text(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(cell.value, ""))
    return _cell_text(cell.value)


# --- HTML and XML Spreadsheet 2003 (markup named .xls) ---


def _read_markup(text: str, source: str, sheet: str | None, score: ListScore) -> Sheet:
    """A web page's tables or an XML Spreadsheet's worksheets, chosen as the sheets of a workbook."""
    try:
        read = html_tables if is_html(text) else spreadsheet_xml_sheets
        tables = read(text, MAX_ROWS, MAX_COLUMNS)
    except Exception as error:  # the HTML parser forgives everything; the XML one fails on a truncated file
        raise _damaged(source, error) from None
    entries = [_SheetEntry(table.name, table.hidden, partial(_markup_rows, table, source)) for table in tables]
    return _choose_sheet(entries, sheet, source, score)


def _markup_rows(table: MarkupTable, source: str) -> Sheet:
    rows = _Rows(source)
    far_row, far_column = table.far or (None, None)
    for number in sorted(table.cells):
        cells = table.cells[number]
        rows.add(number, (cells.get(column, "") for column in range(max(cells) + 1)))
    if far_row is not None:
        rows.add(far_row, [], far_column)
    return Sheet(tuple(_merged(rows.rows, table.spans)), source, warnings=rows.warnings())


# --- ODS ---

ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODS_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
ODS_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"


def _ods_sheets(archive: zipfile.ZipFile, source: str) -> list[_SheetEntry]:
    """The sheets of an OpenDocument spreadsheet, from one streaming pass over its content (after its named
    styles, which a cell's automatic style may inherit a strikethrough from)."""
    styles = _OdsStyles()
    if "styles.xml" in archive.namelist():
        with archive.open("styles.xml") as part:
            for event, element in ElementTree.iterparse(part, events=("start", "end")):
                styles.see(event, element)
    sheets = _ods_content(archive, source, styles)
    return [_SheetEntry(name, hidden, partial(_given, table)) for name, hidden, table in sheets]


def _given(table: Sheet) -> Sheet:
    return table


def _ods_text(element: ElementTree.Element) -> str:
    """The text of a paragraph as displayed: <text:s text:c="3"/> is three spaces, a tab or line break a blank."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == ODS_TEXT + "s":
            parts.append(" " * int(_attribute(child, "c", "1") or 1))
        elif tag in (ODS_TEXT + "tab", ODS_TEXT + "line-break"):
            parts.append(" ")
        elif tag != ODS_OFFICE + "annotation":
            parts.append(_ods_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _ods_cell(element: ElementTree.Element) -> str:
    paragraphs = [_ods_text(child) for child in element if child.tag == ODS_TEXT + "p"]
    if paragraphs:
        return clean(" ".join(paragraphs))
    for name in ("string-value", "value", "date-value", "boolean-value"):
        value = _attribute(element, name)
        if value:
            return clean(value)
    return ""


def _repeat(element: ElementTree.Element, name: str) -> int:
    try:
        return max(1, int(_attribute(element, name, "1")))
    except ValueError:
        return 1


@dataclass
class _OdsStyles:
    """The styles of an ODS that matter to the list: the table styles that hide a sheet, and the styles that
    strike their text through (a cell's, a paragraph's or a span's, or their parent's), as LibreOffice writes
    a name the organiser crossed out."""

    hiding: set[str] = field(default_factory=set)
    strikes: dict[tuple[str, str], bool] = field(default_factory=dict)
    """(family, name) -> whether the style's own text properties strike through, for those that say."""
    parents: dict[tuple[str, str], str] = field(default_factory=dict)
    current: tuple[str, str] | None = None

    def see(self, event: str, element: ElementTree.Element) -> None:
        """Take in a style element of styles.xml or content.xml as the parser meets it."""
        tag = element.tag
        if tag == ODS_STYLE + "style":
            self.current = (_attribute(element, "family"), _attribute(element, "name")) if event == "start" else None
            if self.current is not None and _attribute(element, "parent-style-name"):
                self.parents[self.current] = _attribute(element, "parent-style-name")
        elif event == "start" and self.current is not None:
            if tag == ODS_STYLE + "table-properties" and _attribute(element, "display") == "false":
                self.hiding.add(self.current[1])
            elif tag == ODS_STYLE + "text-properties" and _attribute(element, "text-line-through-style"):
                self.strikes[self.current] = _attribute(element, "text-line-through-style") != "none"

    def strike(self, family: str, name: str) -> bool | None:
        """Whether the style `name` of `family` ("table-cell", "paragraph", "text") strikes its text through,
        by itself or its parents; None when none of them says (the text is as the element around it)."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            if (family, name) in self.strikes:
                return self.strikes[family, name]
            name = self.parents.get((family, name), "")
        return None


ODS_TEXT_FAMILIES = {ODS_TEXT + "p": "paragraph", ODS_TEXT + "span": "text", ODS_TEXT + "a": "text"}
"""The text elements of a cell that may carry a style of their own, and that style's family."""


def _ods_strikes(element: ElementTree.Element, struck: bool, styles: _OdsStyles) -> Iterator[bool]:
    """For every piece of visible text under a cell's element, whether it is struck through: by its own style,
    else as the element around it (`struck`, the cell's style at the top)."""
    family = ODS_TEXT_FAMILIES.get(element.tag)
    if family is not None:
        own = styles.strike(family, _attribute(element, "style-name"))
        struck = struck if own is None else own
    if (element.text or "").strip():
        yield struck
    for child in element:
        if child.tag != ODS_OFFICE + "annotation":
            yield from _ods_strikes(child, struck, styles)
        if (child.tail or "").strip():
            yield struck


def _ods_struck(cell: ElementTree.Element, style: str, styles: _OdsStyles) -> bool:
    """Whether a filled cell of style `style` shows its text struck through in every piece that shows something
    (a name struck by selecting it while typing is struck span by span)."""
    struck = bool(styles.strike("table-cell", style))
    shown = [flag for child in cell if child.tag == ODS_TEXT + "p" for flag in _ods_strikes(child, struck, styles)]
    return all(shown) if shown else struck


@dataclass
class _OdsColumnStyles:
    """The default cell style of each column of a sheet (<table:table-column>): LibreOffice writes no style on
    the cells of the column's most frequent style."""

    ends: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def add(self, element: ElementTree.Element) -> None:
        start = self.ends[-1] if self.ends else 0
        self.ends.append(start + _repeat(element, "number-columns-repeated"))
        self.names.append(_attribute(element, "default-cell-style-name"))

    def of(self, column: int) -> str:
        index = bisect.bisect_right(self.ends, column)
        return self.names[index] if index < len(self.names) else ""


def _ods_content(archive: zipfile.ZipFile, source: str, styles: _OdsStyles) -> list[tuple[str, bool, Sheet]]:
    """(name, hidden, rows) of every sheet. Repeated empty rows and cells (how ODS writes a sheet's blank
    expanse) only advance the counters; merges are filled, hidden rows said and struck cells noted as in XLSX."""
    sheets: list[tuple[str, bool, Sheet]] = []
    rows = _Rows(source)
    merges: list[tuple[int, int, int, int]] = []
    hidden: set[int] = set()
    struck: set[tuple[int, int]] = set()
    row_struck: list[int] = []
    columns = _OdsColumnStyles()
    row_number = column = 0
    far: int | None = None
    cells: list[str] = []
    table_name = ""
    table_hidden = False
    with archive.open("content.xml") as content:
        for event, element in ElementTree.iterparse(content, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == ODS_TABLE + "table":
                    table_name = _attribute(element, "name")
                    table_hidden = _attribute(element, "style-name") in styles.hiding
                    rows, merges, hidden, struck, row_number = _Rows(source), [], set(), set(), 0
                    columns = _OdsColumnStyles()
                elif tag == ODS_TABLE + "table-row":
                    cells, row_struck, column, far = [], [], 0, None
                elif tag == ODS_TABLE + "table-column":
                    columns.add(element)
                styles.see(event, element)
                continue
            if tag in (ODS_TABLE + "table-cell", ODS_TABLE + "covered-table-cell"):
                value = _ods_cell(element) if tag == ODS_TABLE + "table-cell" else ""
                spanned = (_repeat(element, "number-rows-spanned"), _repeat(element, "number-columns-spanned"))
                if value and spanned != (1, 1):
                    merges.append((row_number + 1, column, row_number + spanned[0], column + spanned[1] - 1))
                repeat = _repeat(element, "number-columns-repeated")
                if value and column >= MAX_COLUMNS:
                    far = column if far is None else far
                elif value:
                    shown = min(repeat, MAX_COLUMNS - column)
                    cells.extend([""] * (column - len(cells)) + [value] * shown)
                    style = _attribute(element, "style-name") or columns.of(column)
                    if _ods_struck(element, style, styles):
                        row_struck.extend(range(column, column + shown))
                column += repeat
                element.clear()
            elif tag == ODS_TABLE + "table-row":
                repeat = _repeat(element, "number-rows-repeated")
                if cells or far is not None:
                    copies = range(row_number + 1, row_number + 1 + (repeat if repeat <= MAX_ROWS else 1))
                    for number in copies:
                        rows.add(number, cells, far)
                        struck.update((number, struck_column) for struck_column in row_struck)
                    if _attribute(element, "visibility") in ("collapse", "filter"):
                        hidden.update(copies)
                row_number += repeat
                element.clear()
            elif tag == ODS_TABLE + "table":
                table = Sheet(
                    tuple(_merged(rows.rows, merges)),
                    source,
                    warnings=rows.warnings(),
                    struck=frozenset(struck),
                    hidden=frozenset(hidden),
                )
                sheets.append((table_name, table_hidden, table))
                element.clear()
            else:
                styles.see(event, element)
    return sheets
