"""Fast constructive plan: round by round, attendees dealt to tables like cards, cheapest first.

It exists so the portfolio never waits empty-handed: milliseconds even for 1,000 people, and free
of avoidable colleague pairs whenever no fixed seat gets in the way. People are listed by
organisation, larger organisations first, and dealt in passes: within a pass every table with room
receives one person, so tables fill evenly and colleagues, being consecutive in the list, land at
distinct tables (a pure cost-greedy fills some tables early and strands the last organisation at
the few that are left). Within a pass each person takes the open table where their meetings cost
least (`PairCosts`); pricing the tables is one vectorised sum over the round.
"""

import random
from collections import Counter

import numpy as np

from speeddating.problem import Problem, Schedule
from speeddating.solver.costs import Tally, pair_costs
from speeddating.solver.freedom import FREEDOM_MAX_PEOPLE, seat_round_by_freedom


def seating_order(problem: Problem, rnd: int, rng: random.Random) -> list[int]:
    """People of round `rnd` without a fixed seat: larger organisations first, colleagues together."""
    heads = Counter(problem.organisation_of[p] for p in problem.present(rnd))
    tie = {org: rng.random() for org in sorted(heads)}
    free = [p for p in problem.present(rnd) if (p, rnd) not in problem.fixed_tables]
    rng.shuffle(free)
    return sorted(free, key=lambda p: (-heads[problem.organisation_of[p]], tie[problem.organisation_of[p]]))


def seat_round(problem: Problem, rnd: int, tally: Tally, rng: random.Random) -> tuple[tuple[int, ...], ...]:
    """Seat round `rnd` greedily given the meetings recorded in `tally` (which it updates)."""
    sizes = np.array(problem.table_sizes(rnd))
    tables: list[list[int]] = [[] for _ in sizes]
    filled = np.zeros(len(sizes), dtype=np.intp)
    where = np.full(problem.people + 1, len(sizes))
    """The table of each person seated so far, else an extra one (the dummy seat too), never priced."""

    def place(person: int, table: int) -> None:
        tally.seat(tables[table], person, +1)
        tables[table].append(person)
        where[person] = table
        filled[table] += 1

    for (person, r), table in sorted(problem.fixed_tables.items()):
        if r == rnd:
            place(person, table)
    taken = np.zeros(len(sizes), dtype=bool)
    for person in seating_order(problem, rnd, rng):
        room = sizes > filled
        if not (room & ~taken).any():
            taken[:] = False
        row = tally.add_rows(np.array([person]))[0]
        cost = np.bincount(where, weights=row, minlength=len(sizes) + 1)[:-1]
        cost[~room | taken] = np.inf
        cheapest = np.flatnonzero(cost <= cost.min() + 1e-9)
        table = int(cheapest[rng.randrange(len(cheapest))])
        taken[table] = True
        place(person, table)
    return tuple(tuple(t) for t in tables)


def greedy_schedule(problem: Problem, seed: int = 0) -> Schedule:
    """A complete schedule built round by round (deterministic for a given seed)."""
    rng = random.Random(seed)
    tally = Tally(pair_costs(problem))
    return tuple(seat_round(problem, rnd, tally, rng) for rnd in range(problem.rounds))


def fit_round(problem: Problem, rnd: int, tables: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
    """Round `rnd` of a nearby plan made to fit: people absent or unknown leave, fixed people move to
    their table, overfull tables send their last arrivals to the tables with room."""
    present = set(problem.present(rnd))
    fixed = {p: t for (p, r), t in problem.fixed_tables.items() if r == rnd}
    sizes = problem.table_sizes(rnd)
    seated: set[int] = set()
    kept: list[list[int]] = []
    for table in tables[: len(sizes)]:
        kept.append([p for p in table if p in present and p not in fixed and p not in seated])
        seated.update(kept[-1])
    kept += [[] for _ in range(len(sizes) - len(kept))]
    loose = [p for p in problem.present(rnd) if p not in seated and p not in fixed]
    for person, seat in sorted(fixed.items()):
        kept[seat].insert(0, person)
    for t, size in enumerate(sizes):
        while len(kept[t]) > size:
            loose.append(kept[t].pop())
    for t, size in enumerate(sizes):
        while len(kept[t]) < size:
            kept[t].append(loose.pop(0))
    return tuple(tuple(t) for t in kept)


def fit_schedule(problem: Problem, nearby: Schedule, seed: int = 0) -> Schedule:
    """A plan for a nearby problem (a design for a plainer or shorter session) made to fit `problem`:
    its rounds fitted one by one (`fit_round`), rounds it lacks seated after them, by freedom on
    small sessions (the last rounds are the tight ones), else dealt greedily."""
    rng = random.Random(seed)
    tally = Tally(pair_costs(problem))
    schedule = []
    for rnd in range(problem.rounds):
        if rnd < len(nearby):
            tables = fit_round(problem, rnd, nearby[rnd])
            for table in tables:
                for i, person in enumerate(table):
                    tally.seat(list(table[:i]), person, +1)
        elif problem.people <= FREEDOM_MAX_PEOPLE:
            tables = seat_round_by_freedom(problem, rnd, tally, rng)
        else:
            tables = seat_round(problem, rnd, tally, rng)
        schedule.append(tables)
    return tuple(schedule)
