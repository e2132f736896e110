"""Search for (n, k, 1) difference matrices over Z_n, for the transversal designs MacNeish's product misses.

    python -m benchmarks.difference_matrices --order 21 --rows 4 [--time-limit 60] [--seed 0]

A k × n matrix over Z_n is a difference matrix when, for any two rows, the differences of their entries,
column by column, are every element of Z_n once. Its columns, each translated by every element, are the
blocks of a resolvable transversal design TD(k, n): row x is the group of people x·n .. x·n + n - 1, and
the n translates of one column are a round (`speeddating.solver.designs.transversal_design`). Over the
product of fields GF(q) (q ≥ k) the matrix is x·m; where a prime power factor of n is smaller than k
(21 = 3 · 7 at tables of 4) none is known in closed form, and this search gives one: row 0 is all zeros,
row 1 is 0, 1, ..., n - 1 (any matrix can be brought to this form), and each later row is a permutation
whose differences with every earlier row form a permutation too: AllDifferent over the entries and over
the differences, each difference as entry - entry + n·wrap with a Boolean wrap. The printed line is what
`speeddating.solver.starters.DIFFERENCE_MATRICES` stores.
"""

import argparse

from ortools.sat.python import cp_model

from benchmarks.starter_search import one_worker_solver


def search(order: int, rows: int, time_limit: float, seed: int) -> list[list[int]] | None:
    """Rows 2 .. rows-1 of a normalised (order, rows, 1) difference matrix over Z_order, or None."""
    model = cp_model.CpModel()
    columns = range(order)
    free = [[model.new_int_var(0, order - 1, f"d{x}_{c}") for c in columns] for x in range(2, rows)]
    identity = [model.new_constant(c) for c in columns]  # row 1; row 0, all zeros, is each row's AllDifferent
    earlier_rows = [identity]
    for x, row in enumerate(free, start=2):
        model.add_all_different(row)
        model.add(row[0] == 0)  # translating a column keeps the matrix: each starts with 0
        for earlier, other in enumerate(earlier_rows, start=1):
            differences = []
            for c in columns:
                difference = model.new_int_var(0, order - 1, f"e{x}_{earlier}_{c}")
                wrap = model.new_bool_var(f"w{x}_{earlier}_{c}")
                model.add(difference == row[c] - other[c] + order * wrap)
                differences.append(difference)
            model.add_all_different(differences)
        earlier_rows.append(row)
    solver = one_worker_solver(time_limit, seed)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        print(f"{solver.status_name(status)} after {solver.deterministic_time:.1f} deterministic s")
        return None
    return [[solver.value(v) for v in row] for row in free]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--order", type=int, required=True, help="n: people per group, tables per round")
    parser.add_argument("--rows", type=int, required=True, help="k: groups, seats per table")
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT deterministic seconds")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    found = search(args.order, args.rows, args.time_limit, args.seed)
    if found is not None:
        print(f"({args.rows}, {args.order}): " + "; ".join(" ".join(map(str, row)) for row in found))


if __name__ == "__main__":
    main()
