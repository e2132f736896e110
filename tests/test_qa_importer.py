"""QA: attendee files as French office software exports them, and the ways they go wrong."""

import re
from pathlib import Path

import pytest

from speeddating.importer import ImportProblems, read_roster


def test_problems_are_listed_in_the_order_of_the_rows(tmp_path: Path) -> None:
    """A duplicate on row 4 comes before a missing organisation on row 5, as the organiser reads the sheet."""
    path = tmp_path / "liste.csv"
    path.write_text("Nom complet;Structure\nAnne Martin;France Travail\nKarim Benali;Mission Locale\n"
                    "Anne Martin;France Travail\nSophie Lefèvre;\n   ;CIO\nLéa Dubois;CIDFF\n", encoding="utf-8")
    with pytest.raises(ImportProblems) as caught:
        read_roster(path)
    rows = [re.search(r"ligne (\d+)", problem)[1] for problem in caught.value.problems]  # type: ignore[index]
    assert rows == ["4", "5", "6"], caught.value.problems
