"""Read the organiser's attendee list (CSV, TSV, TXT, XLSX, ODS) into a Roster, or say what to fix.

The only module that knows about file formats, encodings, separators and header spellings. Every
problem names the file, the row as the spreadsheet numbers it, and the column; row problems are all
gathered before raising, so the organiser fixes the whole list in one pass instead of one per run.
"""

import contextlib
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import pandas as pd

from speeddating.errors import UserError
from speeddating.i18n import t
from speeddating.roster import Attendee, Roster
from speeddating.text import clean, fold

HEADER_SEARCH_ROWS = 20
"""Title rows above the header are skipped, but only this far down: a header lower than this is a mistake."""
MAX_SHOWN_PROBLEMS = 20
SEPARATORS = (";", ",", "\t")
"""Tried in this order; ties go to `;`, which French Excel writes."""
TEXT_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
"""UTF-8 is strict so that a cp1252 file is not read as mojibake; latin-1 never fails, which lets us point
at the line holding the byte no other encoding accepts."""
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
"""Excel's "Unicode text" export is UTF-16 with a byte-order mark."""
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".ods", ".xls"})
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
"""Only the obviously wrong: no @, two @, blanks, no dot in the domain. An error, not a warning: the email is
the person's identity in the history of past sessions, so a typo would silently split one person in two, and a
whole column of them means a column was mislabelled (phone numbers under "Courriel")."""


class Role(Enum):
    FULL_NAME = "full_name"
    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    ORGANISATION = "organisation"
    EMAIL = "email"


ORGANISATION_WORDS = (
    "organisation",
    "organization",
    "structure",
    "organisme",
    "etablissement",
    "partenaire",
    "employeur",
    "employer",
    "company",
    "entreprise",
    "societe",
    "raisonsociale",
    "service",
)
"""Most specific first: "service" is often a department inside the structure, kept as an attribute when both exist."""
ORGANISATION_PREFIXES = ("", "nom", "nomde", "nomdela", "nomdel", "nomdu")
"""As office software exports write them: "NOM DE LA STRUCTURE", "Nom de l'organisme", "Nom du service"."""
ORGANISATION_SUFFIXES = ("", "dappartenance", "dorigine", "derattachement", "name")
""""Structure d'appartenance", "Organisme d'origine", "Company name"."""


def _organisation_spellings() -> tuple[str, ...]:
    """Every word with every prefix and suffix, grouped by word in order of specificity, bare word first."""
    return tuple(
        prefix + word + suffix
        for word in ORGANISATION_WORDS
        for suffix in ORGANISATION_SUFFIXES
        for prefix in ORGANISATION_PREFIXES
    )


HEADER_ALIASES: dict[Role, tuple[str, ...]] = {
    Role.FULL_NAME: (
        "name",
        "nomcomplet",
        "fullname",
        "participant",
        "participante",
        "nomprenom",
        "prenomnom",
        "nometprenom",
        "prenometnom",
        "attendee",
    ),
    Role.LAST_NAME: ("nom", "nomdefamille", "lastname", "surname", "familyname"),
    Role.FIRST_NAME: ("prenom", "firstname", "givenname"),
    Role.ORGANISATION: _organisation_spellings(),
    Role.EMAIL: (
        "email",
        "courriel",
        "mail",
        "adressemail",
        "adresseemail",
        "adressecourriel",
        "adresseelectronique",
        "emailaddress",
    ),
}
"""Header spellings as compared: folded, parenthesised parts and everything but letters and digits removed."""


class ImportProblems(UserError):
    """Everything wrong with an attendee file, one line per problem, shown together (capped)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:MAX_SHOWN_PROBLEMS]
        if len(self.problems) > len(shown):
            shown.append(t("... and {count} more problem(s) to fix.", count=len(self.problems) - len(shown)))
        super().__init__("\n".join(shown))


def _quoted(text: str) -> str:
    return t("'{text}'", text=text)


def _quoted_list(texts: Sequence[str]) -> str:
    return ", ".join(_quoted(text) for text in texts)


def header_key(header: str) -> str:
    """How headers compare: "Prénom *", "PRENOM" and "prénom(s)" are all "prenom"."""
    return re.sub(r"[^0-9a-z]", "", fold(re.sub(r"\(.*?\)", "", header)))


def column_letter(index: int) -> str:
    """The spreadsheet's name for the column at 0-based `index`: A, B, ..., Z, AA, AB..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True)
class _Sheet:
    """The cells as text (NFC, blanks collapsed), row i being the spreadsheet's row i + 1."""

    cells: list[list[str]]
    source: str
    other_sheets: tuple[str, ...] = ()
    workbook: bool = False

    def hint(self) -> str:
        """Where the list may be instead, when the first sheet of a workbook was the wrong one."""
        return (
            t(
                " The workbook has other sheets ({sheets}): pick the right one with --sheet.",
                sheets=_quoted_list(self.other_sheets),
            )
            if self.other_sheets
            else ""
        )


@dataclass(frozen=True)
class _Layout:
    """The header row (0-based index) and which column plays which role."""

    source: str
    row: int
    headers: tuple[str, ...]
    roles: dict[Role, int]

    def name_columns(self) -> list[int]:
        """The full-name column if there is one, else first name then last name (display order)."""
        if Role.FULL_NAME in self.roles:
            return [self.roles[Role.FULL_NAME]]
        return [self.roles[role] for role in (Role.FIRST_NAME, Role.LAST_NAME) if role in self.roles]

    def attribute_columns(self) -> list[int]:
        used = {*self.name_columns(), self.roles[Role.ORGANISATION], self.roles.get(Role.EMAIL)}
        return [column for column, header in enumerate(self.headers) if header and column not in used]

    def describe(self, columns: Sequence[int]) -> str:
        """ "colonne C « Structure »", or both name columns when the name comes from two."""
        if len(columns) == 2:
            first, second = columns
            return t(
                "columns {first} {first_header} and {second} {second_header}",
                first=column_letter(first),
                first_header=_quoted(self.headers[first]),
                second=column_letter(second),
                second_header=_quoted(self.headers[second]),
            )
        return t("column {letter} {header}", letter=column_letter(columns[0]), header=_quoted(self.headers[columns[0]]))

    def at(self, row: int, columns: Sequence[int], message: str) -> str:
        """A problem line: file, spreadsheet row, and the column(s) to look at when there are any."""
        if not columns:
            return t("{file}, row {row}: {message}", file=self.source, row=row, message=message)
        return t(
            "{file}, row {row}, {column}: {message}",
            file=self.source,
            row=row,
            column=self.describe(columns),
            message=message,
        )


@dataclass(frozen=True)
class _Entry:
    """One well-formed data row, before duplicates are handled and ids given."""

    row: int
    name: str
    organisation: str
    email: str
    attributes: tuple[tuple[str, str], ...]


DEFAULT_ALIASES: Mapping[str, str] = MappingProxyType({"Pôle emploi": "France Travail"})
"""Former names still found in lists: "Pôle emploi" became "France Travail" in 2024."""


def read_roster(
    path: Path,
    *,
    sheet: str | None = None,
    dedupe: bool = False,
    aliases: Mapping[str, str] = DEFAULT_ALIASES,
    fewest: int = 2,
) -> Roster:
    """The attendees of `path` in file order, ids p01, p02...; raises ImportProblems listing what to fix.

    `sheet` picks a workbook sheet by name (default: the first; a text file has only one table). With
    `dedupe`, a person listed twice is kept once (the first row) with a warning instead of stopping the import.
    `aliases` maps an organisation's other name to the one to use; every renaming is reported as a warning.
    `fewest` is the smallest list accepted: 2 for a session, 1 for latecomers joining one.
    """
    table = _read_sheet(path, sheet)
    layout = _find_layout(table)
    entries, row_problems = _read_entries(table, layout)
    kept, duplicates, warnings = _drop_duplicates(entries, layout, dedupe)
    if row_problems or duplicates:
        # In the order of the rows, as the organiser goes down the sheet to fix them.
        raise ImportProblems([problem for _, problem in sorted(row_problems + duplicates, key=lambda p: p[0])])
    if not kept:
        raise ImportProblems(
            [
                t(
                    "{file}: nobody below the header row (row {row}). Add one row per attendee.",
                    file=table.source,
                    row=layout.row + 1,
                )
            ]
        )
    if len(kept) < fewest:
        raise ImportProblems(
            [
                t(
                    "{file}: a single person ({name}); at least 2 are needed for anyone to meet.",
                    file=table.source,
                    name=_quoted(kept[0].name),
                )
            ]
        )
    kept, renamed = _apply_aliases(kept, aliases, table.source)
    organisations, merges = _merge_spellings(kept, table.source)
    width = max(2, len(str(len(kept))))
    attendees = tuple(
        Attendee(
            id=f"p{number:0{width}d}",
            name=entry.name,
            organisation=organisations[fold(entry.organisation)],
            email=entry.email,
            attributes=entry.attributes,
        )
        for number, entry in enumerate(kept, start=1)
    )
    ignored = (
        [
            t(
                "{file}: --sheet {sheet} ignored, a CSV file has only one sheet. To read a "
                "particular sheet, give the workbook (.xlsx or .ods) itself.",
                file=table.source,
                sheet=_quoted(sheet),
            )
        ]
        if sheet is not None and not table.workbook
        else []
    )
    return Roster(attendees=attendees, source=str(path), warnings=tuple(ignored + warnings + renamed + merges))


def columns_used(path: Path, *, sheet: str | None = None) -> dict[Role, str]:
    """The column read for each role, as the spreadsheet names it ("colonne C « Structure »"), for a front
    end to show beside the people it found (raises ImportProblems as `read_roster` does)."""
    layout = _find_layout(_read_sheet(path, sheet))
    return {role: layout.describe([column]) for role, column in layout.roles.items()}


def read_aliases(path: Path) -> dict[str, str]:
    """An alias table: two columns per row, the other name then the organisation to use.

    Read like an attendee file (CSV or workbook, any separator or encoding); a first row whose
    cells mention "alias" is taken as a header. The defaults stay in force unless redefined.
    """
    table = _read_sheet(path, None)
    aliases = dict(DEFAULT_ALIASES)
    problems = []
    for index, row in enumerate(table.cells):
        cells = [cell for cell in row if cell]
        if not cells or (index == 0 and any("alias" in fold(cell) for cell in cells)):
            continue
        if len(cells) != 2:
            problems.append(
                t(
                    "{file}, row {row}: an alias row has two cells, the other name then the organisation to use.",
                    file=table.source,
                    row=index + 1,
                )
            )
            continue
        aliases[cells[0]] = cells[1]
    if problems:
        raise ImportProblems(problems)
    return aliases


def _apply_aliases(entries: list[_Entry], aliases: Mapping[str, str], source: str) -> tuple[list[_Entry], list[str]]:
    """Entries with aliased organisations renamed, and one warning per alias used (with a head count)."""
    target = {fold(alias): name for alias, name in aliases.items()}
    used: dict[str, list[str]] = {}
    renamed = []
    for entry in entries:
        name = target.get(fold(entry.organisation))
        if name is None or fold(name) == fold(entry.organisation):
            renamed.append(entry)
            continue
        used.setdefault(entry.organisation, []).append(name)
        renamed.append(replace(entry, organisation=name))
    warnings = [
        t(
            "{file}: {alias} counted as {name} ({count} people), from the alias table.",
            file=source,
            alias=_quoted(alias),
            name=_quoted(names[0]),
            count=len(names),
        )
        for alias, names in used.items()
    ]
    return renamed, warnings


def _read_sheet(path: Path, sheet: str | None) -> _Sheet:
    """Every cell of the file (or chosen sheet) as clean text, whatever the format."""
    source = str(path)
    if not path.exists():
        raise ImportProblems(
            [t("{file}: no such file. Check its name and the folder you run the command from.", file=source)]
        )
    if path.is_dir():
        raise ImportProblems(
            [t("{file} is a folder. Give the attendee list file itself (.xlsx, .ods or .csv).", file=source)]
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblems(
            [
                t(
                    "{file}: cannot be read ({reason}). Close it if another program has it open, and "
                    "check your permissions on the file.",
                    file=source,
                    reason=error.strerror or error,
                )
            ]
        ) from None
    if data.startswith(ZIP_MAGIC):
        return _read_workbook(path, _workbook_engine(data, source), sheet)
    if data.startswith(OLE2_MAGIC):
        raise ImportProblems(
            [
                t(
                    "{file}: old Excel 97-2003 format (.xls) or a password-protected workbook. Save "
                    "it as .xlsx without a password, or as CSV.",
                    file=source,
                )
            ]
        )
    text = _decode(data, source)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        raise ImportProblems(
            [
                t(
                    "{file}: this file is named {suffix} but holds plain text (probably a renamed "
                    "CSV). Rename it to .csv, or open it in your spreadsheet and save it as {suffix}.",
                    file=source,
                    suffix=path.suffix,
                )
            ]
        )
    return _read_text(text, source)


WorkbookEngine = Literal["openpyxl", "odf"]
"""The pandas engines of the workbooks we read: Excel (.xlsx) and OpenDocument (.ods)."""


def _workbook_engine(data: bytes, source: str) -> WorkbookEngine:
    """The pandas engine for a zip that is a workbook; any other zip (a .docx, an archive) is refused."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return "openpyxl"
            if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
                return "odf"
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ImportProblems(
            [
                t(
                    "{file}: damaged or incomplete workbook ({reason}). Open it in your spreadsheet "
                    "and save it again, or export the list as CSV.",
                    file=source,
                    reason=_reason(error),
                )
            ]
        ) from None
    raise ImportProblems(
        [
            t(
                "{file}: a zip archive or a document, not an Excel or ODS workbook. Save the list "
                "from your spreadsheet as .xlsx, .ods or CSV.",
                file=source,
            )
        ]
    )


def _reason(error: Exception) -> str:
    """A short technical reason, for the organiser to pass on if the advice does not help."""
    text = clean(str(error)) or type(error).__name__
    return text if len(text) <= 100 else text[:99] + "…"


def _read_workbook(path: Path, engine: WorkbookEngine, sheet: str | None) -> _Sheet:
    """One sheet through pandas, every cell as text ("NA" and "None" stay names, not blanks)."""
    source = str(path)
    # A damaged workbook can fail anywhere in zipfile, the XML parser or the engine, each with its own
    # exception types; whatever it raises means the same thing to the organiser.
    try:
        book = pd.ExcelFile(path, engine=engine)
    except Exception as error:
        raise ImportProblems(
            [
                t(
                    "{file}: damaged or incomplete workbook ({reason}). Open it in your spreadsheet "
                    "and save it again, or export the list as CSV.",
                    file=source,
                    reason=_reason(error),
                )
            ]
        ) from None
    with book:
        names = [str(name) for name in book.sheet_names]
        chosen = _choose_sheet(names, sheet, source)
        try:
            frame = pd.read_excel(book, sheet_name=chosen, header=None, dtype=str, keep_default_na=False)
        except Exception as error:
            raise ImportProblems(
                [
                    t(
                        "{file}: damaged or incomplete workbook ({reason}). Open it in your spreadsheet "
                        "and save it again, or export the list as CSV.",
                        file=source,
                        reason=_reason(error),
                    )
                ]
            ) from None
    others = tuple(name for name in names if name != chosen) if sheet is None else ()
    return _Sheet(_frame_cells(frame), source, others, workbook=True)


def _choose_sheet(names: list[str], sheet: str | None, source: str) -> str:
    """The sheet asked for (exactly, else ignoring case and accents), or the first one."""
    if not names:
        raise ImportProblems(
            [
                t(
                    "{file}: the list is empty. Put a header row (for example First name, Last name, "
                    "Organisation, Email) then one row per attendee.{hint}",
                    file=source,
                    hint="",
                )
            ]
        )
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    close = [name for name in names if fold(name) == fold(sheet)]
    if len(close) == 1:
        return close[0]
    raise ImportProblems(
        [
            t(
                "{file}: no sheet '{sheet}' in this workbook. Available sheets: {sheets}.",
                file=source,
                sheet=sheet,
                sheets=_quoted_list(names),
            )
        ]
    )


def _frame_cells(frame: pd.DataFrame) -> list[list[str]]:
    return [["" if pd.isna(value) else clean(str(value)) for value in row] for row in frame.itertuples(index=False)]


def _decode(data: bytes, source: str) -> str:
    """The file as text, refusing binary files and encodings that leave control characters behind."""
    encodings = ("utf-16",) if data.startswith(UTF16_BOMS) else TEXT_ENCODINGS
    text = None
    for encoding in encodings:
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode(encoding)
            break
    if text is None or "\x00" in text:
        raise ImportProblems(
            [
                t(
                    "{file}: neither a text table (CSV) nor a readable Excel or ODS workbook. Save "
                    "the list from your spreadsheet as .xlsx, .ods or CSV.",
                    file=source,
                )
            ]
        )
    for number, line in enumerate(io.StringIO(text, newline=None), start=1):
        if any(unicodedata.category(char) == "Cc" and not char.isspace() for char in line):
            raise ImportProblems(
                [
                    t(
                        "{file}, row {row}: unreadable character, the file's encoding is not recognised. "
                        "Save it from your spreadsheet as 'CSV UTF-8'.",
                        file=source,
                        row=number,
                    )
                ]
            )
    return text


def _read_text(text: str, source: str) -> _Sheet:
    """A CSV/TSV table through pandas, with the separator that reveals a header row.

    pandas' own sniffing (sep=None) invents a separator on one-column files, so each candidate is tried
    with the csv module, which also gives the widest row (pandas needs it for ragged title rows).
    """
    try:
        parsed = {
            separator: list(csv.reader(io.StringIO(text, newline=""), delimiter=separator)) for separator in SEPARATORS
        }
    except csv.Error as error:
        raise ImportProblems(
            [
                t(
                    "{file}: malformed CSV table ({reason}). Check the quotes, or open it in your "
                    "spreadsheet and save it again as CSV.",
                    file=source,
                    reason=_reason(error),
                )
            ]
        ) from None
    separator = max(SEPARATORS, key=lambda candidate: _header_score(parsed[candidate]))
    _check_quotes(text, separator, source)
    width = max((len(row) for row in parsed[separator]), default=0)
    if width == 0:
        return _Sheet([], source)
    try:
        frame = pd.read_csv(
            io.StringIO(text, newline=""),
            sep=separator,
            header=None,
            names=list(range(width)),
            index_col=False,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except (ValueError, pd.errors.ParserError) as error:
        raise ImportProblems(
            [
                t(
                    "{file}: malformed CSV table ({reason}). Check the quotes, or open it in your "
                    "spreadsheet and save it again as CSV.",
                    file=source,
                    reason=_reason(error),
                )
            ]
        ) from None
    return _Sheet(_frame_cells(frame), source)


def _check_quotes(text: str, separator: str, source: str) -> None:
    """Refuse a quote that opens a cell and is not closed just before a separator or the end of a line: read
    leniently, it swallows the following lines into one cell and people silently disappear from the list."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error:
        raise ImportProblems(
            [
                t(
                    '{file}, line {row}: a quote (") opens a cell that is not closed properly, and '
                    "the rest of the file would fall into it. Add the closing quote or remove this "
                    "one, or save the list again as CSV from your spreadsheet.",
                    file=source,
                    row=start,
                )
            ]
        ) from None


def _roles(headers: Sequence[str]) -> dict[Role, int]:
    """The column of each role: the most specific spelling wins, then the leftmost column."""
    best: dict[Role, tuple[int, int]] = {}
    for column, header in enumerate(headers):
        key = header_key(header)
        for role, aliases in HEADER_ALIASES.items():
            if key in aliases:
                rank = (aliases.index(key), column)
                best[role] = min(best.get(role, rank), rank)
    return {role: column for role, (_, column) in best.items()}


def _has_name(roles: dict[Role, int]) -> bool:
    return any(role in roles for role in (Role.FULL_NAME, Role.LAST_NAME, Role.FIRST_NAME))


def _header_score(rows: list[list[str]]) -> tuple[int, int]:
    """How much a reading looks like a table: a full header beats a half one; then more headers."""
    scores = [
        (_has_name(roles) + (Role.ORGANISATION in roles), sum(1 for cell in row if cell.strip()))
        for row in rows[:HEADER_SEARCH_ROWS]
        if (roles := _roles(row))
    ]
    return max(scores, default=(0, 0))


def _find_layout(table: _Sheet) -> _Layout:
    """The first row naming both a name and an organisation column; title rows above it are skipped."""
    rows = table.cells[:HEADER_SEARCH_ROWS]
    for index, row in enumerate(rows):
        roles = _roles(row)
        if _has_name(roles) and Role.ORGANISATION in roles:
            return _Layout(table.source, index, tuple(row), roles)
    if not any(any(row) for row in table.cells):
        raise ImportProblems(
            [
                t(
                    "{file}: the list is empty. Put a header row (for example First name, Last name, "
                    "Organisation, Email) then one row per attendee.{hint}",
                    file=table.source,
                    hint=table.hint(),
                )
            ]
        )
    for index, row in enumerate(rows):
        roles = _roles(row)
        headers = _quoted_list([cell for cell in row if cell])
        if _has_name(roles):
            raise ImportProblems(
                [
                    t(
                        "{file}, row {row}: no organisation column among the headers {headers}. Add an "
                        "'Organisation' column (or 'Company', 'Employer'...) giving each person's "
                        "organisation.",
                        file=table.source,
                        row=index + 1,
                        headers=headers,
                    )
                ]
            )
        if Role.ORGANISATION in roles:
            raise ImportProblems(
                [
                    t(
                        "{file}, row {row}: no name column among the headers {headers}. Add a 'Full name' "
                        "column, or two columns 'First name' and 'Last name'.",
                        file=table.source,
                        row=index + 1,
                        headers=headers,
                    )
                ]
            )
    raise ImportProblems(
        [
            t(
                "{file}: no header row in the first {rows} rows. A column is needed for the name "
                "('Name', 'Full name', 'Participant', or 'First name' and 'Last name') and one "
                "for the organisation ('Organisation', 'Organization', 'Organisation name', "
                "'Company', 'Employer' or 'Service').{hint}",
                file=table.source,
                rows=HEADER_SEARCH_ROWS,
                hint=table.hint(),
            )
        ]
    )


def _read_entries(table: _Sheet, layout: _Layout) -> tuple[list[_Entry], list[tuple[int, str]]]:
    """Data rows below the header, blank ones skipped; every row problem is collected (with its row), none raised."""
    entries: list[_Entry] = []
    problems: list[tuple[int, str]] = []
    name_columns = layout.name_columns()
    organisation_column = layout.roles[Role.ORGANISATION]
    email_column = layout.roles.get(Role.EMAIL)
    attribute_columns = layout.attribute_columns()
    for index in range(layout.row + 1, len(table.cells)):
        cells = table.cells[index]
        # Two lists pasted one under the other repeat the header: never a person, nothing to ask.
        if not any(cells) or tuple(cells) == layout.headers:
            continue
        row = index + 1
        name = _known(clean(" ".join(cells[column] for column in name_columns)))
        organisation = _known(cells[organisation_column])
        email = cells[email_column] if email_column is not None else ""
        if email_column is not None and email and not EMAIL_PATTERN.fullmatch(email):
            problems.append(
                (
                    row,
                    layout.at(
                        row,
                        [email_column],
                        t(
                            "{email} is not an email address (expected form: first.last@example.org). Correct "
                            "it or empty the cell.",
                            email=_quoted(email),
                        ),
                    ),
                )
            )
        if name and organisation:
            attributes = tuple((layout.headers[column], cells[column]) for column in attribute_columns)
            entries.append(_Entry(row, name, organisation, email, attributes))
        elif name:
            problems.append(
                (
                    row,
                    layout.at(
                        row,
                        [organisation_column],
                        t("missing organisation for {name}. Add it or delete the row.", name=_quoted(name)),
                    ),
                )
            )
        elif organisation:
            problems.append(
                (
                    row,
                    layout.at(
                        row,
                        name_columns,
                        t(
                            "missing name for a person from {organisation}. Add it or delete the row.",
                            organisation=_quoted(organisation),
                        ),
                    ),
                )
            )
        else:
            content = _quoted_list([cell for cell in cells if cell][:3])
            problems.append(
                (
                    row,
                    layout.at(
                        row,
                        [],
                        t(
                            "no name and no organisation, yet the row holds {content}. Complete it or delete it.",
                            content=content,
                        ),
                    ),
                )
            )
    return entries, problems


def _known(value: str) -> str:
    """The value, or '' for a placeholder such as "-" or "_" that folds to nothing (people write it for unknown)."""
    return value if fold(value) else ""


def _drop_duplicates(
    entries: list[_Entry], layout: _Layout, dedupe: bool
) -> tuple[list[_Entry], list[tuple[int, str]], list[str]]:
    """(kept, problems with their rows, warnings): the same person twice (same name and organisation, or same email).

    Refused by default, naming both rows, since a double row usually hides a typo the organiser wants to see;
    with `dedupe` the first row is kept and the others become warnings.
    """
    kept: list[_Entry] = []
    problems: list[tuple[int, str]] = []
    warnings: list[str] = []
    by_person: dict[str, _Entry] = {}
    by_email: dict[str, _Entry] = {}
    email_column = [layout.roles[Role.EMAIL]] if Role.EMAIL in layout.roles else []
    for entry in entries:
        person = fold(entry.name) + "|" + fold(entry.organisation)
        email = entry.email.casefold()
        if (earlier := by_person.get(person)) is not None:
            columns: list[int] = []
            reason = t(
                "{name} ({organisation}) is already on row {first}.",
                name=_quoted(entry.name),
                organisation=earlier.organisation,
                first=earlier.row,
            )
        elif email and (earlier := by_email.get(email)) is not None:
            columns = email_column
            reason = t(
                "the address {email} already belongs to {name} on row {first}.",
                email=_quoted(entry.email),
                name=_quoted(earlier.name),
                first=earlier.row,
            )
        else:
            kept.append(entry)
            by_person[person] = entry
            if email:
                by_email[email] = entry
            continue
        advice = (
            t("Only row {first} is kept.", first=earlier.row)
            if dedupe
            else t("Delete one of the two rows, or run again with --dedupe to keep the first.")
        )
        line = layout.at(entry.row, columns, f"{reason} {advice}")
        if dedupe:
            warnings.append(line)
        else:
            problems.append((entry.row, line))
    return kept, problems, warnings


def _merge_spellings(entries: list[_Entry], source: str) -> tuple[dict[str, str], list[str]]:
    """Display name per folded organisation (its first spelling), and a warning for each one spelled several ways."""
    spellings: dict[str, list[str]] = {}
    for entry in entries:
        variants = spellings.setdefault(fold(entry.organisation), [])
        if entry.organisation not in variants:
            variants.append(entry.organisation)
    display = {key: variants[0] for key, variants in spellings.items()}
    warnings = [
        t(
            "{file}: organisation spelled several ways, merged as {name}: {variants}.",
            file=source,
            name=_quoted(variants[0]),
            variants=_quoted_list(variants[1:]),
        )
        for variants in spellings.values()
        if len(variants) > 1
    ]
    return display, warnings
