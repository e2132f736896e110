"""Search for (n, k, 1) difference matrices over an abelian group of order n, for the transversal designs
MacNeish's product misses.

    python -m benchmarks.difference_matrices --group 2x6 --rows 6 [--time-limit 60] [--seed 0]

A k × n matrix over a group G of order n is a difference matrix when, for any two rows, the differences of
their entries, column by column, are every element of G once. Its columns, each translated by every element,
are the blocks of a resolvable transversal design TD(k, n): row x is the group of people x·n .. x·n + n - 1,
and the n translates of one column are a round (`speeddating.solver.designs.transversal_design`). Over the
product of fields GF(q) (q ≥ k) the matrix is x·m; where a prime power factor of n is smaller than k
(12 = 4 · 3 or 21 = 3 · 7 at tables of 4) none is known in closed form, and this search gives one.

G is a product of cyclic groups, `--group 2x6` for Z_2 × Z_6 (a single number is Z_n); its elements are
numbered in mixed radix, the last factor varying fastest (`speeddating.solver.finite_fields.AbelianGroup`).
A group whose Sylow 2-subgroup is cyclic and not trivial (Z_12, Z_2 × Z_9, every order twice an odd number)
has no difference matrix of 3 rows or more (Hall and Paige), so even orders take a product: Z_2 × Z_6 for 12.
Row 0 is all zeros, row 1 is 0, 1, ..., n - 1 (any matrix can be brought to this form), each later row starts
with 0 and is a permutation whose differences with every earlier row form a permutation too: AllDifferent over
the entries and over the differences, each coordinate of a difference as entry - entry + modulus·wrap with a
Boolean wrap. Rows may change places, so the later rows are ordered by their second entry (two rows never
share an entry outside column 0: they differ by 0 there). The printed line is what
`speeddating.solver.starters.DIFFERENCE_MATRICES` stores.
"""

import argparse
from itertools import pairwise

from ortools.sat.python import cp_model

from benchmarks.starter_search import one_worker_solver
from speeddating.solver.finite_fields import AbelianGroup


def search(group: AbelianGroup, rows: int, time_limit: float, seed: int) -> list[list[int]] | None:
    """Rows 2 .. rows-1 of a normalised (order, rows, 1) difference matrix over `group`, or None."""
    model = cp_model.CpModel()
    moduli, radix = group.moduli, group.radix
    columns = range(group.order)

    def number(coordinates: list[cp_model.IntVar]) -> cp_model.LinearExpr:
        return sum(c * r for c, r in zip(coordinates, radix, strict=True))  # type: ignore[return-value]

    identity = [[model.new_constant(c) for c in group.coordinates(column)] for column in columns]
    earlier_rows = [identity]
    second_entries = []
    for x in range(2, rows):
        row = [[model.new_int_var(0, m - 1, f"d{x}_{c}_{j}") for j, m in enumerate(moduli)] for c in columns]
        model.add_all_different(number(entry) for entry in row)
        model.add(number(row[0]) == 0)  # translating a row keeps the matrix: each starts with 0
        second_entries.append(number(row[1]))
        for earlier, other in enumerate(earlier_rows, start=1):
            differences = []
            for c in columns:
                coordinates = []
                for j, m in enumerate(moduli):
                    coordinate = model.new_int_var(0, m - 1, f"e{x}_{earlier}_{c}_{j}")
                    wrap = model.new_bool_var(f"w{x}_{earlier}_{c}_{j}")
                    model.add(coordinate == row[c][j] - other[c][j] + m * wrap)
                    coordinates.append(coordinate)
                differences.append(number(coordinates))
            model.add_all_different(differences)
        earlier_rows.append(row)
    for lower, upper in pairwise(second_entries):
        model.add(lower < upper)
    solver = one_worker_solver(time_limit, seed)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        print(f"{solver.status_name(status)} after {solver.deterministic_time:.1f} deterministic s")
        return None
    return [[int(solver.value(number(entry))) for entry in row] for row in earlier_rows[1:]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--group", required=True, help="the cyclic factors' orders, 2x6 for Z_2 × Z_6; n for Z_n")
    parser.add_argument("--rows", type=int, required=True, help="k: groups, seats per table")
    parser.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT deterministic seconds")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    group = AbelianGroup(tuple(int(m) for m in args.group.split("x")))
    found = search(group, args.rows, args.time_limit, args.seed)
    if found is not None:
        rows = "; ".join(" ".join(map(str, row)) for row in found)
        print(f'({args.rows}, {group.order}): ({group.moduli}, "{rows}")')


if __name__ == "__main__":
    main()
