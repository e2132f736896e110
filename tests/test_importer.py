"""The importer on real files, as the organiser's office software writes them, and on broken ones."""

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from speeddating.i18n import use_language
from speeddating.importer import MAX_SHOWN_PROBLEMS, ImportProblems, column_letter, parse_columns, read_roster
from speeddating.roster import Roster
from speeddating.text import fold, person_key
from tests.helpers import (
    Rows,
    WorkbookWriter,
    office_document,
    run_cli,
    write_csv,
    write_ods,
    write_protected_xls,
    write_xls,
    write_xlsx,
)

PEOPLE = [
    ["Prénom", "Nom", "Structure", "Courriel"],
    ["Anne", "Martin", "France Travail", "anne.martin@example.org"],
    ["Léa", "Dubois", "Mission Locale", ""],
    ["Karim", "Benali", "Cap emploi", "karim@example.org"],
]


def problems_of(path: Path, sheet: str | None = None) -> list[str]:
    with pytest.raises(ImportProblems) as caught:
        read_roster(path, sheet=sheet)
    return caught.value.problems


def only_problem(path: Path, sheet: str | None = None) -> str:
    problems = problems_of(path, sheet)
    assert len(problems) == 1, problems
    assert str(path) in problems[0]
    return problems[0]


def summary(roster: Roster) -> list[tuple[str, str, str, str]]:
    return [(a.id, a.name, a.organisation, a.email) for a in roster.attendees]


EXPECTED = [
    ("p01", "Anne Martin", "France Travail", "anne.martin@example.org"),
    ("p02", "Léa Dubois", "Mission Locale", ""),
    ("p03", "Karim Benali", "Cap emploi", "karim@example.org"),
]


# --- formats, encodings, separators ---


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize(("separator", "suffix"), [(";", ".csv"), (",", ".csv"), ("\t", ".tsv"), ("\t", ".txt")])
def test_text_files_in_every_encoding_and_separator(tmp_path: Path, encoding: str, separator: str, suffix: str) -> None:
    path = write_csv(tmp_path / f"liste{suffix}", PEOPLE, separator, encoding)
    roster = read_roster(path)
    assert summary(roster) == EXPECTED
    assert roster.source == str(path)
    assert roster.warnings == ()


EXCEL_WRITERS = pytest.mark.parametrize(("write", "suffix"), [(write_xlsx, ".xlsx"), (write_xls, ".xls")])
"""Excel workbooks of today and of Excel 97-2003, which form tools and HR software still export."""


@EXCEL_WRITERS
def test_workbook_first_sheet_by_default_and_another_by_name(
    tmp_path: Path, write: WorkbookWriter, suffix: str
) -> None:
    others = [["Nom complet", "Organisme"], ["Zoé Petit", "CIO"], ["Marc Bonnet", "PLIE"]]
    path = write(tmp_path / f"liste{suffix}", {"Inscrits": PEOPLE, "Semaine 2": others})
    assert summary(read_roster(path)) == EXPECTED
    assert [a.name for a in read_roster(path, sheet="Semaine 2").attendees] == ["Zoé Petit", "Marc Bonnet"]
    assert len(read_roster(path, sheet="SEMAINE  2")) == 2


def test_ods(tmp_path: Path) -> None:
    assert summary(read_roster(write_ods(tmp_path / "liste.ods", PEOPLE))) == EXPECTED


def test_a_workbook_is_recognised_by_its_content_not_its_name(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "liste.csv", {"Feuil1": PEOPLE})
    assert summary(read_roster(path)) == EXPECTED


@EXCEL_WRITERS
def test_workbook_cells_of_every_type_are_read_as_text(tmp_path: Path, write: WorkbookWriter, suffix: str) -> None:
    rows: Rows = [
        ["Nom complet", "Structure", "Code postal", "Table", "Inscription"],
        ["NA", "None", 75001, 1.5, dt.date(2026, 12, 8)],
        ["NULL", "N/A", None, True, "8/12"],
    ]
    roster = read_roster(write(tmp_path / f"liste{suffix}", {"Feuil1": rows}))
    assert [(a.name, a.organisation) for a in roster.attendees] == [("NA", "None"), ("Null", "N/A")]
    assert roster.attendees[0].attributes == (("Code postal", "75001"), ("Table", "1.5"), ("Inscription", "2026-12-08"))
    assert roster.attendees[1].attributes == (("Code postal", ""), ("Table", "True"), ("Inscription", "8/12"))


# --- what the cells and headers look like ---


def test_title_rows_above_the_header_are_skipped_and_rows_keep_their_spreadsheet_numbers(tmp_path: Path) -> None:
    rows: Rows = [
        ["Petit-déjeuner des partenaires", None, None],
        [None, None, None],
        ["Jeudi 12 mars, 8 h 30", None, None],
        ["Participant", "Structure", None],
        ["Anne Martin", "France Travail", None],
        ["Bob", None, None],
        ["Léa Dubois", "Mission Locale", None],
    ]
    for path in (
        write_csv(tmp_path / "liste.csv", rows),
        write_xlsx(tmp_path / "liste.xlsx", {"Feuil1": rows}),
        write_xls(tmp_path / "liste.xls", {"Feuil1": rows}),
        write_ods(tmp_path / "liste.ods", rows),
    ):
        problem = only_problem(path)
        assert ", ligne 6, colonne B « Structure » : " in problem
        assert "« Bob »" in problem


def test_a_sheet_that_starts_lower_right_keeps_its_row_numbers_and_column_letters(tmp_path: Path) -> None:
    rows: Rows = [
        [None] * 4,
        [None] * 4,
        [None, None, "Nom complet", "Structure"],
        [None, None, "Anne Martin", None],
        [None, None, "Léa Dubois", "Mission Locale"],
    ]
    problem = only_problem(write_xlsx(tmp_path / "liste.xlsx", {"Feuil1": rows}))
    assert ", ligne 4, colonne D « Structure » : " in problem


@pytest.mark.parametrize(
    ("headers", "anne", "lea"),
    [
        (["NOM COMPLET", "Organisme", "E-mail"], ["Anne Martin"], ["Léa Dubois"]),
        (["Full Name", "Company", "Email address"], ["Anne Martin"], ["Léa Dubois"]),
        (["participant(e)", "PARTENAIRE", "Adresse mail"], ["Anne Martin"], ["Léa Dubois"]),
        (["Participant·e", "organization", "Adresse électronique"], ["Anne Martin"], ["Léa Dubois"]),
        (["  Nom   complet ", "employeur", "COURRIEL"], ["Anne Martin"], ["Léa Dubois"]),
        (["Name", "Entreprise", "mail"], ["Anne Martin"], ["Léa Dubois"]),
        (["PRENOM", "NOM", "Organisation", "e-mail"], ["Anne", "Martin"], ["Léa", "Dubois"]),
        (["First name", "Last name", "Employer", "Email"], ["Anne", "Martin"], ["Léa", "Dubois"]),
        (["Nom", "Prénom(s)", "STRUCTURE", "Courriel"], ["Martin", "Anne"], ["Dubois", "Léa"]),
        (["Nom de famille", "Prénom *", "Service", "Courriel"], ["Martin", "Anne"], ["Dubois", "Léa"]),
    ],
)
def test_header_spellings(tmp_path: Path, headers: list[str], anne: list[str], lea: list[str]) -> None:
    rows = [headers, [*anne, "France Travail", "anne@example.org"], [*lea, "CIO", ""]]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert [(a.name, a.organisation, a.email) for a in roster.attendees] == [
        ("Anne Martin", "France Travail", "anne@example.org"),
        ("Léa Dubois", "CIO", ""),
    ]


def test_a_lone_last_name_column_holds_the_whole_name(tmp_path: Path) -> None:
    rows = [["Nom", "Structure"], ["Anne Martin", "France Travail"], ["Léa Dubois", "CIO"]]
    assert [a.name for a in read_roster(write_csv(tmp_path / "liste.csv", rows)).attendees] == [
        "Anne Martin",
        "Léa Dubois",
    ]


def test_the_organisation_wins_over_a_department_column(tmp_path: Path) -> None:
    rows = [
        ["Nom complet", "Service", "Structure"],
        ["Anne Martin", "Accueil", "France Travail"],
        ["Léa Dubois", "Direction", "CIO"],
    ]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert [a.organisation for a in roster.attendees] == ["France Travail", "CIO"]
    assert roster.attendees[0].attributes == (("Service", "Accueil"),)


def test_na_none_and_null_are_real_names(tmp_path: Path) -> None:
    rows = [["Prénom", "Nom", "Structure"], ["Anne", "NA", "NULL"], ["Jean", "None", "N/A"], ["NaN", "Nan", "nan"]]
    for path in (
        write_csv(tmp_path / "liste.csv", rows),
        write_xlsx(tmp_path / "liste.xlsx", {"Feuil1": rows}),
        write_ods(tmp_path / "liste.ods", rows),
    ):
        assert [(a.name, a.organisation) for a in read_roster(path).attendees] == [
            ("Anne NA", "NULL"),
            ("Jean None", "N/A"),
            ("NaN Nan", "nan"),
        ]


def test_non_breaking_spaces_and_decomposed_accents_are_cleaned(tmp_path: Path) -> None:
    rows = [
        ["Nom\u00a0complet", " Structure "],
        ["\u00a0Anne\u00a0\u00a0Martin ", "France\u202fTravail"],
        ["Le\u0301a Dubois", "Mission   Locale"],
    ]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Anne Martin", "France Travail"),
        ("Léa Dubois", "Mission Locale"),
    ]


def test_blank_and_separator_only_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom complet;Structure;Courriel;\n;;;\nAnne Martin;France Travail;;\n\n;;;;;\n \u00a0; ;;\n"
        "Léa Dubois;CIO;;\n;;;\nBob;;;\n;;;\n",
        encoding="utf-8-sig",
    )
    problem = only_problem(path)
    assert ", ligne 9, colonne B « Structure » : " in problem
    path.write_text(path.read_text(encoding="utf-8-sig").replace("Bob;;;", ""), encoding="utf-8-sig")
    assert [a.id for a in read_roster(path).attendees] == ["p01", "p02"]


def test_other_columns_are_kept_as_attributes(tmp_path: Path) -> None:
    rows = [
        ["Nom complet", "Structure", "Reste assis", "", "Animateur"],
        ["Anne Martin", "CIO", "oui", "x", ""],
        ["Léa Dubois", "PLIE", "", "", "oui"],
    ]
    anne, lea = read_roster(write_csv(tmp_path / "liste.csv", rows)).attendees
    assert anne.attributes == (("Animateur", ""), ("stays_seated", "yes"))
    assert anne.attribute("stays_seated", "reste_assis") == "yes"
    assert lea.attributes == (("Animateur", "oui"),)
    assert lea.attribute("host", "animateur") == "oui"


def test_names_with_commas_do_not_fool_the_separator(tmp_path: Path) -> None:
    """ "Nom, Prénom" in one cell is the family name first: printed "Prénom Nom"."""
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom complet;Structure\nMartin, Anne;France Travail, agence Nord\nDubois, Léa;CIO\n", encoding="utf-8"
    )
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Anne Martin", "France Travail, agence Nord"),
        ("Léa Dubois", "CIO"),
    ]


def test_a_header_repeated_below_is_skipped(tmp_path: Path) -> None:
    rows = [["Nom complet", "Structure"], ["Anne Martin", "CIO"], ["Nom complet", "Structure"], ["Léa Dubois", "PLIE"]]
    assert [a.id for a in read_roster(write_csv(tmp_path / "liste.csv", rows)).attendees] == ["p01", "p02"]


def test_ids_are_padded_to_the_width_needed(tmp_path: Path) -> None:
    rows = [["Nom complet", "Structure"], *([f"Personne {n}", f"Structure {n % 7}"] for n in range(120))]
    ids = [a.id for a in read_roster(write_csv(tmp_path / "liste.csv", rows)).attendees]
    assert ids[0] == "p001" and ids[-1] == "p120"


# --- organisations spelled several ways, people listed twice ---


def test_organisation_spellings_are_merged_under_the_most_frequent_in_mixed_case_with_a_warning(
    tmp_path: Path,
) -> None:
    rows = [
        ["Nom complet", "Structure"],
        ["Anne Martin", "PÔLE EMPLOI"],
        ["Léa Dubois", "Pole emploi "],
        ["Karim Benali", "Pôle emploi"],
        ["Zoé Petit", "pôle-Emploi"],
        ["Marc Bonnet", "C.I.O."],
        ["Inès Haddad", "CIO"],
        ["Paul Henry", "Pôle emploi"],
    ]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows), aliases={})
    assert [a.organisation for a in roster.attendees] == ["Pôle emploi"] * 4 + ["CIO", "CIO", "Pôle emploi"]
    case, acronym = roster.warnings
    assert str(tmp_path / "liste.csv") in case
    assert (
        "imprimée « Pôle emploi » : « PÔLE EMPLOI » (même nom, autres majuscules ou accents) ; « Pole emploi » "
        "(même nom, autres majuscules ou accents) ; « pôle-Emploi » (même nom, autres majuscules ou accents)."
    ) in case
    assert "imprimée « CIO » : « C.I.O. » (toutes deux : CIO)." in acronym  # a tie: the network's own name


def test_the_same_person_twice_is_refused_naming_both_rows(tmp_path: Path) -> None:
    rows = [
        ["Prénom", "Nom", "Structure", "Courriel"],
        ["Anne", "Martin", "France Travail", "a.martin@example.org"],
        ["Léa", "Dubois", "CIO", "lea@example.org"],
        ["ANNE", "MARTIN", "france travail", ""],
        ["Léa D.", "", "PLIE", "LEA@example.org"],
    ]
    path = write_csv(tmp_path / "liste.csv", rows)
    same_name, same_email = problems_of(path)
    assert same_name.startswith(f"{path}, ligne 4 : « Anne Martin » (France Travail) figure déjà ligne 2.")
    assert "--dedupe" in same_name
    assert same_email.startswith(
        f"{path}, ligne 5, colonne D « Courriel » : l'adresse « LEA@example.org » est déjà "
        "celle de « Léa Dubois » ligne 3."
    )


def test_dedupe_keeps_the_first_and_warns(tmp_path: Path) -> None:
    rows = [
        ["Nom complet", "Structure", "Courriel"],
        ["Anne Martin", "France Travail", ""],
        ["Léa Dubois", "CIO", "lea@example.org"],
        ["Anne  Martin", "FRANCE TRAVAIL", "anne@example.org"],
        ["Léa Dubois-Roux", "CIO", "Lea@Example.org"],
    ]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows), dedupe=True)
    assert summary(roster) == [
        ("p01", "Anne Martin", "France Travail", ""),
        ("p02", "Léa Dubois", "CIO", "lea@example.org"),
    ]
    assert len(roster.warnings) == 2
    assert ", ligne 4 : " in roster.warnings[0] and "Seule la ligne 2 est gardée." in roster.warnings[0]
    assert ", ligne 5, colonne C « Courriel » : " in roster.warnings[1] and "ligne 3" in roster.warnings[1]


ANSWERED_TWICE: Rows = [
    ["Nom complet", "Structure", "Présent ?"],
    ["Anne Martin", "", "Non"],
    ["Léa Dubois", "PLIE", "Oui"],
    ["Marc Blanc", "CIO", "Oui"],
    ["anne martin", "CIO", "Oui"],
    ["Paul Roux", "", "Non"],
]
"""Anne Martin sent the form twice, first declining, then coming; Paul Roux declines once."""


def test_a_person_who_answered_both_ways_is_refused_naming_both_answers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", ANSWERED_TWICE)
    assert only_problem(path) == (
        f"{path}, ligne 5 : « Anne Martin » figure déjà ligne 2 : réponse « Non » là, « Oui » ici. Supprimez l'une "
        "des deux lignes, ou relancez avec --dedupe pour garder la première."
    )


@pytest.mark.parametrize("coming_first", [False, True])
def test_dedupe_keeps_the_first_answer_of_a_person_who_answered_both_ways(tmp_path: Path, coming_first: bool) -> None:
    declining, coming = ["Anne Martin", "", "Non"], ["anne martin", "CIO", "Oui"]
    twice = [coming, declining] if coming_first else [declining, coming]
    rows = [ANSWERED_TWICE[0], *twice, *ANSWERED_TWICE[2:4], ANSWERED_TWICE[5]]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows), dedupe=True)
    assert [attendee.name for attendee in roster.attendees] == [
        *(["Anne Martin"] if coming_first else []),
        "Léa Dubois",
        "Marc Blanc",
    ]
    (left_out,) = [line for line in roster.warnings if "laissé" in line]
    assert ("Anne Martin (Non)" in left_out) is not coming_first and "Paul Roux (Non)" in left_out
    assert any(", ligne 3 : " in line and "Seule la ligne 2 est gardée." in line for line in roster.warnings)


# --- broken files: one clear line each, naming the file ---


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "introuvable" in only_problem(tmp_path / "absent.csv")
    assert "est un dossier" in only_problem(tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("liste.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ni un tableau texte"),
        ("liste.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "classeur abîmé"),
        ("liste.xls", office_document("WordDocument", bytes(5000)), "n'est pas un classeur Excel"),
        ("liste.xlsx", office_document("EncryptedPackage", bytes(5000)), "protégé par un mot de passe"),
        (
            "liste.csv",
            "Nom complet;Structure\nAnne;CIO\nL\x81a;PLIE\n".encode("latin-1"),
            "ligne 3 : caractère illisible",
        ),
        ("liste.xlsx", b"PK\x03\x04" + bytes(40), "classeur abîmé"),
    ],
)
def test_files_that_are_not_attendee_lists(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in only_problem(path)


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_a_text_table_named_as_a_workbook_is_read_and_said(tmp_path: Path, suffix: str) -> None:
    """What many web tools export as "Excel": tab-separated text named .xls. Before, it was refused with "rename it
    to .csv"."""
    path = tmp_path / f"export{suffix}"
    path.write_bytes("Prénom\tNom\tStructure\r\nLéa\tDubois\tCIO\r\nZoé\tRoux\tPLIE\r\n".encode("cp1252"))
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Léa Dubois", "Zoé Roux"]
    assert roster.warnings == (
        f"{path} : nommé {suffix} mais contient un tableau texte (CSV), comme certains outils en ligne exportent "
        "leurs listes pour Excel ; lu comme tel.",
    )


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "liste.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("liste.csv", "Nom;Structure\n")
    assert "archive zip" in only_problem(path)


def test_a_workbook_protected_by_a_password_says_how_to_read_it(tmp_path: Path) -> None:
    path = write_protected_xls(tmp_path / "liste.xls", PEOPLE)
    assert only_problem(path) == (
        f"{path} : le classeur est protégé par un mot de passe. Ouvrez-le dans votre tableur avec son mot de passe, "
        "puis enregistrez-en une copie sans mot de passe (ou exportez la liste en CSV) et donnez cette copie."
    )
    with use_language("en"):
        assert "protected by a password" in only_problem(path)


def test_a_truncated_xls_is_a_damaged_workbook(tmp_path: Path) -> None:
    good = write_xls(tmp_path / "bonne.xls", {"Feuil1": PEOPLE}).read_bytes()
    truncated = tmp_path / "coupée.xls"
    truncated.write_bytes(good[: len(good) // 2])
    assert "classeur abîmé" in only_problem(truncated)


def test_a_truncated_or_garbled_workbook(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "bonne.xlsx", {"Feuil1": PEOPLE}).read_bytes()
    truncated = tmp_path / "coupée.xlsx"
    truncated.write_bytes(good[: len(good) // 2])
    assert "classeur abîmé" in only_problem(truncated)
    garbled = tmp_path / "abîmée.xlsx"
    with zipfile.ZipFile(garbled, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook>pas du tout")
    assert "classeur abîmé" in only_problem(garbled)


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "liste.xlsx", {"Inscrits": PEOPLE, "Brouillon": [["x"]]})
    assert "« Semaine 3 »" in only_problem(path, sheet="Semaine 3")
    assert "« Inscrits », « Brouillon »" in only_problem(path, sheet="Semaine 3")


@EXCEL_WRITERS
def test_the_first_sheet_holding_a_list_is_read_and_the_line_says_which(
    tmp_path: Path, write: WorkbookWriter, suffix: str
) -> None:
    path = write(tmp_path / f"liste{suffix}", {"Notes": [["à faire"], ["réserver la salle"]], "Inscrits": PEOPLE})
    roster = read_roster(path)
    assert summary(roster) == EXPECTED
    assert roster.warnings == (
        f"{path} : feuille « Inscrits » lue, aucune liste de participants dans « Notes » ; indiquez --sheet pour "
        "en lire une autre.",
    )


@pytest.mark.parametrize("example", ["Exemple", "Modèle à suivre", "Consignes"])
def test_a_templates_example_sheet_is_passed_over_for_the_list(tmp_path: Path, example: str) -> None:
    """A template's first sheet shows how to fill the list in, with an example row: before, that sheet was read,
    and the list refused as "a single person"."""
    path = write_xlsx(
        tmp_path / "liste.xlsx", {example: [PEOPLE[0], ["Jean", "Dupont", "CIO", ""]], "Inscrits": PEOPLE}
    )
    roster = read_roster(path)
    assert summary(roster) == EXPECTED
    assert roster.warnings == (
        f"{path} : feuille « Inscrits » lue, la feuille « {example} » laissée de côté (un exemple ou des consignes) ; "
        "indiquez --sheet pour en lire une autre.",
    )
    assert len(read_roster(write_xlsx(tmp_path / "seul.xlsx", {example: PEOPLE}))) == 3


def test_no_header_row_says_what_is_expected_and_the_columns_line_to_try(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "liste.xlsx", {"Notes": [["à faire"], ["réserver la salle"]], "Autre": [["x"]]})
    problem = only_problem(path)
    assert "aucune ligne d'en-têtes" in problem and "« Prénom » et « Nom »" in problem and "« Structure »" in problem
    assert "--sheet" in problem and "« Autre »" in problem


def test_a_one_column_list_is_told_to_add_the_organisation_column(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Nom\nMartin, Anne\nDubois, Léa\n", encoding="utf-8")
    assert only_problem(path) == (
        f"{path}, ligne 1 : aucune colonne de structure (« Structure », « Organisme », « Entreprise », "
        "« Employeur »…) parmi les en-têtes A « Nom ». Aucune ne semble l'être : ajoutez la colonne, avec par "
        "exemple l'en-tête « Structure », remplie pour chaque personne."
    )


def test_an_organisation_column_of_ticks_is_named_with_its_values(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Nom", "Structure"], ["Anne", "X"], ["Léa", "X"], ["Marc", "x"]])
    problem = only_problem(path)
    assert "parmi les en-têtes A « Nom », B « Structure »" in problem
    assert problem.endswith(
        "La colonne B « Structure » a le bon titre, mais ses valeurs (« X », « x ») sont des nombres, des "
        "adresses ou des réponses oui/non, pas des structures : écrivez-y la structure de chaque personne."
    )


def test_a_comma_list_whose_organisation_header_is_unknown_is_cut_into_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Participant,Provenance\nAnne Martin,CIO\nLéa Roux,PLIE\nMarc Blanc,CIO\n", encoding="utf-8")
    problem = only_problem(path)
    assert "parmi les en-têtes A « Participant », B « Provenance »" in problem
    assert problem.endswith('--columns "name=A,organisation=B"')
    roster = read_roster(path, columns=parse_columns("name=A,organisation=B"))
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Anne Martin", "CIO"),
        ("Léa Roux", "PLIE"),
        ("Marc Blanc", "CIO"),
    ]


def test_no_name_column_names_the_headers_and_the_columns_line_to_try(tmp_path: Path) -> None:
    rows = [
        ["Titre"],
        ["Structure", "Qui", "Courriel"],
        ["CIO", "Anne Martin", "a@example.org"],
        ["PLIE", "Léa Roux", ""],
    ]
    path = write_csv(tmp_path / "liste.csv", rows)
    problem = only_problem(path)
    assert ", ligne 2 : aucune colonne de nom (« Nom », « Nom complet »" in problem
    assert "parmi les en-têtes A « Structure », B « Qui », C « Courriel »" in problem
    assert problem.endswith('--columns "name=B,organisation=A,email=C"')
    roster = read_roster(path, columns=parse_columns("name=B,organisation=A,email=C"))
    assert summary(roster) == [("p01", "Anne Martin", "CIO", "a@example.org"), ("p02", "Léa Roux", "PLIE", "")]


def test_a_column_letter_is_that_column_even_when_one_header_holds_the_letter(tmp_path: Path) -> None:
    """ "A" is column A, not the only header with an a in it ("Mail"); a header's part still names it."""
    rows = [["Qui", "Où", "Mail"], ["Anne Martin", "CIO", "a@example.org"], ["Léa Roux", "PLIE", ""]]
    path = write_csv(tmp_path / "liste.csv", rows)
    problem = only_problem(path)
    assert problem.endswith('--columns "name=A,email=C"'), problem
    expected = [("p01", "Anne Martin", "CIO", "a@example.org"), ("p02", "Léa Roux", "PLIE", "")]
    assert summary(read_roster(path, columns=parse_columns("name=A,organisation=B,email=C"))) == expected
    assert summary(read_roster(path, columns=parse_columns("name=qu,organisation=B,email=mai"))) == expected


@pytest.mark.parametrize("content", ["", "\r\n\r\n", ";;;;\n;;;;\n", "\ufeff"])
def test_empty_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "liste.csv"
    path.write_text(content, encoding="utf-8")
    assert "la liste est vide" in only_problem(path)


def test_empty_workbooks(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "liste.xlsx", {"Feuil1": []})
    assert "la liste est vide" in only_problem(path)
    sheetless = tmp_path / "sans-feuille.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(sheetless, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, re.sub(rb"<sheet [^>]*/>", b"", content) if name == "xl/workbook.xml" else content)
    assert "la liste est vide" in only_problem(sheetless)


def test_headers_without_anybody_and_a_single_person(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Titre"], ["Nom complet", "Structure"], [None, None]])
    assert "personne sous la ligne d'en-têtes (ligne 2)" in only_problem(path)
    path = write_csv(tmp_path / "liste.csv", [["Nom complet", "Structure"], ["Anne Martin", "CIO"]])
    assert "une seule personne (« Anne Martin »)" in only_problem(path)


def test_every_row_problem_is_reported_at_once(tmp_path: Path) -> None:
    rows = [
        ["Prénom", "Nom", "Structure", "Courriel"],
        ["Anne", "Martin", "", "anne.martin@example.org"],
        ["", "", "Mission Locale", ""],
        ["Karim", "Benali", "CIO", "karim.example.org"],
        ["", "-", "", "x@example.org"],
        ["Léa", "Dubois", "PLIE", "lea@example"],
        ["Zoé", "Petit", "CIO", ""],
    ]
    path = write_csv(tmp_path / "liste.csv", rows)
    assert problems_of(path) == [
        f"{path}, ligne 2, colonne C « Structure » : organisation manquante pour « Anne Martin ». "
        "Ajoutez-la ou supprimez la ligne.",
        f"{path}, ligne 3, colonnes A « Prénom » et B « Nom » : nom manquant pour une personne de « Mission Locale ». "
        "Ajoutez-le ou supprimez la ligne.",
        f"{path}, ligne 5 : ni nom ni organisation, mais la ligne contient « - », « x@example.org ». "
        "Complétez-la ou supprimez-la.",
    ]


def test_an_address_that_is_not_one_keeps_the_person_without_it_and_says_where(tmp_path: Path) -> None:
    """A typo in the optional email cell of a row otherwise fine is a warning, not a list refused; a row with
    another problem still names its address among the problems, so that one correction round fixes all."""
    people = [("Karim", "Benali", "CIO", "karim.example.org"), ("Léa", "Dubois", "PLIE", "lea@example")]
    rows = [
        ["Prénom", "Nom", "Structure", "Courriel"],
        *map(list, people),
        ["Zoé", "Petit", "CIO", "zoe.petit@example.org"],
    ]
    path = write_csv(tmp_path / "liste.csv", rows)
    roster = read_roster(path)
    assert summary(roster) == [
        ("p01", "Karim Benali", "CIO", ""),
        ("p02", "Léa Dubois", "PLIE", ""),
        ("p03", "Zoé Petit", "CIO", "zoe.petit@example.org"),
    ]
    assert [line for line in roster.warnings if "adresse e-mail" in line] == [
        f"{path}, ligne 2, colonne D « Courriel » : « karim.example.org » n'est pas une adresse e-mail (forme "
        "attendue : prenom.nom@exemple.fr) : « Karim Benali » reste dans la liste, sans adresse. Corrigez-la ou "
        "videz la case.",
        f"{path}, ligne 3, colonne D « Courriel » : « lea@example » n'est pas une adresse e-mail (forme "
        "attendue : prenom.nom@exemple.fr) : « Léa Dubois » reste dans la liste, sans adresse. Corrigez-la ou "
        "videz la case.",
    ]
    rows.append(["Paul", "Roux", "", "paul@"])
    assert problems_of(write_csv(tmp_path / "liste.csv", rows)) == [
        f"{path}, ligne 5, colonne D « Courriel » : « paul@ » n'est pas une adresse e-mail "
        "(forme attendue : prenom.nom@exemple.fr). Corrigez-la ou videz la case.",
        f"{path}, ligne 5, colonne C « Structure » : organisation manquante pour « Paul Roux ». "
        "Ajoutez-la ou supprimez la ligne.",
    ]


def test_messages_in_english(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Name", "Organisation"], ["Anne Martin", ""], ["Léa Dubois", "CIO"]])
    with use_language("en"):
        assert only_problem(path) == (
            f"{path}, row 2, column B 'Organisation': missing organisation for 'Anne Martin'. Add it or delete the row."
        )


def test_a_long_list_of_problems_is_capped(tmp_path: Path) -> None:
    rows = [["Nom complet", "Structure"], *([f"Personne {n}", ""] for n in range(30))]
    with pytest.raises(ImportProblems) as caught:
        read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert len(caught.value.problems) == 30
    lines = str(caught.value).splitlines()
    assert len(lines) == MAX_SHOWN_PROBLEMS + 1
    assert lines[-1] == "… et 10 autres problèmes à corriger."


def test_an_unclosed_quote(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text('Nom complet;Structure\n"Anne Martin;CIO\nLéa Dubois;PLIE\n', encoding="utf-8")
    assert "ligne 2 : un guillemet (\") ouvre une case qui n'est pas refermée correctement" in only_problem(path)


def test_the_cli_exits_with_status_2_and_no_traceback(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "liste.csv", [["Nom complet", "Structure"], ["Anne Martin", ""], ["Léa", ""]])
    code, out, err = run_cli("plan", str(path), "--no-history", "--out", str(tmp_path / "plan"))
    assert code == 2
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 2 and ", ligne 2, colonne B « Structure » : " in lines[0] and ", ligne 3, " in lines[1]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


# --- any table written by office software reads back as written ---

# Accented letters from U+00C0 on only: cp1252 bytes of these never form valid UTF-8, so a cp1252 file cannot be
# mistaken for UTF-8 (which real files with "Ã©"-like pairs could be; that ambiguity is not the importer's to solve).
LETTERS = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàâäçéèêëîïôöùûüÿÀÂÇÉÈÊÎÔÙÜ")
CASES = ("lower", "upper", "capitalize")
PUNCTUATION = st.sampled_from(" '-.;,\t\"()&/=+@")
WORD = st.builds(
    lambda word, case: getattr(word, case)(), st.text(LETTERS, min_size=1, max_size=8), st.sampled_from(CASES)
)
"""Words in small letters, in capitals or with a capital first, as people write them: a word such as "KéZ" in a
Windows-1252 file reads as much like words in Mac Roman ("KÈZ"), and the importer would rightly pick either."""
CELL = st.builds(
    lambda head, rest: head + "".join(rest), WORD, st.lists(st.tuples(PUNCTUATION, WORD).map("".join), max_size=3)
).map(lambda s: " ".join(s.split()))
EMAIL = st.builds(
    "{}@example.{}".format,
    st.from_regex(r"[a-z][a-z0-9._]{0,8}", fullmatch=True),
    st.sampled_from(["org", "com", "net"]),
)
"""Addresses on documentation domains, which say nothing of the organisation (a shared professional domain would
rightly merge two organisations)."""
NAME_WORD = st.builds(
    "".join,
    st.tuples(
        st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÇÉÈÊÎÔÙÜ"),
        st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿ"), min_size=1, max_size=7),
    ),
)
NAME = st.builds(
    lambda first, rest: first + "".join(rest),
    NAME_WORD,
    st.lists(st.tuples(st.sampled_from([" ", "-", "'"]), NAME_WORD).map("".join), max_size=3),
)
"""Names as printed ("Prénom Nom", capitals in place): the importer hands them back unchanged."""
ORGANISATIONS = [
    "Cap emploi",
    "CIDFF",
    "Maison des familles",
    "Secours catholique",
    "Lycée Augustin Thierry",
    "Atelier Bois Vert",
    "Restos du cœur",
    "Régie de quartier « Les Grouets »",
    "Emmaüs",
    "Compagnons bâtisseurs",
]
"""Organisations none of which is a variant of another: the spellings come back as written."""


@st.composite
def tables(draw: st.DrawFn) -> list[tuple[str, str, str, str]]:
    organisations = draw(st.lists(st.sampled_from(ORGANISATIONS), min_size=1, max_size=5, unique=True))
    people = draw(
        st.lists(
            st.tuples(
                NAME, st.sampled_from(organisations), st.one_of(st.just(""), EMAIL), st.one_of(st.just(""), CELL)
            ),
            min_size=2,
            max_size=25,
            unique_by=(lambda p: person_key(p[0]), lambda p: p[2] or "\n" + p[0]),
        )
    )
    return people


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=tables(),
    separator=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    title=st.booleans(),
    blanks=st.lists(st.integers(min_value=0, max_value=25), max_size=4),
    headers=st.sampled_from(
        [
            ("Nom complet", "Structure", "Courriel"),
            ("Name", "Organisation", "Email"),
            ("PARTICIPANT", "organisme", "e-mail"),
        ]
    ),
)
@example(  # "ÎŸ" is the mojibake of a Greek letter, and also text as typed: it was "repaired"
    table=[("Aa", "Cap emploi", "", ""), ("Aùûmjotn", "Cap emploi", "", "ÎŸ")],
    separator=";",
    encoding="utf-8",
    title=False,
    blanks=[],
    headers=("Nom complet", "Structure", "Courriel"),
)
def test_any_table_reads_back_as_written(
    tmp_path: Path,
    table: list[tuple[str, str, str, str]],
    separator: str,
    encoding: str,
    title: bool,
    blanks: list[int],
    headers: tuple[str, str, str],
) -> None:
    people: list[list[str]] = [list(person) for person in table]
    for position in blanks:
        people.insert(position, ["", "", "", ""])
    rows = [["Liste des inscrits", "", "", ""]] * title + [[*headers, "Remarque"], *people]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows, separator, encoding))
    assert [(a.name, a.organisation, a.email, a.attributes) for a in roster.attendees] == [
        (name, organisation, email, (("Remarque", note),)) for name, organisation, email, note in table
    ]
    assert roster.warnings == ()


@pytest.mark.parametrize(
    "organisation_header",
    [
        "NOM DE LA STRUCTURE",
        "Structure d'appartenance",
        "Structure",
        "Organisme",
        "Établissement",
        "ETABLISSEMENT",
        "Service",
        "Employeur",
        "Entreprise",
        "Nom de l'organisme",
        "Nom de l’établissement",
        "Organisme d'origine",
        "Nom structure",
        "Société",
        "Raison sociale",
        "Company name",
        "Organisation name",
    ],
)
@pytest.mark.parametrize(
    ("name_headers", "anne", "lea"),
    [
        (["Nom et prénom"], ["Anne Martin"], ["Léa Dubois"]),
        (["Prénom Nom"], ["Anne Martin"], ["Léa Dubois"]),
        (["Participant"], ["Anne Martin"], ["Léa Dubois"]),
        (["NOM", "PRÉNOM"], ["Martin", "Anne"], ["Dubois", "Léa"]),
    ],
)
def test_organisation_headers_of_french_office_exports(
    tmp_path: Path, organisation_header: str, name_headers: list[str], anne: list[str], lea: list[str]
) -> None:
    rows = [[*name_headers, organisation_header], [*anne, "France Travail"], [*lea, "CIO"]]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Anne Martin", "France Travail"),
        ("Léa Dubois", "CIO"),
    ]


@pytest.mark.parametrize(
    ("headers", "kept_as_attribute"),
    [
        (["Nom complet", "Service", "Établissement"], "Service"),
        (["Nom complet", "Nom du service", "Nom de la structure"], "Nom du service"),
        (["Nom complet", "Structure d'appartenance", "Structure"], "Structure d'appartenance"),
        (["Nom complet", "Entreprise", "Structure"], "Entreprise"),
    ],
)
def test_two_organisation_like_columns_keep_the_most_specific_spelling(
    tmp_path: Path, headers: list[str], kept_as_attribute: str
) -> None:
    column = headers.index(kept_as_attribute)
    other = 3 - column
    first = ["Anne Martin", "", ""]
    first[column], first[other] = "Accueil", "France Travail"
    second = ["Léa Dubois", "", ""]
    second[column], second[other] = "Direction", "CIO"
    roster = read_roster(write_csv(tmp_path / "liste.csv", [headers, first, second]))
    assert [a.organisation for a in roster.attendees] == ["France Travail", "CIO"]
    assert roster.attendees[0].attributes == ((kept_as_attribute, "Accueil"),)


def test_problems_are_listed_in_the_order_of_the_rows(tmp_path: Path) -> None:
    """A duplicate on row 4 comes before a missing organisation on row 5, as the organiser reads the sheet."""
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom complet;Structure\nAnne Martin;France Travail\nKarim Benali;Mission Locale\n"
        "Anne Martin;France Travail\nSophie Lefèvre;\n   ;CIO\nLéa Dubois;CIDFF\n",
        encoding="utf-8",
    )
    problems = problems_of(path)
    assert [re.findall(r"ligne (\d+)", problem)[0] for problem in problems] == ["4", "5", "6"], problems


def test_a_quote_never_closed_is_pointed_at_on_its_own_line(tmp_path: Path) -> None:
    """Hand-edited CSV: one missing closing quote swallows the rest of the file; say where it opens."""
    path = tmp_path / "liste.csv"
    path.write_text(
        'Nom,Prénom,Structure\n"Martin","Anne","Cap emploi, Lyon"\n"Benali","Karim","PLIE"\n'
        '"Dubois","Léa","CIDFF\n"Roux","Camille","CIO"\n',
        encoding="utf-8",
    )
    assert problems_of(path) == [
        f"{path}, ligne 4 : un guillemet (\") ouvre une case qui n'est pas refermée correctement, et la suite du "
        "fichier y tomberait. Ajoutez le guillemet fermant ou retirez celui-ci, ou enregistrez de nouveau la liste "
        "en CSV depuis votre tableur."
    ]


def test_a_quote_never_closed_on_the_last_line_is_pointed_at_too(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text('Nom;Structure\nAnne Martin;CIO\nKarim Benali;PLIE\nLéa Dubois;"CIDFF\n', encoding="utf-8")
    assert f"{path}, ligne 4 : un guillemet" in only_problem(path)


def test_quotes_inside_a_field_and_doubled_quotes_are_read_as_text(tmp_path: Path) -> None:
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


def test_one_person_whatever_the_order_case_and_accents_of_the_name(tmp_path: Path) -> None:
    rows = [["Nom complet", "Structure"], ["ROYER Mathieu", "Mission Locale"], ["Léa Dubois", "CIO"]]
    path = write_csv(tmp_path / "liste.csv", [*rows, ["mathieu royer", "ML"]])
    assert problems_of(path) == [
        f"{path}, ligne 4 : « Mathieu Royer » (Mission Locale) figure déjà ligne 2. Supprimez l'une des deux "
        "lignes, ou relancez avec --dedupe pour garder la première."
    ]
    namesakes = read_roster(write_csv(tmp_path / "deux.csv", [*rows, ["Royer, Mathieu", "CIDFF"]]))
    assert namesakes.warnings == (
        f"{tmp_path / 'deux.csv'} : « Mathieu Royer » (Mission Locale, ligne 2), « Mathieu Royer » (CIDFF, "
        "ligne 4) portent le même nom ; gardées comme 2 personnes. S'il s'agit d'une seule personne, supprimez "
        "la ligne en trop.",
    )


def test_letters_unicode_does_not_decompose_sort_and_compare_as_their_base_letters(tmp_path: Path) -> None:
    """Ł with the L, Ø with the O, Æ as AE, Þ as TH, as French and English lists order them (not after Z),
    and "Lukasz" typed without the stroke is the same person as "Łukasz", as "Zoe" is "Zoé"."""
    rows = [
        ["Nom complet", "Structure"],
        ["Zoé Zimmer", "Zénith"],
        ["Łukasz Nowak", "Łódź Urząd Pracy"],
        ["Øyvind Berg", "Ørsted"],
        ["Þóra Jónsdóttir", "Æsculape"],
        ["Đorđe Petrović", "Mission Locale"],
        ["Işıl Yılmaz", "Mission Locale"],
    ]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert [name for name, _ in roster.organisation_counts()] == [
        "Mission Locale",
        "Æsculape",
        "Łódź Urząd Pracy",
        "Ørsted",
        "Zénith",
    ]
    assert sorted((a.name for a in roster.attendees), key=fold) == [
        "Đorđe Petrović",
        "Işıl Yılmaz",
        "Łukasz Nowak",
        "Øyvind Berg",
        "Þóra Jónsdóttir",
        "Zoé Zimmer",
    ]
    typed = write_csv(tmp_path / "tapée.csv", [*rows, ["Lukasz Nowak", "Lodz Urzad Pracy"]])
    assert problems_of(typed) == [
        f"{typed}, ligne 8 : « Lukasz Nowak » (Łódź Urząd Pracy) figure déjà ligne 3. Supprimez l'une des deux "
        "lignes, ou relancez avec --dedupe pour garder la première."
    ]


def test_attendance_that_does_not_say_no_keeps_the_person_and_says_so(tmp_path: Path) -> None:
    rows = [
        ["Nom complet", "Structure", "Participation", "Besoin d'accessibilité (PMR)"],
        ["Anne Martin", "CIO", "Oui", "fauteuil roulant"],
        ["Léa Dubois", "PLIE", "En attente", "non"],
        ["Karim Benali", "CIDFF", "En distanciel", ""],
        ["Zoé Roux", "Cap emploi", "Oui", "malentendante"],
        ["Paul Henry", "CAF", "oui", "Non"],
        ["Inès Haddad", "CCAS", "présente", "oui"],
        ["Marc Blanc", "CFA", "sûrement", ""],
    ]
    path = write_csv(tmp_path / "liste.csv", rows)
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == [
        "Anne Martin",
        "Léa Dubois",
        "Zoé Roux",
        "Paul Henry",
        "Inès Haddad",
        "Marc Blanc",
    ]
    assert [a.name for a in roster.attendees if a.attribute("stays_seated") == "yes"] == ["Anne Martin", "Inès Haddad"]
    column = "colonne C « Participation »"
    assert roster.warnings == (
        f"{path} : 1 personne laissée de côté, qui ne vient pas d'après {column} : Karim Benali (En distanciel).",
        f"{path} : 1 personne gardée bien que {column} ne confirme pas sa venue : Léa Dubois (En attente).",
        f"{path} : « sûrement » en {column} ne dit pas clairement si la personne vient ; gardées : Marc Blanc.",
        f"{path} : 1 réponse en colonne D « Besoin d'accessibilité (PMR) » ne dit pas clairement si la "
        "personne reste assise ; elle change donc de table comme les autres : Zoé Roux (malentendante). "
        "Écrivez oui ou non.",
    )


LIST: Rows = [["Nom", "Prénom", "Structure"], *([f"Nom{n}", f"Prénom{n}", f"Structure {n % 4}"] for n in range(8))]


def test_a_list_pasted_twice_is_said_in_one_line(tmp_path: Path) -> None:
    """Before: one line per person of the second copy (capped at 20, then "... and 30 more")."""
    path = write_csv(tmp_path / "liste.csv", [*LIST, [], *LIST])
    assert only_problem(path) == (
        f"{path} : les lignes 12 à 19 répètent les lignes 2 à 9, les mêmes 8 personnes dans le même ordre : la liste "
        "y est deux fois. Supprimez la seconde copie, ou relancez avec --dedupe pour garder la première."
    )
    roster = read_roster(path, dedupe=True)
    assert len(roster) == 8
    assert (
        f"{path} : les lignes 12 à 19 répètent les lignes 2 à 9, les mêmes 8 personnes dans le même ordre ; seule "
        "la première copie est gardée."
    ) in roster.warnings


def test_many_people_listed_again_in_another_order_are_said_in_one_line_with_dedupe(tmp_path: Path) -> None:
    """A list with each person once per round (a plan.csv): with --dedupe, one line instead of one per row."""
    people = list(LIST[1:])
    rounds = [people, people[::-1], people[::2] + people[1::2]]  # in other orders: no copy of the list
    path = write_csv(tmp_path / "liste.csv", [LIST[0], *rounds[0], *rounds[1], *rounds[2]])
    roster = read_roster(path, dedupe=True)
    assert len(roster) == 8
    assert [line for line in roster.warnings if "répètent" in line] == [
        f"{path} : les lignes 10, 11, 12, 13, 14 et 11 autres répètent des personnes déjà inscrites plus haut, "
        "gardées chacune une fois, à leur première ligne (ligne 10 : « Prénom7 Nom7 » figure déjà ligne 9)."
    ]


def test_a_long_list_of_people_in_a_warning_says_how_many_more(tmp_path: Path) -> None:
    """Past MAX_LISTED people, a warning names the first and counts the others, as it does for rows: before, the
    people kept with no answer (and the unfinished responses...) stopped at the twelfth without a word."""
    rows = [["Nom complet", "Structure", "Présent"]]
    rows += [[f"Personne {n:02}", f"Structure {n % 4}", "oui" if n < 5 else ""] for n in range(20)]
    path = write_csv(tmp_path / "liste.csv", rows)
    (unanswered,) = read_roster(path).warnings
    assert unanswered.startswith(f"{path} : 15 personnes gardées sans réponse en colonne C « Présent » : Personne 05,")
    assert "Personne 16 et 3 autres. Écrivez non" in unanswered
    assert "Personne 17" not in unanswered


def test_a_column_of_addresses_mostly_none_refuses_the_list_with_each(tmp_path: Path) -> None:
    """Most addresses of the column are none: it is no email column (a column chosen wrongly), so the list is
    refused with each row rather than read with every address dropped."""
    rows = [["Nom", "Structure", "Courriel"], *([f"Personne {n}", "CIO", f"Bureau {n}"] for n in range(1, 5))]
    rows.append(["Zoé Petit", "PLIE", "zoe.petit@example.org"])
    path = write_csv(tmp_path / "liste.csv", rows)
    assert problems_of(path) == [
        f"{path}, ligne {n + 1}, colonne C « Courriel » : « Bureau {n} » n'est pas une adresse e-mail "
        "(forme attendue : prenom.nom@exemple.fr). Corrigez-la ou videz la case."
        for n in range(1, 5)
    ]
