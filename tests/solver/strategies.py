"""Random small problems for property tests: organisations, absences, fixed seats, pair wishes."""

from hypothesis import strategies as st

from speeddating.problem import Problem


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    people = draw(st.integers(6, 22))
    rounds = draw(st.integers(1, 4))
    table_size = draw(st.integers(3, 5))
    organisation_of = tuple(draw(st.lists(st.integers(0, 5), min_size=people, max_size=people)))
    slots = [(p, r) for p in range(people) for r in range(rounds)]
    absences = frozenset(draw(st.lists(st.sampled_from(slots), max_size=people // 3)))
    probe = Problem(organisation_of, rounds, table_size, absences=absences)
    fixed: dict[tuple[int, int], int] = {}
    for r in range(rounds):
        present = probe.present(r)
        if len(present) < 2:
            continue
        for person in draw(st.lists(st.sampled_from(present), max_size=2, unique=True)):
            table = draw(st.integers(0, len(probe.table_sizes(r)) - 1))
            if sum(1 for (_, rr), t in fixed.items() if rr == r and t == table) < probe.table_sizes(r)[table]:
                fixed[person, r] = table
    pairs = st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)).filter(lambda ab: ab[0] < ab[1])
    keep_apart = frozenset(draw(st.lists(pairs, max_size=3)))
    should_meet = frozenset(draw(st.lists(pairs, max_size=3))) - keep_apart
    past = {ab: draw(st.sampled_from([0.5, 1.0, 2.0])) for ab in draw(st.lists(pairs, max_size=5))}
    return Problem(
        organisation_of,
        rounds,
        table_size,
        absences=absences,
        fixed_tables=fixed,
        keep_apart=keep_apart,
        should_meet=should_meet,
        past_encounters=past,
    )
