"""What the organiser asks beyond the defaults: who keeps one table, and which pairs to keep apart or bring together.

People flagged in the attendee file (`stays_seated` / `reste_assis` for reduced mobility, `host` /
`animateur` for table hosts) keep one table for the whole session and the others come to them.
Pairs come from small CSV files, two names per row, matched forgivingly against the roster.
Impossible requests are refused before any solving, one line each, by plain arithmetic; requests
that only cost quality are applied and their cost is reported from the plan (`constraint_lines`).
"""

import csv
import io
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from speeddating.errors import UserError
from speeddating.i18n import N_, t, t_plural
from speeddating.importer.reading import ImportProblems, decoded_text
from speeddating.names import NameMatchError, candidates, match_person
from speeddating.plan import Plan
from speeddating.problem import Pair, Problem, pair
from speeddating.roster import Attendee
from speeddating.text import clean, fold

STAYS_SEATED_COLUMNS = ("stays_seated", "reste_assis")
HOST_COLUMNS = ("host", "animateur", "animatrice")
YES = frozenset({"yes", "y", "oui", "o", "x", "1", "true", "vrai"})
NO = frozenset({"no", "n", "non", "0", "false", "faux", "-"})
HEADER_WORDS = frozenset(
    {
        "nom",
        "name",
        "personne",
        "person",
        "participant",
        "attendee",
        "qui",
        "who",
        "avec",
        "with",
        "prenom nom",
        "first name",
    }
)
SEPARATORS = (";", ",", "\t")

IdPair = tuple[str, str]
"""Two attendee ids, smaller first."""


class ConstraintError(UserError):
    """Constraints that are unreadable, contradictory or impossible (exit status 2)."""


def id_pair(a: str, b: str) -> IdPair:
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True)
class OrganiserConstraints:
    """The organiser's requests, by attendee id (so they survive re-planning and new people)."""

    stays_seated: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    keep_apart: frozenset[IdPair] = frozenset()
    should_meet: frozenset[IdPair] = frozenset()

    @property
    def anchored(self) -> tuple[str, ...]:
        """Everyone who keeps one table: people who stay seated first (they cannot move), then hosts."""
        return tuple(dict.fromkeys((*self.stays_seated, *self.hosts)))

    def __bool__(self) -> bool:
        return bool(self.anchored or self.keep_apart or self.should_meet)

    def hosts_for(self, tables: int, present: Collection[str]) -> "tuple[OrganiserConstraints, tuple[str, ...]]":
        """These constraints with at most one person keeping each of `tables` tables, and the hosts
        beyond that, who take part like everyone else (two hosts at one table would meet all session).
        People who stay seated cannot move, so they keep their place first; absent people take none."""
        seated = sum(1 for x in self.stays_seated if x in present)
        hosts = [x for x in self.hosts if x in present and x not in self.stays_seated]
        room = max(0, tables - seated)
        return replace(self, hosts=tuple(x for x in self.hosts if x not in hosts[room:])), tuple(hosts[room:])


def _flagged(attendees: Sequence[Attendee], columns: Sequence[str], problems: list[str]) -> tuple[str, ...]:
    """Ids whose column says yes; a value that is neither yes nor no is a problem, not a guess."""
    flagged = []
    for attendee in attendees:
        value = attendee.attribute(*columns)
        if fold(value) in YES:
            flagged.append(attendee.id)
        elif value.strip() and fold(value) not in NO:
            problems.append(
                t(
                    "{name}: '{value}' in column {column} is neither yes nor no; write yes, x or 1, or leave it empty.",
                    name=attendee.name,
                    column=columns[-1],
                    value=clean(value),
                )
            )
    return tuple(flagged)


def _separator(text: str) -> str:
    """The separator found on the most lines (`;` when none is), never guessed by pandas."""
    lines = [line for line in text.splitlines() if line.strip()]
    return max(SEPARATORS, key=lambda sep: sum(1 for line in lines if sep in line))


def _is_header(cells: Sequence[str], attendees: Sequence[Attendee]) -> bool:
    """Column titles ("nom;nom", "Person 1,Person 2") that name nobody on the roster."""
    return all(fold(cell).rstrip("0123456789 ") in HEADER_WORDS and not candidates(cell, attendees) for cell in cells)


def read_pairs(path: Path, attendees: Sequence[Attendee]) -> tuple[list[IdPair], list[str]]:
    """Pairs of ids from a CSV file of two names per row, and one problem line per bad row. The file is decoded
    as the attendee list is (UTF-8, UTF-16, Windows-1252 or Mac Roman); a name read wrong is a bad row."""
    if not path.is_file():
        raise ConstraintError(t("{path}: no such file.", path=path))
    try:
        text, _ = decoded_text(path.read_bytes(), str(path))
    except ImportProblems as unreadable:
        return [], unreadable.problems
    rows = csv.reader(io.StringIO(text), delimiter=_separator(text))
    pairs: list[IdPair] = []
    problems: list[str] = []
    for line, row in enumerate(rows, start=1):
        cells = [clean(cell) for cell in row if clean(cell)]
        if not cells or (line == 1 and _is_header(cells, attendees)):
            continue
        if len(cells) != 2:
            problems.append(
                t_plural(
                    "{path}, line {line}: {count} name instead of 2; put two names per line, separated by ;",
                    "{path}, line {line}: {count} names instead of 2; put two names per line, separated by ;",
                    len(cells),
                    path=path,
                    line=line,
                )
            )
            continue
        try:
            first, second = (match_person(cell, attendees) for cell in cells)
        except NameMatchError as error:
            problems.append(t("{path}, line {line}: {message}", path=path, line=line, message=error))
            continue
        if first.id == second.id:
            problems.append(
                t(
                    "{path}, line {line}: both names are {name}; a pair is two different people.",
                    path=path,
                    line=line,
                    name=first.name,
                )
            )
            continue
        pairs.append(id_pair(first.id, second.id))
    return pairs, problems


def organiser_constraints(
    attendees: Sequence[Attendee],
    keep_apart: Path | None = None,
    should_meet: Path | None = None,
    recorded: Plan | None = None,
    *,
    apart_ids: Iterable[IdPair] = (),
    meet_ids: Iterable[IdPair] = (),
) -> OrganiserConstraints:
    """Everything the organiser asked, checked for contradictions; ConstraintError lists each one.

    `recorded` is an earlier version of the plan: the pairs it carries still apply, so a re-plan
    honours them without the files being given again. `apart_ids` and `meet_ids` are pairs chosen by
    attendee id (on the web page) beside the files'; a pair naming someone no longer listed is moot.
    """
    problems: list[str] = []
    stays_seated = _flagged(attendees, STAYS_SEATED_COLUMNS, problems)
    hosts = _flagged(attendees, HOST_COLUMNS, problems)
    listed = {a.id for a in attendees}
    apart: list[IdPair] = [id_pair(*p) for p in recorded.keep_apart] if recorded else []
    meet: list[IdPair] = [id_pair(*p) for p in recorded.should_meet] if recorded else []
    for given, into in ((apart_ids, apart), (meet_ids, meet)):
        into.extend(id_pair(a, b) for a, b in given if a != b and {a, b} <= listed)
    for path, into in ((keep_apart, apart), (should_meet, meet)):
        if path is not None:
            found, bad = read_pairs(path, attendees)
            into.extend(found)
            problems.extend(bad)
    names = {a.id: a.name for a in attendees}
    for a, b in sorted(set(apart) & set(meet)):
        problems.append(
            t(
                "{first} and {second} are both to be kept apart and to meet; remove the pair from one of the files.",
                first=names[a],
                second=names[b],
            )
        )
    if problems:
        raise ConstraintError("\n".join(problems))
    return OrganiserConstraints(stays_seated, hosts, frozenset(apart), frozenset(meet))


def index_pairs(pairs: Iterable[IdPair], index: Mapping[str, int]) -> frozenset[Pair]:
    """Id pairs as index pairs, leaving out anyone `index` does not know."""
    return frozenset(pair(index[a], index[b]) for a, b in pairs if a in index and b in index)


def _rounds_present(problem: Problem, person: int) -> list[int]:
    return [r for r in range(problem.rounds) if person in problem.present(r)]


def capacity_problems(problem: Problem, stays_seated: Sequence[int], names: Sequence[str]) -> list[str]:
    """More people who cannot move than tables in some round: nobody can come to all of them."""
    problems = []
    for rnd in range(problem.rounds):
        seated = [p for p in stays_seated if p in problem.present(rnd)]
        tables = len(problem.table_sizes(rnd))
        if len(seated) > tables:
            problems.append(
                t(
                    "{count} people stay seated but round {round} has only {tables} ({names}): "
                    "at most one per table; remove 'stays seated' from some of them.",
                    count=len(seated),
                    tables=t_plural("{count} table", "{count} tables", tables),
                    round=rnd + 1,
                    names=", ".join(names[p] for p in seated),
                )
            )
            break
    return problems


def anchor_tables(problem: Problem, anchored: Sequence[int]) -> dict[int, int]:
    """One table index per anchored person, the same in every round.

    Taken in order, each person goes to the table with no one they are kept apart from, then the
    fewest anchored people already (two people sharing a table meet again every round), then the
    fewest colleagues, then the lowest index (the largest tables come first).
    """
    load: Counter[int] = Counter()
    seated_at: dict[int, list[int]] = {}
    table_of: dict[int, int] = {}
    for person in anchored:
        rounds = _rounds_present(problem, person)
        if not rounds:
            continue
        tables = min(len(problem.table_sizes(r)) for r in rounds)
        seats = [min(problem.table_sizes(r)[table] for r in rounds) for table in range(tables)]
        open_tables = [table for table in range(tables) if load[table] < seats[table]]
        if not open_tables:
            raise ConstraintError(
                t(
                    "{count} people keep their table (staying seated or hosting): more than the "
                    "tables hold; remove some of these marks.",
                    count=len(anchored),
                )
            )

        def cost(table: int, person: int = person) -> tuple[int, int, int, int]:
            others = seated_at.get(table, [])
            return (
                sum(1 for o in others if pair(person, o) in problem.keep_apart),
                load[table],
                sum(1 for o in others if problem.same_org(person, o)),
                table,
            )

        table = min(open_tables, key=cost)
        table_of[person] = table
        load[table] += 1
        seated_at.setdefault(table, []).append(person)
    return table_of


def apply_constraints(
    problem: Problem,
    attendees: Sequence[Attendee],
    constraints: OrganiserConstraints,
) -> Problem:
    """`problem` with the organiser's pairs and fixed tables; ConstraintError if impossible."""
    index = {a.id: i for i, a in enumerate(attendees)}
    names = [a.name for a in attendees]
    stays = [index[x] for x in constraints.stays_seated if x in index]
    problems = capacity_problems(problem, stays, names)
    if problems:
        raise ConstraintError("\n".join(problems))
    paired = replace(
        problem,
        keep_apart=problem.keep_apart | index_pairs(constraints.keep_apart, index),
        should_meet=problem.should_meet | index_pairs(constraints.should_meet, index),
    )
    present = {attendees[p].id for r in range(problem.rounds) for p in problem.present(r)}
    tables = min((len(problem.table_sizes(r)) for r in range(problem.rounds) if problem.present(r)), default=0)
    constraints, _ = constraints.hosts_for(tables, present)
    anchored = [index[x] for x in constraints.anchored if x in index]
    table_of = anchor_tables(paired, anchored)
    fixed = dict(problem.fixed_tables)
    for person, table in table_of.items():
        for rnd in _rounds_present(paired, person):
            fixed[person, rnd] = table
    return replace(paired, fixed_tables=fixed)


def _tables_of(plan: Plan, attendee_id: str) -> list[int]:
    return sorted({table.number for _, table in plan.itinerary(attendee_id) if table is not None})


def _met(plan: Plan) -> dict[IdPair, list[int]]:
    """Pair of ids -> the rounds where they share a table."""
    met: dict[IdPair, list[int]] = {}
    for rnd in plan.rounds:
        for table in rnd.tables:
            for a, b in combinations(table.attendees, 2):
                met.setdefault(id_pair(a, b), []).append(rnd.number)
    return met


def constraint_lines(plan: Plan, constraints: OrganiserConstraints, from_round: int = 1) -> list[str]:
    """What the constraints did to this plan (from `from_round` on for who keeps a table): where fixed
    people sit, hosts beyond one per table, pairs kept or missed, and the cost."""
    people = plan.by_id()
    rounds = [rnd for rnd in plan.rounds[from_round - 1 :] if any(table.attendees for table in rnd.tables)]
    present = {x for rnd in rounds for table in rnd.tables for x in table.attendees}
    tables = min((sum(1 for table in rnd.tables if table.attendees) for rnd in rounds), default=0)
    constraints, ordinary = constraints.hosts_for(tables, present)
    lines = []
    if ordinary:
        lines.append(
            t_plural(
                "Warning: more hosts than tables ({tables}); {names} takes part like everyone "
                "else (one host per table at most, otherwise two hosts would sit together all "
                "session).",
                "Warning: more hosts than tables ({tables}); {names} take part like everyone "
                "else (one host per table at most, otherwise two hosts would sit together all "
                "session).",
                len(ordinary),
                tables=tables,
                names=", ".join(people[x].name for x in ordinary),
            )
        )
    for key, ids in (
        (N_("Stay seated ({count}): {listing} (in brackets: their table)"), constraints.stays_seated),
        (N_("Table hosts ({count}): {listing} (in brackets: their table)"), constraints.hosts),
    ):
        placed = [(people[x].name, _tables_of(plan, x)) for x in ids if x in people]
        if placed:
            lines.append(
                t(
                    key,
                    count=len(placed),
                    listing=", ".join(f"{name} ({'/'.join(map(str, tables)) or '—'})" for name, tables in placed),
                )
            )
    met = _met(plan)
    shared = [
        (a, b)
        for a, b in combinations(constraints.anchored, 2)
        if a in people and b in people and len(met.get(id_pair(a, b), [])) > 1
    ]
    if shared:
        lines.append(
            t(
                "Cost: {shared} ({pairs}), that is {repeats}",
                shared=t_plural(
                    "{count} pair of people keeping their table shares it",
                    "{count} pairs of people keeping their table share it",
                    len(shared),
                ),
                repeats=t_plural(
                    "{count} repeated encounter",
                    "{count} repeated encounters",
                    sum(len(met[id_pair(a, b)]) - 1 for a, b in shared),
                ),
                pairs=", ".join(f"{people[a].name} & {people[b].name}" for a, b in shared),
            )
        )
    if constraints.keep_apart:
        broken = sorted(p for p in constraints.keep_apart if p in met)
        lines.append(
            t_plural(
                "Pairs kept apart: {total}, {count} of them seated together anyway",
                "Pairs kept apart: {total}, {count} of them seated together anyway",
                len(broken),
                total=len(constraints.keep_apart),
            )
        )
        lines += [
            t_plural(
                "  {first} and {second} share a table in round {rounds}",
                "  {first} and {second} share a table in rounds {rounds}",
                len(met[a, b]),
                first=people[a].name,
                second=people[b].name,
                rounds=", ".join(map(str, met[a, b])),
            )
            for a, b in broken
        ]
    if constraints.should_meet:
        missed = sorted(p for p in constraints.should_meet if p not in met)
        lines.append(
            t_plural(
                "Pairs who should meet: {total}, {count} of them meets",
                "Pairs who should meet: {total}, {count} of them meet",
                len(constraints.should_meet) - len(missed),
                total=len(constraints.should_meet),
            )
        )
        lines += [_missed_line(plan, constraints, a, b) for a, b in missed if a in people and b in people]
    return lines


def _missed_line(plan: Plan, constraints: OrganiserConstraints, a: str, b: str) -> str:
    """Why a pair who should meet does not: colleagues never share a table, two people keeping
    different tables cannot, otherwise meeting would have cost more."""
    first, second = plan.attendee(a), plan.attendee(b)
    names = {"first": first.name, "second": second.name}
    if first.organisation_key == second.organisation_key:
        return t(
            "  {first} and {second} do not meet: colleagues from the same organisation are never seated together",
            **names,
        )
    tables = (_tables_of(plan, a), _tables_of(plan, b))
    if {a, b} <= set(constraints.anchored) and all(len(x) == 1 for x in tables) and tables[0] != tables[1]:
        return t(
            "  {first} and {second} do not meet: each keeps their own table (tables {tables})",
            tables=f"{tables[0][0]}/{tables[1][0]}",
            **names,
        )
    return t("  {first} and {second} do not meet (it would have cost more)", **names)
