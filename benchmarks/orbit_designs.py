"""Search for resolvable designs whose rounds are fixed by the translations of Z_2^k.

    python -m benchmarks.orbit_designs --bits 3 --parts 4 --table-size 4 --partner 7 --rounds 10

Points are Z_2^bits × parts; people x_j and (x XOR partner)_j form a group that never meets
(partner 0: no groups). Asking every round to be fixed by all translations x -> x XOR s shrinks
the Social Golfer Problem to an exact cover: pairs fall into orbits (all their translates), each
invariant round covers whole orbits, so choosing `rounds` invariant rounds that cover every pair
orbit at most once is a set packing of a few thousand candidates, which CP-SAT settles in seconds
where the direct model does not finish. The printed base classes (one block per orbit of blocks)
are what `speeddating.solver.designs.xor_developed` takes; `rgdd_32` was found this way.
"""

import argparse
from collections.abc import Iterator
from itertools import combinations

from ortools.sat.python import cp_model

Block = tuple[int, ...]


def invariant_rounds(bits: int, parts: int, table_size: int, partner: int, limit: int) -> Iterator[tuple[Block, ...]]:
    """Every partition of the points into tables, closed under translation, with no group pair at a table.

    Each round is built once: the table of the lowest unseated point is chosen, then all its translates.
    """
    size = 1 << bits
    points = size * parts

    def translate(block: Block, shift: int) -> Block:
        return tuple(sorted((p // size) * size + ((p % size) ^ shift) for p in block))

    def apart(p: int, q: int) -> bool:
        return partner != 0 and p // size == q // size and (p % size) ^ (q % size) == partner

    found = 0

    def extend(seated: int, tables: list[Block]) -> Iterator[tuple[Block, ...]]:
        nonlocal found
        free = [p for p in range(points) if not seated >> p & 1]
        if not free:
            found += 1
            yield tuple(sorted(tables))
            return
        first = free[0]
        for others in combinations(free[1:], table_size - 1):
            table = (first, *others)
            if any(apart(p, q) for p, q in combinations(table, 2)):
                continue
            orbit = {translate(table, s) for s in range(size)}
            cells = [p for block in orbit for p in block]
            mask = sum(1 << p for p in set(cells))
            if len(set(cells)) == len(cells) and not mask & seated and found < limit:
                yield from extend(seated | mask, tables + sorted(orbit))

    yield from extend(0, [])


def pair_orbit(p: int, q: int, size: int) -> tuple[int, int, int]:
    """The orbit of pair {p, q} under translation: its two parts and the XOR of its positions."""
    a, b = sorted((p // size, q // size))
    return a, b, (p % size) ^ (q % size)


def search(
    bits: int, parts: int, table_size: int, partner: int, rounds: int,
    *, seed: int = 0, workers: int = 1, time_limit: float = 60.0, limit: int = 200_000,
) -> list[tuple[Block, ...]] | None:
    """`rounds` invariant rounds in which no pair meets twice, or None if none was found in time."""
    size = 1 << bits
    candidates = list(invariant_rounds(bits, parts, table_size, partner, limit))
    model = cp_model.CpModel()
    chosen = [model.new_bool_var(f"round{i}") for i in range(len(candidates))]
    covering: dict[tuple[int, int, int], list[cp_model.IntVar]] = {}
    for var, tables in zip(chosen, candidates, strict=True):
        for orbit in {pair_orbit(p, q, size) for table in tables for p, q in combinations(table, 2)}:
            covering.setdefault(orbit, []).append(var)
    for variables in covering.values():
        model.add_at_most_one(variables)
    model.add(sum(chosen) == rounds)
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = time_limit
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [tables for var, tables in zip(chosen, candidates, strict=True) if solver.value(var)]


def base_class(tables: tuple[Block, ...], bits: int) -> str:
    """One table per orbit of tables, written as `xor_developed` reads them ("x_j" points)."""
    size = 1 << bits
    kept: list[Block] = []
    seen: set[Block] = set()
    for table in tables:
        if table not in seen:
            kept.append(table)
            seen.update(tuple(sorted((p // size) * size + ((p % size) ^ s) for p in table)) for s in range(size))
    return ", ".join(" ".join(f"{p % size}_{p // size}" for p in table) for table in kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bits", type=int, default=3)
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--table-size", type=int, default=4)
    parser.add_argument("--partner", type=int, default=7, help="XOR joining the two people of a group; 0: no groups")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    found = search(args.bits, args.parts, args.table_size, args.partner, args.rounds,
                   seed=args.seed, workers=args.workers, time_limit=args.time_limit)
    if found is None:
        print("no design found")
        return
    for tables in found:
        print(f'"{base_class(tables, args.bits)}",')


if __name__ == "__main__":
    main()
