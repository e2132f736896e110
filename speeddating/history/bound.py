"""How many re-meetings a session cannot avoid, whatever the plan.

A re-meeting is a pair met in an earlier session who meet again (history repeat), an extra
meeting of a pair within the session (repeat), or a colleague pair beyond the forced ones: a
plan can trade one kind for another, so only their sum has a sound floor.

For each person p: over the session p sits beside at least S_p others (the smallest table of
each round they attend, less themselves), and only F_p people present from other organisations
are new to them. Every seat beyond F_p goes to a colleague, a person met before, or someone met
again, so c_p + h_p + r_p >= max(0, S_p - F_p). Each pair is counted by both people:

    history + repeats + same_org >= ceil(sum_p max(0, S_p - F_p) / 2)

and subtracting the forced colleague pairs from both sides gives the bound below.
"""

from speeddating.problem import Problem


def forced_reunions(problem: Problem) -> int:
    """A sound lower bound on history repeats + repeats within the session + avoidable colleague pairs."""
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
    return max(0, -(-excess // 2) - problem.forced_same_org_total())
