"""Notices word their counts in the language they are shown in, singular or plural as the count asks."""

from speeddating.i18n import use_language
from speeddating.notice import Counted, Notice
from speeddating.roster import Attendee, Roster
from speeddating.session import explain_forced_colleagues


def town_hall_and_guests(town_hall: int, guests: int) -> Roster:
    return Roster(
        tuple(
            [Attendee(f"m{i}", f"Agent {i}", "Mairie") for i in range(town_hall)]
            + [Attendee(f"g{i}", f"Invité {i}", f"Structure {i}") for i in range(guests)]
        )
    )


def test_a_count_takes_the_grammar_of_each_language_it_is_worded_in() -> None:
    (one_table,) = explain_forced_colleagues(town_hall_and_guests(2, 1), table_size=4)
    assert one_table.text("fr") == (
        "« Mairie » compte 2 personnes pour 1 table : 1 paire de collègues par tour est inévitable."
    )
    assert one_table.text("en") == "'Mairie' has 2 people for 1 table: 1 colleague pair per round cannot be avoided."
    (two_tables,) = explain_forced_colleagues(town_hall_and_guests(5, 3), table_size=4)
    assert two_tables.text("fr") == (
        "« Mairie » compte 5 personnes pour 2 tables : 4 paires de collègues par tour sont inévitables."
    )


def test_a_notice_without_a_language_is_worded_in_the_current_one() -> None:
    notice = Notice.of("{people}", people=Counted(("{count} person", "{count} people"), 1))
    with use_language("en"):
        assert notice.text() == "1 person"
    with use_language("fr"):
        assert notice.text() == "1 personne"
    assert notice.text("en") == "1 person"
