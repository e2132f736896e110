"""Read the organiser's attendee list (CSV, TSV, TXT, XLSX, ODS) into a Roster, or say what to fix.

The only code that knows about file formats (`reading`), header spellings (`columns`), the cells' yes/no
and status vocabularies (`values`) and how names are written (`people`); organisation variants are
`speeddating.organisations`' business. Every problem names the file, the row as the spreadsheet numbers
it, and the column; row problems are all gathered before raising, so the organiser fixes the whole list
in one pass instead of one per run. Rows that are no person (totals, notes, a header pasted again) and
people who do not come (a "Présent" or status column) are left out with a line saying so.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from speeddating.fileio import atomic_write_text
from speeddating.i18n import N_, N_plural, and_more, format_integer, t, t_plural
from speeddating.importer.columns import (
    ColumnChoice,
    ColumnRecognition,
    Layout,
    Role,
    asks_family_name_first,
    find_layout,
    is_absence_flag,
    is_draft_flag,
    is_event_label,
    is_submission_date,
    list_score,
    parse_columns,
    phone_header,
    postal_code_header,
    recognise_columns,
)
from speeddating.importer.people import display_name, family_name_first, join_name, typed_in_capitals
from speeddating.importer.reading import (
    MAX_PEOPLE,
    MAX_SHOWN_PROBLEMS,
    Advice,
    ImportProblems,
    Row,
    Sheet,
    advice_for_the_page,
    numbered,
    quoted,
    quoted_list,
    read_sheet,
    refuse,
    worded,
)
from speeddating.importer.values import (
    EMAIL_PATTERN,
    Attendance,
    attendance,
    email_placeholder,
    mailbox,
    note_row,
    organisation_placeholder,
    other_answer,
    phones_as_typed,
    postal_codes_as_typed,
    says_yes,
    seated_answer,
    summary_row,
    ticked_checkbox,
    without_address,
    without_links,
)
from speeddating.organisations import (
    Grouping,
    alias_target,
    email_domain,
    group,
    organisation_of_address,
    pinned_names,
)
from speeddating.roster import STAYS_SEATED, Attendee, OrganisationMerge, Roster
from speeddating.text import column_letter, fold, has_letter, person_key, word_set

__all__ = [
    "DEFAULT_ALIASES",
    "EMAIL_PATTERN",
    "MAX_PEOPLE",
    "MAX_SHOWN_PROBLEMS",
    "ColumnChoice",
    "ColumnRecognition",
    "ImportProblems",
    "Role",
    "Sheet",
    "advice_for_the_page",
    "attendee_sheet",
    "column_letter",
    "parse_columns",
    "read_aliases",
    "read_roster",
    "recognised_columns",
    "roster_of",
    "write_aliases",
]

MAX_LISTED = 12
"""People named in one line (left out, kept with a doubt); the line says how many more."""
DEFAULT_ALIASES: Mapping[str, str] = MappingProxyType({"Pôle emploi": "France Travail"})
"""Former names still found in lists: "Pôle emploi" became "France Travail" in 2024."""
HIDDEN_ROWS = (
    N_plural(
        "{file}: row {rows}{more} is hidden in the sheet (filtered out or hidden), and read like the others: "
        "{people}. Delete it if that person does not come.",
        "{file}: rows {rows}{more} are hidden in the sheet (filtered out or hidden), and read like the others: "
        "{people}. Delete those of people who do not come.",
    ),
    N_plural(
        "{file}: row {rows}{more} is hidden in the sheet (filtered out or hidden), and read like the others: "
        "{people}. If that person does not come, remove them under People.",
        "{file}: rows {rows}{more} are hidden in the sheet (filtered out or hidden), and read like the others: "
        "{people}. Remove under People those who do not come.",
    ),
)
STRUCK_ROWS = (
    N_plural(
        "{file}: {count} person left out, whose name is struck through in the sheet: {people}. Remove the "
        "strikethrough to keep them.",
        "{file}: {count} people left out, whose names are struck through in the sheet: {people}. Remove the "
        "strikethrough of anyone who comes.",
    ),
    N_plural(
        "{file}: {count} person left out, whose name is struck through in the sheet: {people}. To keep them, "
        "add them under People.",
        "{file}: {count} people left out, whose names are struck through in the sheet: {people}. Add under "
        "People anyone who comes.",
    ),
)
UNFINISHED_ROWS = (
    N_plural(
        "{file}: {count} unfinished response left out (no date in {column}): {people}. Fill in the date to keep it.",
        "{file}: {count} unfinished responses left out (no date in {column}): {people}. Fill in the date of any "
        "to keep.",
    ),
    N_plural(
        "{file}: {count} unfinished response left out (no date in {column}): {people}. To keep that person, add "
        "them under People.",
        "{file}: {count} unfinished responses left out (no date in {column}): {people}. Add under People any of "
        "them who comes.",
    ),
)
DRAFT_ROWS = (
    N_plural(
        "{file}: {count} draft left out, never sent ({column} says so): {people}. Write 0 there to keep it.",
        "{file}: {count} drafts left out, never sent ({column} says so): {people}. Write 0 there for any to keep.",
    ),
    N_plural(
        "{file}: {count} draft left out, never sent ({column} says so): {people}. To keep that person, add them "
        "under People.",
        "{file}: {count} drafts left out, never sent ({column} says so): {people}. Add under People any of them "
        "who comes.",
    ),
)
UNANSWERED_ROWS = (
    N_plural(
        "{file}: {count} person kept with no answer in {column}: {people}. Write no in the cell of anyone who "
        "does not come.",
        "{file}: {count} people kept with no answer in {column}: {people}. Write no in the cell of anyone who "
        "does not come.",
    ),
    N_plural(
        "{file}: {count} person kept with no answer in {column}: {people}. If they do not come, remove them "
        "under People.",
        "{file}: {count} people kept with no answer in {column}: {people}. Remove under People anyone who does "
        "not come.",
    ),
)
"""The lines naming people left out or kept on a doubt, each for the command line and for the web page, whose
list of people has a button to remove each and a form to add one: the page's advice is its own way, not an
edit of the file."""
NOBODY_COMES: Advice = (
    N_(
        "{file}: {column} answers that nobody comes ({answer} for all {count} people), which cannot be about this "
        "session (a column filled in after an event, or not yet): ignored, and everyone kept. Delete the rows of "
        "those who do not come."
    ),
    N_(
        "{file}: {column} answers that nobody comes ({answer} for all {count} people), which cannot be about this "
        "session (a column filled in after an event, or not yet): ignored, and everyone kept. Remove those who do "
        "not come from the list of people."
    ),
)
EVENTS_MIXED: Advice = (
    N_(
        "{file}: {column} names {count} events, planned together as one session: {events}. Keep only the rows of "
        "the event to plan (filter the column, then save a copy)."
    ),
    N_(
        "{file}: {column} names {count} events, planned together as one session: {events}. Give a list of the "
        "event to plan only, or remove under People the people of the others."
    ),
)
"""A ticketing tool's export of several events (two breakfasts in two towns) given as one session's list."""
DEDUPE_ADVICE: Advice = (
    N_("Delete one of the two rows, or run again with --dedupe to keep the first."),
    N_("Delete one of the two rows, or keep the first with the button below."),
)


@dataclass(frozen=True)
class _Entry:
    """One well-formed data row, before organisations are grouped, duplicates handled and ids given."""

    row: int
    name: str
    organisation: str
    email: str
    attributes: tuple[tuple[str, str], ...]


@dataclass
class _Reading:
    """What reading the rows found, problems apart."""

    entries: list[_Entry]
    problems: list[tuple[int, str]]
    skipped: "_Skipped"
    declined: list[tuple[_Entry, str]]
    """The rows of people who answered they do not come, with that answer."""
    answers: dict[int, str]
    """The attendance answer of each row kept, by row, when the list has an attendance column."""
    restored: dict[tuple[int, int], str]
    """The phone numbers and postal codes a spreadsheet read as numbers, as typed, by (row, column)."""


def read_roster(
    path: Path,
    *,
    sheet: str | None = None,
    dedupe: bool = False,
    aliases: Mapping[str, str] = DEFAULT_ALIASES,
    fewest: int = 2,
    columns: ColumnChoice | None = None,
) -> Roster:
    """The attendees of `path` in file order, ids p01, p02...; raises ImportProblems listing what to fix.

    `sheet` picks a workbook sheet by name (default: the first visible one holding a list). With `dedupe`,
    a person listed twice is kept once (the first row) with a warning instead of stopping the import.
    `aliases` maps an organisation's other name to the one to use (a name mapped to itself is never merged
    with another); every renaming and every merge of spellings is reported as a warning. `fewest` is the
    smallest list accepted: 2 for a session, 1 for latecomers joining one. `columns` says which column
    plays which role where the headers do not.
    """
    return roster_of(attendee_sheet(path, sheet), dedupe=dedupe, aliases=aliases, fewest=fewest, columns=columns)


def attendee_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """The rows `read_roster` reads (the sheet named, else the first visible one holding a list): read once
    by a front end that both shows the columns recognised and takes the roster."""
    return read_sheet(path, sheet, list_score)


def roster_of(
    table: Sheet,
    *,
    dedupe: bool = False,
    aliases: Mapping[str, str] = DEFAULT_ALIASES,
    fewest: int = 2,
    columns: ColumnChoice | None = None,
) -> Roster:
    """The attendees of a sheet already read, as `read_roster` gives them."""
    layout = find_layout(table, columns or ColumnChoice({}))
    reading = _read_entries(table, layout)
    if len(reading.entries) > MAX_PEOPLE:
        raise refuse(
            t(
                "{file}: {count} people; speeddating plans at most {limit} people at a time. Split the list "
                "into several sessions.",
                file=table.source,
                count=format_integer(len(reading.entries)),
                limit=format_integer(MAX_PEOPLE),
            )
        )
    entries, renamed = _apply_aliases(reading.entries, aliases, table.source)
    pinned = pinned_names(aliases)
    # Duplicates are found among organisations as grouped, then the spellings are grouped again among the
    # people kept, so that the names printed and the merges reported are those of the people planned.
    doubles = _Doubles(layout, dedupe)
    kept, absent = _answered_both_ways(_drop_duplicates(_grouped(entries, pinned)[0], doubles), reading, doubles)
    if reading.problems or doubles.problems:
        # In the order of the rows, as the organiser goes down the sheet to fix them.
        raise ImportProblems(
            [problem for _, problem in sorted(reading.problems + doubles.problems, key=lambda p: p[0])],
            duplicates=bool(doubles.problems),
        )
    if not kept:
        raise refuse(
            t(
                "{file}: nobody below the header row (row {row}). Add one row per attendee.",
                file=table.source,
                row=layout.last_header_row,
            )
        )
    kept_rows = {entry.row for entry in kept}
    kept, grouping = _grouped([entry for entry in entries if entry.row in kept_rows], pinned)
    if len(kept) < fewest:
        raise refuse(
            t(
                "{file}: a single person ({name}); at least 2 are needed for anyone to meet.",
                file=table.source,
                name=quoted(kept[0].name),
            )
        )
    width = max(2, len(str(len(kept))))
    attendees = tuple(
        Attendee(
            id=f"p{number:0{width}d}",
            name=entry.name,
            organisation=entry.organisation,
            email=entry.email,
            attributes=entry.attributes,
        )
        for number, entry in enumerate(kept, start=1)
    )
    return Roster(
        attendees=attendees,
        source=table.source,
        warnings=(
            *table.warnings,
            *_skipped_lines(table.source, layout, replace(reading.skipped, absent=absent)),
            *doubles.warnings,
            *_namesakes(kept, table.source),
            *_events(layout, attendees),
            *renamed,
            *_grouping_lines(grouping, table.source),
        ),
        notes=(layout.summary(), *_restored_notes(layout, reading.restored)),
        merges=tuple(
            OrganisationMerge(spelling, merge.printed, reason)
            for merge in grouping.merges
            for spelling, reason in merge.joined
        ),
    )


def _grouped(entries: Sequence[_Entry], pinned: Sequence[str]) -> tuple[list[_Entry], Grouping]:
    """The entries with each organisation under its printed name, and the grouping that named them."""
    grouping = group([entry.organisation for entry in entries], _emails_by_organisation(entries), pinned=pinned)
    return [replace(entry, organisation=grouping.printed[fold(entry.organisation)]) for entry in entries], grouping


def _emails_by_organisation(entries: Sequence[_Entry]) -> dict[str, list[str]]:
    emails: defaultdict[str, list[str]] = defaultdict(list)
    for entry in entries:
        if entry.email:
            emails[entry.organisation].append(entry.email)
    return emails


def _grouping_lines(grouping: Grouping, source: str) -> list[str]:
    """One line per organisation written several ways (with each spelling's reason), per pair that looked
    alike but stays two, and per spelling that could have belonged to another organisation too."""
    lines = []
    for merge in grouping.merges:
        spellings = [
            t("{spelling} ({reason})", spelling=quoted(spelling), reason=reason) for spelling, reason in merge.joined
        ]
        lines.append(
            t(
                "{file}: counted as one organisation for seating, printed {name}: {spellings}. If some are "
                "different organisations, split them in an aliases file (--write-aliases writes one to edit).",
                file=source,
                name=quoted(merge.printed),
                spellings=t("; ").join(spellings),
            )
        )
    lines.extend(
        t(
            "{file}: {first} and {second} look alike but stay two organisations ({reason}).",
            file=source,
            first=quoted(first),
            second=quoted(second),
            reason=reason,
        )
        for first, second, reason in grouping.apart
    )
    lines.extend(
        t(
            "{file}: {spelling} counted with {chosen}, though it could also be {other}; say which in an "
            "aliases file if needed.",
            file=source,
            spelling=quoted(spelling),
            chosen=quoted(chosen),
            other=quoted(other),
        )
        for spelling, chosen, other in grouping.doubts
    )
    return lines


def recognised_columns(table: Sheet, columns: ColumnChoice | None = None) -> ColumnRecognition:
    """The headers of a sheet, the column read for each role and the columns that could play it, for a front
    end offering a choice per role (raises ImportProblems only when the list has no header row)."""
    return recognise_columns(table, columns or ColumnChoice({}))


def read_aliases(path: Path) -> dict[str, str]:
    """An alias table: per row, the other name, then the organisation to use, then (optional) a note.

    Read like an attendee file (CSV or workbook, any separator or encoding); a first row whose cells
    mention "alias" is taken as a header. A name mapped to itself stays its own organisation: that is
    how a merge made automatically is split. The defaults stay in force unless redefined.
    """
    table = read_sheet(path, None, lambda rows: 1)
    aliases = dict(DEFAULT_ALIASES)
    problems = []
    for index, row in enumerate(table.rows):
        cells = [cell for cell in row.cells if cell]
        if index == 0 and any("alias" in fold(cell) for cell in cells):
            continue
        if len(cells) not in (2, 3):
            problems.append(
                t(
                    "{file}, row {row}: an alias row has two cells, the other name then the organisation to "
                    "use (and a note in a third cell if you like).",
                    file=table.source,
                    row=row.number,
                )
            )
            continue
        aliases[cells[0]] = cells[1]
    if problems:
        raise ImportProblems(problems)
    return aliases


def aliases_text(merges: Sequence[OrganisationMerge]) -> str:
    """The aliases file of these merges (`;`-separated, for French Excel): one row per spelling, the
    organisation it was counted in, and why. To split a spelling off, write it again in the second column."""
    lines = [";".join([t("Alias (name as written)"), t("Organisation to use"), t("Why")])]
    lines.extend(";".join(_csv_cell(cell) for cell in (m.spelling, m.organisation, m.reason)) for m in merges)
    return "\r\n".join(lines) + "\r\n"


def write_aliases(path: Path, merges: Sequence[OrganisationMerge]) -> None:
    """Write `aliases_text` to `path` (UTF-8 with BOM, which Excel opens with its accents)."""
    atomic_write_text(path, "\ufeff" + aliases_text(merges))


def _csv_cell(text: str) -> str:
    """A cell for a `;` CSV: quoted when it holds a separator or a quote; a leading = + - @ neutralised."""
    if text[:1] in ("=", "+", "-", "@"):
        text = "'" + text
    return '"' + text.replace('"', '""') + '"' if re.search(r'[;"\r\n]', text) else text


def _apply_aliases(entries: list[_Entry], aliases: Mapping[str, str], source: str) -> tuple[list[_Entry], list[str]]:
    """Entries with aliased organisations renamed, and one warning per alias used (with a head count); an alias
    differing only in capitals or accents sets the spelling printed ("MISSION LOCALE" -> "Mission Locale")."""
    target = alias_target(aliases)
    used: dict[str, list[str]] = {}
    renamed = []
    for entry in entries:
        name = target.get(fold(entry.organisation))
        if name is None or name == entry.organisation:
            renamed.append(entry)
            continue
        used.setdefault(entry.organisation, []).append(name)
        renamed.append(replace(entry, organisation=name))
    warnings = [
        t_plural(
            "{file}: {alias} counted as {name} ({count} person), from the alias table.",
            "{file}: {alias} counted as {name} ({count} people), from the alias table.",
            len(names),
            file=source,
            alias=quoted(alias),
            name=quoted(names[0]),
        )
        for alias, names in used.items()
    ]
    return renamed, warnings


def _name(row: Row, layout: Layout, family_first: bool, turned: list[str]) -> str:
    """The person's name as printed ("Prénom Nom"), from one column or two; a name turned round only because
    of how the column is written (its other names, or its header when all are in capitals) is noted in
    `turned`, for the organiser to check."""
    if Role.FULL_NAME in layout.roles:
        written = without_address(row.cell(layout.roles[Role.FULL_NAME]))
        name = display_name(written, family_first)
        if family_first and name != display_name(written):
            turned.append(written)
        return name
    first = row.cell(layout.roles[Role.FIRST_NAME]) if Role.FIRST_NAME in layout.roles else ""
    last = row.cell(layout.roles[Role.LAST_NAME]) if Role.LAST_NAME in layout.roles else ""
    return join_name(first, last)


def _address_beside_name(row: Row, full_name: int | None) -> str:
    """The address a name cell copied from a mail program holds ("Anne Martin <anne.martin@example.org>"), for a
    person whose address column is empty or missing."""
    found = mailbox(row.cell(full_name)) if full_name is not None else None
    return found[1] if found else ""


def _struck_through(row: Row, layout: Layout, table: Sheet) -> bool:
    """Whether every filled name cell of the row is struck through: the organiser crossed the person out
    rather than deleting the row."""
    filled = [column for column in layout.name_columns() if row.cell(column)]
    return bool(filled) and all((row.number, column) in table.struck for column in filled)


def _nobody_comes(layout: Layout, data: Sequence[Row], column: int) -> tuple[str, int] | None:
    """(the first answer, the people) when an attendance column answers that not one person listed comes:
    a column about another time (a sign-in sheet prepared with "Non" to tick on the day, a column filled in
    after an event), since nobody plans a session for nobody; None when anyone comes or did not answer."""
    answers = [
        layout.answer(row, column)
        for row in data
        if not layout.repeats_header(row) and not summary_row(row.cells) and not note_row(row.cells)
    ]
    if answers and all(attendance(answer) is Attendance.ABSENT for answer in answers):
        return answers[0], len(answers)
    return None


OTHER_WORDS = word_set("autre autres other precisez preciser precise specify specifier")
"""Words of the header of the column where a form puts the text of its choice "Autre"."""


def _other_column(layout: Layout) -> int | None:
    """The column right after the organisation's that holds what its answer "Autre" stands for (LimeSurvey's
    "Votre structure [Autre]", a form's "Si autre, précisez"), if the list has one."""
    column = layout.roles[Role.ORGANISATION] + 1
    words = set(re.split(r"[^0-9a-z]+", fold(layout.header(column)))) if column < len(layout.headers) else set()
    return column if words & OTHER_WORDS and column not in layout.roles.values() else None


def _flag_column(layout: Layout, data: Sequence[Row], flags: Callable[[str], bool]) -> int | None:
    """The first column of no role whose header `flags` rows and whose cells are yes or no, flagging some rows
    and not all: the responses saved as drafts and never sent (Framaforms' "Brouillon" 0 or 1, a form tool
    exporting its drafts with the responses), the people excused ("Excusé" x)."""
    for column, header in enumerate(layout.headers):
        if column in layout.roles.values() or not flags(header):
            continue
        answers = [row.cell(column) for row in data if row.cell(column)]
        flagged = sum(1 for answer in answers if says_yes(answer))
        if 0 < flagged < len(data) and all(says_yes(answer) or attendance(answer) is not None for answer in answers):
            return column
    return None


def _submission_column(layout: Layout, data: Sequence[Row]) -> int | None:
    """The column of the date a response was sent, when some responses have one: those without were left
    unfinished (a response, not a row an organiser adds, and LimeSurvey exports them unless told not to)."""
    return next(
        (
            column
            for column, header in enumerate(layout.headers)
            if is_submission_date(header) and any(row.cell(column) for row in data)
        ),
        None,
    )


@dataclass
class _Skipped:
    """Rows left out, gathered to be reported in a line each."""

    headers: list[int]
    summaries: list[int]
    notes: list[tuple[int, str]]
    absent: list[tuple[str, str]]
    pending: list[tuple[str, str]]
    unknown: dict[str, list[str]]
    unanswered: list[str]
    unfinished: list[str]
    seated_unknown: list[tuple[str, str]]
    by_address: list[str]
    turned: list[str]
    submitted: int | None = None
    """The column of the date a response was sent, when the list has one."""
    drafted: int | None = None
    """The column flagging drafts never sent, when the list has one."""
    excused: int | None = None
    """The column ticked for the people who do not come ("Excusé"), when the list has one."""
    drafts: list[str] = field(default_factory=list)
    """The people (or rows) of the drafts left out."""
    struck: list[str] = field(default_factory=list)
    """The people whose name the sheet strikes through, as an organiser strikes a cancelled person."""
    nobody_comes: tuple[str, int] | None = None
    """(the first answer, the people) when the attendance column says that none of them comes, and is ignored."""
    capitals_turned: list[str] = field(default_factory=list)
    """The names of a column typed all in capitals, read family name first as its header asks."""
    hidden: list[tuple[int, str]] = field(default_factory=list)
    """(row, name) of the people read from rows the sheet hides."""
    unusable_emails: list[tuple[int, str, str]] = field(default_factory=list)
    """(row, name, address) of the people kept without the address their row gives, which is not one: a typo in
    an optional cell should not stop the whole list."""


def _read_entries(table: Sheet, layout: Layout) -> _Reading:
    """Data rows below the header; every row problem is collected (with its row), none raised."""
    entries: list[_Entry] = []
    problems: list[tuple[int, str]] = []
    skipped = _Skipped([], [], [], [], [], defaultdict(list), [], [], [], [], [])
    declined: list[tuple[_Entry, str]] = []
    answers: dict[int, str] = {}
    name_columns = layout.name_columns()
    organisation_column = layout.roles[Role.ORGANISATION]
    other_column = _other_column(layout)
    email_column = layout.roles.get(Role.EMAIL)
    seated_column = layout.roles.get(Role.STAYS_SEATED)
    attribute_columns = layout.attribute_columns()
    data = [row for row in table.rows if row.number > layout.last_header_row]
    attending_column = layout.roles.get(Role.ATTENDING)
    checkbox = False
    if attending_column is not None:
        skipped.nobody_comes = _nobody_comes(layout, data, attending_column)
        if skipped.nobody_comes is not None:
            attending_column = None
        else:
            answers_given = [answer for row in data if (answer := layout.answer(row, attending_column))]
            checkbox = bool(answers_given) and all(ticked_checkbox(answer) for answer in answers_given)
    full_name = layout.roles.get(Role.FULL_NAME)
    asks_family_first = full_name is not None and asks_family_name_first(layout.header(full_name))
    written_names = [without_address(row.cell(full_name)) for row in data] if full_name is not None else []
    in_capitals = asks_family_first and typed_in_capitals(written_names)
    family_first = asks_family_first and (family_name_first(written_names) or in_capitals)
    submitted = skipped.submitted = _submission_column(layout, data)
    drafted = skipped.drafted = _flag_column(layout, data, is_draft_flag)
    excused = skipped.excused = _flag_column(layout, data, is_absence_flag)
    restored = _restored(layout, data)
    for row in data:
        if layout.repeats_header(row):
            skipped.headers.append(row.number)
            continue
        if summary_row(row.cells):
            skipped.summaries.append(row.number)
            continue
        if note_row(row.cells):
            skipped.notes.append((row.number, next(cell for cell in row.cells if cell)))
            continue
        name = _known(_name(row, layout, family_first, skipped.capitals_turned if in_capitals else skipped.turned))
        if name and _struck_through(row, layout, table):
            skipped.struck.append(name)
            continue
        if submitted is not None and not row.cell(submitted):
            skipped.unfinished.append(name or t("row {row}", row=row.number))
            continue
        if drafted is not None and says_yes(row.cell(drafted)):
            skipped.drafts.append(name or t("row {row}", row=row.number))
            continue
        declines = layout.header(excused) if excused is not None and name and says_yes(row.cell(excused)) else ""
        if attending_column is not None and name and not declines:
            answer = layout.answer(row, attending_column)
            status = attendance(answer)
            if checkbox and not answer:
                declines = t("not ticked")
            elif status is Attendance.ABSENT:
                declines = answer
            else:
                answers[row.number] = answer
                if status is Attendance.PENDING:
                    skipped.pending.append((name, answer))
                elif status is None and answer:
                    skipped.unknown[answer].append(name)
                elif not answer:
                    skipped.unanswered.append(name)
        if declines:
            written = _known(without_links(row.cell(organisation_column)))
            email = row.cell(email_column) if email_column is not None else ""
            declined.append((_Entry(row.number, name, written, email, ()), declines))
            continue
        email = row.cell(email_column) if email_column is not None else ""
        if email_placeholder(email):
            email = _address_beside_name(row, full_name)
        unusable = email if email and not EMAIL_PATTERN.fullmatch(email) else ""
        if unusable:
            email = ""
        written = without_links(layout.answer(row, organisation_column))
        if other_answer(written):
            written = row.cell(other_column) if other_column is not None else ""
        organisation = _organisation(written, email, layout, name, skipped)
        if unusable and name and has_letter(name) and organisation:
            skipped.unusable_emails.append((row.number, name, unusable))
        elif unusable:
            problems.append((row.number, _not_an_address(layout, row.number, unusable)))
        if name and not has_letter(name):
            problems.append(
                (
                    row.number,
                    layout.at(
                        row.number,
                        name_columns,
                        t("{name} has no letter: it names nobody. Write the person's name.", name=quoted(name)),
                    ),
                )
            )
        elif name and organisation:
            attributes = tuple(
                (layout.header(column), restored.get((row.number, column), row.cell(column)))
                for column in attribute_columns
            )
            if seated_column is not None:
                attributes = (*attributes, *_seated(layout.answer(row, seated_column), name, skipped))
            entries.append(_Entry(row.number, name, organisation, email, attributes))
            if row.number in table.hidden:
                skipped.hidden.append((row.number, name))
        else:
            problems.append((row.number, _incomplete(row, layout, name, organisation)))
    if _mislabelled(skipped.unusable_emails, entries):
        problems.extend(
            (number, _not_an_address(layout, number, email)) for number, _, email in skipped.unusable_emails
        )
        problems.sort(key=lambda problem: problem[0])
        skipped.unusable_emails.clear()
    return _Reading(entries, problems, skipped, declined, answers, restored)


MISLABELLED_EMAILS = 3
"""From this many addresses that are none, and more than half of the column's, the column is no email column
(phone numbers under "Courriel"): the list is refused with each of them, as a column chosen wrongly should be."""


def _mislabelled(unusable: Sequence[tuple[int, str, str]], entries: Sequence[_Entry]) -> bool:
    filled = len(unusable) + sum(1 for entry in entries if entry.email)
    return len(unusable) >= MISLABELLED_EMAILS and 2 * len(unusable) > filled


def _email_columns(layout: Layout) -> list[int]:
    """Where a row's address is: its column, else the name cell it was copied into."""
    return [layout.roles[Role.EMAIL]] if Role.EMAIL in layout.roles else layout.name_columns()


def _not_an_address(layout: Layout, row: int, email: str) -> str:
    return layout.at(
        row,
        _email_columns(layout),
        t(
            "{email} is not an email address (expected form: first.last@example.org). Correct it or empty the cell.",
            email=quoted(email),
        ),
    )


@dataclass(frozen=True)
class _Restorer:
    """Values a spreadsheet reads as numbers and loses a leading character of, in the columns a header names."""

    header: Callable[[str], bool]
    as_typed: Callable[[Sequence[str]], list[str]]
    note: tuple[str, str]
    """The line for a column restored, singular and plural (N_plural), with its count and first value."""


RESTORERS = (
    _Restorer(
        phone_header,
        phones_as_typed,
        N_plural(
            "{file}: {count} phone number of column {column} had lost its leading 0 or + (the spreadsheet read "
            "it as a number): restored, for example {example}.",
            "{file}: {count} phone numbers of column {column} had lost their leading 0 or + (the spreadsheet "
            "read them as numbers): restored, for example {example}.",
        ),
    ),
    _Restorer(
        postal_code_header,
        postal_codes_as_typed,
        N_plural(
            "{file}: {count} postal code of column {column} had lost its leading 0 (the spreadsheet read it as "
            "a number): restored, for example {example}.",
            "{file}: {count} postal codes of column {column} had lost their leading 0 (the spreadsheet read "
            "them as numbers): restored, for example {example}.",
        ),
    ),
)


def _restored(layout: Layout, data: Sequence[Row]) -> dict[tuple[int, int], str]:
    """The values of the phone and postal-code columns as typed (`RESTORERS`), by (row, column), where they
    differ from what the spreadsheet read."""
    restored: dict[tuple[int, int], str] = {}
    for column in layout.attribute_columns():
        restorer = _restorer(layout.header(column))
        if restorer is not None:
            written = [row.cell(column) for row in data]
            for row, before, typed in zip(data, written, restorer.as_typed(written), strict=True):
                if typed != before:
                    restored[row.number, column] = typed
    return restored


def _restorer(header: str) -> _Restorer | None:
    return next((restorer for restorer in RESTORERS if restorer.header(header)), None)


def _restored_notes(layout: Layout, restored: Mapping[tuple[int, int], str]) -> list[str]:
    """One line per column whose values got their leading 0 or + back, with the first one as it now reads."""
    by_column: dict[int, list[str]] = defaultdict(list)
    for (_, column), typed in sorted(restored.items()):
        by_column[column].append(typed)
    lines = []
    for column, values in sorted(by_column.items()):
        restorer = _restorer(layout.header(column))
        assert restorer is not None
        lines.append(
            t_plural(
                *restorer.note,
                len(values),
                file=layout.source,
                column=t("{letter} {header}", letter=column_letter(column), header=quoted(layout.header(column))),
                example=values[0],
            )
        )
    return lines


def _organisation(cell: str, email: str, layout: Layout, name: str, skipped: _Skipped) -> str:
    """The organisation as written; else the one the address tells, when the list has no organisation column
    or the cell is empty or says "N/A" and the address is a professional one (else "N/A" stays as written)."""
    if layout.organisation_from_email:
        return organisation_of_address(cell) if cell else ""
    if name and organisation_placeholder(cell) and email_domain(email):
        skipped.by_address.append(name)
        return organisation_of_address(email)
    return _known(cell)


def _seated(answer: str, name: str, skipped: _Skipped) -> tuple[tuple[str, str], ...]:
    """The stays-seated flag as the constraints read it, from an answer to a question about it."""
    seated = seated_answer(answer)
    if seated is None and answer:
        skipped.seated_unknown.append((name, answer))
    return ((STAYS_SEATED, "yes"),) if seated else ()


def _incomplete(row: Row, layout: Layout, name: str, organisation: str) -> str:
    """The problem of a row without a name or an organisation."""
    chosen = row.cell(layout.roles[Role.ORGANISATION])
    if name and other_answer(chosen):
        return layout.at(
            row.number,
            [layout.roles[Role.ORGANISATION]],
            t(
                "{answer} names no organisation for {name}: write theirs instead, or delete the row.",
                answer=quoted(chosen),
                name=quoted(name),
            ),
        )
    if name:
        return layout.at(
            row.number,
            [layout.roles[Role.ORGANISATION]],
            t("missing organisation for {name}. Add it or delete the row.", name=quoted(name)),
        )
    if organisation:
        return layout.at(
            row.number,
            layout.name_columns(),
            t(
                "missing name for a person from {organisation}. Add it or delete the row.",
                organisation=quoted(organisation),
            ),
        )
    return layout.at(
        row.number,
        [],
        t(
            "no name and no organisation, yet the row holds {content}. Complete it or delete it.",
            content=quoted_list([cell for cell in row.cells if cell][:3]),
        ),
    )


def _people(people: Sequence[tuple[str, str]]) -> str:
    """ "Anne Martin (Annulé), Léa Dubois (Non)...", at most MAX_LISTED."""
    return _names([t("{name} ({answer})", name=name, answer=answer) for name, answer in people])


def _names(names: Sequence[str]) -> str:
    """ "Anne Martin, Léa Dubois", at most MAX_LISTED, then how many more."""
    return ", ".join(names[:MAX_LISTED]) + and_more(len(names) - MAX_LISTED)


def _hidden_lines(source: str, skipped: _Skipped) -> list[str]:
    """The people read from rows the sheet hides, in a line worded for where it is read."""
    if not skipped.hidden:
        return []
    return [
        t_plural(
            *worded(HIDDEN_ROWS),
            len(skipped.hidden),
            file=source,
            **numbered([row for row, _ in skipped.hidden]),
            people=_names([name for _, name in skipped.hidden]),
        )
    ]


def _skipped_lines(source: str, layout: Layout, skipped: _Skipped) -> list[str]:
    lines = _hidden_lines(source, skipped)
    lines += [
        t_plural(*forms, len(rows), file=source, rows=", ".join(format_integer(number) for number in rows))
        for rows, forms in (
            (
                skipped.headers,
                N_plural(
                    "{file}: row {rows} skipped: it repeats the header.",
                    "{file}: rows {rows} skipped: they repeat the header.",
                ),
            ),
            (
                skipped.summaries,
                N_plural(
                    "{file}: row {rows} skipped: a total or a count, not a person.",
                    "{file}: rows {rows} skipped: totals or counts, not people.",
                ),
            ),
        )
        if rows
    ]
    lines.extend(
        t("{file}, row {row}: skipped, a note rather than a person ({text}).", file=source, row=row, text=quoted(text))
        for row, text in skipped.notes
    )
    if skipped.struck:
        lines.append(
            t_plural(
                *worded(STRUCK_ROWS),
                len(skipped.struck),
                file=source,
                people=_names(skipped.struck),
            )
        )
    attending = layout.roles.get(Role.ATTENDING)
    column = layout.describe([attending]) if attending is not None else ""
    if skipped.absent:
        lines.append(
            _t_people(
                N_plural(
                    "{file}: {count} person left out, who does not come according to {column}: {people}.",
                    "{file}: {count} people left out, who do not come according to {column}: {people}.",
                ),
                source,
                layout.describe([found for found in (attending, skipped.excused) if found is not None]),
                skipped.absent,
            )
        )
    if skipped.pending:
        lines.append(
            _t_people(
                N_plural(
                    "{file}: {count} person kept though {column} does not confirm they come: {people}.",
                    "{file}: {count} people kept though {column} does not confirm they come: {people}.",
                ),
                source,
                column,
                skipped.pending,
            )
        )
    lines.extend(
        t(
            "{file}: {answer} in {column} is not understood as coming or not; kept: {people}.",
            file=source,
            answer=quoted(answer),
            column=column,
            people=_names(names),
        )
        for answer, names in skipped.unknown.items()
    )
    lines.extend(
        t_plural(*worded(advice), len(names), file=source, column=layout.describe([flag]), people=_names(names))
        for advice, names, flag in (
            (UNFINISHED_ROWS, skipped.unfinished, skipped.submitted),
            (DRAFT_ROWS, skipped.drafts, skipped.drafted),
        )
        if names and flag is not None
    )
    if skipped.unanswered:
        lines.append(
            t_plural(
                *worded(UNANSWERED_ROWS),
                len(skipped.unanswered),
                file=source,
                column=column,
                people=_names(skipped.unanswered),
            )
        )
    if skipped.seated_unknown:
        seated = layout.roles[Role.STAYS_SEATED]
        lines.append(
            _t_people(
                N_plural(
                    "{file}: {count} answer in {column} not understood as staying seated or not, so this "
                    "person moves like the others: {people}. Write yes or no.",
                    "{file}: {count} answers in {column} not understood as staying seated or not, so these "
                    "people move like the others: {people}. Write yes or no.",
                ),
                source,
                layout.describe([seated]),
                skipped.seated_unknown,
            )
        )
    if layout.organisation_from_email:
        lines.append(
            t(
                "{file}: no organisation column, so each person's organisation is their address's domain "
                "({column}); a personal mailbox (gmail.com...) says nothing of the employer. Add an "
                "organisation column to be sure colleagues are kept apart.",
                file=source,
                column=layout.describe([layout.roles[Role.EMAIL]]),
            )
        )
    if skipped.nobody_comes is not None:
        answer, count = skipped.nobody_comes
        lines.append(
            t(
                worded(NOBODY_COMES),
                file=source,
                column=layout.describe([layout.roles[Role.ATTENDING]]),
                answer=quoted(answer),
                count=format_integer(count),
            )
        )
    if skipped.capitals_turned:
        lines.append(
            t(
                "{file}: the names of {column}, all in capitals, read family name first as its header asks "
                "({written} printed {printed}); if a name is written the other way round, type its first name "
                "in small letters ({example}).",
                file=source,
                column=layout.describe(layout.name_columns()),
                written=quoted(skipped.capitals_turned[0]),
                printed=quoted(display_name(skipped.capitals_turned[0], True)),
                example=quoted("Anne MARTIN"),
            )
        )
    if skipped.turned:
        lines.append(
            t_plural(
                "{file}: {names} read family name first, as the other names of {column} are written; write "
                "the family name in capitals if that is wrong.",
                "{file}: {names} read family name first, as the other names of {column} are written; write "
                "a family name in capitals where that is wrong.",
                len(skipped.turned[:MAX_LISTED]),
                file=source,
                names=quoted_list(skipped.turned[:MAX_LISTED]),
                column=layout.describe(layout.name_columns()),
            )
        )
    if skipped.by_address:
        lines.append(
            t(
                "{file}: no organisation given for {people}: each counted in the organisation of their "
                "address's domain.",
                file=source,
                people=_names(skipped.by_address),
            )
        )
    lines.extend(
        layout.at(
            row,
            _email_columns(layout),
            t(
                "{email} is not an email address (expected form: first.last@example.org): {name} is kept, "
                "without an address. Correct it or empty the cell.",
                email=quoted(email),
                name=quoted(name),
            ),
        )
        for row, name, email in skipped.unusable_emails
    )
    return lines


def _t_people(forms: tuple[str, str], source: str, column: str, people: Sequence[tuple[str, str]]) -> str:
    return t_plural(*forms, len(people), file=source, column=column, people=_people(people))


def _known(value: str) -> str:
    """The value, or '' for a placeholder such as "-" or "_" that folds to nothing (people write it for unknown)."""
    return value if fold(value) else ""


@dataclass
class _Doubles:
    """People listed twice: refused, naming both rows, since a double row usually hides a typo the organiser
    wants to see; with `dedupe` the first row is kept and the others become warnings."""

    layout: Layout
    dedupe: bool
    problems: list[tuple[int, str]] = field(default_factory=list)
    """The refusals, with their rows."""
    kept_first: list[tuple[int, str]] = field(default_factory=list)
    """The warnings with `dedupe`, with their rows."""

    def add(self, row: int, columns: list[int], reason: str, first: int) -> None:
        """Row `row` repeats row `first` for `reason`."""
        advice = t("Only row {first} is kept.", first=first) if self.dedupe else t(worded(DEDUPE_ADVICE))
        line = self.layout.at(row, columns, f"{reason} {advice}")
        (self.kept_first if self.dedupe else self.problems).append((row, line))

    def add_copy(self, rows: Sequence[int], firsts: Sequence[int]) -> None:
        """Rows `rows` repeat rows `firsts`, the same people in the same order: the list pasted twice, said
        in one line instead of one per person."""
        counts = {
            "file": self.layout.source,
            "start": rows[0],
            "end": rows[-1],
            "first": firsts[0],
            "last": firsts[-1],
            "count": format_integer(len(rows)),
        }
        if self.dedupe:
            self.kept_first.append((rows[0], t(COPY_KEPT_ONCE, **counts)))
        else:
            self.problems.append((rows[0], t(worded(COPY_ADVICE), **counts)))

    @property
    def warnings(self) -> list[str]:
        """The warnings with `dedupe`, in the order of the rows."""
        return [line for _, line in sorted(self.kept_first)]


COPIED_ROWS = 3
"""How many successive rows repeating as many rows above them, in the same order, are a copy of the list."""
COPY_ADVICE: Advice = (
    N_(
        "{file}: rows {start} to {end} repeat rows {first} to {last}, the same {count} people in the same "
        "order: the list is there twice. Delete the second copy, or run again with --dedupe to keep the first."
    ),
    N_(
        "{file}: rows {start} to {end} repeat rows {first} to {last}, the same {count} people in the same "
        "order: the list is there twice. Delete the second copy, or keep the first with the button below."
    ),
)
COPY_KEPT_ONCE = N_(
    "{file}: rows {start} to {end} repeat rows {first} to {last}, the same {count} people in the same order; "
    "only the first copy is kept."
)


@dataclass(frozen=True)
class _Repeat:
    """A row naming a person already listed: its entry, the reason, the column to look at, the earlier row."""

    entry: _Entry
    reason: str
    columns: list[int]
    first: int


def _add_repeats(repeats: Sequence[_Repeat], doubles: _Doubles) -> None:
    """Each repeat to `doubles`: runs of COPIED_ROWS or more that follow the rows they repeat, row for row,
    as a copy of the list, the others one by one."""
    runs: list[list[_Repeat]] = []
    for repeat in repeats:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and repeat.first > last.first
            and repeat.entry.row - last.entry.row == (repeat.first - last.first)
        ):
            runs[-1].append(repeat)
        else:
            runs.append([repeat])
    singles = []
    for run in runs:
        if len(run) >= COPIED_ROWS:
            doubles.add_copy([repeat.entry.row for repeat in run], [repeat.first for repeat in run])
        else:
            singles.extend(run)
    if doubles.dedupe and len(singles) > MAX_LISTED:
        first = singles[0]
        line = t(
            "{file}: rows {rows}{more} repeat people listed above, each kept once, from their first row (row "
            "{row}: {name} is already on row {first}).",
            file=doubles.layout.source,
            **numbered([repeat.entry.row for repeat in singles]),
            row=first.entry.row,
            name=quoted(first.entry.name),
            first=first.first,
        )
        doubles.kept_first.append((first.entry.row, line))
        return
    for repeat in singles:
        doubles.add(repeat.entry.row, repeat.columns, repeat.reason, repeat.first)


def _drop_duplicates(entries: list[_Entry], doubles: _Doubles) -> list[_Entry]:
    """The entries kept: one per person (same name, in any order, case or accents, and same organisation, or
    same email)."""
    kept: list[_Entry] = []
    repeats: list[_Repeat] = []
    by_person: dict[str, _Entry] = {}
    by_email: dict[str, _Entry] = {}
    layout = doubles.layout
    email_column = [layout.roles[Role.EMAIL]] if Role.EMAIL in layout.roles else []
    for entry in entries:
        person = person_key(entry.name) + "|" + fold(entry.organisation)
        email = entry.email.casefold()
        if (earlier := by_person.get(person)) is not None:
            columns: list[int] = []
            reason = t(
                "{name} ({organisation}) is already on row {first}.",
                name=quoted(entry.name),
                organisation=earlier.organisation,
                first=earlier.row,
            )
        elif email and (earlier := by_email.get(email)) is not None:
            columns = email_column
            reason = t(
                "the address {email} already belongs to {name} on row {first}.",
                email=quoted(entry.email),
                name=quoted(earlier.name),
                first=earlier.row,
            )
        else:
            kept.append(entry)
            by_person[person] = entry
            if email:
                by_email[email] = entry
            continue
        repeats.append(_Repeat(entry, reason, columns, earlier.row))
    _add_repeats(repeats, doubles)
    return kept


def _answered_both_ways(
    kept: list[_Entry], reading: _Reading, doubles: _Doubles
) -> tuple[list[_Entry], list[tuple[str, str]]]:
    """(the entries kept, the people left out as not coming with their answers) once the people who registered
    twice, answering once that they come and once that they do not (a form sent again), are settled as other
    duplicates are; with `dedupe` the first row's answer holds."""
    coming = _ComingPeople(kept, {entry.row: entry.organisation for entry in reading.entries})
    declined: list[tuple[str, str]] = []
    dropped: set[int] = set()
    for entry, answer in reading.declined:
        same = coming.find(entry)
        if same is None or same.row in dropped:
            declined.append((entry.name, answer))
            continue
        first, later = sorted((entry.row, same.row))
        yes = reading.answers.get(same.row, "")
        reason = t(
            "{name} is already on row {first}, answering {there} there and {here} here.",
            name=quoted(same.name if later == same.row else entry.name),
            first=first,
            there=quoted(answer if first == entry.row else yes),
            here=quoted(yes if first == entry.row else answer),
        )
        doubles.add(later, [], reason, first)
        if doubles.dedupe and first == entry.row:
            dropped.add(same.row)
            declined.append((entry.name, answer))
    return [entry for entry in kept if entry.row not in dropped], declined


class _ComingPeople:
    """The people kept, found again from a declined row: by address, or by name in the organisation as written
    on their row or as grouped (any, when the declined row has none)."""

    def __init__(self, kept: Sequence[_Entry], written: Mapping[int, str]) -> None:
        self.by_email = {entry.email.casefold(): entry for entry in reversed(kept) if entry.email}
        self.by_name: defaultdict[str, list[_Entry]] = defaultdict(list)
        for entry in kept:
            self.by_name[person_key(entry.name)].append(entry)
        self.written = written

    def find(self, declined: _Entry) -> _Entry | None:
        if declined.email and (same := self.by_email.get(declined.email.casefold())) is not None:
            return same
        organisation = fold(declined.organisation)
        return next(
            (
                entry
                for entry in self.by_name.get(person_key(declined.name), [])
                if not organisation or organisation in (fold(self.written[entry.row]), fold(entry.organisation))
            ),
            None,
        )


def _events(layout: Layout, attendees: Sequence[Attendee]) -> list[str]:
    """The line saying that the people planned registered for several events, by the column naming each one's
    event: each event held by two people at least, as a ticketing tool's export of several events is."""
    for column in layout.attribute_columns():
        header = layout.header(column)
        if not is_event_label(header):
            continue
        events = Counter(fold(attendee.attribute(header)) for attendee in attendees if fold(attendee.attribute(header)))
        if len(events) < 2 or min(events.values()) < 2:
            continue
        written = {fold(attendee.attribute(header)): attendee.attribute(header) for attendee in reversed(attendees)}
        listed = [
            t_plural("{event} ({count} person)", "{event} ({count} people)", count, event=quoted(written[event]))
            for event, count in events.most_common()
        ]
        return [
            t(
                worded(EVENTS_MIXED),
                file=layout.source,
                column=layout.describe([column]),
                count=len(events),
                events=", ".join(listed),
            )
        ]
    return []


def _namesakes(entries: Sequence[_Entry], source: str) -> list[str]:
    """People of one name in different organisations: two people, or one registered twice? Kept, and said."""
    by_name: defaultdict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_name[person_key(entry.name)].append(entry)
    lines = []
    for same in by_name.values():
        if len({fold(entry.organisation) for entry in same}) < 2:
            continue
        people = [
            t("{name} ({organisation}, row {row})", name=quoted(e.name), organisation=e.organisation, row=e.row)
            for e in same
        ]
        lines.append(
            t_plural(
                "{file}: {people} bear the same name; kept as {kept} people. If they are one person, delete "
                "the extra row.",
                "{file}: {people} bear the same name; kept as {kept} people. If they are one person, delete "
                "the extra rows.",
                len(same) - 1,
                file=source,
                people=", ".join(people),
                kept=len(same),
            )
        )
    return lines
