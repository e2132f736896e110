"""Why each card is reprinted after a re-plan: the table cards say who leaves and who joins in which rounds, the
itineraries what changed for their person; the reasons come from what the cards print, so every card reprinted
has one and no other card has any."""

from dataclasses import replace

import pytest

from speeddating.exporters.pdf.itineraries import itinerary_changes
from speeddating.exporters.pdf.table_cards import table_changes
from speeddating.i18n import use_language
from speeddating.plan import Plan, PlannedRound, SeatedTable
from speeddating.replan import seated_from
from speeddating.roster import Attendee
from speeddating.session import ReplanOptions, Result, replan_session, revision_of
from speeddating.wording import change_lines
from tests.helpers import EIGHT, ROUND_A, ROUND_B, ROUND_C, Person, people, seated_plan, solved_plan

THREE_ROUNDS = [ROUND_A, ROUND_B, ROUND_C]
"""Two tables of four, three rounds: the printed version of the tests below."""
INES: Person = ("Inès Diallo", "Mission Locale", "")


def reprint_report(before: Plan, after: Plan, from_round: int, language: str) -> list[str]:
    """The re-plan's report from `before` to `after`, in `language`, from the line of the itineraries on."""
    with use_language(language):
        lines = change_lines(Result(plan=after, revision=revision_of(before, after, from_round)))
    return lines[next(i for i, line in enumerate(lines) if "reprint" in line or "réimprimer" in line) :]


def version_two(seating: list[list[list[int]]], newcomers: list[Person] | None = None) -> Plan:
    """The eight (and `newcomers`) seated as `seating` says, as the re-plan's version 2."""
    return replace(seated_plan([*EIGHT, *(newcomers or [])], seating), version=2)


def test_a_swap_from_round_two_says_who_leaves_and_who_joins_each_table_and_in_which_rounds() -> None:
    """Anne and Bruno swap tables from round 2 on: table 1 loses Anne and gains Bruno in rounds 2 and 3,
    table 2 the other way round; their itineraries have another table in rounds 2 and 3."""
    before = seated_plan(EIGHT, THREE_ROUNDS)
    after = version_two([ROUND_A, [[1, 3, 5, 6], [0, 2, 4, 7]], [[1, 3, 4, 7], [0, 2, 5, 6]]])
    assert reprint_report(before, after, 2, "en") == [
        "Itinerary cards to reprint (2):",
        "  Anne Martin: another table (rounds 2, 3)",
        "  Bruno Ngô: another table (rounds 2, 3)",
        "Table cards to reprint (2):",
        "  table 1: Anne Martin leaves, Bruno Ngô joins (rounds 2, 3)",
        "  table 2: Bruno Ngô leaves, Anne Martin joins (rounds 2, 3)",
    ]
    assert reprint_report(before, after, 2, "fr")[-1] == "  table 2 : Bruno Ngô part, Anne Martin arrive (tours 2, 3)"


def test_an_absentee_and_a_late_arrival_are_worded_as_such() -> None:
    """Didier leaves from round 3 and Inès arrives in his seat: his card is not reprinted (he is gone), hers is
    new; the table says both names in that round. Without Inès, Chloé fills Didier's seat: her old table only
    loses her."""
    before = seated_plan(EIGHT, THREE_ROUNDS)
    after = version_two([ROUND_A, ROUND_B, [[0, 8, 4, 7], [1, 2, 5, 6]]], [INES])
    assert reprint_report(before, after, 3, "en") == [
        "Itinerary card to reprint:",
        "  Inès Diallo: a late arrival's first card",
        "Table card to reprint:",
        "  table 1: Didier Roux leaves, Inès Diallo joins (round 3)",
    ]
    emptier = version_two([ROUND_A, ROUND_B, [[0, 2, 4, 7], [1, 5, 6]]])
    assert reprint_report(before, emptier, 3, "fr") == [
        "Parcours à réimprimer :",
        "  Chloé Œuvray : une autre table (tour 3)",
        "Cartes de table à réimprimer (2) :",
        "  table 1 : Didier Roux part, Chloé Œuvray arrive (tour 3)",
        "  table 2 : Chloé Œuvray part (tour 3)",
    ]


def test_someone_sitting_out_a_round_and_back_at_the_next_is_told_so() -> None:
    """Hugo sits out round 2 and takes a seat again in round 3, where he had none: two reasons on his card, in
    the order of their rounds."""
    before = seated_plan(EIGHT, [ROUND_A, ROUND_B, [[0, 3, 4], [1, 2, 5, 6]]])
    after = version_two([ROUND_A, [[0, 3, 5, 6], [1, 2, 4]], ROUND_C])
    assert reprint_report(before, after, 2, "en")[:2] == [
        "Itinerary card to reprint:",
        "  Hugo Petit: no table (round 2); a table again (round 3)",
    ]


def test_a_new_presentation_at_an_unchanged_table_is_the_reason_given() -> None:
    """Same people, someone presents another organisation: the card says so, for the table and the person."""
    plain = seated_plan(EIGHT, THREE_ROUNDS)
    first = plain.rounds[0].tables[0]
    presenting = PlannedRound(1, (SeatedTable(1, first.attendees, (("p1", "CIO"),)), plain.rounds[0].tables[1]))
    before = Plan(attendees=plain.attendees, rounds=(presenting, *plain.rounds[1:]), event=plain.event)
    presented = PlannedRound(1, (SeatedTable(1, first.attendees, (("p1", "Cap emploi"),)), plain.rounds[0].tables[1]))
    after = Plan(attendees=plain.attendees, rounds=(presented, *plain.rounds[1:]), event=plain.event, version=2)
    assert reprint_report(before, after, 1, "en") == [
        "Itinerary card to reprint:",
        "  Anne Martin: presents Cap emploi (round 1)",
        "Table card to reprint:",
        "  table 1: who presents whom (round 1)",
    ]


@pytest.fixture(scope="module")
def replanned24() -> tuple[Plan, Result]:
    """24 people over 5 rounds re-planned from round 3 without one of them and with a newcomer."""
    printed = solved_plan(people(24, 6), 5)
    return printed, replan_session(printed, ReplanOptions(3, ("p05",), added=(Attendee("", "Newcomer", "Org 2"),)))


def test_every_card_reprinted_has_a_reason_and_no_other_card_has_one(replanned24: tuple[Plan, Result]) -> None:
    before, result = replanned24
    revision = result.revision
    assert revision is not None and revision.itineraries_to_reprint and revision.tables_to_reprint
    after = result.plan
    known = before.by_id()
    for person in seated_from(after, 3):
        changed = person not in known or bool(itinerary_changes(before, after, person))
        assert changed == (person in revision.itineraries_to_reprint), person
    for number in sorted({table.number for rnd in after.rounds[2:] for table in rnd.tables}):
        assert bool(table_changes(before, after, number)) == (number in revision.tables_to_reprint), number
    assert all(
        change.round >= 3 for number in revision.tables_to_reprint for change in table_changes(before, after, number)
    )
    report = reprint_report(before, after, 3, "en")
    assert len(report) == 2 + len(revision.itineraries_to_reprint) + len(revision.tables_to_reprint)
    assert not any("other printed details" in line for line in report)
