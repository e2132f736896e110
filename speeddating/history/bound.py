"""How many history repeats a session cannot avoid, whatever the plan.

For each person p: over the session p sits beside at least S_p others (the smallest table of
each round they attend, less themselves), and only F_p people present from other organisations
are new to them. In a plan with no repeat within the session and no colleague pair beyond the
forced ones, p's cross-organisation table-mates are distinct and at least S_p - c_p of them,
where the c_p (colleague seats) add up to twice the forced colleague pairs. So p meets at least
max(0, S_p - F_p) - c_p people met before, and each history pair is counted by both people:

    unavoidable >= ceil((sum_p max(0, S_p - F_p) - 2 * forced colleague pairs) / 2)
"""

from speeddating.problem import Problem


def unavoidable_history_repeats(problem: Problem) -> int:
    """A sound lower bound on the distinct pairs met in earlier sessions that meet again."""
    if not problem.past_encounters:
        return 0
    seats = [0] * problem.people
    present: set[int] = set()
    for rnd in range(problem.rounds):
        smallest = min(problem.table_sizes(rnd))
        for person in problem.present(rnd):
            seats[person] += smallest - 1
            present.add(person)
    excess = 0
    for person in present:
        fresh = sum(
            1 for other in present
            if not problem.same_org(person, other)
            and (min(person, other), max(person, other)) not in problem.past_encounters
        )
        excess += max(0, seats[person] - fresh)
    shortfall = excess - 2 * problem.forced_same_org_total()
    return max(0, -(-shortfall // 2))
