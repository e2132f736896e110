"""The one place where the page asks the package to import, plan and print: an adapter, on purpose small.

Planning goes through the session workflow (`speeddating.session`), as the CLI's commands do; this module
only shapes its answers for the pages (messages naming the file as the organiser knows it, notices worded).
"""

import contextlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from speeddating.constraints import IdPair, constraint_lines
from speeddating.errors import UserError
from speeddating.event import Event
from speeddating.history.report import NetworkReport, report_from_store
from speeddating.history.store import (
    HistoryError,
    ImportResult,
    export_history,
    fingerprint,
    import_history,
    open_history,
    session_plan,
    writable_history,
)
from speeddating.history.trend import SessionStep, network_trend
from speeddating.i18n import t
from speeddating.importer import (
    DEFAULT_ALIASES,
    ColumnChoice,
    ColumnRecognition,
    ImportProblems,
    Sheet,
    advice_for_the_page,
    attendee_sheet,
    recognised_columns,
    roster_of,
)
from speeddating.plan import Plan, Quality, UnreadableJSON, parse_json, read_plan
from speeddating.planning import measure
from speeddating.roster import Attendee, Roster
from speeddating.session import (
    PlanOptions,
    Recorded,
    ReplanOptions,
    Result,
    Revision,
    SeriesResult,
    earlier_pairs,
    record_planned,
    record_session,
    replan_session,
    write_plan_files,
)
from speeddating.session import plan_series as plan_series_with_workflow
from speeddating.session import plan_session as plan_with_workflow
from speeddating.status import Progress, Stop
from speeddating.summary import series_lines

PLAN_FILE = "plan.json"


@dataclass(frozen=True)
class Imported:
    """What the importer made of a file: the roster, or the problems to fix (with their rows); the columns it
    read and those it hesitated between (None when the file has no header row to choose from)."""

    roster: Roster | None
    problems: tuple[str, ...] = ()
    recognition: ColumnRecognition | None = None
    duplicates: bool = False
    """Some problems are people listed twice, which keeping the first row of each settles."""
    sheets: tuple[str, ...] = ()
    """A workbook's sheets (none for a text file)."""
    sheet: str = ""
    """The sheet read."""

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.roster.warnings if self.roster is not None else ()


def _named(text: str, path: Path, shown_as: str) -> str:
    """The importer names the file by its path; the organiser knows it by the name it had on their computer."""
    return text.replace(str(path), shown_as)


def import_attendees(
    path: Path,
    shown_as: str,
    aliases: Mapping[str, str] = DEFAULT_ALIASES,
    columns: ColumnChoice | None = None,
    *,
    dedupe: bool = False,
    sheet: str | None = None,
) -> Imported:
    """The attendee file stored at `path`, with every message naming it `shown_as` and its advice worded for
    the page, read with the alias table `aliases`, the columns chosen as `--columns` chooses them, with
    `dedupe` the first row of a person listed twice kept as `--dedupe` keeps it, and from `sheet` (the one
    holding a list if None)."""
    recognition: ColumnRecognition | None = None
    table: Sheet | None = None

    def result(roster: Roster | None, problems: Sequence[str] = (), duplicates: bool = False) -> Imported:
        named = tuple(_named(line, path, shown_as) for line in problems)
        sheets, read = (table.sheets, table.name) if table is not None else ((), "")
        return Imported(roster, named, recognition, duplicates, sheets, read)

    with advice_for_the_page():
        try:
            table = attendee_sheet(path, sheet)
            with contextlib.suppress(UserError):
                recognition = recognised_columns(table, columns)
            roster = roster_of(table, aliases=aliases, columns=columns, dedupe=dedupe)
        except ImportProblems as problems:
            return result(None, problems.problems, problems.duplicates)
        except UserError as error:
            return result(None, [str(error)])
    return result(replace(roster, warnings=tuple(_named(line, path, shown_as) for line in roster.warnings)))


@dataclass(frozen=True)
class Planned:
    """A plan, and what the organiser should read beside the figures (worded in the page's language)."""

    plan: Plan
    warnings: tuple[str, ...]
    constraints: tuple[str, ...]


def plan_session(
    roster: Roster,
    event: Event,
    *,
    history: Path,
    time_limit: float,
    seed: int = 0,
    apart: tuple[IdPair, ...] = (),
    meet: tuple[IdPair, ...] = (),
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> Planned:
    """Plan as many rounds as fit the event for `roster`, avoiding the history's pairs, keeping the `apart`
    pairs (attendee ids) apart and seating the `meet` pairs together once (nothing is written); a `stop`
    hands back the best plan found so far."""
    options = PlanOptions(time_limit=time_limit, seed=seed, apart_ids=apart, meet_ids=meet)
    result = plan_with_workflow(roster, event, history, options, progress, stop)
    lines = constraint_lines(result.plan, result.constraints) if result.constraints else []
    return Planned(result.plan, tuple(notice.text() for notice in result.notices), tuple(lines))


@dataclass(frozen=True)
class PlannedSeries:
    """Sessions planned at once, and what the organiser should read beside session 1's figures: the
    warnings, the pairs asked for, and the series' own figures (pairs met after each session)."""

    series: SeriesResult
    warnings: tuple[str, ...]
    constraints: tuple[str, ...]
    figures: tuple[str, ...]


def plan_sessions(
    roster: Roster,
    event: Event,
    *,
    sessions: int,
    history: Path,
    time_limit: float,
    apart: tuple[IdPair, ...] = (),
    meet: tuple[IdPair, ...] = (),
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> PlannedSeries:
    """`sessions` sessions of the event for `roster` planned at once (`plan --sessions`), `time_limit`
    seconds each, with the pairs asked for; nothing is written (see `keep_planned`)."""
    options = PlanOptions(time_limit=time_limit, apart_ids=apart, meet_ids=meet)
    found = plan_series_with_workflow(roster, sessions, event, history, options, progress, stop)
    first = found.sessions[0]
    return PlannedSeries(
        found,
        tuple(notice.text() for result in found.sessions for notice in result.notices),
        tuple(constraint_lines(first.plan, first.constraints) if first.constraints else ()),
        tuple(series_lines(found.met_after, found.possible, [result.quality for result in found.sessions])),
    )


def keep_planned(planned: PlannedSeries, history: Path) -> None:
    """The series' sessions in the history as planned, not held (`record_planned`): planning the next
    session of these people starts from them, and each is replaced when recorded as held."""
    record_planned(planned.series, history)


def replan_day(
    previous: Plan,
    from_round: int,
    absent: tuple[str, ...],
    arrivals: tuple[Attendee, ...],
    history: Path,
    *,
    stays_seated: tuple[str, ...] = (),
    hosts: tuple[str, ...] = (),
    time_limit: float,
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> Result:
    """The next version of `previous` for the people in the room from `from_round` on (attendee ids: absent,
    staying seated, hosting a table, as `replan --absent/--stays-seated/--host`); a `stop` keeps the best
    re-seating found so far."""
    options = ReplanOptions(
        from_round=from_round,
        absent=absent,
        added=arrivals,
        stays_seated=stays_seated,
        hosts=hosts,
        time_limit=time_limit,
    )
    return replan_session(previous, options, history, progress, stop)


def record(plan: Plan, history: Path, title: str) -> Recorded:
    """The session as it took place, into the history under `title`, so that the next sessions bring new
    people together; in place of its earlier record, whatever its version (the page recorded it before, or
    the same seating was), since the page itself asks before replacing another session of the same title
    and day (`screens.history.record_held`)."""
    return record_session(plan, history, title=title, replace_recorded=True, force=True, source="web")


def recorded_seating(history: Path, session: int) -> str:
    """The seating recorded as session number `session`, in identity terms ("" without that session). With
    its number it tells one record from another: the history gives the number of the last session again
    once that session is replaced or removed."""
    if not history.is_file():
        return ""
    with open_history(history) as connection:
        try:
            _, plan = session_plan(connection, session)
        except HistoryError:
            return ""
    return fingerprint(plan)


def network(history: Path) -> NetworkReport | None:
    """How the network is knitting together across the recorded sessions (None before the first)."""
    if not history.is_file():
        return None
    with open_history(history) as connection:
        report = report_from_store(connection)
    return report if report.sessions else None


def as_held(plan: Plan, came: frozenset[str]) -> Plan:
    """The plan as the session took place: the seats of those who did not come left empty (they met nobody,
    and the history records them as absent), with whoever they were to present or be presented by."""
    rounds = tuple(
        replace(
            planned,
            tables=tuple(
                replace(
                    table,
                    attendees=tuple(x for x in table.attendees if x in came),
                    presents=tuple(pair for pair in table.presents if set(pair) <= came),
                )
                for table in planned.tables
            ),
        )
        for planned in plan.rounds
    )
    return replace(plan, rounds=rounds)


def trend(history: Path) -> list[SessionStep]:
    """The network after each session held, oldest first (none before the first)."""
    if not history.is_file():
        return []
    with open_history(history) as connection:
        return network_trend(connection)


def export_sessions(history: Path) -> bytes:
    """Every recorded session with its plan, as the `history export` command writes it (JSON)."""
    with open_history(history) as connection:
        return json.dumps(export_history(connection), ensure_ascii=False, indent=1).encode("utf-8")


def import_sessions(history: Path, data: bytes, shown_as: str) -> ImportResult:
    """Add the sessions of an export that this history does not have yet (UserError when it is not one)."""
    try:
        document = parse_json(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, UnreadableJSON) as error:
        raise UserError(t("{path}: cannot be read ({reason}).", path=shown_as, reason=error)) from None
    with writable_history(history) as connection:
        return import_history(connection, document, shown_as)


def write_documents(plan: Plan, folder: Path, revision: Revision | None = None) -> None:
    """plan.json, plan.csv and the four PDFs into `folder`, the whole set at once; after a re-plan, also the
    cards to reprint alone."""
    write_plan_files(plan, folder, revision)


def saved_plan(folder: Path) -> Plan | None:
    """The plan written in `folder`, if any."""
    path = folder / PLAN_FILE
    return read_plan(path) if path.is_file() else None


@dataclass(frozen=True)
class Figures:
    """A plan's figures as the Plan screen shows them."""

    quality: Quality
    met_before: int
    """Pairs of these people who met at earlier sessions: the ones the plan had to keep apart, so that the
    organiser of a later session reads that the history was heeded."""


def plan_figures(plan: Plan, history: Path) -> Figures:
    """The figures of `plan` recomputed from its seating (never trusted from the file) against the sessions
    before it, the floor on re-meetings included: a linear programme after earlier sessions, so only the
    screen that shows the figures asks for them."""
    past = earlier_pairs(plan, history)
    return Figures(measure(plan, past), len(past))
