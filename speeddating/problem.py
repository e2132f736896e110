"""The optimiser's input: people as integers, organisations, rounds, tables and what they already met.

A `Problem` is a frozen value validated once, in its constructor, so the solvers can trust it.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from types import MappingProxyType

from speeddating.errors import UserError

Pair = tuple[int, int]
"""Two people, smaller index first."""

Schedule = tuple[tuple[tuple[int, ...], ...], ...]
"""round -> table -> people seated there; table t of round r holds `table_sizes(r)[t]` people."""

MIN_TABLE_SIZE = 3
MAX_TABLE_SIZE = 6


def pair(a: int, b: int) -> Pair:
    """The canonical (smaller, larger) form of a pair."""
    return (a, b) if a < b else (b, a)


def table_layout(people: int, table_size: int) -> tuple[int, ...]:
    """ceil(people / table_size) tables with sizes as even as possible, larger tables first.

    33 people at tables of 4 give 6 tables of 4 and 3 of 3; 13 give 4+3+3+3. A table of 2 is no
    table: when one table fewer avoids it with no table above `table_size + 1`, that layout is
    used instead (5 people at tables of 4 sit together; 7 at tables of 3 give 4+3).
    """
    if people <= 0:
        return ()
    tables = -(-people // table_size)
    if tables > 1 and people // tables < MIN_TABLE_SIZE and -(-people // (tables - 1)) <= table_size + 1:
        tables -= 1
    base, extra = divmod(people, tables)
    return tuple([base + 1] * extra + [base] * (tables - extra))


def fewest_pairs(count: int, tables: int) -> int:
    """Fewest pairs among `count` colleagues spread over `tables` tables (as evenly as possible)."""
    if tables <= 0:
        return 0
    base, extra = divmod(count, tables)
    return extra * (base + 1) * base // 2 + (tables - extra) * base * (base - 1) // 2


class ProblemError(UserError):
    """The request cannot describe a session (bad counts, unknown people, contradictions)."""


@dataclass(frozen=True)
class Problem:
    """Everything the optimiser needs and nothing it doesn't.

    organisation_of[p] is the organisation index of person p. `past_encounters` weighs pairs met
    in earlier sessions (the history gives about 1 each, recent ones a hair heavier); `session_encounters`
    counts pairs already met in rounds of this session that are not re-planned (on-the-day re-planning).
    `fixed_tables` pins (person, round) to a table index; `absences` lists (person, round) where a person sits out.
    """

    organisation_of: tuple[int, ...]
    rounds: int
    table_size: int = 4
    absences: frozenset[tuple[int, int]] = frozenset()
    past_encounters: Mapping[Pair, float] = field(default_factory=dict)
    session_encounters: Mapping[Pair, int] = field(default_factory=dict)
    fixed_tables: Mapping[tuple[int, int], int] = field(default_factory=dict)
    keep_apart: frozenset[Pair] = frozenset()
    should_meet: frozenset[Pair] = frozenset()

    def __post_init__(self) -> None:
        for name in ("past_encounters", "session_encounters", "fixed_tables"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        self._validate()

    def __reduce__(self) -> tuple[type["Problem"], tuple[object, ...]]:
        """Pickled by its fields, the read-only mappings as plain dicts: a search may run in another
        process (`solver.parallel`)."""
        values = (getattr(self, f.name) for f in fields(self))
        return (Problem, tuple(dict(v) if isinstance(v, Mapping) else v for v in values))

    def _validate(self) -> None:
        n = len(self.organisation_of)
        if n < 2:
            raise ProblemError(f"a session needs at least 2 people, got {n}")
        if self.rounds < 1:
            raise ProblemError(f"the number of rounds must be at least 1, got {self.rounds}")
        if not MIN_TABLE_SIZE <= self.table_size <= MAX_TABLE_SIZE:
            raise ProblemError(
                f"table size must be between {MIN_TABLE_SIZE} and {MAX_TABLE_SIZE}, got {self.table_size}"
            )
        for person, rnd in self.absences:
            if not (0 <= person < n and 0 <= rnd < self.rounds):
                raise ProblemError(f"absence ({person}, {rnd}) names no person or round")
        pairs = [*self.past_encounters, *self.session_encounters, *self.keep_apart, *self.should_meet]
        for a, b in pairs:
            if not (0 <= a < b < n):
                raise ProblemError(f"pair ({a}, {b}) is not two distinct known people, smaller first")
        clash = self.keep_apart & self.should_meet
        if clash:
            a, b = sorted(clash)[0]
            raise ProblemError(f"people {a} and {b} are both kept apart and required to meet")
        for (person, rnd), table in self.fixed_tables.items():
            if not (0 <= person < n and 0 <= rnd < self.rounds):
                raise ProblemError(f"fixed seat ({person}, {rnd}) names no person or round")
            if (person, rnd) in self.absences:
                raise ProblemError(f"person {person} is absent from round {rnd + 1} but has a seat")
            if not 0 <= table < len(self.table_sizes(rnd)):
                raise ProblemError(
                    f"person {person} is fixed to table {table + 1}, but round {rnd + 1} "
                    f"has only {len(self.table_sizes(rnd))} tables"
                )
        for rnd in range(self.rounds):
            load = Counter(t for (_, r), t in self.fixed_tables.items() if r == rnd)
            for table, count in load.items():
                if count > self.table_sizes(rnd)[table]:
                    raise ProblemError(
                        f"{count} people are fixed to table {table + 1} in round {rnd + 1}, "
                        f"which seats {self.table_sizes(rnd)[table]}"
                    )

    @property
    def people(self) -> int:
        return len(self.organisation_of)

    @property
    def organisations(self) -> int:
        return len(set(self.organisation_of))

    @cached_property
    def _present(self) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(p for p in range(self.people) if (p, r) not in self.absences) for r in range(self.rounds))

    def present(self, rnd: int) -> tuple[int, ...]:
        """People seated in round `rnd` (0-based)."""
        return self._present[rnd]

    def table_sizes(self, rnd: int) -> tuple[int, ...]:
        """Seats of each table in round `rnd`, larger tables first."""
        return table_layout(len(self.present(rnd)), self.table_size)

    def head_counts(self, rnd: int) -> Counter[int]:
        """Organisation index -> people present in round `rnd`."""
        return Counter(self.organisation_of[p] for p in self.present(rnd))

    def forced_same_org(self, rnd: int) -> int:
        """Same-organisation pairs that round `rnd` cannot avoid, given its head counts and tables."""
        tables = len(self.table_sizes(rnd))
        return sum(fewest_pairs(c, tables) for c in self.head_counts(rnd).values())

    def forced_same_org_total(self) -> int:
        return sum(self.forced_same_org(r) for r in range(self.rounds))

    def same_org(self, a: int, b: int) -> bool:
        return self.organisation_of[a] == self.organisation_of[b]
