"""Exports the first fixtures did not cover, written after them to measure the importer on files it was not
tuned for (issue 12: "the lists are also measured on files you don't have"): English and Typeform questions,
a signed-in Microsoft Forms, a LibreOffice CSV in cp1252, a list behind a notes sheet, headers over two rows,
instructions under the header, organisations given as e-mail domains or not at all, accents lost, and a
network where two Missions Locales of different towns come together."""

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from speeddating.importer import ImportProblems, advice_for_the_page, parse_columns, read_roster
from speeddating.roster import Roster
from tests.conftest import CheckPlan
from tests.helpers import Rows, plan_quickly, write_csv, write_xls, write_xlsx

ENGLISH_GOOGLE_FORMS: Rows = [
    [
        "Timestamp",
        "Email Address",
        "Full name",
        "What organisation do you work for?",
        "Job title",
        "Do you need to remain seated during the session?",
    ],
    ["11/20/2026 9:15:32", "anne.martin@francetravail.fr", "Anne Martin", "France Travail", "Adviser", "No"],
    ["11/20/2026 9:20:11", "k.benali@capemploi41.fr", "Karim BENALI", "Cap Emploi 41", "Project officer", "Yes"],
    ["11/20/2026 10:01:00", "ines.haddad@ac-orleans-tours.fr", "HADDAD Inès", "CIO Blois", "Psy-EN", "No"],
    ["11/21/2026 8:00:00", "tom.white@gmail.com", "Tom White", "Pole emploi", "", ""],
    ["11/21/2026 8:30:00", "r.cole@capemploi41.fr", "Rachel Cole", "Cap emploi", "Adviser", "No"],
]
"""Google Forms in English: "Timestamp", the collected "Email Address", a "Full name" question in both orders."""

TYPEFORM: Rows = [
    [
        "#",
        "What's your first name?",
        "And your last name?",
        "Which organisation are you from?",
        "What's your email address?",
        "Will you attend in person?",
        "Start Date (UTC)",
        "Submit Date (UTC)",
        "Network ID",
        "Tags",
    ],
    ["a1b2c3d4e5", "Anne", "Martin", "France Travail", "anne.martin@francetravail.fr", "Yes", "2026-11-20 09:15:32"],
    ["f6g7h8i9j0", "Karim", "Benali", "Cap emploi", "k.benali@capemploi41.fr", "No", "2026-11-20 09:20:00"],
    ["k1l2m3n4o5", "Léa", "Dubois", "CIDFF", "lea.dubois@cidff41.fr", "Yes", "2026-11-20 10:00:00"],
    ["p6q7r8s9t0", "Marc", "Blanc", "Mission Locale", "m.blanc@mlblois.fr", "Yes", "2026-11-21 11:00:00"],
]
"""A Typeform "Download as CSV": the response's token under "#", questions worded as sentences, dates after."""

SIGNED_IN_MICROSOFT_FORMS: Rows = [
    [
        "Id",
        "Heure de début",
        "Heure de fin",
        "Adresse de messagerie",
        "Nom",
        "Nom et prénom",
        "Structure d'appartenance",
        "Serez-vous présent(e) ?",
    ],
    [1, "11/20/26 9:15:32", "11/20/26 9:17:02", "m.royer@cidff41.fr", "Mathieu ROYER", "ROYER Mathieu", "CIDFF", "Oui"],
    [2, "11/20/26 9:20:00", "11/20/26 9:21:00", "a.martin@cidff41.fr", "Anne Martin", "Martin Anne", "Cidff 41", "Oui"],
    [
        3,
        "11/20/26 9:25:00",
        "11/20/26 9:26:10",
        "k.benali@capemploi41.fr",
        "Karim Benali",
        "BENALI Karim",
        "Cap emploi",
        "Non",
    ],
    [
        4,
        "11/20/26 9:30:00",
        "11/20/26 9:31:00",
        "h.chevalier@blois.fr",
        "Hélène Chevalier",
        "Chevalier Hélène",
        "CCAS",
        "Oui",
    ],
    [
        5,
        "11/20/26 9:35:00",
        "11/20/26 9:36:00",
        "l.petit@blois.fr",
        "Louis Petit",
        "PETIT Louis",
        "CCAS de Blois",
        "Oui",
    ],
]
"""A Microsoft Forms of an organisation's account: the respondent's address and display name ("Nom") filled,
then the questions, the name asked family name first ("Nom et prénom"), some without capitals to say so."""

LIBREOFFICE_CP1252: Rows = [
    ["Nom et prénom", "Organisme employeur", "Téléphone", "Courriel"],
    ["LEFÈVRE Élise", "Mission Locale du Blaisois", "02 54 00 00 01", "e.lefevre@mlblois.fr"],
    ["Perrin Gaëlle", "Pôle emploi", "02 54 00 00 02", ""],
    ["NOËL François", "CCAS de Blois", "", "f.noel@blois.fr"],
    ["BÉRARD Cécile", "ML Blois", "06 00 00 00 03", "c.berard@mlblois.fr"],
]
"""A list typed family name first and saved from LibreOffice Calc as "Texte CSV" with its defaults for French:
';' and Windows-1252; one family name not in capitals."""

NOTES_SHEET: Rows = [
    ["Petit-déjeuner du 12 mars"],
    ["Salle : Hôtel de ville, 8 h 30"],
    ["Contact : Nom : Anne Martin, Structure : PLIE"],
]
SECOND_SHEET: Rows = [
    ["Prénom", "Nom", "Employeur", "Service"],
    ["Anne", "Martin", "PLIE", "Accompagnement"],
    ["Léa", "Dubois", "CIDFF", "Juridique"],
    ["Marc", "Blanc", "CIO", "Orientation"],
    ["Zoé", "Roux", "PLIE Agglopolys", "Accompagnement"],
]
"""A workbook whose first sheet holds the organiser's notes and the second the list, "Employeur" beside
"Service"."""

GROUPED_HEADER: Rows = [
    ["Participant", None, "Structure", None, "Présent"],
    ["Nom", "Prénom", "Nom", "Ville", None],
    ["(en majuscules)", None, "(sigle accepté)", None, "(oui/non)"],
    ["MARTIN", "Anne", "France Travail", "Blois", "oui"],
    ["DUBOIS", "Léa", "CIDFF", "Blois", "oui"],
    ["ROUX", "Zoé", "France Travail", "Vendôme", "oui"],
    ["BLANC", "Marc", "Cap emploi", "Blois", "non"],
]
GROUPED_HEADER_MERGES = [("A1", "B1"), ("C1", "D1"), ("E1", "E2")]
"""Titles over two rows, "Structure" merged over its "Nom" and "Ville", then a row of instructions."""

HELLOASSO_CUSTOM_FIELDS: Rows = [
    [
        "Numéro",
        "Formule",
        "Nom",
        "Prénom",
        "Statut",
        "Email",
        "Date",
        "Champ additionnel: Votre structure",
        "Champ additionnel: Besoin d'un accès PMR ?",
    ],
    [
        "1001",
        "Petit-déjeuner",
        "Lemaire",
        "Sophie",
        "Validé",
        "s.lemaire@francetravail.fr",
        "20/11/2026",
        "France Travail",
        "Non",
    ],
    ["1002", "Petit-déjeuner", "Dubois", "Léa", "Validé", "l.dubois@cidff41.fr", "20/11/2026", "CIDFF", "Oui"],
    [
        "1003",
        "Petit-déjeuner",
        "Benali",
        "Karim",
        "Annulé",
        "k.benali@capemploi41.fr",
        "21/11/2026",
        "Cap emploi",
        "Non",
    ],
    [
        "1004",
        "Petit-déjeuner",
        "Leroy",
        "Camille",
        "Validé",
        "c.leroy@mlblois.fr",
        "21/11/2026",
        "Mission Locale",
        "Non",
    ],
    ["1005", "Petit-déjeuner", "Garnier", "Emma", "Validé", "e.garnier@mlblois.fr", "22/11/2026", "N/A", "Non"],
]
"""A HelloAsso event export with the form's own questions as "Champ additionnel: ...", one left at "N/A"."""

ADDRESSES_ONLY: Rows = [
    ["Nom", "Prénom", "Adresse e-mail"],
    ["Martin", "Anne", "anne.martin@francetravail.fr"],
    ["Roux", "Zoé", "zoe.roux@pole-emploi.fr"],
    ["Dubois", "Léa", "lea.dubois@cidff41.fr"],
    ["Blanc", "Marc", "m.blanc@mlblois.fr"],
    ["Leroy", "Camille", "c.leroy@mlblois.fr"],
    ["White", "Tom", "tom.white@gmail.com"],
]
"""An invitation list kept in a mail client: names and addresses, no organisation column."""

DOMAINS_AS_ORGANISATIONS: Rows = [
    ["Nom", "Prénom", "Structure"],
    ["Martin", "Anne", "francetravail.fr"],
    ["Roux", "Zoé", "@francetravail.fr"],
    ["Dubois", "Léa", "cidff41.fr"],
    ["Blanc", "Marc", "mlblois.fr"],
    ["Leroy", "Camille", "www.mlblois.fr"],
]
"""Organisations typed as their domains, in the three ways people write one."""

ACCENTS_LOST: Rows = [
    ["NOM", "PRENOM", "STRUCTURE"],
    ["LEFEVRE", "ELISE", "MISSION LOCALE DU BLAISOIS"],
    ["Perrin", "Gaelle", "Mission Locale"],
    ["NOEL", "FRANCOIS", "POLE EMPLOI"],
    ["Lemaire", "Sophie", "France Travail"],
    ["HADDAD", "INES", "CENTRE D'INFORMATION ET D'ORIENTATION"],
    ["Blanc", "Marc", "CIO"],
]
"""A list gone through a system without accents, part of it in capitals."""

TWO_MISSIONS_LOCALES: Rows = [
    ["Nom complet", "Structure", "Adresse e-mail"],
    ["Sophie Lemaire", "Mission Locale de Blois", "s.lemaire@mlblois.fr"],
    ["Paul Renard", "ML Blois", "p.renard@mlblois.fr"],
    ["Julien Moreau", "Mission Locale du Vendômois", "j.moreau@ml-vendome.fr"],
    ["Camille Leroy", "Mission locale Vendôme", "c.leroy@ml-vendome.fr"],
    ["Hugo Petit", "Mission Locale", "hugo.petit@gmail.com"],
    ["Emma Garnier", "France Travail Blois", "e.garnier@francetravail.fr"],
    ["Lucas Fontaine", "Pôle emploi Vendôme", "l.fontaine@francetravail.fr"],
    ["Inès Haddad", "CIO Blois", "ines.haddad@ac-orleans-tours.fr"],
    ["Marc Blanc", "CIO de Vendôme", "marc.blanc@ac-orleans-tours.fr"],
    ["Léa Dubois", "CIDFF 41", "lea.dubois@cidff41.fr"],
    ["Thomas Girard", "Cap emploi 41", "t.girard@capemploi41.fr"],
    ["Yann Le Goff", "PLIE Agglopolys", "y.legoff@agglopolys.fr"],
    ["Odile Mercier", "Conseil départemental 41", "o.mercier@departement41.fr"],
    ["Agathe Durand", "Secours populaire", "agathe@secourspop41.fr"],
]
"""A departmental network of 10 organisations: two Missions Locales and two CIO of different towns, one
person who wrote "Mission Locale" from a personal address."""


def organisations(roster: Roster) -> Counter[str]:
    return Counter(a.organisation for a in roster.attendees)


def people(roster: Roster) -> list[tuple[str, str]]:
    return [(a.name, a.organisation) for a in roster.attendees]


def test_an_english_google_forms_export(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "responses.csv", ENGLISH_GOOGLE_FORMS, ",", "utf-8"))
    assert people(roster) == [
        ("Anne Martin", "France Travail"),
        ("Karim Benali", "Cap emploi"),
        ("Inès Haddad", "CIO Blois"),
        ("Tom White", "France Travail"),
        ("Rachel Cole", "Cap emploi"),
    ]
    assert [a.name for a in roster.attendees if a.attribute("stays_seated") == "yes"] == ["Karim Benali"]
    assert "structure D « What organisation do you work for? »" in roster.notes[0]


def test_a_typeform_export_leaves_out_who_will_not_attend(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "typeform.csv", TYPEFORM, ",", "utf-8"))
    assert people(roster) == [
        ("Anne Martin", "France Travail"),
        ("Léa Dubois", "CIDFF"),
        ("Marc Blanc", "Mission Locale"),
    ]
    assert any("Karim Benali (No)" in warning for warning in roster.warnings)


def test_a_signed_in_microsoft_forms_reads_the_question_not_the_account(tmp_path: Path) -> None:
    roster = read_roster(write_xlsx(tmp_path / "Inscriptions.xlsx", {"Form1": SIGNED_IN_MICROSOFT_FORMS}))
    assert people(roster) == [
        ("Mathieu Royer", "CIDFF"),
        ("Anne Martin", "CIDFF"),
        ("Hélène Chevalier", "CCAS"),
        ("Louis Petit", "CCAS"),
    ]
    assert roster.attendees[0].email == "m.royer@cidff41.fr"
    assert "nom F « Nom et prénom »" in roster.notes[0]


def test_a_libreoffice_csv_in_windows_1252(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "liste.csv", LIBREOFFICE_CP1252, ";", "cp1252"))
    assert people(roster) == [
        ("Élise Lefèvre", "Mission Locale du Blaisois"),
        ("Gaëlle Perrin", "France Travail"),
        ("François Noël", "CCAS de Blois"),
        ("Cécile Bérard", "Mission Locale du Blaisois"),
    ]
    assert any("« Perrin Gaëlle » lu nom de famille en premier" in warning for warning in roster.warnings)


def test_the_list_on_a_second_sheet_after_a_notes_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "petit-dejeuner.xlsx", {"Notes": NOTES_SHEET, "Inscrits": SECOND_SHEET})
    roster = read_roster(path)
    assert people(roster) == [
        ("Anne Martin", "PLIE"),
        ("Léa Dubois", "CIDFF"),
        ("Marc Blanc", "CIO"),
        ("Zoé Roux", "PLIE"),
    ]
    assert roster.warnings[0] == (
        f"{path} : feuille « Inscrits » lue, aucune liste de participants dans « Notes » ; indiquez --sheet "
        "pour en lire une autre."
    )
    assert "structure C « Employeur »" in roster.notes[0]


def test_titles_over_two_rows_and_a_row_of_instructions(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "liste.xlsx", {"Feuil1": GROUPED_HEADER}, {"Feuil1": GROUPED_HEADER_MERGES})
    roster = read_roster(path)
    assert people(roster) == [
        ("Anne Martin", "France Travail"),
        ("Léa Dubois", "CIDFF"),
        ("Zoé Roux", "France Travail"),
    ]
    assert (
        roster.warnings[0] == f"{path}, ligne 3 : ignorée, une remarque plutôt qu'une personne (« (en majuscules) »)."
    )
    assert ("Structure Ville", "Vendôme") in roster.attendees[2].attributes


def test_helloasso_custom_fields_and_an_organisation_left_at_n_a(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "export.csv", HELLOASSO_CUSTOM_FIELDS, ";", "utf-8-sig"))
    assert people(roster) == [
        ("Sophie Lemaire", "France Travail"),
        ("Léa Dubois", "CIDFF"),
        ("Camille Leroy", "Mission Locale"),
        ("Emma Garnier", "Mission Locale"),
    ]
    assert [a.name for a in roster.attendees if a.attribute("stays_seated") == "yes"] == ["Léa Dubois"]
    assert any("Karim Benali (Annulé)" in warning for warning in roster.warnings)
    assert any("Emma Garnier" in warning and "domaine" in warning for warning in roster.warnings)


def test_with_no_organisation_column_the_addresses_tell_the_organisations(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "invites.csv", ADDRESSES_ONLY)
    roster = read_roster(path)
    assert people(roster) == [
        ("Anne Martin", "France Travail"),
        ("Zoé Roux", "France Travail"),
        ("Léa Dubois", "cidff41.fr"),
        ("Marc Blanc", "mlblois.fr"),
        ("Camille Leroy", "mlblois.fr"),
        ("Tom White", "gmail.com"),
    ]
    assert any(warning.startswith(f"{path} : pas de colonne de structure") for warning in roster.warnings)


def test_a_list_of_mostly_personal_addresses_and_no_organisation_column_is_refused(tmp_path: Path) -> None:
    rows = [["Nom", "Prénom", "Email"], ["Martin", "Anne", "anne@gmail.com"], ["Roux", "Zoé", "zoe@orange.fr"]]
    with pytest.raises(ImportProblems, match=r"ligne 1 : aucune colonne de structure .* ajoutez la colonne"):
        read_roster(write_csv(tmp_path / "invites.csv", rows))


def test_organisations_written_as_domains(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "liste.csv", DOMAINS_AS_ORGANISATIONS))
    assert organisations(roster) == {"francetravail.fr": 2, "mlblois.fr": 2, "cidff41.fr": 1}


def test_a_list_without_accents(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "liste.csv", ACCENTS_LOST))
    assert organisations(roster) == {"Mission Locale": 2, "France Travail": 2, "CIO": 2}
    assert [a.name for a in roster.attendees][:3] == ["Elise Lefevre", "Gaelle Perrin", "Francois Noel"]


def test_two_missions_locales_of_different_towns_stay_two(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "reseau.csv", TWO_MISSIONS_LOCALES)
    roster = read_roster(path)
    assert organisations(roster) == {
        "Mission Locale de Blois": 3,
        "Mission Locale du Vendômois": 2,
        "France Travail Blois": 2,
        "CIO Blois": 1,
        "CIO de Vendôme": 1,
        "CIDFF 41": 1,
        "Cap emploi 41": 1,
        "PLIE Agglopolys": 1,
        "Conseil départemental 41": 1,
        "Secours populaire": 1,
    }
    assert (
        f"{path} : « Mission Locale » comptée avec « Mission Locale de Blois », mais ce pourrait aussi être "
        "« Mission Locale du Vendômois » ; précisez-le dans un fichier d'alias si besoin."
    ) in roster.warnings


def test_the_network_plans_without_colleagues_together(tmp_path: Path, check_plan: CheckPlan) -> None:
    code, _, err = plan_quickly(write_csv(tmp_path / "reseau.csv", TWO_MISSIONS_LOCALES), tmp_path / "plan")
    assert code == 0, err
    figures = check_plan(tmp_path / "plan" / "plan.json")
    assert figures["valid"] and figures["organisations"] == 10
    assert figures["same_org_pairs"] == figures["forced_same_org"] == 0


# --- French tools, second round: exports written from the tools' documented formats, each of which read wrong ---

FRAMAFORMS_PARTICIPATION: Rows = [
    [
        "Numéro de soumission",
        "Date de création",
        "Adresse IP",
        "Utilisateur",
        "Nom",
        "Prénom",
        "Organisme",
        "Courriel",
        "Je participerai au petit-déjeuner",
    ],
    [
        "12",
        "20/11/2026 - 09:12",
        "192.0.2.10",
        "Anonyme",
        "Dupont",
        "Marie",
        "Pôle emploi",
        "marie.dupont@francetravail.fr",
        "Oui",
    ],
    [
        "13",
        "20/11/2026 - 10:12",
        "192.0.2.11",
        "Anonyme",
        "Lefebvre",
        "Julien",
        "MISSION LOCALE",
        "j.lefebvre@ml-lens.fr",
        "Oui",
    ],
    ["14", "21/11/2026 - 11:12", "192.0.2.12", "Anonyme", "Garnier", "Sophie", "CIDFF", "s.garnier@cidff62.fr", "Non"],
    [
        "15",
        "21/11/2026 - 12:12",
        "192.0.2.13",
        "Anonyme",
        "Benali",
        "Karim",
        "Cap emploi",
        "k.benali@capemploi62.fr",
        "Oui",
    ],
]
"""Framaforms: the attendance question worded as the answer ("Je participerai..."), a verb in the future."""

LIMESURVEY_QUESTIONS_UNDER_CODES: Rows = [
    ["id", "submitdate", "lastpage", "startlanguage", "seed", "G01Q01", "G01Q02", "G01Q03", "G01Q04", "G02Q05"],
    [
        "ID de la réponse",
        "Date de soumission",
        "Dernière page",
        "Langue de départ",
        "Tête de série",
        "Votre nom",
        "Votre prénom",
        "Votre structure",
        "Votre adresse électronique",
        "Viendrez-vous au petit-déjeuner ?",
    ],
    [
        "1",
        "2026-11-20 09:12:00",
        "2",
        "fr",
        "123456",
        "Dupont",
        "Marie",
        "Pôle emploi",
        "marie.dupont@francetravail.fr",
        "Oui",
    ],
    [
        "2",
        "2026-11-20 10:12:00",
        "2",
        "fr",
        "223456",
        "Lefebvre",
        "Julien",
        "Mission locale de Lens",
        "j.lefebvre@ml-lens.fr",
        "Oui",
    ],
    ["3", "2026-11-21 10:12:00", "2", "fr", "323456", "Garnier", "Sophie", "CIDFF", "s.garnier@cidff62.fr", "Non"],
    ["5", "2026-11-22 10:12:00", "2", "fr", "523456", "Morel", "Chloé", "Cap emploi", "c.morel@capemploi62.fr", "Oui"],
]
"""LimeSurvey with question codes for headings and the questions' text in a second row, asked "Viendrez-vous ?"."""
LIMESURVEY_UNFINISHED: Rows = [
    *LIMESURVEY_QUESTIONS_UNDER_CODES,
    ["4", "", "1", "fr", "423456", "Benali", "Karim", "", "", ""],
    ["6", "", "0", "fr", "623456"],
]
"""The same export with the unfinished responses LimeSurvey adds by default: one stopped after its first page,
one left at once (no submitdate either)."""

EVENTBRITE_FR: Rows = [
    [
        "N° de commande",
        "Date de la commande",
        "Prénom",
        "Nom",
        "E-mail",
        "Quantité",
        "Type de billet",
        "N° de billet",
        "Statut du participant",
        "Entreprise",
    ],
    [
        "9876543210",
        "20/11/2026 09:12",
        "Marie",
        "Dupont",
        "marie.dupont@francetravail.fr",
        "1",
        "Entrée gratuite",
        "111",
        "Participant",
        "France Travail",
    ],
    [
        "9876543211",
        "20/11/2026 10:12",
        "Julien",
        "Lefebvre",
        "j.lefebvre@ml-lens.fr",
        "1",
        "Entrée gratuite",
        "112",
        "Participant",
        "Mission Locale Lens",
    ],
    [
        "9876543212",
        "21/11/2026 10:12",
        "Sophie",
        "Garnier",
        "s.garnier@cidff62.fr",
        "1",
        "Entrée gratuite",
        "113",
        "Annulé",
        "CIDFF",
    ],
    [
        "9876543213",
        "22/11/2026 10:12",
        "Karim",
        "Benali",
        "k.benali@capemploi62.fr",
        "1",
        "Entrée gratuite",
        "114",
        "Remboursé",
        "Cap emploi",
    ],
    [
        "9876543214",
        "22/11/2026 11:12",
        "Chloé",
        "Morel",
        "c.morel@ml-lens.fr",
        "1",
        "Entrée gratuite",
        "115",
        "Enregistré",
        "Mission locale de Lens",
    ],
    [
        "9876543215",
        "22/11/2026 12:12",
        "Hugo",
        "Fontaine",
        "hugo.fontaine@cidff62.fr",
        "1",
        "Entrée gratuite",
        "116",
        "Accès anticipé",
        "CIDFF",
    ],
]
"""Eventbrite in French: "Statut du participant" holding statuses of its own beside "Annulé" and "Remboursé"."""

SPHINX_VARIABLES: Rows = [
    ["NUM", "NOM", "PRENOM", "STRUCT", "MAIL", "PRESENCE"],
    ["1", "DUPONT", "MARIE", "POLE EMPLOI", "marie.dupont@francetravail.fr", "Oui"],
    ["2", "LEFEBVRE", "JULIEN", "MISSION LOCALE DE LENS", "j.lefebvre@ml-lens.fr", "Oui"],
    ["3", "GARNIER", "SOPHIE", "CIDFF", "sophie.garnier@gmail.com", "Non"],
    ["4", "BENALI", "KARIM", "CAP EMPLOI", "k.benali@capemploi62.fr", "Oui"],
    ["5", "MOREL", "CHLOE", "MISSION LOCALE LENS", "c.morel@ml-lens.fr", "Oui"],
]
"""Sphinx: the survey's short variable names as headers, everything in capitals."""

TICKED_BY_HAND: Rows = [
    ["Petit-déjeuner emploi-insertion de Lens — 8 décembre 2026", None, None, None, None, None, None],
    [None] * 7,
    ["NOM", "Prénom", "Structure", None, "Téléphone", "Date d'inscription", "Présent(e) ?"],
    ["DUPONT", "Marie", "Pôle emploi", None, 612345678, dt.date(2026, 11, 20), "X"],
    ["LEFEBVRE", "Julien", "Mission locale de Lens", None, "06 12 34 56 79", dt.date(2026, 11, 20), "oui"],
    ["GARNIER", "Sophie", "CIDFF", None, None, dt.date(2026, 11, 21), None],
    ["BENALI", "Karim", "Cap emploi", None, 612345681, dt.date(2026, 11, 22), 1],
    ["MOREL", "Chloé", "Mission Locale Lens", None, None, dt.date(2026, 11, 22), "x"],
    ["ROUX", "Paul", "France Travail", None, None, dt.date(2026, 11, 23), "non"],
    ["FONTAINE", "Hugo", "pole emploi ", None, None, dt.date(2026, 11, 23), "Oui"],
    ["CHEVALIER", "Inès", "CIDFF", None, None, dt.date(2026, 11, 24), "X"],
    [None] * 7,
    ["Total", None, None, None, None, None, 6],
]
"""An Excel 97-2003 list kept by hand: a merged title, an empty column, phone numbers typed as numbers, dates,
"Présent(e) ?" ticked X, oui or 1, one cell left empty, one "non", and the count of ticks below."""


def test_a_framaforms_question_asked_in_the_future_tense_leaves_out_who_said_no(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "framaforms.csv", FRAMAFORMS_PARTICIPATION, ",", "utf-8"))
    assert [a.name for a in roster.attendees] == ["Marie Dupont", "Julien Lefebvre", "Karim Benali"]
    assert any("Sophie Garnier (Non)" in warning for warning in roster.warnings)


def test_a_limesurvey_export_with_its_questions_under_the_codes(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "results-survey123456.csv", LIMESURVEY_QUESTIONS_UNDER_CODES, ","))
    assert people(roster) == [
        ("Marie Dupont", "France Travail"),
        ("Julien Lefebvre", "Mission locale de Lens"),
        ("Chloé Morel", "Cap emploi"),
    ]
    assert "présence J « Viendrez-vous au petit-déjeuner ? »" in roster.notes[0]


def test_a_limesurvey_export_of_codes_only_is_refused_with_its_own_columns_to_try(tmp_path: Path) -> None:
    """Question codes for headings and nothing else: the --columns example names the file's columns of surnames,
    first names, organisations and addresses (it offered D, the respondents' language, as the name), and it reads."""
    codes, _, *responses = LIMESURVEY_QUESTIONS_UNDER_CODES
    path = write_csv(tmp_path / "results-survey123456.csv", [codes, *responses], ",")
    with pytest.raises(ImportProblems) as refused:
        read_roster(path)
    assert str(refused.value).endswith(
        "si ce sont les en-têtes, indiquez quelle colonne est quoi, par exemple --columns "
        '"first=G,last=F,organisation=H,email=I".'
    )
    roster = read_roster(path, columns=parse_columns("first=G,last=F,organisation=H,email=I"))
    assert people(roster) == [
        ("Marie Dupont", "France Travail"),
        ("Julien Lefebvre", "Mission locale de Lens"),
        ("Sophie Garnier", "CIDFF"),
        ("Chloé Morel", "Cap emploi"),
    ]
    assert roster.attendees[0].email == "marie.dupont@francetravail.fr"


def test_a_limesurvey_export_leaves_out_the_responses_never_sent(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "results-survey123456.csv", LIMESURVEY_UNFINISHED, ",")
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Marie Dupont", "Julien Lefebvre", "Chloé Morel"]
    said = (
        f"{path} : 2 réponses inachevées laissées de côté (pas de date en colonne B « Date de soumission ») : "
        "Karim Benali, ligne 8. "
    )
    assert said + "Remplissez la date de celles à garder." in roster.warnings
    with advice_for_the_page():  # the page's form adds a person
        assert said + "Ajoutez sous Personnes celles qui viennent." in read_roster(path).warnings


def test_an_eventbrite_fr_status_column_leaves_out_the_cancelled_and_names_the_statuses_it_does_not_know(
    tmp_path: Path,
) -> None:
    path = write_csv(tmp_path / "rapport.csv", EVENTBRITE_FR, ",", "utf-8")
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Marie Dupont", "Julien Lefebvre", "Chloé Morel", "Hugo Fontaine"]
    assert roster.warnings[:2] == (
        f"{path} : 2 personnes laissées de côté, qui ne viennent pas d'après colonne I « Statut du participant » : "
        "Sophie Garnier (Annulé), Karim Benali (Remboursé).",
        f"{path} : « Accès anticipé » en colonne I « Statut du participant » ne dit pas clairement si la personne "
        "vient ; gardées : Hugo Fontaine.",
    )


def test_sphinx_short_variable_names(tmp_path: Path) -> None:
    roster = read_roster(write_xlsx(tmp_path / "sphinx.xlsx", {"Données": SPHINX_VARIABLES}))
    assert "structure D « STRUCT »" in roster.notes[0]
    assert [a.name for a in roster.attendees] == ["Marie Dupont", "Julien Lefebvre", "Karim Benali", "Chloe Morel"]
    assert organisations(roster)["France Travail"] == 1


def test_a_hand_kept_xls_says_who_was_kept_without_a_tick(tmp_path: Path, check_plan: CheckPlan) -> None:
    path = write_xls(tmp_path / "inscrits.xls", {"Inscrits": TICKED_BY_HAND}, {"Inscrits": [("A1", "G1")]})
    roster = read_roster(path)
    assert len(roster) == 7 and "Paul Roux" not in [a.name for a in roster.attendees]
    assert organisations(roster) == Counter(
        {"France Travail": 2, "Mission locale de Lens": 2, "CIDFF": 2, "Cap emploi": 1}
    )
    said = f"{path} : 1 personne gardée sans réponse en colonne G « Présent(e) ? » : Sophie Garnier. "
    assert said + "Écrivez non dans la case de qui ne vient pas." in roster.warnings
    with advice_for_the_page():  # the page's list of people has a button to remove each
        assert said + "Si elle ne vient pas, retirez-la sous Personnes." in read_roster(path).warnings
    assert roster.attendees[0].attributes[:2] == (("Téléphone", "0612345678"), ("Date d'inscription", "2026-11-20"))
    code, _, err = plan_quickly(path, tmp_path / "plan")
    assert code == 0, err
    figures = check_plan(tmp_path / "plan" / "plan.json")
    assert figures["valid"] and figures["same_org_pairs"] == 0


# --- fourth round: address books, SurveyMonkey ---

GOOGLE_CONTACTS: Rows = [
    [
        "First Name",
        "Middle Name",
        "Last Name",
        "Name Prefix",
        "Nickname",
        "Organization Name",
        "Organization Title",
        "Labels",
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "Phone 1 - Label",
        "Phone 1 - Value",
    ],
    ["Anne", "", "Martin", "", "", "France Travail", "Conseillère", "* myContacts", "* Work",
     "anne.martin@francetravail.fr", "Mobile", "06 12 34 56 78"],
    ["Karim", "", "Benali", "", "", "Mission Locale du Blaisois", "", "* myContacts", "* Work", "k.benali@mlblois.fr",
     "", ""],
    ["Léa", "", "Dubois", "", "", "CIDFF 41", "", "* myContacts", "", "lea.dubois@cidff41.fr", "", ""],
]  # fmt: skip
"""Google Contacts' CSV export of the organiser's address book: a label column ("* Work") before each value."""

SURVEYMONKEY: Rows = [
    [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
        "Votre nom et prénom",
        "Quelle est votre structure ?",
        "Participerez-vous au petit-déjeuner ?",
        "Vos thèmes préférés",
        "",
    ],
    ["", "", "", "", "", "", "", "", "", "Réponse", "Réponse", "Réponse", "Nos publics", "Autre (veuillez préciser)"],
    ["114", "45", "12/01/2026 09:01", "12/01/2026 09:03", "10.0.0.4", "", "", "", "", "Anne Martin",
     "France Travail", "Oui", "Nos publics", ""],
    ["115", "45", "12/01/2026 09:05", "12/01/2026 09:06", "10.0.0.5", "", "", "", "", "Karim Benali",
     "Mission Locale", "Oui", "", "L'alternance"],
    ["116", "45", "12/01/2026 10:05", "12/01/2026 10:06", "10.0.0.6", "", "", "", "", "Léa Dubois", "CIDFF", "Non",
     "", ""],
    ["117", "45", "12/01/2026 10:15", "12/01/2026 10:16", "10.0.0.7", "", "", "", "", "Zoé Roux", "PLIE", "Oui",
     "Nos publics", ""],
]  # fmt: skip
"""SurveyMonkey's CSV (French survey): the questions, then a row of "Réponse" under each one and the choices
offered under a question with several."""


def test_google_contacts_reads_the_address_column_not_its_label(tmp_path: Path) -> None:
    """Before, "E-mail 1 - Label" (first of the two address headers) was read: "'* Work' is not an address"."""
    roster = read_roster(write_csv(tmp_path / "contacts.csv", GOOGLE_CONTACTS, ",", "utf-8"))
    assert "courriel J « E-mail 1 - Value »" in roster.notes[0]
    assert [(a.name, a.email) for a in roster.attendees] == [
        ("Anne Martin", "anne.martin@francetravail.fr"),
        ("Karim Benali", "k.benali@mlblois.fr"),
        ("Léa Dubois", "lea.dubois@cidff41.fr"),
    ]


def test_surveymonkey_reads_its_second_header_row_as_a_header(tmp_path: Path) -> None:
    """Before, the row of "Réponse" was planned as a person called "Réponse" of the organisation "Réponse"."""
    path = write_csv(tmp_path / "surveymonkey.csv", SURVEYMONKEY, ",", "utf-8-sig")
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Anne Martin", "France Travail"),
        ("Karim Benali", "Mission Locale"),
        ("Zoé Roux", "PLIE"),
    ]
    assert "nom J « Votre nom et prénom », structure K « Quelle est votre structure ? »" in roster.notes[0]
    assert roster.attendees[0].attribute("Vos thèmes préférés Nos publics") == "Nos publics"


FIFTH_ROUND = Path(__file__).parent / "data" / "fifth_round"
"""Registration exports of a fifth round (2026-12-04), files as the tools write them (invented people): Google and
Microsoft Forms with long questions, HelloAsso, Eventbrite, Weezevent, Livestorm and Zoom reports with their
preambles, hand-kept lists with titles, blank and count rows, capitals, non-breaking spaces, a Windows-1252 CSV
that starts with a UTF-8 byte-order mark. Written by a script from the tools' documented columns, then read
back as they are."""
FIFTH_ROUND_READ = {
    "01-google-forms-fr.csv": (8, 5),
    "02-ms-forms-fr.xlsx": (6, 4),
    "03-helloasso.csv": (5, 4),
    "04-eventbrite-summary.csv": (4, 3),
    "05-weezevent.xlsx": (4, 3),
    "06-livestorm.csv": (4, 4),
    "07-zoom-registration.csv": (4, 3),
    "08-title-blank-totals.xlsx": (4, 3),
    "09-libreoffice.ods": (6, 3),
    "10-bom-cp1252.csv": (4, 4),
    "12-capitals.csv": (5, 4),
    "13-structure-and-acronym.xlsx": (5, 4),
    "14-present-tsv.tsv": (4, 4),
    "15-spaces.csv": (5, 3),
    "16-google-forms-en-long.csv": (4, 3),
    "17-ms-forms-en.xlsx": (4, 3),
    "18-spellings.xls": (9, 4),
    "19-ods-title-count.ods": (3, 3),
    "20-comma-names.csv": (4, 3),
}
"""People read and organisations found in each ("P.E. Blois" is France Travail: PE and FT are its acronyms)."""


SIXTH_ROUND = Path(__file__).parent / "data" / "sixth_round"
"""Registration exports of a sixth round (2026-12-04), of kinds the earlier rounds did not cover, kept where the
importer read them wrong before: Typeform with a recalled answer in a question, Jotform's split name field,
SurveyMonkey's Excel export with a question's choices in columns of their own, Airtable's checkbox, Notion's
linked records, Framaforms' drafts, organisations with a town after their name, a sign-in sheet ticking "Présent"
or "Excusé", a ticketing export of two events, an HR export naming each "Collaborateur" and a CRM's "Contact"
(refused before: no name column)."""
SIXTH_ROUND_READ = {
    "01-typeform.csv": (5, 5),
    "02-jotform.csv": (4, 3),
    "03-surveymonkey-expanded.xlsx": (4, 4),
    "04-airtable.csv": (5, 4),
    "05-notion.csv": (4, 3),
    "06-framaforms.csv": (4, 3),
    "15-town-suffix.csv": (8, 6),
    "16-x-marks.xlsx": (4, 4),
    "18-two-events.csv": (7, 6),
    "19-hr-export.xlsx": (5, 3),
    "20-crm-contacts.csv": (5, 4),
}
ROUNDS_READ = {
    **{FIFTH_ROUND / name: expected for name, expected in FIFTH_ROUND_READ.items()},
    **{SIXTH_ROUND / name: expected for name, expected in SIXTH_ROUND_READ.items()},
}


@pytest.mark.parametrize(
    ("path", "expected"), ROUNDS_READ.items(), ids=[f"{p.parent.name}/{p.name}" for p in ROUNDS_READ]
)
def test_the_exports_of_each_round_read_with_no_flag(path: Path, expected: tuple[int, int]) -> None:
    roster = read_roster(path)
    assert (len(roster), len(roster.organisation_counts())) == expected


def test_a_webinar_tools_attendance_duration_is_not_whether_people_come() -> None:
    """Livestorm's registrants, exported before the event: "Attended" No and "Attendance duration (min)" 0 for
    everyone. Before, the duration was read as the attendance column, its 0 as no, and the list refused as
    "nobody below the header row"."""
    path = FIFTH_ROUND / "06-livestorm.csv"
    roster = read_roster(path)
    assert people(roster) == [
        ("Anne Martin", "France Travail"),
        ("Karim Benali", "Cap emploi"),
        ("Léa Dubois", "CIDFF"),
        ("Marc Blanc", "Mission Locale"),
    ]
    assert roster.warnings == ()
    assert "présence" not in roster.notes[0]


def test_an_attendance_column_saying_nobody_comes_is_ignored_and_said(tmp_path: Path) -> None:
    """A sign-in sheet prepared with "Non" in every row (ticked on the day): nobody plans a session for nobody.
    Before, the list was refused as "nobody below the header row (row 1)", which it is not. As soon as someone
    comes, the column is trusted."""

    def sheet(name: str, answers: list[str]) -> Path:
        listed = [["Anne", "Martin", "CIO"], ["Léa", "Dubois", "PLIE"], ["Zoé", "Roux", "CIDFF"]]
        header = ["Prénom", "Nom", "Structure", "Présent(e) ?"]
        return write_csv(
            tmp_path / name, [header, *([*row, answer] for row, answer in zip(listed, answers, strict=True))]
        )

    path = sheet("emargement.csv", ["Non", "non", "NON"])
    said = (
        f"{path} : d'après colonne D « Présent(e) ? », personne ne vient (« Non » pour les 3 personnes), ce qui ne "
        "peut pas concerner cette séance (une colonne remplie après un événement, ou pas encore) : ignorée, et tout "
        "le monde est gardé. "
    )
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Léa Dubois", "Zoé Roux"]
    assert roster.warnings == (said + "Supprimez les lignes de ceux qui ne viennent pas.",)
    with advice_for_the_page():
        assert read_roster(path).warnings == (said + "Enlevez de la liste des participants ceux qui ne viennent pas.",)
    assert [a.name for a in read_roster(sheet("pointage.csv", ["Non", "Oui", "oui"])).attendees] == [
        "Léa Dubois",
        "Zoé Roux",
    ]


def test_a_zoom_registration_denied_is_left_out() -> None:
    """Zoom's "Approval Status": denied is no seat (before: "'denied' is not understood", and Tom White planned);
    pending is kept and said, as any answer that does not confirm."""
    roster = read_roster(FIFTH_ROUND / "07-zoom-registration.csv")
    assert [a.name for a in roster.attendees] == ["Sophie Lemaire", "Inès Haddad", "Rachel Cole", "Louis Perrin"]
    assert "Tom White (denied)" in roster.warnings[0]
    assert "Louis Perrin (pending)" in roster.warnings[1]


def test_a_list_of_addresses_alone_asks_for_the_names() -> None:
    """Before: "no header row in the first 20 rows", with --columns "name=A,organisation=B" (A holds the
    addresses, there is no B). The addresses would tell the organisations; the cards need names."""
    path = FIFTH_ROUND / "11-emails-only.csv"
    with pytest.raises(ImportProblems) as refused:
        read_roster(path)
    assert str(refused.value) == (
        f"{path}, ligne 1 : aucune colonne de nom (« Nom », « Nom complet », « Participant », ou « Prénom » et "
        "« Nom ») parmi les en-têtes A « Adresse e-mail ». Aucune ne semble l'être : ajoutez la colonne, avec par "
        "exemple l'en-tête « Nom », remplie pour chaque personne."
    )


def test_a_title_naming_attendance_is_passed_over_for_the_header_under_it(tmp_path: Path) -> None:
    """The header named in a refusal is the row naming the name column, not a title above it that names a role
    of its own ("présence")."""
    path = tmp_path / "liste.csv"
    path.write_text("Liste de présence\n\nParticipant;Provenance\nAnne Martin;CIO\nLéa Roux;PLIE\n", encoding="utf-8")
    with pytest.raises(ImportProblems) as refused:
        read_roster(path)
    assert str(refused.value).startswith(f"{path}, ligne 3 : aucune colonne de structure")


def test_names_all_in_capitals_under_a_family_name_first_header_are_turned_and_said() -> None:
    """ "MARTIN ANNE" under "NOM PRENOM": no name's case can tell its order, the header does. Before: printed
    "Martin Anne" on every card."""
    path = FIFTH_ROUND / "12-capitals.csv"
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Karim Benali", "Lea Dubois", "Zoe Roux", "Marc Blanc"]
    assert roster.warnings[0] == (
        f"{path} : les noms de colonne A « NOM PRENOM », tous en capitales, lus nom de famille en premier comme le "
        "demande son en-tête (« MARTIN ANNE » imprimé « Anne Martin ») ; si un nom est écrit dans l'autre sens, "
        "tapez son prénom en minuscules (« Anne MARTIN »)."
    )


def test_an_acronym_glued_to_its_department_number_is_the_same_organisation() -> None:
    """ "CD41" beside "Conseil départemental 41" (a Microsoft Forms): before, two organisations, and the two
    colleagues could share a table."""
    roster = read_roster(FIFTH_ROUND / "02-ms-forms-fr.xlsx")
    assert organisations(roster)["Conseil départemental 41"] == 2
    assert ("CD41", "Conseil départemental 41") in [(m.spelling, m.organisation) for m in roster.merges]


OTHER_CHOICE: Rows = [
    ["Nom", "Prénom", "Votre structure", "Votre structure [Autre]", "Adresse e-mail"],
    ["Martin", "Anne", "France Travail", "", "a.martin@francetravail.fr"],
    ["Dubois", "Léa", "Autre", "Secours populaire", "lea.dubois@secourspop41.fr"],
    ["Blanc", "Marc", "CIO", "", ""],
    ["Roux", "Zoé", "Autre", "Restos du cœur", ""],
]
"""A LimeSurvey list question with its choice "Autre": the text typed for it in a column of its own beside."""


@pytest.mark.parametrize("other", ["Votre structure [Autre]", "Si autre, précisez"])
def test_the_choice_other_is_the_organisation_typed_beside_it(tmp_path: Path, other: str) -> None:
    """Before, Léa Dubois and Zoé Roux were both of an organisation "Autre", printed on their cards and kept
    apart as colleagues."""
    rows = [[other if cell == "Votre structure [Autre]" else cell for cell in OTHER_CHOICE[0]], *OTHER_CHOICE[1:]]
    roster = read_roster(write_csv(tmp_path / "results-survey.csv", rows, ","))
    assert people(roster) == [
        ("Anne Martin", "France Travail"),
        ("Léa Dubois", "Secours populaire"),
        ("Marc Blanc", "CIO"),
        ("Zoé Roux", "Restos du cœur"),
    ]


def test_the_choice_other_with_nothing_beside_it_asks_for_the_organisation(tmp_path: Path) -> None:
    """With no text for it, "Autre" is no organisation: the address tells it when there is one (Léa Dubois), else
    the row is to complete."""
    rows = [[cell for index, cell in enumerate(row) if index != 3] for row in OTHER_CHOICE]
    path = write_csv(tmp_path / "inscrits.csv", rows)
    with pytest.raises(ImportProblems) as refused:
        read_roster(path)
    assert str(refused.value) == (
        f"{path}, ligne 5, colonne C « Votre structure » : « Autre » ne nomme aucune structure pour « Zoé Roux » : "
        "écrivez la sienne à la place, ou supprimez la ligne."
    )


def test_recipients_copied_from_a_mail_program_are_names_with_their_addresses(tmp_path: Path) -> None:
    """The organiser pasted the invitation's recipients ("Anne Martin <anne.martin@...>", Outlook quotes some
    names) under "Participant": before, refused as a column of addresses, not names."""
    rows: Rows = [
        ["Participant", "Structure", "Courriel"],
        ["Anne Martin <anne.martin@francetravail.fr>", "France Travail", ""],
        ['"Léa DUBOIS" <lea.dubois@cidff41.fr>', "CIDFF", ""],
        ["Marc Blanc <m.blanc@cio.fr>", "CIO", "marc.blanc@cio.fr"],
        ["Zoé Roux", "PLIE", ""],
    ]
    roster = read_roster(write_csv(tmp_path / "invites.csv", rows))
    assert [(a.name, a.email) for a in roster.attendees] == [
        ("Anne Martin", "anne.martin@francetravail.fr"),
        ("Léa Dubois", "lea.dubois@cidff41.fr"),
        ("Marc Blanc", "marc.blanc@cio.fr"),
        ("Zoé Roux", ""),
    ]
    without_column = read_roster(write_csv(tmp_path / "sans-courriel.csv", [row[:2] for row in rows]))
    assert [a.email for a in without_column.attendees][:2] == ["anne.martin@francetravail.fr", "lea.dubois@cidff41.fr"]


def test_a_question_recalling_an_earlier_answer_is_read_by_its_own_words() -> None:
    """Typeform's "Et votre nom de famille, {{field:prenom}} ?" recalls the first name given: before, the recall's
    "prenom" made it a full-name column, and the cards read "Lemaire" without the first name."""
    roster = read_roster(SIXTH_ROUND / "01-typeform.csv")
    assert [a.name for a in roster.attendees][:2] == ["Sophie Lemaire", "Karim Benali"]


@pytest.mark.parametrize(
    "rows",
    [
        [["Nom - Prénom", "Nom - Nom de famille", "Structure"], ["Anne", "Martin", "CIO"], ["Karim", "Benali", "PLIE"]],
        [
            ["Name (First)", "Name (Middle)", "Name (Last)", "Structure"],
            ["Anne", "", "Martin", "CIO"],
            ["Karim", "Salim", "Benali", "PLIE"],
        ],
        [["NOM - Prénom", "Structure"], ["MARTIN Anne", "CIO"], ["BENALI Karim", "PLIE"]],
    ],
    ids=["jotform", "gravity-forms", "one-column"],
)
def test_a_name_field_split_into_parts_reads_each_part(tmp_path: Path, rows: Rows) -> None:
    """Jotform's "Nom - Prénom" and "Nom - Nom de famille", Gravity Forms' "Name (First)", "(Middle)", "(Last)":
    before, the first part was read as the whole name ("Hélène" for Hélène Chevalier). A lone "NOM - Prénom"
    stays the whole name, family name first."""
    roster = read_roster(write_csv(tmp_path / "inscrits.csv", rows))
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Karim Benali"]


def test_jotforms_split_name_reads_first_and_last_name() -> None:
    roster = read_roster(SIXTH_ROUND / "02-jotform.csv")
    assert [a.name for a in roster.attendees][:2] == ["Hélène Chevalier", "Yannick Le Goff"]


def test_an_airtable_checkbox_is_an_attendance_column() -> None:
    """Airtable writes a ticked checkbox "checked", an unticked one nothing: before, "checked" was not understood,
    the column not read, and Inès Haddad, who had not ticked it, planned. An empty cell of a column of "checked"
    is a box left unticked, where an empty cell of a column of answers is a question left unanswered."""
    roster = read_roster(SIXTH_ROUND / "04-airtable.csv")
    assert "présence D « Attending »" in roster.notes[0]
    assert roster.warnings == (
        f"{SIXTH_ROUND / '04-airtable.csv'} : 1 personne laissée de côté, qui ne vient pas d'après colonne D "
        "« Attending » : Inès Haddad (case non cochée).",
    )


def test_notions_linked_records_are_read_without_their_addresses() -> None:
    """Notion exports a relation as the record's name and its page's address: before, "France Travail
    (https://www.notion.so/France-Travail-3f2a...)" was the organisation printed on the cards."""
    roster = read_roster(SIXTH_ROUND / "05-notion.csv")
    assert organisations(roster) == Counter({"Mission Locale": 2, "France Travail": 1, "PLIE": 1})
    assert "Léa Dubois (No)" in roster.warnings[0]


def test_a_draft_never_sent_is_left_out_and_said() -> None:
    """Framaforms (Drupal's Webform) exports the drafts with the responses, "Brouillon" 1: before, the list was
    refused for the organisation missing from Didier's draft, abandoned after his first name."""
    path = SIXTH_ROUND / "06-framaforms.csv"
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Sophie Garnier", "Bruno Ngô", "Chloé Œuvray", "Farid Haddad"]
    assert (
        f"{path} : 1 brouillon laissé de côté, jamais envoyé (la colonne D « Brouillon » le dit) : Didier. Écrivez-y "
        "0 pour le garder."
    ) in roster.warnings
    with advice_for_the_page():
        assert any(
            line.endswith("Pour garder cette personne, ajoutez-la sous Personnes.")
            for line in read_roster(path).warnings
        )


def test_surveymonkeys_choices_in_columns_of_their_own_are_one_answer() -> None:
    """SurveyMonkey's Excel export: the question merged over one column per choice ("Oui", "Non"), the chosen
    one's text in its cell. Before, the row of "Response" under the questions, outnumbered by the choices, was
    read as a person's row and refused ("'Response' is not an email address"); and the themes offered,
    "Mobilité" among them, are no question about staying seated."""
    roster = read_roster(SIXTH_ROUND / "03-surveymonkey-expanded.xlsx")
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Léa Dubois", "Zoé Roux", "Paul Fontaine"]
    assert roster.warnings[0].endswith("colonne M « Participerez-vous au petit-déjeuner ? » : Marc Blanc (Non).")
    assert "reste assis" not in roster.notes[0]


def test_an_organisation_chosen_among_columns_of_choices_is_the_one_filled(tmp_path: Path) -> None:
    """SurveyMonkey's question "Quelle est votre structure ?" spread over one column per structure offered, and
    the text given for "Autre" in the last: each person's organisation is the one cell they filled."""
    rows: Rows = [
        ["Respondent ID", "Votre nom", "Quelle est votre structure ?", "", "", ""],
        ["", "Response", "France Travail", "Mission Locale", "CIDFF", "Autre (veuillez préciser)"],
        ["1", "Anne Martin", "France Travail", "", "", ""], ["2", "Karim Benali", "", "Mission Locale", "", ""],
        ["3", "Zoé Roux", "", "", "", "PLIE"],
    ]  # fmt: skip
    roster = read_roster(write_csv(tmp_path / "surveymonkey.csv", rows, ","))
    assert [a.organisation for a in roster.attendees] == ["France Travail", "Mission Locale", "PLIE"]
    assert "structure C « Quelle est votre structure ? »" in roster.notes[0]


@pytest.mark.parametrize("merged", [True, False], ids=["merged", "blank-beside"])
def test_a_tick_under_a_choice_is_that_choice(tmp_path: Path, merged: bool) -> None:
    """An organiser's sheet with "Présence" over "Oui" and "Non", an x under one: the x under "Non" is no. The
    title is merged over its choices, or written over the first of them."""
    rows: Rows = [
        ["Nom", "Prénom", "Structure", "Présence", None],
        [None, None, None, "Oui", "Non"],
        ["Martin", "Anne", "CIO", "x", None],
        ["Dubois", "Léa", "CIDFF", None, "x"],
        ["Roux", "Zoé", "PLIE", "x", None],
    ]
    merges = {"Inscrits": [("A1", "A2"), ("B1", "B2"), ("C1", "C2"), ("D1", "E1")]} if merged else None
    roster = read_roster(write_xlsx(tmp_path / "presence.xlsx", {"Inscrits": rows}, merges))
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Zoé Roux"]
    assert roster.warnings[0].endswith(": Léa Dubois (Non).")


def test_a_column_ticked_for_the_excused_leaves_them_out() -> None:
    """A sign-in sheet with "Présent" and "Excusé", an x in one of them: before, "Excusé" was no column of
    attendance, and the two people excused were kept, said to have no answer under "Présent"."""
    path = SIXTH_ROUND / "16-x-marks.xlsx"
    roster = read_roster(path)
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Karim Benali", "Zoé Roux", "Hugo Petit"]
    assert roster.warnings == (
        f"{path} : 2 personnes laissées de côté, qui ne viennent pas d'après colonnes D « Présent » et "
        "E « Excusé » : Léa Dubois (Excusé), Sophie Garnier (Excusé).",
    )


def test_a_column_ticked_for_the_absent_alone_keeps_everyone_else_without_a_word(tmp_path: Path) -> None:
    rows: Rows = [
        ["Participant", "Structure", "Absent(e)", "Date d'annulation"],
        ["Anne Martin", "CIO", "", ""],
        ["Léa Dubois", "CIDFF", "x", "02/12/2026"],
        ["Zoé Roux", "PLIE", "", ""],
    ]
    roster = read_roster(write_csv(tmp_path / "liste.csv", rows))
    assert [a.name for a in roster.attendees] == ["Anne Martin", "Zoé Roux"]
    assert roster.warnings == (
        f"{tmp_path / 'liste.csv'} : 1 personne laissée de côté, qui ne vient pas d'après colonne C « Absent(e) » : "
        "Léa Dubois (Absent(e)).",
    )


def test_two_organisations_kept_apart_are_said_once() -> None:
    """ "ML Vendôme" and "Mission locale du Vendômois" are one, "Mission Locale de Blois" and "Mission Locale Blois"
    another: before, the two stayed apart were said twice, once in each order, from two pairs of spellings."""
    roster = read_roster(SIXTH_ROUND / "15-town-suffix.csv")
    apart = [line.partition(" : ")[2] for line in roster.warnings if "restent deux" in line]
    assert apart == [
        "« CIO Blois » et « CIO de Vendôme » se ressemblent mais restent deux structures (lieux différents).",
        "« France Travail Blois » et « France Travail Vendôme » se ressemblent mais restent deux structures (lieux "
        "différents).",
        "« Mission Locale de Blois » et « ML Vendôme » se ressemblent mais restent deux structures (lieux différents).",
    ]


def test_the_rows_of_several_events_are_said(tmp_path: Path) -> None:
    """A ticketing tool's export of two breakfasts, one in Blois and one in Vendôme, given as one session's list:
    before, the people of both were planned together without a word. A question about the event, or one event
    only, says nothing."""
    path = SIXTH_ROUND / "18-two-events.csv"
    said = (
        f"{path} : la colonne A « Événement » nomme 2 événements, planifiés ensemble comme une seule séance : "
        "« Petit-déjeuner des partenaires - Blois » (4 personnes), « Petit-déjeuner des partenaires - Vendôme » "
        "(3 personnes). "
    )
    assert read_roster(path).warnings == (
        said + "Ne gardez que les lignes de l'événement à planifier (filtrez la colonne, puis enregistrez une copie).",
    )
    with advice_for_the_page():
        assert read_roster(path).warnings[0].startswith(said + "Donnez une liste du seul événement à planifier")
    rows: Rows = [
        ["Participant", "Structure", "Comment avez-vous connu l'événement ?", "Événement"],
        ["Anne Martin", "CIO", "Bouche à oreille", "Petit-déjeuner"],
        ["Léa Dubois", "CIDFF", "Courriel", "Petit-déjeuner"],
        ["Marc Blanc", "Mission Locale", "Bouche à oreille", ""],
    ]
    assert read_roster(write_csv(tmp_path / "un.csv", rows)).warnings == ()
