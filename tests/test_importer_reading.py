"""Hostile attendee files: far cells, huge lists, mixed encodings, invisible characters. One line each, memory
that follows the cells really used, and nothing read wrong without a word."""

import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from speeddating.importer import MAX_PEOPLE, ImportProblems, read_roster
from tests.helpers import Rows, write_csv, write_xlsx

PEOPLE = [["Nom complet", "Structure"], ["Anne Martin", "CIO"], ["Léa Dubois", "PLIE"], ["Karim Benali", "CIDFF"]]


def peak_megabytes(path: Path) -> tuple[float, list[str]]:
    """The most memory reading `path` took (Python's allocations), and the warnings."""
    tracemalloc.start()
    try:
        roster = read_roster(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20, list(roster.warnings)


def test_a_small_workbook_with_a_cell_far_away_stays_small(tmp_path: Path) -> None:
    """One stray cell at row 1,000,000, column 16,000: the sheet claims 16 billion cells; we keep four rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in PEOPLE:
        sheet.append(row)
    sheet.cell(row=1_000_000, column=16_000, value="x")
    path = tmp_path / "liste.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    peak, warnings = peak_megabytes(path)
    assert peak < 30, peak
    assert warnings == [
        f"{path} : cases au-delà de la colonne ALL laissées de côté (la première en WQJ1000000) ; la liste doit "
        "tenir dans les 1\u202f000 premières colonnes."
    ]


def test_an_ods_with_a_million_repeated_rows_and_columns_stays_small(tmp_path: Path) -> None:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Feuille1")
    for names in PEOPLE:
        row = TableRow()
        for text in names:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=text))
            row.addElement(cell)
        table.addElement(row)
    table.addElement(TableRow(numberrowsrepeated=1_000_000))
    far = TableRow()
    far.addElement(TableCell(numbercolumnsrepeated=15_999))
    stray = TableCell(valuetype="string")
    stray.addElement(P(text="x"))
    far.addElement(stray)
    table.addElement(far)
    document.spreadsheet.addElement(table)
    path = tmp_path / "liste.ods"
    document.save(str(path))
    peak, warnings = peak_megabytes(path)
    assert peak < 30, peak
    assert len(warnings) == 1 and "laissées de côté (la première en WQJ1000005)" in warnings[0]


def test_more_people_than_planned_is_refused_in_one_line(tmp_path: Path) -> None:
    rows = [["Nom complet", "Structure"], *([f"Personne {n}", f"Structure {n % 40}"] for n in range(MAX_PEOPLE + 1))]
    with pytest.raises(ImportProblems) as caught:
        read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert caught.value.problems == [
        f"{tmp_path / 'liste.csv'} : 5\u202f001 personnes ; speeddating organise au plus 5\u202f000 personnes à la "
        "fois. Répartissez la liste sur plusieurs séances."
    ]


def test_the_largest_list_is_read_in_linear_memory(tmp_path: Path) -> None:
    rows = [["Prénom", "Nom", "Structure", "Courriel"]]
    rows += [[f"Prénom{n}", f"Nom{n}", f"Structure {n % 300}", f"p{n}@example.org"] for n in range(MAX_PEOPLE)]
    path = write_csv(tmp_path / "liste.csv", rows)
    peak, _ = peak_megabytes(path)
    assert peak < 120, peak


def test_far_too_many_rows_stop_the_reading_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text("Nom complet;Structure\n" + "".join(f"P {n};S {n}\n" for n in range(30_000)), encoding="utf-8")
    with pytest.raises(ImportProblems) as caught:
        read_roster(path)
    assert caught.value.problems == [
        f"{path} : plus de 10\u202f000 lignes remplies (la ligne 10001 est de trop) ; speeddating organise au plus "
        "5\u202f000 personnes à la fois. Ne gardez que les participants dans la liste, ou répartissez-la sur plusieurs "
        "séances."
    ]


def test_a_zip_bomb_is_a_damaged_workbook_not_a_full_memory(tmp_path: Path) -> None:
    path = tmp_path / "liste.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (600 * 2**20))
    with pytest.raises(ImportProblems, match="classeur abîmé ou incomplet"):
        read_roster(path)


def test_one_windows_1252_line_in_a_utf8_file_is_read_as_such_and_named(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(
        "Nom complet;Structure\nÉlodie Faure;Mission Locale\nAnne Martin;CIO\n".encode()
        + "Hélène Chevalier;Cap emploi\n".encode("cp1252")
    )
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Élodie Faure", "Anne Martin", "Hélène Chevalier"]
    assert roster.warnings == (
        f"{path} : la ligne 4 n'est pas en UTF-8 comme le reste du fichier ; lue en Windows-1252 "
        "(ligne 4 : « Hélène Chevalier;Cap emploi »). Vérifiez ce nom, ou enregistrez de nouveau le fichier en "
        "« CSV UTF-8 » depuis votre tableur.",
    )


def test_a_windows_1252_file_is_read_without_a_word(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "liste.csv",
        [["Nom complet", "Structure"], ["Élodie Faure", "CIO"], ["Zoé Roux", "PLIE"]],
        encoding="cp1252",
    )
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Élodie Faure", "Zoé Roux"] and roster.warnings == ()


def test_invisible_characters_make_no_difference(tmp_path: Path) -> None:
    """A zero-width space, a soft hyphen or a joiner print as nothing: they must not split an organisation or
    a person in two."""
    rows = [
        ["Nom complet", "Structure"],
        ["Anne Martin", "CIO"],
        ["Léa Dubois", "C\u200bIO"],
        ["Karim Benali", "Mission\u00ad Locale"],
        ["Zoé Roux", "Mission Locale"],
    ]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert [a.organisation for a in roster.attendees] == ["CIO", "CIO", "Mission Locale", "Mission Locale"]
    twice = write_csv(tmp_path / "deux.csv", [*rows, ["Anne\u200d Martin", "CIO"]])
    with pytest.raises(ImportProblems, match="« Anne Martin » \\(CIO\\) figure déjà ligne 2"):
        read_roster(twice)


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200d", "...", "12345"])
def test_a_name_without_a_visible_letter_names_nobody(tmp_path: Path, name: str) -> None:
    rows = [*PEOPLE, [name, "Cap emploi"]]
    with pytest.raises(ImportProblems) as caught:
        read_roster(write_csv(tmp_path / "liste.csv", rows))
    (problem,) = caught.value.problems
    assert ", ligne 5, colonne A « Nom complet » : " in problem
    assert "nom manquant" in problem or "ne contient aucune lettre" in problem


def test_phone_numbers_a_spreadsheet_read_as_numbers_get_their_leading_zero_back(tmp_path: Path) -> None:
    """Typed 0612345678 in a cell of numbers, read 612345678: the 0 (or the + of +33) is restored in the phone
    columns only, and nothing is touched in a list with another country's numbers, where nine digits may be a
    whole number."""
    rows: Rows = [
        ["Nom", "Prénom", "Structure", "Téléphone portable", "Tél.", "Code postal"],
        ["Dupont", "Marie", "France Travail", 612345678, "01 23 45 67 89", 62300],
        ["Lefebvre", "Julien", "Mission Locale", "0698765432", 321456789, 59000],
        ["Garnier", "Sophie", "CIDFF", 33712345678, 12345, 75001],
    ]
    path = write_xlsx(tmp_path / "inscrits.xlsx", {"Inscrits": rows})
    roster = read_roster(path)
    assert [a.attributes for a in roster.attendees] == [
        (("Téléphone portable", "0612345678"), ("Tél.", "01 23 45 67 89"), ("Code postal", "62300")),
        (("Téléphone portable", "0698765432"), ("Tél.", "0321456789"), ("Code postal", "59000")),
        (("Téléphone portable", "+33712345678"), ("Tél.", "12345"), ("Code postal", "75001")),
    ]
    assert roster.notes[1:] == (
        f"{path} : 2 numéros de téléphone de la colonne D « Téléphone portable » avaient perdu leur 0 ou leur + "
        "initial (le tableur les a lus comme des nombres) : rétablis, par exemple 0612345678.",
        f"{path} : 1 numéro de téléphone de la colonne E « Tél. » avait perdu son 0 ou son + initial (le tableur "
        "l'a lu comme un nombre) : rétabli, par exemple 0321456789.",
    )
    spanish: Rows = [*rows[:2], ["Ruiz", "Ana", "Cámara de Comercio", "+34 612 345 678", "", 28001]]
    abroad = read_roster(write_xlsx(tmp_path / "abroad.xlsx", {"Inscrits": spanish}))
    assert abroad.attendees[0].attribute("Téléphone portable") == "612345678" and abroad.notes[1:] == ()
