"""Who presents whom in a "present-another" round.

At each table every person presents an organisation other than their own that is seated at the
same table, and every organisation there is presented by someone. Each table is a small
assignment problem solved exactly as a maximum-weight matching between people and
"presentation slots": slot 1 of an organisation is the one that must be filled, further slots
cost a little more each (so presenters spread evenly), and giving someone an organisation they
already presented earlier in the session costs more than any spreading. Rounds are taken in
order, so later rounds steer people towards organisations they have not presented yet.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

import networkx as nx

from speeddating.i18n import N_
from speeddating.notice import Notice
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.text import fold


def table_presentations(
    organisations: Sequence[str], presented: Sequence[Counter[str]], before: Sequence[str] = ()
) -> list[str] | None:
    """The organisation each person presents, or None when the table holds a single organisation.

    `organisations[i]` is person i's organisation, `presented[i]` how often they already presented
    each organisation, `before[i]` what they presented in this round of the version being re-planned
    ("" if nothing). Lexicographic optimum: every organisation covered, then as many people as possible
    presenting what they presented before (their printed card stays right), then fewest repeated
    presentations, then presenters spread as evenly as possible over the organisations.
    """
    people = len(organisations)
    present = list(dict.fromkeys(organisations))
    if len(present) < 2:
        return None
    most_repeats = people * max((max(counts.values(), default=0) for counts in presented), default=0)
    repeat_weight = people * people + 1  # more than any total spreading cost
    keep_weight = repeat_weight * (most_repeats + 1)  # more than any total repeat and spreading cost
    cover_weight = keep_weight * (people + 1)  # more than everything else together
    kept = [*before, *[""] * (people - len(before))]
    graph = nx.Graph()
    slots: list[tuple[str, int]] = []
    for organisation in present:
        outsiders = sum(1 for own in organisations if own != organisation)
        slots += [(organisation, rank) for rank in range(min(outsiders, people - len(present) + 1))]
    for s, (organisation, rank) in enumerate(slots):
        for person, own in enumerate(organisations):
            if own != organisation:
                cost = (cover_weight if rank else 0) + repeat_weight * presented[person][organisation] + rank
                cost -= keep_weight if kept[person] == organisation else 0
                graph.add_edge(person, people + s, weight=cover_weight * 2 - cost)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    choice = [""] * people
    for a, b in matching:
        person, slot = min(a, b), max(a, b)
        choice[person] = slots[slot - people][0]
    return choice


def organisation_names(plan: Plan) -> dict[str, str]:
    """Organisation key -> the spelling shown, as first written in the attendee list."""
    names: dict[str, str] = {}
    for attendee in plan.attendees:
        names.setdefault(attendee.organisation_key, attendee.organisation)
    return names


def assign_presents(plan: Plan, previous: Plan | None = None) -> tuple[Plan, list[Notice]]:
    """The plan with `presents` filled at every table of every present-another round (and cleared
    elsewhere), plus one warning per table where nobody can present another organisation. With the
    `previous` version of a re-planned plan, people keep the organisation they presented in a round
    wherever it is still at their table."""
    organisation_of = {a.id: a.organisation_key for a in plan.attendees}
    before = {
        (rnd.number, x): fold(organisation)
        for rnd in (previous.rounds if previous is not None else ())
        for table in rnd.tables
        for x, organisation in table.presents
    }
    names = organisation_names(plan)
    presented: defaultdict[str, Counter[str]] = defaultdict(Counter)
    warnings: list[Notice] = []

    def seat(rnd: PlannedRound, table: SeatedTable) -> SeatedTable:
        if rnd.theme is None or not rnd.theme.presents_another or not table.attendees:
            return replace(table, presents=())
        own = [organisation_of[x] for x in table.attendees]
        earlier = [before.get((rnd.number, x), "") for x in table.attendees]
        choice = table_presentations(own, [presented[x] for x in table.attendees], earlier)
        if choice is None:
            warnings.append(
                Notice.of(
                    N_(
                        "round {round}, table {table}: everyone is from '{organisation}', so nobody can "
                        "present another organisation there; ask each person to present a partner who is "
                        "not at the table."
                    ),
                    round=rnd.number,
                    table=table.number,
                    organisation=names[own[0]],
                )
            )
            return replace(table, presents=())
        for attendee_id, organisation in zip(table.attendees, choice, strict=True):
            presented[attendee_id][organisation] += 1
        return replace(table, presents=tuple((x, names[o]) for x, o in zip(table.attendees, choice, strict=True)))

    rounds = tuple(replace(rnd, tables=tuple(seat(rnd, table) for table in rnd.tables)) for rnd in plan.rounds)
    return replace(plan, rounds=rounds), warnings
