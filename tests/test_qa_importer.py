"""QA: attendee files as French office software exports them, and the ways they go wrong."""

import re
from pathlib import Path

import pytest

from speeddating.importer import ImportProblems, read_roster


def test_problems_are_listed_in_the_order_of_the_rows(tmp_path: Path) -> None:
    """A duplicate on row 4 comes before a missing organisation on row 5, as the organiser reads the sheet."""
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom complet;Structure\nAnne Martin;France Travail\nKarim Benali;Mission Locale\n"
        "Anne Martin;France Travail\nSophie Lefèvre;\n   ;CIO\nLéa Dubois;CIDFF\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportProblems) as caught:
        read_roster(path)
    rows = [re.search(r"ligne (\d+)", problem)[1] for problem in caught.value.problems]  # type: ignore[index]
    assert rows == ["4", "5", "6"], caught.value.problems


def test_a_quote_never_closed_is_pointed_at_on_its_own_line(tmp_path: Path) -> None:
    """Hand-edited CSV: one missing closing quote swallows the rest of the file; say where it opens."""
    path = tmp_path / "liste.csv"
    path.write_text(
        'Nom,Prénom,Structure\n"Martin","Anne","Cap emploi, Lyon"\n"Benali","Karim","PLIE"\n'
        '"Dubois","Léa","CIDFF\n"Roux","Camille","CIO"\n',
        encoding="utf-8",
    )
    with pytest.raises(ImportProblems) as caught:
        read_roster(path)
    assert caught.value.problems == [
        f"{path}, ligne 4 : un guillemet (\") ouvre une case qui n'est pas refermée correctement, et la suite du "
        "fichier y tomberait. Ajoutez le guillemet fermant ou retirez celui-ci, ou enregistrez de nouveau la liste "
        "en CSV depuis votre tableur."
    ]


def test_a_quote_never_closed_at_the_end_of_the_file_too(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text('Nom;Structure\nAnne Martin;CIO\nKarim Benali;PLIE\nLéa Dubois;"CIDFF\n', encoding="utf-8")
    with pytest.raises(ImportProblems) as caught:
        read_roster(path)
    assert len(caught.value.problems) == 1 and f"{path}, ligne 4 : un guillemet" in caught.value.problems[0]


def test_quotes_inside_a_field_and_doubled_quotes_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text('Nom;Structure\nJean "Jo" Martin;CIO\n"Anne ""Nana"" Roux";"PLIE; Lyon"\n', encoding="utf-8")
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ['Jean "Jo" Martin', 'Anne "Nana" Roux']
    assert roster.attendees[1].organisation == "PLIE; Lyon"


def test_a_sheet_asked_of_a_csv_file_is_a_warning_not_silence(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Nom complet;Structure\nAnne Martin;CIO\nLéa Dubois;PLIE\n", encoding="utf-8")
    roster = read_roster(path, sheet="Inscrits")
    assert len(roster) == 2
    assert roster.warnings == (
        f"{path} : --sheet « Inscrits » ignoré, un fichier CSV n'a qu'une feuille. "
        "Pour lire une feuille précise, donnez le classeur (.xlsx ou .ods) lui-même.",
    )
