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

from speeddating.solver.orbits import Group, Round, invariant_rounds, pack


def xor_group(bits: int, parts: int) -> Group:
    """The translations x -> x XOR s of Z_2^bits, on each part: points j * 2^bits + x."""
    size = 1 << bits
    return tuple(tuple((p // size) * size + ((p % size) ^ s) for p in range(size * parts)) for s in range(size))


def search(
    bits: int,
    parts: int,
    table_size: int,
    partner: int,
    rounds: int,
    *,
    seed: int = 0,
    workers: int = 1,
    time_limit: float = 60.0,
) -> list[Round] | None:
    """`rounds` invariant rounds in which no pair meets twice, or None if none was found in time
    (`time_limit` in CP-SAT's deterministic seconds; workers search in parallel, so a run with
    several may differ from the next)."""
    size = 1 << bits
    group = xor_group(bits, parts)
    colleague = [
        p if partner == 0 else (p // size) * size + min(p % size, (p % size) ^ partner) for p in range(size * parts)
    ]
    candidates = invariant_rounds(group, table_size, colleague, candidate_limit=10**6, steps=10**8)
    if candidates is None:
        return None
    return pack(candidates, group, rounds, seed=seed, deterministic_time=time_limit, workers=workers, interleave=False)[
        0
    ]


def base_class(tables: Round, bits: int) -> str:
    """One table per orbit of tables, written as `xor_developed` reads them ("x_j" points)."""
    size = 1 << bits
    kept: list[tuple[int, ...]] = []
    seen: set[tuple[int, ...]] = set()
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
    parser.add_argument("--time-limit", type=float, default=120.0, help="CP-SAT deterministic seconds")
    args = parser.parse_args()
    found = search(
        args.bits,
        args.parts,
        args.table_size,
        args.partner,
        args.rounds,
        seed=args.seed,
        workers=args.workers,
        time_limit=args.time_limit,
    )
    if found is None:
        print("no design found")
        return
    for tables in found:
        print(f'"{base_class(tables, args.bits)}",')


if __name__ == "__main__":
    main()
