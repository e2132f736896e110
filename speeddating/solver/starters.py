"""Base classes of cyclically developed resolvable designs, found by computer where no closed form is used.

Each was printed by `python -m benchmarks.starter_search --family F --points V` (seed 0), which
also says which scheme (modulus, parts, fixed points) each family uses; `designs.developed` turns
them into designs, and the tests check each one joins every pair exactly once (or never, inside
a group). Keys are (family, people).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Starter:
    """A base class over Z_modulus × parts (plus ∞ points) and transversal blocks, as `developed` reads them."""

    modulus: int
    parts: int
    base_class: str
    transversals: str = ""


STARTERS: dict[tuple[str, int], Starter] = {
    ("nkts", 24): Starter(
        11, 2, "∞0 0_0 4_1, ∞1 4_0 0_1, 3_0 5_1 8_1, 5_0 8_0 3_1, 10_0 7_1 9_1, 7_0 9_0 10_1, 1_1 2_1 6_1, 1_0 2_0 6_0"
    ),
    ("nkts", 30): Starter(
        14,
        2,
        "∞0 0_0 5_1, ∞1 9_0 7_1, 5_0 8_0 13_0, 1_0 2_0 2_1, 3_0 7_0 9_1, 10_0 12_0 6_1, 4_0 8_1 11_1, 6_0 1_1 3_1,"
        " 11_0 0_1 10_1, 4_1 12_1 13_1",
    ),
    ("rgdd3", 24): Starter(
        7, 3, "∞0 0_0 1_1 3_2, ∞1 3_0 0_1 1_2, ∞2 1_0 3_1 0_2, 6_1 2_2 4_2 5_2, 2_0 4_0 5_0 6_2, 6_0 2_1 4_1 5_1"
    ),
    ("rgdd3", 36): Starter(
        11,
        3,
        "∞0 0_0 5_1 1_2, ∞1 1_0 0_1 5_2, ∞2 5_0 1_1 0_2, 7_1 9_1 2_2 10_2, 2_0 10_0 7_2 9_2, 7_0 9_0 2_1 10_1,"
        " 6_1 3_2 4_2 8_2, 3_0 4_0 8_0 6_2, 6_0 3_1 4_1 8_1",
    ),
}
