"""The session workflow: plan a session, re-plan it on the day, check a plan, record it once it took place.

The one place that turns (roster, event, history, options) into a plan and its report. The CLI, the web
page and Python programs call it and word what it returns in their user's language: it reports progress
as `ProgressEvent`s through a callback and explains itself with `Notice`s (catalogue message ids and their
fields), never with sentences. Errors the organiser can fix are `UserError`s, worded at once.
"""

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from speeddating import series
from speeddating.constraints import (
    HOST_COLUMNS,
    STAYS_SEATED_COLUMNS,
    IdPair,
    OrganiserConstraints,
    organiser_constraints,
)
from speeddating.errors import UserError
from speeddating.event import Event, default_event, load_event
from speeddating.exporters.pdf import DOCUMENTS, printables
from speeddating.exporters.pdf.itineraries import itineraries_pdf, itinerary_content
from speeddating.exporters.pdf.style import unprintable_people
from speeddating.exporters.pdf.table_cards import table_card_content, table_cards_pdf
from speeddating.exporters.spreadsheet import plan_csv
from speeddating.fileio import remove_set, write_set
from speeddating.history.bound import forced_reunions
from speeddating.history.store import (
    SessionInfo,
    SessionStatus,
    add_plan,
    add_planned,
    list_sessions,
    open_history,
    past_encounters,
    planned_session,
    read_store,
    session_info,
    writable_history,
)
from speeddating.i18n import N_, N_plural, t
from speeddating.names import labels, match_people
from speeddating.notice import Counted, Notice
from speeddating.plan import Plan, Quality, SeriesPlace, plan_to_json
from speeddating.planning import PastEncounters, build_plan, measure, plan_encounters, problem_for, seated_quality
from speeddating.presents import assign_presents
from speeddating.problem import Problem, Schedule, fewest_pairs, table_layout
from speeddating.replan import Move, Replanned, moves, replan, seated_from, unused_tables
from speeddating.roster import Attendee, Roster
from speeddating.solver import SolveResult, solve
from speeddating.solver.greedy import fit_schedule
from speeddating.status import Phase, Progress, ProgressEvent, SolveStatus, Stop
from speeddating.text import fold

PLAN_FILE = "plan.json"
REPRINT_ITINERARIES = "reprint-itineraries.pdf"
REPRINT_TABLE_CARDS = "reprint-table-cards.pdf"
PLAN_CSV = "plan.csv"
PLAN_SET = (PLAN_FILE, PLAN_CSV, *(name for name, _ in DOCUMENTS), REPRINT_ITINERARIES, REPRINT_TABLE_CARDS)
"""Every file a plan's folder may hold: what an earlier plan left there is deleted when another kind is written."""
SESSION_FOLDER = re.compile(r"session-(?P<number>[1-9][0-9]*)")


@dataclass(frozen=True)
class PlanOptions:
    """How to plan: rounds (default: as many as the event's time window holds), table size (default: the
    event's), the optimiser's budget, and the organiser's pair files (two names per row)."""

    rounds: int | None = None
    table_size: int | None = None
    time_limit: float = 10.0
    """Seconds the optimiser may use."""
    seed: int = 0
    """Same seed (and time limit and workers), same plan."""
    workers: int = 2
    allow_overrun: bool = False
    """Accept more rounds than the time window holds (a notice says by how much)."""
    keep_apart: Path | None = None
    should_meet: Path | None = None
    apart_ids: tuple[IdPair, ...] = ()
    """Pairs to keep apart by attendee id, beside `keep_apart`'s (the web page's choices)."""
    meet_ids: tuple[IdPair, ...] = ()
    """Pairs who should meet by attendee id, beside `should_meet`'s."""


@dataclass(frozen=True)
class ReplanOptions:
    """What changed on the day and how to re-plan: from which round, who left, who arrived."""

    from_round: int
    """First round to re-plan (1-based); earlier rounds stay exactly as they were."""
    absent: tuple[str, ...] = ()
    """Names or ids of people not there from that round on (accents and case do not matter)."""
    added: tuple[Attendee, ...] = ()
    """People who arrive (their ids are given by the workflow); someone already listed rejoins."""
    keep_apart: Path | None = None
    should_meet: Path | None = None
    time_limit: float = 3.0
    seed: int = 0
    workers: int = 1
    fewest_moves: bool = True
    """Move as few people as possible before meeting more new people."""
    stays_seated: tuple[str, ...] = ()
    """Names or ids of people who must keep one table from `from_round` on (the one they are at, if it can be)."""
    hosts: tuple[str, ...] = ()
    """Names or ids of people who host a table from `from_round` on."""
    version: int | None = None
    """The new version's number (default: the previous one's plus one); the folder's, when the next free
    -vN folder is further on (v1 re-planned again after v2 exists is v3, not a second v2)."""
    revised_at: str = ""
    """When the new version was made (ISO date and time; default: now)."""


@dataclass(frozen=True)
class Revision:
    """What a re-plan changed compared with the version it replaces."""

    previous: Plan
    from_round: int
    moves: tuple[Move, ...]
    present: int
    """People seated in some round from `from_round` on."""
    itineraries_to_reprint: tuple[str, ...]
    """Ids of the people whose itinerary card changed, in the order of their names."""
    tables_to_reprint: tuple[int, ...]
    """Table numbers still in use whose company changed."""
    tables_unused: tuple[tuple[int, tuple[int, ...]], ...]
    """(round number, table numbers) that served in the previous version and stay empty now."""


@dataclass(frozen=True)
class Result:
    """A plan with its report: the figures (`quality`), what the search proved (`status`), what the
    organiser should check (`notices`) and the constraints it honoured (in the manner of PyVRP's Result).
    The importer's own remarks about the attendee file stay with the `Roster` that was passed in."""

    plan: Plan
    notices: tuple[Notice, ...] = ()
    constraints: OrganiserConstraints = field(default_factory=OrganiserConstraints)
    past_pairs: int = 0
    """Pairs of these attendees the history records as having met."""
    revision: Revision | None = None
    """For a re-plan: what changed compared with the previous version."""

    @property
    def quality(self) -> Quality:
        """The plan's figures, measured from its seating."""
        assert self.plan.quality is not None, "the workflow always measures its plans"
        return self.plan.quality

    @property
    def status(self) -> SolveStatus:
        return self.quality.status

    @property
    def bound(self) -> int:
        """Most new encounters any plan could reach (equal to the plan's when OPTIMAL)."""
        return self.quality.proven_bound

    @property
    def runtime(self) -> float:
        """Seconds the search took."""
        return self.plan.solver.seconds


@dataclass(frozen=True)
class Checked:
    """A plan file's figures recomputed from its seating (never trusted from the file), with notices."""

    plan: Plan
    quality: Quality
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class Recorded:
    """A session written to the history, and the sessions its record replaced."""

    history: Path
    session: SessionInfo
    replaced: tuple[SessionInfo, ...]


def choose_rounds(
    event: Event, requested: int | None, allow_overrun: bool, event_file: Path | None = None
) -> tuple[int, list[Notice]]:
    """Rounds asked for, or as many as fit, with the notice of an allowed overrun; refuse it unless allowed."""
    if requested is None:
        fitting = event.rounds_that_fit()
        if fitting < 1 and event_file is not None:
            raise UserError(
                t(
                    "{file}: no round fits between {start} and {end} with the welcome ({welcome} "
                    "min), one round ({round} min) and the closing ({closing} min). Make start "
                    "earlier or end later, or shorten welcome_minutes, round_minutes or "
                    "closing_minutes.",
                    file=event_file,
                    start=event.start,
                    end=event.end,
                    welcome=event.welcome_minutes,
                    round=event.round_minutes,
                    closing=event.closing_minutes,
                )
            )
        if fitting < 1:
            raise UserError(
                t(
                    "No round fits between {start} and {end} with the planned welcome and closing: "
                    "widen the window or shorten the rounds.",
                    start=event.start,
                    end=event.end,
                )
            )
        return fitting, []
    overrun = event.overrun_minutes(requested)
    if overrun and not allow_overrun:
        raise UserError(
            t(
                "{rounds} rounds do not fit between {start} and {end}: {minutes} min short. Lower "
                "--rounds, widen the window in the event file, or add --allow-overrun.",
                rounds=requested,
                start=event.start,
                end=event.end,
                minutes=overrun,
            )
        )
    if overrun:
        return requested, [
            Notice.of(
                N_(
                    "{rounds} rounds overrun by {minutes} min: the session ends at {finish} instead "
                    "of {end}. Tell the participants."
                ),
                rounds=requested,
                minutes=overrun,
                end=event.end,
                finish=event.closing(requested).end,
            )
        ]
    return requested, []


def explain_forced_repeats(people: int, table_size: int, rounds: int) -> list[Notice]:
    """Why pairs will meet twice when there are more seats to fill over the session than people to meet:
    everybody meets at least (smallest table - 1) people a round, out of people - 1 others."""
    layout = table_layout(people, table_size)
    if len(layout) < 2:
        return []
    per_round = min(layout) - 1
    most = (people - 1) // per_round
    if rounds <= most:
        return []
    return [
        Notice.of(
            N_(
                "With {count} people, everyone meets at least {per_round} a round and has "
                "only {others} to meet: beyond {beyond}, some people necessarily meet again. "
                "The {rounds} rounds planned will have some meet again; with --rounds {most}, "
                "every encounter would be new."
            ),
            count=people,
            per_round=Counted(N_plural("{count} person", "{count} people"), per_round),
            others=people - 1,
            beyond=Counted(N_plural("{count} round", "{count} rounds"), most),
            most=most,
            rounds=rounds,
        )
    ]


def explain_forced_colleagues(roster: Roster, table_size: int) -> list[Notice]:
    """One notice per organisation too large to keep its colleagues apart."""
    tables = len(table_layout(len(roster), table_size))
    return [
        Notice.of(
            N_("'{organisation}' has {people} for {tables}: {pairs}."),
            organisation=name,
            people=Counted(N_plural("{count} person", "{count} people"), count),
            tables=Counted(N_plural("{count} table", "{count} tables"), tables),
            pairs=Counted(
                N_plural(
                    "{count} colleague pair per round cannot be avoided",
                    "{count} colleague pairs per round cannot be avoided",
                ),
                fewest_pairs(count, tables),
            ),
        )
        for name, count in roster.organisation_counts()
        if count > tables
    ]


def _event(event: Event | Path | None) -> tuple[Event, Path | None]:
    if isinstance(event, Path):
        return load_event(event), event
    return event or default_event(), None


def _history(
    history: Path | None, attendees: Sequence[Attendee], progress: Progress | None
) -> tuple[PastEncounters, list[Notice]]:
    """The pairs `history` records among `attendees` (none without a history yet), announced when any, and a
    notice for each attendee the history may know under another organisation or email (counted as new)."""
    if history is None or not history.is_file():
        return {}, []
    stored = read_store(history, attendees)
    if stored.encounters and progress is not None:
        progress(ProgressEvent(Phase.HISTORY, 0.0, past_pairs=len(stored.encounters)))
    doubts = [
        Notice.of(
            N_(
                "{name} ({organisation}) counted as someone new to the history, which knows {people} by that "
                "name but not with this organisation or email; if it is the same person, give the same email "
                "as before."
            ),
            name=doubt.attendee.name,
            organisation=doubt.attendee.organisation,
            people=t("; ").join(f"{person.name} ({person.organisation})" for person in doubt.candidates),
        )
        for doubt in stored.doubts
    ]
    return stored.encounters, doubts


@dataclass(frozen=True)
class _Request:
    """A planning request made ready: the event, the constraints, the notices about the head counts, the
    history's pairs among these people and the optimiser's problem."""

    roster: Roster
    event: Event
    options: PlanOptions
    constraints: OrganiserConstraints
    notices: list[Notice]
    past: PastEncounters
    problem: Problem

    def result(
        self,
        found: SolveResult,
        event: Event,
        problem: Problem,
        past: PastEncounters,
        place: SeriesPlace | None = None,
    ) -> Result:
        """The plan of a search's result for this request's people, measured against `problem` and `past`."""
        options = self.options
        seated = build_plan(
            self.roster.attendees,
            event,
            found,
            constraints=self.constraints,
            seed=options.seed,
            time_limit=options.time_limit,
        )
        seated = replace(seated, series=place)
        planned, presents = _finished(seated, found, past, forced_reunions=forced_reunions(problem, found.schedule))
        return Result(planned, (*self.notices, *presents), self.constraints, len(past))


def _request(
    roster: Roster, event: Event | Path | None, history: Path | None, options: PlanOptions, progress: Progress | None
) -> _Request:
    """Read the event and the organiser's pairs, choose the rounds, read the history, make the problem."""
    event, event_file = _event(event)
    constraints = organiser_constraints(
        roster.attendees,
        options.keep_apart,
        options.should_meet,
        apart_ids=options.apart_ids,
        meet_ids=options.meet_ids,
    )
    size = options.table_size or event.table_size
    event = replace(event, table_size=size)  # plan.json records the size the plan was made for
    count, notices = choose_rounds(event, options.rounds, options.allow_overrun, event_file)
    if len(table_layout(len(roster), size)) == 1 and count > 1:
        notices.append(
            Notice.of(
                N_("Only {count} people: one table, the same people every round. A single round is planned."),
                count=len(roster),
            )
        )
        count = 1
    notices += [*explain_forced_repeats(len(roster), size, count), *explain_forced_colleagues(roster, size)]
    past, doubts = _history(history, roster.attendees, progress)
    problem = problem_for(roster.attendees, count, size, past=past, constraints=constraints)
    return _Request(roster, event, options, constraints, [*notices, *doubts], past, problem)


def plan_session(
    roster: Roster,
    event: Event | Path | None = None,
    history: Path | None = None,
    options: PlanOptions = PlanOptions(),
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> Result:
    """Plan a session for `roster`: mixed organisations at every table, no pair twice, as few pairs met in
    the sessions `history` records as possible. `event` is an Event, an event file (TOML) or None for the
    8:30-10:00 breakfast. When `history` keeps a session planned for these people (a series planned at
    once), its seating, fitted to the people here, is the starting plan: the plan found is never worse, and
    takes its place in the series. When `stop` is requested (from another thread), the best plan found so far
    comes back at once, its status INTERRUPTED. Nothing is written: see `write_plan_files`."""
    request = _request(roster, event, history, options, progress)
    start = _planned_start(history, roster.attendees)
    hint = None if start is None else fitted_start(start[1], roster.attendees, request.problem, options.seed)
    found = solve(
        request.problem,
        time_limit=options.time_limit,
        seed=options.seed,
        workers=options.workers,
        progress=progress,
        hint=hint,
        stop=stop,
    )
    if start is None:
        return request.result(found, request.event, request.problem, request.past)
    info, planned = start
    result = request.result(found, request.event, request.problem, request.past, planned.series)
    came = {a.identity for a in roster.attendees} & {a.identity for a in planned.attendees}
    notice = Notice.of(
        N_(
            "The session planned in the history (no. {session}, '{title}') was the starting plan: {present} of its "
            "{people} people are here, and this plan takes its place in the series."
        ),
        session=info.id,
        title=info.title,
        present=len(came),
        people=len(planned.attendees),
    )
    return replace(result, notices=(*result.notices, notice))


def _planned_start(history: Path | None, attendees: Sequence[Attendee]) -> tuple[SessionInfo, Plan] | None:
    """The session `history` keeps as planned next for these attendees, if any."""
    if history is None or not history.is_file():
        return None
    with open_history(history) as connection:
        return planned_session(connection, attendees)


def fitted_start(planned: Plan, attendees: Sequence[Attendee], problem: Problem, seed: int) -> Schedule:
    """The seating of a planned session for the people of `problem` (`attendees`, by identity): those who
    did not come leave their table, those not planned take the seats left (`greedy.fit_schedule`)."""
    index = {a.identity: i for i, a in enumerate(attendees)}
    identity = {a.id: a.identity for a in planned.attendees}
    nearby = tuple(
        tuple(tuple(index[identity[x]] for x in table.attendees if identity[x] in index) for table in rnd.tables)
        for rnd in planned.rounds
    )
    return fit_schedule(problem, nearby, seed)


@dataclass(frozen=True)
class SeriesResult:
    """Sessions of a series planned at once (`plan_series`): each session's Result (its plan, figures
    measured with the earlier sessions counting as met before, notices), and the series' own figures."""

    sessions: tuple[Result, ...]
    met_after: tuple[int, ...]
    """Distinct cross-organisation pairs met after each session."""
    possible: int
    """Pairs of people from different organisations: the most a series could meet."""
    seconds: float


def plan_series(
    roster: Roster,
    sessions: int,
    event: Event | Path | None = None,
    history: Path | None = None,
    options: PlanOptions = PlanOptions(),
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> SeriesResult:
    """Plan `sessions` sessions of the event's rounds for `roster` at once (`series.plan_series`, with
    `options.time_limit` seconds per session): session 1 as good as `plan_session` makes it, then as many
    people meeting over the series as can be; a `stop` keeps the best series found so far. Session 2 onwards
    are dated when they are recorded. Nothing is written: see `write_series_files` and `record_planned`."""
    request = _request(roster, event, history, options, progress)
    found = series.plan_series(
        request.problem,
        sessions,
        time_limit=options.time_limit,
        seed=options.seed,
        workers=options.workers,
        progress=progress,
        stop=stop,
    )
    key = hashlib.sha256(json.dumps([request.event.title, request.event.date]).encode()).hexdigest()[:16]
    results: list[Result] = []
    earlier: list[Schedule] = []
    past = dict(request.past)
    for number, session in enumerate(found.sessions, start=1):
        event = replace(
            request.event,
            title=session_title(request.event.title, number, sessions),
            date=request.event.date if number == 1 else "",
        )
        problem = series.following(request.problem, earlier)
        result = request.result(session, event, problem, past, SeriesPlace(key, number, sessions))
        said = 0 if number == 1 else len(request.notices)  # the event's notices are said once, for session 1
        results.append(replace(result, notices=result.notices[said:]))
        earlier.append(session.schedule)
        past.update(plan_encounters(result.plan))
    return SeriesResult(tuple(results), found.met_after, found.possible, found.seconds)


def session_title(title: str, number: int, sessions: int) -> str:
    """The event's title with the session's place in its series ("Breakfast, session 2 of 3")."""
    if not title:
        return t("Session {number} of {count}", number=number, count=sessions)
    return t("{title}, session {number} of {count}", title=title, number=number, count=sessions)


def series_folders(folder: Path, sessions: int) -> list[Path]:
    """Where the sessions of a series are written: `folder/session-1` ... `folder/session-N`."""
    return [folder / f"session-{number}" for number in range(1, sessions + 1)]


def write_series_files(planned: SeriesResult, folder: Path) -> list[Path]:
    """Each session's plan.json, plan.csv and printables in its own folder (`series_folders`), each folder
    switched whole (see `write_plan_files`); what an earlier plan left in `folder` (a single plan's files, the
    sessions of a longer series) is deleted, so that the folder holds this series alone."""
    folders = series_folders(folder, len(planned.sessions))
    written = [
        path
        for result, place in zip(planned.sessions, folders, strict=True)
        for path in write_plan_files(result.plan, place)
    ]
    remove_set(folder, PLAN_SET)
    _remove_sessions_after(folder, len(folders))
    return written


def _remove_sessions_after(folder: Path, sessions: int) -> None:
    """Delete the session-N folders, N beyond `sessions`, of an earlier series planned into `folder` (their
    plan files; a folder holding anything else keeps it)."""
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        found = SESSION_FOLDER.fullmatch(entry.name)
        if found and int(found["number"]) > sessions and entry.is_dir():
            remove_set(entry, PLAN_SET)


def record_planned(planned: SeriesResult, history: Path) -> tuple[SessionInfo, ...]:
    """Keep the series' sessions in `history` as planned, not held: they count for no one's encounters until
    each is recorded once held (`record_session`, which replaces the one planned); the next session planned
    for its people starts from it. A series planned again for the same event replaces what was planned."""
    with writable_history(history) as connection:
        numbers = add_planned(connection, [result.plan for result in planned.sessions])
        return tuple(session_info(connection, number) for number in numbers)


def _finished(
    seated: Plan,
    found: SolveResult,
    past: PastEncounters | None,
    *,
    kept: int = 0,
    forced_reunions: int = 0,
    previous: Plan | None = None,
) -> tuple[Plan, tuple[Notice, ...]]:
    """A new seating made a plan: who presents whom in the rounds after the first `kept` (which stay as they
    were; as in the `previous` version wherever still possible), the figures measured from the whole seating;
    with the notices about the rounds just seated."""
    with_presents, presents = assign_presents(seated, previous)
    planned = replace(with_presents, rounds=(*seated.rounds[:kept], *with_presents.rounds[kept:]))
    frozen = {rnd.number for rnd in seated.rounds[:kept]}
    notices = (*(n for n in presents if n.field("round") not in frozen), *font_notices(planned))
    return planned.with_quality(seated_quality(planned, found, past, forced_reunions)), notices


def font_notices(plan: Plan) -> list[Notice]:
    """A notice naming the people whose names the documents cannot print (their letters print as boxes)."""
    names, characters = unprintable_people(plan)
    if not names:
        return []
    return [
        Notice.of(
            N_(
                "The documents' font has no letters for {characters}: on the cards, the names of {people} print "
                'as empty boxes. Add their names in Latin letters to the attendee list (for instance "Li Wei 李伟").'
            ),
            characters=characters,
            people=t("; ").join(names),
        )
    ]


def _arrivals(added: Sequence[Attendee]) -> list[Attendee]:
    """Newcomers under provisional ids (`replan` gives them their own, or their old one if they rejoin)."""
    return [replace(a, id=f"arrival-{i}") for i, a in enumerate(added, start=1)]


def revision_of(before: Plan, after: Plan, from_round: int) -> Revision:
    """What changed from `before` to `after` in the rounds from `from_round` on: moves, and the cards to reprint,
    those of the people and tables still there on which anything printed differs (a table, a theme, a time,
    who presents whom, the names at a table), the version mark aside."""
    names = labels(after.attendees)
    here = seated_from(after, from_round)
    earlier, now = before.by_id(), after.by_id()
    cards = sorted(
        (
            x
            for x in here
            if x not in earlier or itinerary_content(before, earlier[x]) != itinerary_content(after, now[x])
        ),
        key=lambda x: (fold(names[x]), x),
    )
    in_use = sorted({table.number for rnd in after.rounds[from_round - 1 :] for table in rnd.tables})
    tables = [n for n in in_use if table_card_content(before, earlier, n) != table_card_content(after, now, n)]
    return Revision(
        previous=before,
        from_round=from_round,
        moves=moves(before, after, from_round),
        present=len(here),
        itineraries_to_reprint=tuple(cards),
        tables_to_reprint=tuple(tables),
        tables_unused=tuple(
            (number, tuple(tables)) for number, tables in unused_tables(before, after, from_round).items()
        ),
    )


def replan_session(
    previous: Plan,
    options: ReplanOptions,
    history: Path | None = None,
    progress: Progress | None = None,
    stop: Stop | None = None,
) -> Result:
    """Re-plan the rounds still to come of `previous` for the people actually in the room: version N+1,
    earlier rounds untouched, as few people moved as possible; `revision` says who moves where. A `stop`
    keeps the best re-seating found so far (INTERRUPTED)."""
    previous = _flagged(previous, options.stays_seated, STAYS_SEATED_COLUMNS[0])
    previous = _flagged(previous, options.hosts, HOST_COLUMNS[0])
    leaving = match_people(options.absent, previous.attendees)
    arriving = _arrivals(options.added)
    past, doubts = _history(history, [*previous.attendees, *arriving], progress)
    replanned = replan(
        previous,
        options.from_round,
        leaving,
        arriving,
        constraints_of=lambda people: organiser_constraints(
            people, options.keep_apart, options.should_meet, recorded=previous
        ),
        past=past,
        time_limit=options.time_limit,
        seed=options.seed,
        workers=options.workers,
        revised_at=options.revised_at,
        progress=progress,
        fewest_moves=options.fewest_moves,
        stop=stop,
    )
    if options.version is not None:
        replanned = replanned._replace(plan=replace(replanned.plan, version=options.version))
    result = revise(previous, replanned, options.from_round, past)
    return replace(result, notices=(*doubts, *result.notices))


def _flagged(plan: Plan, names: Sequence[str], column: str) -> Plan:
    """`plan` with the people `names` designates marked yes in `column` (stays seated, host), as an attendee
    file would mark them, so that the new version records it too."""
    marked = {a.id for a in match_people(names, plan.attendees)} if names else set()
    return replace(
        plan,
        attendees=tuple(
            replace(a, attributes=((column, "yes"), *a.attributes)) if a.id in marked else a for a in plan.attendees
        ),
    )


def revise(previous: Plan, replanned: Replanned, from_round: int, past: PastEncounters | None = None) -> Result:
    """The new version from the re-seating of `replan.replan`: presents for the rounds re-planned, the
    figures of the whole plan, the constraints of the people still there, and what changed."""
    seated, found, constraints = replanned
    after, notices = _finished(seated, found, past, kept=from_round - 1, previous=previous)
    here = seated_from(after, from_round)
    constraints = replace(
        constraints,
        stays_seated=tuple(x for x in constraints.stays_seated if x in here),
        hosts=tuple(x for x in constraints.hosts if x in here),
    )
    return Result(after, notices, constraints, len(past or {}), revision_of(previous, after, from_round))


def check_plan(plan: Plan, previous: Sequence[Plan] = ()) -> Checked:
    """A plan's figures recomputed from its seating, the pairs of the `previous` sessions' plans counting as
    already met, with a notice for each table where nobody meets anybody."""
    notices = tuple(
        Notice.of(
            N_("round {round}, table {table}: {people}; nobody meets anybody there. Merge it with another table."),
            round=rnd.number,
            table=table.number,
            people=Counted(N_plural("{count} person", "{count} people"), len(table.attendees)),
        )
        for rnd in plan.rounds
        for table in rnd.tables
        if len(table.attendees) < 2
    )
    past: dict[frozenset[str], float] = {}
    for earlier in previous:
        past.update(plan_encounters(earlier))
    return Checked(plan, measure(plan, past), notices)


def earlier_pairs(plan: Plan, history: Path | None) -> PastEncounters:
    """The pairs of `plan`'s people that `history` records from the sessions before this one (none without a
    history yet): what the plan is measured against."""
    if history is None or not history.is_file():
        return {}
    return past_encounters(history, plan.attendees, apart_from=plan)


def measured(plan: Plan, history: Path | None) -> Plan:
    """`plan` with its figures recomputed from the seating and the pairs `history` records from the sessions
    before this one (not the file's own figures, which a hand edit leaves stale): what `print` prints."""
    return plan.with_quality(measure(plan, earlier_pairs(plan, history)))


def plan_files(plan: Plan, revision: Revision | None = None) -> dict[str, bytes]:
    """plan.json, plan.csv and the printables (PDF) of `plan`, by file name, in the current language; for a
    re-plan, also the cards to reprint alone (reprint-itineraries.pdf, reprint-table-cards.pdf)."""
    files = {PLAN_FILE: plan_to_json(plan).encode("utf-8"), PLAN_CSV: plan_csv(plan), **printables(plan)}
    if revision is not None:
        files[REPRINT_ITINERARIES] = itineraries_pdf(plan, only=revision.itineraries_to_reprint)
        files[REPRINT_TABLE_CARDS] = table_cards_pdf(plan, only=revision.tables_to_reprint)
    return files


def write_plan_files(plan: Plan, folder: Path, revision: Revision | None = None) -> list[Path]:
    """Write `plan_files` into `folder` (made if need be) in one step: the folder holds the whole old set or
    the whole new one, never a mix (see `fileio.write_set`). The cards to reprint of an earlier re-plan and the
    session folders of an earlier series planned into `folder` are deleted: they are not this plan's."""
    files = plan_files(plan, revision)
    written = write_set(folder, files)
    remove_set(folder, [name for name in PLAN_SET if name not in files])
    _remove_sessions_after(folder, 0)
    return written


def record_session(
    plan: Plan,
    history: Path,
    *,
    title: str | None = None,
    replace_recorded: bool = False,
    force: bool = False,
    source: str = "plan",
) -> Recorded:
    """Record in `history` the session of `plan` once it has taken place (plans change on the day), so
    that later sessions bring new people together. The same session is refused unless `replace_recorded`;
    an older version replacing a newer one is refused unless `force`."""
    with writable_history(history) as connection:
        before = list_sessions(connection)
        session = add_plan(connection, plan, title=title, replace=replace_recorded, force=force, source=source)
        info = session_info(connection, session)
        kept = set(list_sessions(connection))  # a replacement may take the number of the session it replaces
    return Recorded(history, info, tuple(s for s in before if s not in kept))


def recorded_sessions(history: Path) -> list[SessionInfo]:
    """The sessions `history` records as held, oldest first (none when the file does not exist yet); the
    sessions of a series not held yet are left out (see `store.list_sessions` for them)."""
    if not history.is_file():
        return []
    with open_history(history) as connection:
        return [info for info in list_sessions(connection) if info.status is SessionStatus.HELD]
