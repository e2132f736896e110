"""The solution as the organiser sees it: rounds, tables, names, times, themes and quality.

A `Plan` is what every exporter reads and what `speeddating-plan/1` files hold. It never
touches the solver: `build_plan` turns a solver result into a Plan, `plan_to_json` and
`read_plan` move it to and from disk.
"""

import json
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from speeddating.errors import PlanFormatError
from speeddating.event import Event, Theme
from speeddating.fileio import atomic_write_text
from speeddating.i18n import t
from speeddating.roster import Attendee
from speeddating.status import SolveStatus, status_of

FORMAT = "speeddating-plan/1"


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
        for table in self.tables:
            if attendee_id in table.attendees:
                return table
        return None


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

    @property
    def status(self) -> SolveStatus:
        """Proven optimal, or the best plan found (with `proven_bound`); the file keeps it as `optimal`."""
        return status_of(self.optimal)


@dataclass(frozen=True)
class SolverReport:
    """How the plan was computed, kept in the file for debugging and reproducing it (never worded for the
    organiser: `method` is an internal component name)."""

    method: str = ""
    seconds: float = 0.0
    seed: int = 0
    time_limit: float = 0.0


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
        document["quality"] = asdict(plan.quality)
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
        if not isinstance(value, str | int | float):
            raise self.fail(where, t("'{field}' must be text", field=key))
        text = str(value).strip()
        if required and not text:
            raise self.fail(where, t("'{field}' is missing or empty", field=key))
        return text

    def number(self, data: dict[str, Any], key: str, where: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.fail(where, t("'{field}' must be a whole number from 1", field=key))
        return value

    def pairs(self, data: dict[str, Any], key: str, where: str) -> tuple[tuple[str, str], ...]:
        """An optional JSON object of text values, as (key, value) pairs."""
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(where, t("'{field}' must map text to text", field=key))
        return tuple((str(k), str(v)) for k, v in value.items())

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
    for key in ("table_size", "round_minutes", "changeover_minutes", "welcome_minutes", "closing_minutes"):
        if key in values and not isinstance(values[key], int):
            raise reader.fail("event", t("'{field}' must be a whole number", field=key))
    for key in ("title", "date", "start", "end", "location"):
        if key in values:
            values[key] = reader.text(values, key, "event", required=False)
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
                start=reader.text(item, "start", where, required=False),
                end=reader.text(item, "end", where, required=False),
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
    if not isinstance(data, dict):
        return None
    names = {f.name for f in fields(Quality)}
    try:
        return Quality(**{k: v for k, v in data.items() if k in names})
    except TypeError:
        return None


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
    solver = data.get("solver")
    if not isinstance(solver, dict):
        solver = {}
    solver_fields = {f.name for f in fields(SolverReport)}
    version = data.get("version", 1)
    return Plan(
        attendees=attendees,
        rounds=rounds,
        event=event,
        quality=_read_quality(data.get("quality")),
        solver=SolverReport(**{k: v for k, v in solver.items() if k in solver_fields}),
        version=version if isinstance(version, int) else 1,
        revised_at=str(data.get("revised_at", "")),
        **_read_pairs(data.get("constraints"), known, reader),
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
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFormatError(
            t(
                "{path}: not valid JSON (line {line}: {reason}); give the plan.json written by "
                '"speeddating plan", or, if it was edited by hand, correct that line',
                path=path,
                line=exc.lineno,
                reason=exc.msg,
            )
        ) from None
    return plan_from_dict(data, str(path))
