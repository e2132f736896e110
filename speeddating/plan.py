"""The solution as the organiser sees it: rounds, tables, names, times, themes and quality.

A `Plan` is what every exporter reads and what `speeddating-plan/1` files hold. It never
touches the solver: `build_plan` turns a solver result into a Plan, `plan_to_json` and
`read_plan` move it to and from disk.
"""

import datetime as dt
import json
import math
import re
from dataclasses import asdict, dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from speeddating.errors import PlanFormatError
from speeddating.event import Event, Theme
from speeddating.fileio import atomic_write_text
from speeddating.i18n import t, t_plural
from speeddating.problem import MAX_TABLE_SIZE, MIN_TABLE_SIZE
from speeddating.roster import Attendee
from speeddating.status import SolveStatus, status_of
from speeddating.text import printable

FORMAT = "speeddating-plan/1"
MOST_NUMBERED = 9999
"""Highest round, table or version number a plan may use (a database or a card holds it; 2**63 does not)."""
SEATS = (2, MAX_TABLE_SIZE + 1)
"""Fewest and most people at a table of a well-formed plan: below, nobody meets anybody; above, no layout
the tool makes (tables of `table_size` people, one more where the count does not divide)."""
MOST_MINUTES = 24 * 60
CLOCK = re.compile(r"([01]?\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class SeatedTable:
    """One table in one round. `presents` maps attendee id -> organisation they present."""

    number: int
    attendees: tuple[str, ...]
    presents: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PlannedRound:
    number: int
    tables: tuple[SeatedTable, ...]
    theme: Theme | None = None
    start: str = ""
    end: str = ""

    def table_of(self, attendee_id: str) -> SeatedTable | None:
        return self._seat.get(attendee_id)

    @cached_property
    def _seat(self) -> dict[str, SeatedTable]:
        """Attendee id -> table, built once: looking each person up table by table made printing quadratic."""
        return {x: table for table in self.tables for x in table.attendees}


@dataclass(frozen=True)
class Quality:
    """The plan's own figures (the checker recomputes them independently)."""

    same_org_pairs: int
    forced_same_org: int
    repeat_pairs: int
    history_repeats: int
    distinct_new_pairs: int
    new_pairs_bound: int
    optimal: bool
    proven_bound: int
    fewest_new_met: int = 0
    most_new_met: int = 0
    keep_apart_violations: int = 0
    should_meet_missed: int = 0
    forced_reunions: int = 0
    """Floor on history repeats + repeats + avoidable colleague pairs for these head counts."""
    interrupted: bool = False
    """The search was stopped on request before its time limit."""

    @property
    def status(self) -> SolveStatus:
        """Proven optimal, or the best plan found (with `proven_bound`), or the best found until a stop;
        the file keeps it as `optimal` and `interrupted`."""
        return status_of(self.optimal, self.interrupted)


@dataclass(frozen=True)
class SolverReport:
    """How the plan was computed, kept in the file for debugging and reproducing it (never worded for the
    organiser: `method` is an internal component name)."""

    method: str = ""
    seconds: float = 0.0
    seed: int = 0
    time_limit: float = 0.0


@dataclass(frozen=True)
class SeriesPlace:
    """Where a session stands in a series planned at once (`plan --sessions N`): the series' key, shared by
    its sessions, the session's number from 1 and how many the series has."""

    key: str
    number: int
    sessions: int


@dataclass(frozen=True)
class Plan:
    """The solution as the organiser sees it (and a `speeddating-plan/1` file holds it): the attendees, each
    round's tables with their people, times and theme, the figures, and what the organiser asked."""

    attendees: tuple[Attendee, ...]
    rounds: tuple[PlannedRound, ...]
    event: Event = field(default_factory=Event)
    quality: Quality | None = None
    solver: SolverReport = field(default_factory=SolverReport)
    version: int = 1
    revised_at: str = ""
    keep_apart: tuple[tuple[str, str], ...] = ()
    """Attendee-id pairs the organiser keeps apart, kept with the plan so re-planning honours them."""
    should_meet: tuple[tuple[str, str], ...] = ()
    series: SeriesPlace | None = None
    """For a session of a series: its place there, so recording it replaces the session planned."""

    def attendee(self, attendee_id: str) -> Attendee:
        return self.by_id()[attendee_id]

    def by_id(self) -> dict[str, Attendee]:
        return {a.id: a for a in self.attendees}

    def itinerary(self, attendee_id: str) -> list[tuple[PlannedRound, SeatedTable | None]]:
        """For one person: each round with the table they sit at (None when absent)."""
        return [(rnd, rnd.table_of(attendee_id)) for rnd in self.rounds]

    def with_quality(self, quality: Quality) -> "Plan":
        return replace(self, quality=quality)


def _theme_to_dict(theme: Theme) -> dict[str, str]:
    return {k: v for k, v in asdict(theme).items() if v}


def _event_to_dict(event: Event) -> dict[str, Any]:
    data = asdict(event)
    data["themes"] = [_theme_to_dict(t) for t in event.themes]
    data["pinned_themes"] = [{"number": n, "theme": title} for n, title in event.pinned_themes]
    return data


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The `speeddating-plan/1` document (our extra keys are ignored by other readers)."""
    rounds = []
    for rnd in plan.rounds:
        item: dict[str, Any] = {"number": rnd.number}
        if rnd.theme is not None:
            item["theme"] = rnd.theme.title
            if rnd.theme.prompt:
                item["prompt"] = rnd.theme.prompt
            if rnd.theme.kind:
                item["theme_kind"] = rnd.theme.kind
        if rnd.start:
            item["start"], item["end"] = rnd.start, rnd.end
        tables = []
        for table in rnd.tables:
            entry: dict[str, Any] = {"number": table.number, "attendees": list(table.attendees)}
            if table.presents:
                entry["presents"] = dict(table.presents)
            tables.append(entry)
        item["tables"] = tables
        rounds.append(item)
    document: dict[str, Any] = {
        "format": FORMAT,
        "event": _event_to_dict(plan.event),
        "attendees": [_attendee_to_dict(a) for a in plan.attendees],
        "rounds": rounds,
        "solver": asdict(plan.solver),
        "version": plan.version,
    }
    if plan.revised_at:
        document["revised_at"] = plan.revised_at
    requests = {"keep_apart": [list(p) for p in plan.keep_apart], "should_meet": [list(p) for p in plan.should_meet]}
    if plan.keep_apart or plan.should_meet:
        document["constraints"] = requests
    if plan.quality is not None:
        figures = asdict(plan.quality)
        if not plan.quality.interrupted:  # written only when true: the files of finished runs stay as they were
            del figures["interrupted"]
        document["quality"] = figures
    if plan.series is not None:
        document["series"] = {"key": plan.series.key, "session": plan.series.number, "sessions": plan.series.sessions}
    return document


def _attendee_to_dict(attendee: Attendee) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": attendee.id,
        "name": attendee.name,
        "organisation": attendee.organisation,
    }
    if attendee.email:
        data["email"] = attendee.email
    if attendee.attributes:
        data["attributes"] = dict(attendee.attributes)
    return data


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def write_plan(plan: Plan, path: Path) -> None:
    """Write `plan` to `path` as a `speeddating-plan/1` file (atomically)."""
    atomic_write_text(path, plan_to_json(plan))


class _Reader:
    """Reads a plan document, collecting every problem with where it is."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> PlanFormatError:
        return PlanFormatError(t("{source}: {where}: {problem}", source=self.source, where=where, problem=problem))

    def text(self, data: dict[str, Any], key: str, where: str, required: bool = True) -> str:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(where, t("'{field}' must be text", field=key))
        text = printable(str(value)).strip()
        if required and not text:
            raise self.fail(where, t("'{field}' is missing or empty", field=key))
        return text

    def number(self, data: dict[str, Any], key: str, where: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MOST_NUMBERED:
            raise self.fail(
                where, t("'{field}' must be a whole number from 1 to {most}", field=key, most=MOST_NUMBERED)
            )
        return value

    def whole(self, data: dict[str, Any], key: str, where: str, least: int, most: int) -> None:
        """Refuse a value of `key`, when present, that is not a whole number from `least` to `most`."""
        value = data.get(key, least)
        if not isinstance(value, int) or isinstance(value, bool) or not least <= value <= most:
            raise self.fail(
                where, t("'{field}' must be a whole number from {least} to {most}", field=key, least=least, most=most)
            )

    def clock(self, data: dict[str, Any], key: str, where: str) -> str:
        """An optional time of day written HH:MM."""
        text = self.text(data, key, where, required=False)
        if text and not CLOCK.fullmatch(text):
            raise self.fail(where, t("'{field}' is '{value}': write a time such as 08:30", field=key, value=text))
        return text

    def pairs(self, data: dict[str, Any], key: str, where: str) -> tuple[tuple[str, str], ...]:
        """An optional JSON object of text values, as (key, value) pairs."""
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(where, t("'{field}' must map text to text", field=key))
        return tuple((str(k), printable(str(v))) for k, v in value.items())

    def objects(self, value: Any, where: str) -> list[dict[str, Any]]:
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            raise self.fail(where, t("must be a list of objects"))
        return value


def _read_event(data: Any, reader: _Reader) -> Event:
    if data is None:
        return Event()
    if not isinstance(data, dict):
        raise reader.fail("event", t("must be an object"))
    known = {f.name for f in fields(Event)}
    values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
    themes = reader.objects(values.get("themes", []), "event.themes")
    values["themes"] = tuple(
        Theme(
            reader.text(t, "title", f"event.themes[{i}]"),
            reader.text(t, "prompt", f"event.themes[{i}]", required=False),
            reader.text(t, "kind", f"event.themes[{i}]", required=False),
        )
        for i, t in enumerate(themes)
    )
    pins = reader.objects(values.get("pinned_themes", []), "event.pinned_themes")
    values["pinned_themes"] = tuple(
        (reader.number(p, "number", "event.pinned_themes", 1), reader.text(p, "theme", "event.pinned_themes"))
        for p in pins
    )
    reader.whole(values, "table_size", "event", MIN_TABLE_SIZE, MAX_TABLE_SIZE)
    reader.whole(values, "round_minutes", "event", 1, MOST_MINUTES)
    for key in ("changeover_minutes", "welcome_minutes", "closing_minutes"):
        reader.whole(values, key, "event", 0, MOST_MINUTES)
    for key in ("title", "date", "location"):
        if key in values:
            values[key] = reader.text(values, key, "event", required=False)
    for key in ("start", "end"):
        if key in values:
            values[key] = reader.clock(values, key, "event") or getattr(Event, key)
    if values.get("date"):
        try:
            dt.date.fromisoformat(values["date"])
        except ValueError:
            raise reader.fail(
                "event", t("'date' is '{value}': write a date such as 2026-12-08", value=values["date"])
            ) from None
    return Event(**values)


def _read_attendees(data: Any, reader: _Reader) -> tuple[Attendee, ...]:
    items = reader.objects(data, "attendees")
    if not items:
        raise reader.fail("attendees", t("the list is empty"))
    attendees = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"attendees[{i}]"
        attendee_id = reader.text(item, "id", where)
        if attendee_id in seen:
            raise reader.fail(where, t("id '{id}' appears twice", id=attendee_id))
        seen.add(attendee_id)
        attendees.append(
            Attendee(
                id=attendee_id,
                name=reader.text(item, "name", where),
                organisation=reader.text(item, "organisation", where),
                email=reader.text(item, "email", where, required=False),
                attributes=reader.pairs(item, "attributes", where),
            )
        )
    return tuple(attendees)


def _read_rounds(data: Any, event: Event, known: set[str], reader: _Reader) -> tuple[PlannedRound, ...]:
    items = reader.objects(data, "rounds")
    if not items:
        raise reader.fail("rounds", t("the list is empty"))
    themes = {t.title: t for t in event.themes}
    rounds = []
    for r_index, item in enumerate(items):
        number = reader.number(item, "number", f"rounds[{r_index}]", r_index + 1)
        where = t("round {number}", number=number)
        seated: set[str] = set()
        tables = []
        for t_index, table in enumerate(reader.objects(item.get("tables"), f"{where}, tables")):
            table_number = reader.number(table, "number", f"{where}, tables[{t_index}]", t_index + 1)
            place = t("{where}, table {number}", where=where, number=table_number)
            ids = table.get("attendees")
            if not isinstance(ids, list):
                raise reader.fail(place, t("'attendees' must be a list of ids"))
            ids = [str(x) for x in ids]
            for attendee_id in ids:
                if attendee_id not in known:
                    raise reader.fail(place, t("unknown attendee '{id}'", id=attendee_id))
                if attendee_id in seated:
                    raise reader.fail(
                        where,
                        t(
                            "attendee '{id}' is seated twice; remove them from all tables but one (one table "
                            "per person and round)",
                            id=attendee_id,
                        ),
                    )
                seated.add(attendee_id)
            presents = reader.pairs(table, "presents", place)
            tables.append(SeatedTable(table_number, tuple(ids), presents))
        title = reader.text(item, "theme", where, required=False)
        theme = themes.get(title) or (
            Theme(
                title,
                reader.text(item, "prompt", where, required=False),
                reader.text(item, "theme_kind", where, required=False),
            )
            if title
            else None
        )
        rounds.append(
            PlannedRound(
                number=number,
                tables=tuple(tables),
                theme=theme,
                start=reader.clock(item, "start", where),
                end=reader.clock(item, "end", where),
            )
        )
    return tuple(rounds)


def _read_pairs(data: Any, known: set[str], reader: _Reader) -> dict[str, tuple[tuple[str, str], ...]]:
    """The organiser's pair requests ("constraints": {"keep_apart": [[id, id], ...], ...})."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise reader.fail("constraints", t("must be an object"))
    requests = {}
    for key in ("keep_apart", "should_meet"):
        pairs = data.get(key, [])
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(str(x) in known for x in p) for p in pairs
        ):
            raise reader.fail(f"constraints.{key}", t("must be a list of [id, id] pairs of known attendees"))
        requests[key] = tuple((str(a), str(b)) for a, b in pairs)
    return requests


def _read_quality(data: Any) -> Quality | None:
    """The file's own figures, or None when any is not what the tool writes (they are recomputed anyway:
    only the claim of optimality is ever weighed, see `planning.measure`)."""
    if not isinstance(data, dict):
        return None
    values = {f.name: data[f.name] for f in fields(Quality) if f.name in data}
    for name, value in values.items():
        kind = bool if name in ("optimal", "interrupted") else int
        if not isinstance(value, kind) or (kind is int and (isinstance(value, bool) or value < 0)):
            return None
    try:
        return Quality(**values)
    except TypeError:
        return None


def _read_solver(data: Any) -> SolverReport:
    """How the plan was computed, as far as the file says it sensibly (it is only ever shown)."""
    if not isinstance(data, dict):
        return SolverReport()
    values: dict[str, Any] = {}
    if isinstance(data.get("method"), str):
        values["method"] = printable(data["method"])
    for key in ("seconds", "time_limit"):
        value = data.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
            values[key] = float(value)
    if isinstance(data.get("seed"), int) and not isinstance(data["seed"], bool):
        values["seed"] = data["seed"]
    return SolverReport(**values)


def plan_from_dict(data: Any, source: str = "plan") -> Plan:
    """Rebuild a Plan, raising PlanFormatError that names the place of the first problem."""
    reader = _Reader(source)
    if not isinstance(data, dict):
        raise reader.fail("JSON", t("the file is not a JSON object"))
    if data.get("format") != FORMAT:
        raise reader.fail("format", t("is '{found}', expected '{expected}'", found=data.get("format"), expected=FORMAT))
    event = _read_event(data.get("event"), reader)
    attendees = _read_attendees(data.get("attendees"), reader)
    known = {a.id for a in attendees}
    rounds = _read_rounds(data.get("rounds"), event, known, reader)
    return Plan(
        attendees=attendees,
        rounds=rounds,
        event=event,
        quality=_read_quality(data.get("quality")),
        solver=_read_solver(data.get("solver")),
        version=reader.number(data, "version", "version", 1),
        revised_at=reader.text(data, "revised_at", "revised_at", required=False),
        series=_read_series(data.get("series"), reader),
        **_read_pairs(data.get("constraints"), known, reader),
    )


def _read_series(data: Any, reader: _Reader) -> SeriesPlace | None:
    """The session's place in its series ("series": {"key": ..., "session": 2, "sessions": 3}), if any."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise reader.fail("series", t("must be an object"))
    return SeriesPlace(
        key=reader.text(data, "key", "series"),
        number=reader.number(data, "session", "series", 1),
        sessions=reader.number(data, "sessions", "series", 1),
    )


def read_plan(path: Path) -> Plan:
    """Load a plan file; unreadable or malformed files raise PlanFormatError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanFormatError(t("{path}: no such file", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanFormatError(t("{path}: cannot be read ({reason})", path=path, reason=exc)) from None
    try:
        data = parse_json(text)
    except UnreadableJSON as exc:
        raise PlanFormatError(
            t(
                "{path}: not valid JSON ({reason}); give the plan.json written by "
                '"speeddating plan", or, if it was edited by hand, correct it',
                path=path,
                reason=exc,
            )
        ) from None
    plan = plan_from_dict(data, str(path))
    _check_seats(plan, _Reader(str(path)))
    return plan


def _check_seats(plan: Plan, reader: "_Reader") -> None:
    """Refuse a table where nobody meets anybody, or more people than a table seats (see SEATS); a session
    recorded in the history is read without this rule, so that an earlier version's records stay readable."""
    fewest, most = SEATS
    for rnd in plan.rounds:
        for table in rnd.tables:
            where = t("round {number}", number=rnd.number)
            place = t("{where}, table {number}", where=where, number=table.number)
            if len(table.attendees) < fewest:
                raise reader.fail(
                    place,
                    t_plural(
                        "{count} person; nobody meets anybody there. Merge it with another table.",
                        "{count} people; nobody meets anybody there. Merge it with another table.",
                        len(table.attendees),
                    ),
                )
            if len(table.attendees) > most:
                raise reader.fail(
                    place,
                    t(
                        "{count} people at one table, more than a table seats ({most}); share them out "
                        "among other tables.",
                        count=len(table.attendees),
                        most=most,
                    ),
                )


class UnreadableJSON(ValueError):
    """Text that is not JSON Python can read; the message says why, in the organiser's language."""


def parse_json(text: str) -> Any:
    """`json.loads`, failing with UnreadableJSON only (a number of 5,000 digits or lists nested 5,000 deep
    make Python's parser fail otherwise than with a syntax error)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableJSON(t("line {line}: {reason}", line=exc.lineno, reason=exc.msg)) from None
    except RecursionError:
        raise UnreadableJSON(t("lists or objects nested too deeply")) from None
    except ValueError:
        raise UnreadableJSON(t("a number has too many digits")) from None
