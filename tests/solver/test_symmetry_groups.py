"""The group lists swept on 68 and 92 people (benchmarks/symmetry_groups.py): the counts RESULTS.md
records, and every line a group `symmetric_starters --sweep` reads back as the same group."""

from benchmarks.starter_search import scheme
from benchmarks.symmetric_starters import OrbitCover, symmetry
from benchmarks.symmetry_groups import lines, pair_bundle_groups, turned_class_groups


def test_two_classes_on_z11_give_the_328_groups_of_order_8_and_none_of_16() -> None:
    sym, groups = pair_bundle_groups(11, {8})
    assert len(groups) == 328
    assert {len(g) for g in groups} == {8}
    assert pair_bundle_groups(11, {16})[1] == []
    s = scheme("rgdd2", 68, classes=2)
    for line in lines(sym, groups)[::41]:
        points, classes = OrbitCover(s, symmetry("1,0,0"), *(symmetry(t) for t in line.split())).group()
        assert len({(tuple(p), tuple(c)) for p, c in zip(points, classes, strict=True)}) == 8


def test_three_turned_classes_on_z10_give_36_groups_in_4_conjugacy_classes() -> None:
    """T (parts + 3, classes turned) and an M of order 2 or 4 fixing the classes; no element may multiply
    by a unit other than 1 with the parts and classes fixed, nor swap the ∞ alone."""
    sym, groups = turned_class_groups(representatives=False)
    assert len(groups) == 36
    assert {len(g) for g in groups} == {6}
    turn = (1, (3, 4, 5, 6, 7, 8, 0, 1, 2), 0, 1)
    assert all(turn in g for g in groups)
    for group in groups:
        assert not [g for g in group if g[1] == tuple(range(9)) and g[3] == 0 and g != sym.identity]
    _, representatives = turned_class_groups(representatives=True)
    assert len(representatives) == 4 and set(representatives) <= set(groups)
    s = scheme("rgdd2", 92, classes=3)
    for line, group in zip(lines(sym, representatives), representatives, strict=True):
        cover = OrbitCover(s, *(symmetry(t) for t in line.split()))
        points, classes = cover.group()
        assert len(points) == len(group)
        assert {c[0] for c in classes} == {0, 1, 2}
