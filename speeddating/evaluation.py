"""Quality figures of a schedule, measured the way `check_plan.py` measures a plan file.

One function serves the solvers (to compare candidate schedules), the plan summary and the
`check` command, so every figure the tool prints means the same thing everywhere.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import NamedTuple

from speeddating.problem import Pair, Problem, Schedule, fewest_pairs, pair


class Rank(NamedTuple):
    """A schedule's lexicographic cost, smaller is better, in the order of the planning priorities."""

    keep_apart_violations: int
    same_org_pairs: int
    repeat_pairs: int
    history_weight: float
    """Pairs met in earlier sessions, weighted by how recently."""
    should_meet_missed: int
    negative_new_pairs: int
    """Minus the distinct new pairs: more new pairs rank first."""
    spread: int
    """Most minus fewest new people met by one person: the fairest plan ranks first."""

    @property
    def conflicts(self) -> tuple[int, int, int, float, int]:
        """The levels above new encounters: kept-apart pairs, colleagues, repeats, history, missed wishes."""
        return self[:5]

    @property
    def without_spread(self) -> tuple[float, ...]:
        """Everything but the fairness spread, which a search may trade freely against closeness."""
        return self[:-1]


@dataclass(frozen=True)
class Evaluation:
    """The numbers by which a schedule is judged (priorities in the order of the fields)."""

    same_org_pairs: int
    forced_same_org: int
    repeat_pairs: int
    history_repeats: int
    history_weight: float
    distinct_new_pairs: int
    new_pairs_bound: int
    keep_apart_violations: int
    should_meet_missed: int
    fewest_new_met: int
    most_new_met: int

    def rank(self) -> Rank:
        """Lexicographic cost, smaller is better: kept-apart pairs, colleague pairs, repeats within the
        session, weighted history repeats, pairs that should meet and don't, then the most new pairs,
        then the fairest spread."""
        return Rank(
            self.keep_apart_violations,
            self.same_org_pairs,
            self.repeat_pairs,
            self.history_weight,
            self.should_meet_missed,
            -self.distinct_new_pairs,
            self.most_new_met - self.fewest_new_met,
        )

    @property
    def avoidable_same_org(self) -> int:
        return self.same_org_pairs - self.forced_same_org

    @property
    def perfect(self) -> bool:
        """Nothing left to gain: no avoidable colleague pair, no repeat, every possible new pair."""
        return (
            self.avoidable_same_org == 0
            and self.repeat_pairs == 0
            and self.keep_apart_violations == 0
            and self.should_meet_missed == 0
            and self.distinct_new_pairs == self.new_pairs_bound
        )


def encounters(schedule: Schedule) -> Counter[Pair]:
    """How many times each pair sits together in the schedule."""
    met: Counter[Pair] = Counter()
    for tables in schedule:
        for table in tables:
            for a, b in combinations(table, 2):
                met[pair(a, b)] += 1
    return met


def new_pairs_bound(problem: Problem, schedule: Schedule) -> int:
    """Upper bound on distinct new cross-organisation pairs for this head count and layout.

    Nobody meets more new people than exist for them, nor more than their seats allow; and the
    tables hold no more pairs than their slots once the unavoidable colleague pairs are removed.
    """
    seats_left = Counter[int]()
    slots = 0
    forced = 0
    for tables in schedule:
        for table in tables:
            slots += len(table) * (len(table) - 1) // 2
            for person in table:
                seats_left[person] += len(table) - 1
        counts = Counter(problem.organisation_of[p] for table in tables for p in table)
        forced += sum(fewest_pairs(c, len(tables)) for c in counts.values())
    met_before: dict[int, set[int]] = {}
    for a, b in [*problem.past_encounters, *problem.session_encounters]:
        met_before.setdefault(a, set()).add(b)
        met_before.setdefault(b, set()).add(a)
    org_size = Counter(problem.organisation_of)
    per_person = 0
    for person in range(problem.people):
        others = problem.people - org_size[problem.organisation_of[person]]
        already = sum(1 for y in met_before.get(person, ()) if not problem.same_org(person, y))
        per_person += min(others - already, seats_left[person])
    return min(per_person // 2, slots - forced)


def evaluate(problem: Problem, schedule: Schedule) -> Evaluation:
    """Measure `schedule` against `problem` (table sizes are read from the schedule itself)."""
    met = encounters(schedule)
    same_org = sum(c for (a, b), c in met.items() if problem.same_org(a, b))
    forced = 0
    for tables in schedule:
        counts = Counter(problem.organisation_of[p] for table in tables for p in table)
        forced += sum(fewest_pairs(c, len(tables)) for c in counts.values())
    cross = {p: c for p, c in met.items() if not problem.same_org(*p)}
    repeats = sum(c - 1 + (1 if problem.session_encounters.get(p, 0) else 0) for p, c in cross.items())
    history = [p for p in cross if p in problem.past_encounters]
    new_met = Counter[int]()
    for a, b in cross:
        if (a, b) not in problem.past_encounters and (a, b) not in problem.session_encounters:
            new_met[a] += 1
            new_met[b] += 1
    seated = {p for tables in schedule for table in tables for p in table}
    per_person = [new_met[p] for p in sorted(seated)] or [0]
    return Evaluation(
        same_org_pairs=same_org,
        forced_same_org=forced,
        repeat_pairs=repeats,
        history_repeats=len(history),
        history_weight=sum(problem.past_encounters[p] for p in history),
        distinct_new_pairs=sum(new_met.values()) // 2,
        new_pairs_bound=new_pairs_bound(problem, schedule),
        keep_apart_violations=sum(1 for p in problem.keep_apart if p in met),
        should_meet_missed=sum(1 for p in problem.should_meet if p not in met and p not in problem.session_encounters),
        fewest_new_met=min(per_person),
        most_new_met=max(per_person),
    )


def schedule_errors(problem: Problem, schedule: Schedule) -> list[str]:
    """Why `schedule` does not fit `problem` (empty when it does): seats, sizes, fixed tables."""
    errors = []
    if len(schedule) != problem.rounds:
        errors.append(f"{len(schedule)} rounds instead of {problem.rounds}")
    for rnd, tables in enumerate(schedule[: problem.rounds]):
        seated = [p for table in tables for p in table]
        if sorted(seated) != list(problem.present(rnd)):
            errors.append(f"round {rnd + 1}: the people seated are not exactly those present")
        if tuple(len(t) for t in tables) != problem.table_sizes(rnd):
            errors.append(f"round {rnd + 1}: table sizes {[len(t) for t in tables]} do not fit")
        for (person, r), table in problem.fixed_tables.items():
            if r == rnd and table < len(tables) and person not in tables[table]:
                errors.append(f"round {rnd + 1}: person {person} is not at fixed table {table + 1}")
    return errors
