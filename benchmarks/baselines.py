"""Three yardsticks for the solver: a random shuffle, the round-by-round hill-climber of a popular
web tool (builds one round at a time; the cost of a table is the sum over its pairs of the squared
number of earlier meetings, colleagues counting as met once; swaps people out of the worst table
while that improves; a few restarts per round; best of three runs), and the direct CP-SAT model
alone (a boolean per person, round and table, a boolean per pair and round; no symmetry breaking,
no starting plan, no design)."""

import random
from collections import Counter
from itertools import combinations

from ortools.sat.python import cp_model

from speeddating.evaluation import evaluate
from speeddating.problem import Pair, Problem, Schedule, pair
from speeddating.solver.cpsat_model import build_model, read_schedule


def random_round(problem: Problem, rnd: int, rng: random.Random) -> list[list[int]]:
    """A random seating of round `rnd` that honours fixed seats."""
    sizes = problem.table_sizes(rnd)
    tables: list[list[int]] = [[] for _ in sizes]
    for (person, r), table in sorted(problem.fixed_tables.items()):
        if r == rnd:
            tables[table].append(person)
    free = [p for p in problem.present(rnd) if (p, rnd) not in problem.fixed_tables]
    rng.shuffle(free)
    for t, size in enumerate(sizes):
        while len(tables[t]) < size:
            tables[t].append(free.pop())
    return tables


def random_schedule(problem: Problem, seed: int = 0) -> Schedule:
    rng = random.Random(seed)
    return tuple(tuple(tuple(t) for t in random_round(problem, r, rng)) for r in range(problem.rounds))


def table_cost(table: list[int], met: Counter[Pair]) -> int:
    return sum(met[pair(a, b)] ** 2 for a, b in combinations(table, 2))


def climb_round(problem: Problem, rnd: int, met: Counter[Pair], rng: random.Random) -> list[list[int]]:
    """Swap someone out of the worst table while some swap lowers the round's cost."""
    tables = random_round(problem, rnd, rng)
    movable = {p for p in problem.present(rnd) if (p, rnd) not in problem.fixed_tables}
    while True:
        costs = [table_cost(t, met) for t in tables]
        worst = max(range(len(tables)), key=costs.__getitem__)
        best_gain, best_swap = 0, None
        for i, a in enumerate(tables[worst]):
            if a not in movable:
                continue
            for t, other in enumerate(tables):
                if t == worst:
                    continue
                for j, b in enumerate(other):
                    if b not in movable:
                        continue
                    new_worst = [*tables[worst][:i], b, *tables[worst][i + 1 :]]
                    new_other = [*other[:j], a, *other[j + 1 :]]
                    gain = costs[worst] + costs[t] - table_cost(new_worst, met) - table_cost(new_other, met)
                    if gain > best_gain:
                        best_gain, best_swap = gain, (i, t, j)
        if best_swap is None:
            return tables
        i, t, j = best_swap
        tables[worst][i], tables[t][j] = tables[t][j], tables[worst][i]


def hill_climber_once(problem: Problem, rng: random.Random, restarts: int = 5) -> Schedule:
    met: Counter[Pair] = Counter()
    for a, b in combinations(range(problem.people), 2):
        if problem.same_org(a, b) or (a, b) in problem.past_encounters or (a, b) in problem.session_encounters:
            met[a, b] = 1
    schedule = []
    for rnd in range(problem.rounds):
        candidates = [climb_round(problem, rnd, met, rng) for _ in range(restarts)]
        tables = min(candidates, key=lambda ts: sum(table_cost(t, met) for t in ts))
        for table in tables:
            for a, b in combinations(table, 2):
                met[pair(a, b)] += 1
        schedule.append(tuple(tuple(t) for t in tables))
    return tuple(schedule)


def hill_climber(problem: Problem, seed: int = 0, runs: int = 3) -> Schedule:
    """Best of `runs` hill-climbs by `Evaluation.rank()`."""
    rng = random.Random(seed)
    plans = [hill_climber_once(problem, rng) for _ in range(runs)]
    return min(plans, key=lambda s: evaluate(problem, s).rank())


def direct_model(problem: Problem, seed: int = 0, time_limit: float = 10.0, workers: int = 2) -> Schedule | None:
    """The best plan the bare CP-SAT model finds within `time_limit` seconds, or None if it finds none."""
    sm = build_model(problem, symmetry_breaking=False)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = time_limit
    if solver.solve(sm.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return read_schedule(sm, solver)
