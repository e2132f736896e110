"""The network's trend session by session, recomputed from the store (hand-checked on eight people)."""

from pathlib import Path

from speeddating.history.store import open_history
from speeddating.history.trend import network_trend
from tests.helpers import EIGHT, ROUND_A, ROUND_B, ROUND_C, record, seated_plan


def test_each_session_adds_its_pairs_and_counts_its_forced_re_meetings(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    record(db, seated_plan(EIGHT, [ROUND_A, ROUND_B], title="Janvier"))
    record(db, seated_plan(EIGHT, [ROUND_C], title="Février", date="2025-02-12"))
    with open_history(db) as connection:
        january, february = network_trend(connection)
    # January: 24 cross-organisation pairs seated, 4 of them twice (each round-2 table holds two pairs of
    # each round-1 table); two rounds seat 24 pairs for the 24 possible, so none was forced.
    assert (january.title, january.people, january.cross_met, january.cross_possible) == ("Janvier", 8, 20, 24)
    assert (january.re_meetings, january.unavoidable) == (4, 0)
    # February: 8 of its 12 pairs had met in January, the 4 others are the last ones missing; only 4 pairs were
    # still fresh, so a round of 12 pairs had to hold 8 re-meetings.
    assert (february.cross_met, february.cross_possible, february.share) == (24, 24, 1.0)
    assert (february.re_meetings, february.unavoidable) == (8, 8)


def test_a_newcomer_widens_the_possible_pairs_from_the_session_they_come(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    record(db, seated_plan(EIGHT[:4], [[[0, 2], [1, 3]]], title="Petit"))
    record(db, seated_plan(EIGHT[:6], [[[0, 4], [1, 5], [2, 3]]], title="Plus grand", date="2025-02-12"))
    with open_history(db) as connection:
        first, second = network_trend(connection)
    assert (first.people, first.cross_met, first.cross_possible) == (4, 2, 4)
    assert (second.people, second.cross_met, second.cross_possible) == (6, 4, 12)
    assert second.re_meetings == 1  # Chloé and Didier, colleagues, seated together although avoidable
