"""How the network grew session by session: after each session held, the share of the possible pairs of
people from different organisations who have met, and that session's re-meetings against the floor its
head counts forced (the figures the history screen draws as a trend).

Every figure is recomputed from the store (the encounters, who attended, the plans as recorded), as the
report is, never trusted from a plan file.
"""

import sqlite3
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from speeddating.evaluation import evaluate
from speeddating.history.bound import forced_reunions
from speeddating.history.report import encounter_graph
from speeddating.history.store import SessionStatus, list_sessions, session_plan
from speeddating.plan import Plan
from speeddating.planning import PastEncounters, plan_schedule
from speeddating.text import fold

Pair = frozenset[int]


@dataclass(frozen=True)
class SessionStep:
    """The network as it stood after one session held (people are the history's person ids)."""

    session: int
    title: str
    date: str
    people: int
    """People seen in this session or an earlier one."""
    cross_met: int
    """Pairs of those people from different organisations who have met, this session included."""
    cross_possible: int
    re_meetings: int
    """In this session: pairs who had met before, pairs met twice, and avoidable colleague pairs."""
    unavoidable: int
    """A floor on those re-meetings for this session's head counts, given who had met before (the planner's
    own, `history.bound.forced_reunions`; a first session's are those its rounds force)."""

    @property
    def share(self) -> float:
        return self.cross_met / self.cross_possible if self.cross_possible else 0.0


def _past_of(plan: Plan, met: Mapping[Pair, int], people: list[tuple[int, str, str, str]]) -> PastEncounters:
    """The pairs `met` among the plan's attendees, keyed as the planner keys them (their identities): each
    attendee is the person of the same identity, else of the same name and organisation."""
    by_identity = {identity: person for person, identity, _, _ in people}
    by_name = {(name, organisation): person for person, _, name, organisation in people}
    person_of = {
        a.identity: by_identity.get(a.identity, by_name.get((fold(a.name), fold(a.organisation))))
        for a in plan.attendees
    }
    identity_of = {person: identity for identity, person in person_of.items() if person is not None}
    return {
        frozenset(identity_of[p] for p in pair): float(sessions)
        for pair, sessions in met.items()
        if all(p in identity_of for p in pair)
    }


def network_trend(connection: sqlite3.Connection, aliases: Mapping[str, str] | None = None) -> list[SessionStep]:
    """One step per session held, oldest first; organisations counted as the report counts them."""
    organisation = {
        person: data["organisation_key"] for person, data in encounter_graph(connection, aliases).nodes(data=True)
    }
    people = connection.execute("SELECT id, identity, name_key, organisation_key FROM people").fetchall()
    seen: set[int] = set()
    met: Counter[Pair] = Counter()
    steps = []
    for info in list_sessions(connection):
        if info.status is not SessionStatus.HELD:
            continue
        pairs = {
            frozenset(pair)
            for pair in connection.execute(
                "SELECT DISTINCT person_a, person_b FROM encounters WHERE session_id = ?", (info.id,)
            )
        }
        plan = session_plan(connection, info.id)[1]
        problem, schedule = plan_schedule(plan, _past_of(plan, met, people))
        figures = evaluate(problem, schedule)
        attended = connection.execute("SELECT person_id FROM attendance WHERE session_id = ?", (info.id,))
        seen.update(person for (person,) in attended)
        seen.update(person for pair in pairs for person in pair)
        met.update(pairs)
        heads = Counter(organisation[person] for person in seen)
        possible = len(seen) * (len(seen) - 1) // 2 - sum(count * (count - 1) // 2 for count in heads.values())
        steps.append(
            SessionStep(
                session=info.id,
                title=info.title,
                date=info.date,
                people=len(seen),
                cross_met=sum(1 for pair in met if len({organisation[person] for person in pair}) == 2),
                cross_possible=possible,
                re_meetings=figures.history_repeats
                + figures.repeat_pairs
                + figures.same_org_pairs
                - figures.forced_same_org,
                unavoidable=forced_reunions(problem, schedule),
            )
        )
    return steps
