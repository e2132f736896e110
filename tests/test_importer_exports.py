"""Registration exports as the tools' documented formats write them, planned with no renaming, no editing and
no column flag: the right people, their real names, only those who come, colleagues recognised however they
typed their organisation."""

from collections import Counter
from pathlib import Path

import pytest

from speeddating.importer import read_roster
from speeddating.roster import Roster
from tests.conftest import CheckPlan
from tests.helpers import Rows, plan_quickly, write_csv, write_ods, write_xls, write_xlsx

GOOGLE_FORMS: Rows = [
    [
        "Horodateur",
        "Adresse e-mail",
        "Nom",
        "Prénom",
        "Quelle est votre structure ?",
        "Avez-vous besoin de rester assis(e) pendant toute la séance ?",
        "Une question pour les autres structures ?",
    ],
    [
        "2026/11/20 9:15:32 AM UTC+1",
        "s.lemaire@francetravail.fr",
        "LEMAIRE",
        "Sophie",
        "France Travail - agence Blois Nord",
        "Non",
        "",
    ],
    ["2026/11/20 9:17:02 AM UTC+1", "paul.renard@francetravail.fr", "Renard", "Paul", "FRANCE TRAVAIL", "Non", ""],
    [
        "2026/11/20 10:02:45 AM UTC+1",
        "nadia.belkacem@gmail.com",
        "Belkacem",
        "Nadia",
        "Pôle emploi",
        "Non",
        "Qui accueille les 16-18 ans ?",
    ],
    ["2026/11/20 11:30:00 AM UTC+1", "j.moreau@francetravail.fr", "MOREAU", "Julien", "France travail", "", ""],
    ["2026/11/21 8:05:13 AM UTC+1", "c.leroy@mlblois.fr", "Leroy", "Camille", "ML Blois", "Non", ""],
    ["2026/11/21 8:40:09 AM UTC+1", "hugo.petit@orange.fr", "PETIT", "Hugo", "Mission locale", "Oui", ""],
    ["2026/11/21 9:12:51 AM UTC+1", "e.garnier@mlblois.fr", "Garnier", "Emma", "Mission Locale du Blaisois", "Non", ""],
    ["2026/11/21 9:13:30 AM UTC+1", "l.fontaine@mlblois.fr", "Fontaine", "Lucas", "Mission Locale Blois", "Non", ""],
    ["2026/11/21 14:00:00 PM UTC+1", "ines.haddad@ac-orleans-tours.fr", "Haddad", "Inès", "CIO de Blois", "Non", ""],
    [
        "2026/11/22 9:01:00 AM UTC+1",
        "marc.blanc@ac-orleans-tours.fr",
        "Blanc",
        "Marc",
        "Centre d'information et d'orientation",
        "Non",
        "",
    ],
    ["2026/11/22 9:30:00 AM UTC+1", "zoe.roux@ac-orleans-tours.fr", "ROUX", "Zoé", "CIO", "Non", ""],
    ["2026/11/22 10:00:00 AM UTC+1", "lea.dubois@cidff41.fr", "Dubois", "Léa", "CIDFF 41", "Non", ""],
    ["2026/11/22 10:30:00 AM UTC+1", "sarah.klein@free.fr", "Klein", "Sarah", "Cidff", "Non", ""],
    ["2026/11/22 11:00:00 AM UTC+1", "a.ndiaye@cidff41.fr", "N'DIAYE", "Aminata", "CIDFF", "Non", ""],
    ["2026/11/23 8:00:00 AM UTC+1", "t.girard@capemploi41.fr", "Girard", "Thomas", "Cap emploi", "Non", ""],
    [
        "2026/11/23 8:30:00 AM UTC+1",
        "isabelle.garnier@capemploi41.fr",
        "GARNIER",
        "Isabelle",
        "Cap Emploi 41",
        "Non",
        "",
    ],
    ["2026/11/23 9:00:00 AM UTC+1", "k.benali@capemploi41.fr", "Benali", "Karim", "CAP EMPLOI", "Non", ""],
    ["2026/11/23 9:30:00 AM UTC+1", "yann.legoff@agglopolys.fr", "LE GOFF", "Yann", "PLIE Agglopolys", "Non", ""],
    ["2026/11/23 10:00:00 AM UTC+1", "m.faure@agglopolys.fr", "Faure", "Marie", "Plie", "Non", ""],
    [
        "2026/11/24 9:00:00 AM UTC+1",
        "p.henry@secourspopulaire.fr",
        "Henry",
        "Paul",
        "Secours Populaire Français",
        "Non",
        "",
    ],
    [
        "2026/11/24 9:30:00 AM UTC+1",
        "agathe.delatour@laposte.net",
        "DE LA TOUR",
        "Agathe",
        "Secours populaire",
        "Non",
        "",
    ],
    ["2026/11/24 10:00:00 AM UTC+1", "b.chevalier@admr41.org", "Chevalier", "Bruno", "ADMR 41", "Non", ""],
    [
        "2026/11/24 10:30:00 AM UTC+1",
        "o.mercier@admr41.org",
        "Mercier",
        "Odile",
        "Aide à domicile en milieu rural",
        "Non",
        "",
    ],
]
"""A Google Forms "Download responses (.csv)": the questions as headers, the timestamp and the e-mail Google
collects first; 23 people of 8 organisations typed 21 ways."""


def organisations(roster: Roster) -> Counter[str]:
    return Counter(a.organisation for a in roster.attendees)


def test_a_google_forms_export(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "reponses.csv", GOOGLE_FORMS, ",", "utf-8"))
    assert len(roster) == 23
    assert organisations(roster) == {
        "France Travail": 4,
        "Mission locale": 4,
        "CIO": 3,
        "CIDFF": 3,
        "Cap emploi": 3,
        "PLIE": 2,
        "Secours Populaire Français": 2,
        "ADMR 41": 2,
    }
    names = [a.name for a in roster.attendees]
    assert names[:4] == ["Sophie Lemaire", "Paul Renard", "Nadia Belkacem", "Julien Moreau"]
    assert "Aminata N'Diaye" in names and "Yann Le Goff" in names and "Agathe de La Tour" in names
    assert [a.name for a in roster.attendees if a.attribute("stays_seated") == "yes"] == ["Hugo Petit"]
    assert roster.attendees[0].email == "s.lemaire@francetravail.fr"
    assert roster.notes == (
        f"{tmp_path / 'reponses.csv'} : colonnes lues : prénom D « Prénom », nom C « Nom », structure E « Quelle "
        "est votre structure ? », courriel B « Adresse e-mail », reste assis F « Avez-vous besoin de rester "
        "assis(e) pendant toute la séance ? ».",
    )


def test_the_google_forms_export_plans_without_colleagues_together(tmp_path: Path, check_plan: CheckPlan) -> None:
    path = write_csv(tmp_path / "reponses.csv", GOOGLE_FORMS, ",", "utf-8")
    code, out, err = plan_quickly(path, tmp_path / "plan")
    assert code == 0, err
    assert "Structures (8)" in out
    figures = check_plan(tmp_path / "plan" / "plan.json")
    assert figures["valid"] and figures["organisations"] == 8
    assert figures["same_org_pairs"] == figures["forced_same_org"] == 0


MICROSOFT_FORMS: Rows = [
    [
        "ID",
        "Heure de début",
        "Heure de fin",
        "Adresse de messagerie",
        "Nom",
        "Heure de la dernière modification",
        "Votre nom",
        "Votre prénom",
        "Votre structure",
        "Avez-vous besoin de rester assis(e) pendant toute la séance ?",
    ],
    [1, "11/20/26 9:15:32", "11/20/26 9:17:02", "anonymous", None, None, "ROYER", "Mathieu", "Mission Locale", "Non"],
    [2, "11/20/26 9:20:00", "11/20/26 9:21:00", "anonymous", None, None, "Martin", "Anne", "France Travail", "Oui"],
    [3, "11/20/26 9:25:00", "11/20/26 9:26:10", "anonymous", None, None, "Benali", "Karim", "Cap emploi", "Non"],
    [4, "11/20/26 9:30:00", "11/20/26 9:31:00", "anonymous", None, None, "CHEVALIER", "Hélène", "CIO", "Non"],
]
"""A Microsoft Forms "Ouvrir dans Excel" export of an anonymous form: the respondent's columns (ID, times,
"anonymous" as the address, an empty "Nom") before the questions."""


def test_a_microsoft_forms_export(tmp_path: Path) -> None:
    roster = read_roster(write_xlsx(tmp_path / "Inscriptions.xlsx", {"Sheet1": MICROSOFT_FORMS}))
    assert [(a.name, a.organisation, a.email) for a in roster.attendees] == [
        ("Mathieu Royer", "Mission Locale", ""),
        ("Anne Martin", "France Travail", ""),
        ("Karim Benali", "Cap emploi", ""),
        ("Hélène Chevalier", "CIO", ""),
    ]
    assert [a.name for a in roster.attendees if a.attribute("stays_seated") == "yes"] == ["Anne Martin"]
    assert "nom G « Votre nom »" in roster.notes[0] and "prénom H « Votre prénom »" in roster.notes[0]


def test_microsoft_forms_with_sign_in_reads_the_address_of_messaging(tmp_path: Path) -> None:
    rows = [list(row) for row in MICROSOFT_FORMS]
    for number, row in enumerate(rows[1:], start=1):
        row[3], row[4] = f"personne{number}@agglopolys.fr", f"Personne {number}"
        row[8] = f"Service {number}"
    roster = read_roster(write_xlsx(tmp_path / "Inscriptions.xlsx", {"Sheet1": rows}))
    assert [a.email for a in roster.attendees] == [f"personne{n}@agglopolys.fr" for n in range(1, 5)]
    assert roster.attendees[0].name == "Mathieu Royer"


FRAMAFORMS: Rows = [
    ["Inscription au petit-déjeuner des partenaires", "", "", "", "", "", "", "", "", "", ""],
    [
        "N° de série",
        "SID",
        "Heure de soumission",
        "Brouillon",
        "Adresse IP",
        "UID",
        "Nom d'utilisateur",
        "Votre nom",
        "Votre prénom",
        "Votre structure",
        "Votre courriel",
    ],
    ["", "", "", "", "", "", "", "", "", "", ""],
    [
        "1",
        "4512",
        "20/11/2026 - 09:15",
        "0",
        "92.184.1.2",
        "0",
        "Anonyme",
        "Faure",
        "Élodie",
        "Maison de l'emploi",
        "e.faure@mde41.fr",
    ],
    ["2", "4513", "20/11/2026 - 09:40", "0", "92.184.1.3", "0", "Anonyme", "PERRIN", "Jean-Luc", "Cap emploi", ""],
    [
        "3",
        "4517",
        "21/11/2026 - 10:02",
        "0",
        "92.184.1.4",
        "0",
        "Anonyme",
        "Nguyen",
        "Lan",
        "CIDFF",
        "lan.nguyen@cidff41.fr",
    ],
]
"""A Framaforms (Drupal Webform) "Téléchargement" as tab-separated text: a title row, the submission's own
columns (serial, SID, time, IP, the Drupal user "Anonyme"), then the questions, and an empty third header row."""


def test_a_framaforms_export(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "framaforms.csv", FRAMAFORMS, "\t", "utf-8"))
    assert [(a.name, a.organisation, a.email) for a in roster.attendees] == [
        ("Élodie Faure", "Maison de l'emploi", "e.faure@mde41.fr"),
        ("Jean-Luc Perrin", "Cap emploi", ""),
        ("Lan Nguyen", "CIDFF", "lan.nguyen@cidff41.fr"),
    ]
    assert ("Nom d'utilisateur", "Anonyme") in roster.attendees[0].attributes


HELLOASSO: Rows = [
    [
        "Référence commande",
        "Date de la commande",
        "Statut de la commande",
        "Nom participant",
        "Prénom participant",
        "Nom payeur",
        "Prénom payeur",
        "Email payeur",
        "Raison sociale",
        "Moyen de paiement",
        "Billet",
        "Numéro de billet",
        "Tarif",
        "Montant tarif",
        "Code Promo",
        "Structure",
    ],
    [
        "80412",
        "20/11/2026 09:15",
        "Validé",
        "Lemaire",
        "Sophie",
        "Lemaire",
        "Sophie",
        "s.lemaire@francetravail.fr",
        "",
        "Carte bancaire",
        "Petit-déjeuner",
        "1001",
        "Gratuit",
        "0,00",
        "",
        "France Travail",
    ],
    [
        "80413",
        "20/11/2026 09:40",
        "Validé",
        "Dubois",
        "Léa",
        "Roux",
        "Camille",
        "c.roux@cidff41.fr",
        "CIDFF 41",
        "Carte bancaire",
        "Petit-déjeuner",
        "1002",
        "Gratuit",
        "0,00",
        "",
        "CIDFF",
    ],
    [
        "80413",
        "20/11/2026 09:40",
        "Validé",
        "Roux",
        "Camille",
        "Roux",
        "Camille",
        "c.roux@cidff41.fr",
        "CIDFF 41",
        "Carte bancaire",
        "Petit-déjeuner",
        "1003",
        "Gratuit",
        "0,00",
        "",
        "CIDFF",
    ],
    [
        "80414",
        "21/11/2026 10:00",
        "Annulé",
        "Benali",
        "Karim",
        "Benali",
        "Karim",
        "k.benali@capemploi41.fr",
        "",
        "Carte bancaire",
        "Petit-déjeuner",
        "1004",
        "Gratuit",
        "0,00",
        "",
        "Cap emploi",
    ],
    [
        "80415",
        "21/11/2026 11:00",
        "Validé",
        "Girard",
        "Thomas",
        "Girard",
        "Thomas",
        "t.girard@capemploi41.fr",
        "",
        "Carte bancaire",
        "Petit-déjeuner",
        "1005",
        "Gratuit",
        "0,00",
        "",
        "Cap emploi",
    ],
    [
        "80416",
        "22/11/2026 08:30",
        "Remboursé",
        "Haddad",
        "Inès",
        "Haddad",
        "Inès",
        "i.haddad@ac-orleans-tours.fr",
        "",
        "Carte bancaire",
        "Petit-déjeuner",
        "1006",
        "Gratuit",
        "0,00",
        "",
        "CIO",
    ],
    [
        "80417",
        "22/11/2026 09:00",
        "Validé",
        "Chevalier",
        "Hélène",
        "Chevalier",
        "Hélène",
        "h.chevalier@ac-orleans-tours.fr",
        "",
        "Carte bancaire",
        "Petit-déjeuner",
        "1007",
        "Gratuit",
        "0,00",
        "",
        "CIO",
    ],
    [
        "80418",
        "22/11/2026 09:30",
        "Validé",
        "Leroy",
        "Camille",
        "Leroy",
        "Camille",
        "c.leroy@mlblois.fr",
        "",
        "Carte bancaire",
        "Petit-déjeuner",
        "1008",
        "Gratuit",
        "0,00",
        "",
        "Mission Locale",
    ],
]
"""A HelloAsso "Exporter les participants": `;`-separated UTF-8 with a BOM, the order's and the payer's
columns beside the participant's, a custom "Structure" field; one payer booked for a colleague."""


def test_a_helloasso_export(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "export-helloasso.csv", HELLOASSO, ";", "utf-8-sig"))
    assert [(a.name, a.organisation, a.email) for a in roster.attendees] == [
        ("Sophie Lemaire", "France Travail", ""),
        ("Léa Dubois", "CIDFF", ""),
        ("Camille Roux", "CIDFF", ""),
        ("Thomas Girard", "Cap emploi", ""),
        ("Hélène Chevalier", "CIO", ""),
        ("Camille Leroy", "Mission Locale", ""),
    ]
    (left_out,) = [warning for warning in roster.warnings if "laissées de côté" in warning]
    assert "2 personnes laissées de côté" in left_out
    assert "Karim Benali (Annulé), Inès Haddad (Remboursé)" in left_out


EVENTBRITE: Rows = [
    [
        "Order #",
        "Order Date",
        "First Name",
        "Last Name",
        "Email",
        "Quantity",
        "Ticket Type",
        "Attendee #",
        "Group",
        "Order Type",
        "Currency",
        "Total Paid",
        "Fees Paid",
        "Eventbrite Fees",
        "Eventbrite Payment Processing",
        "Attendee Status",
        "Company",
        "Job Title",
    ],
    [
        "1234567001",
        "2026-11-20 09:15:32+01:00",
        "Anne",
        "Martin",
        "anne.martin@francetravail.fr",
        "1",
        "Breakfast",
        "1234567035",
        "",
        "Free Order",
        "EUR",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "Attending",
        "France Travail",
        "Conseillère",
    ],
    [
        "1234567002",
        "2026-11-20 10:02:11+01:00",
        "Karim",
        "Benali",
        "karim.benali@capemploi41.fr",
        "1",
        "Breakfast",
        "1234567036",
        "",
        "Free Order",
        "EUR",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "Checked In",
        "Cap emploi",
        "",
    ],
    [
        "1234567003",
        "2026-11-20 11:30:00+01:00",
        "Léa",
        "Dubois",
        "lea.dubois@cidff41.fr",
        "1",
        "Breakfast",
        "1234567037",
        "",
        "Free Order",
        "EUR",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "Not Attending",
        "CIDFF",
        "",
    ],
    [
        "1234567004",
        "2026-11-21 08:05:13+01:00",
        "Hélène",
        "Chevalier",
        "h.chevalier@ac-orleans-tours.fr",
        "1",
        "Breakfast",
        "1234567038",
        "",
        "Free Order",
        "EUR",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "Attending",
        "CIO",
        "Psychologue",
    ],
    [
        "1234567005",
        "2026-11-21 08:40:09+01:00",
        "Camille",
        "Leroy",
        "c.leroy@mlblois.fr",
        "1",
        "Breakfast",
        "1234567039",
        "",
        "Free Order",
        "EUR",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "Refunded",
        "Mission Locale",
        "",
    ],
    [
        "1234567006",
        "2026-11-21 09:12:51+01:00",
        "Mathieu",
        "Royer",
        "m.royer@mlblois.fr",
        "1",
        "Breakfast",
        "1234567040",
        "",
        "Free Order",
        "EUR",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "Attending",
        "Mission Locale",
        "",
    ],
]
"""An Eventbrite "Attendee Summary" report: order and attendee numbers, amounts, the attendee's status."""


def test_an_eventbrite_report(tmp_path: Path) -> None:
    roster = read_roster(write_csv(tmp_path / "report.csv", EVENTBRITE, ",", "utf-8"))
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Anne Martin", "France Travail"),
        ("Karim Benali", "Cap emploi"),
        ("Hélène Chevalier", "CIO"),
        ("Mathieu Royer", "Mission Locale"),
    ]
    assert all(not a.name[0].isdigit() for a in roster.attendees)
    assert any("Léa Dubois (Not Attending), Camille Leroy (Refunded)" in warning for warning in roster.warnings)
    assert ("Job Title", "Conseillère") in roster.attendees[0].attributes


HAND_TYPED: Rows = [
    ["Petit-déjeuner des partenaires — jeudi 12 mars", None, None, None, None],
    [None, None, None, None, None],
    ["N°", "Participant", None, "Structure", "Présent"],
    [None, "Nom", "Prénom", None, None],
    [1, "LEMAIRE", "Sophie", "Mission Locale", "oui"],
    [2, "Renard", "Paul", "France Travail", "oui"],
    [3, "Moreau", "Julien", None, "oui"],
    [4, "HADDAD", "Inès", "CIO", "non"],
    [5, "Blanc", "Marc", None, "oui"],
    [6, "Dubois", "Léa", "CIDFF", "oui"],
    [7, "Klein", "Sarah", "Cap emploi", "oui"],
    [8, "NOM", "PRÉNOM", "STRUCTURE", "PRÉSENT"],
    [9, "Faure", "Marie", "PLIE", "oui"],
    ["Total", 9, None, None, 8],
]
"""A list typed by hand: a title merged over the columns, "Participant" merged over "Nom" and "Prénom",
"Structure" and "Présent" merged down two header rows, an organisation merged down the rows of its
people, a header pasted again in capitals, a "Présent" column and a "Total" row."""
HAND_TYPED_MERGES = [("A1", "E1"), ("B3", "C3"), ("A3", "A4"), ("D3", "D4"), ("E3", "E4"), ("D6", "D7"), ("D8", "D9")]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".xls"])
def test_a_hand_typed_list_and_its_ods_and_xls_twins(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"liste{suffix}"
    if suffix == ".ods":
        write_ods(path, HAND_TYPED, HAND_TYPED_MERGES)
    else:
        (write_xlsx if suffix == ".xlsx" else write_xls)(path, {"Feuil1": HAND_TYPED}, {"Feuil1": HAND_TYPED_MERGES})
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Sophie Lemaire", "Mission Locale"),
        ("Paul Renard", "France Travail"),
        ("Julien Moreau", "France Travail"),
        ("Marc Blanc", "CIO"),
        ("Léa Dubois", "CIDFF"),
        ("Sarah Klein", "Cap emploi"),
        ("Marie Faure", "PLIE"),
    ]
    assert roster.warnings == (
        f"{path} : ligne 12 ignorée : elle répète les en-têtes.",
        f"{path} : ligne 14 ignorée : un total ou un compte, pas une personne.",
        f"{path} : 1 personne laissée de côté, qui ne vient pas d'après colonne E « Présent » : Inès Haddad (non).",
    )
    assert ("N°", "1") in roster.attendees[0].attributes


def test_a_hidden_first_sheet_is_not_planned_instead_of_the_visible_one(tmp_path: Path) -> None:
    old = [["Nom complet", "Structure"], ["Ancien Inscrit", "CIO"], ["Autre Ancien", "PLIE"]]
    current = [["Nom complet", "Structure"], ["Anne Martin", "CIDFF"], ["Léa Dubois", "Cap emploi"]]
    for path in (
        write_xlsx(tmp_path / "liste.xlsx", {"Archive": old, "Inscrits": current}, hidden={"Archive"}),
        write_xls(tmp_path / "liste.xls", {"Archive": old, "Inscrits": current}, hidden={"Archive"}),
        write_ods(tmp_path / "liste.ods", current, sheet="Inscrits", before={"Archive": old}, hidden={"Archive"}),
    ):
        roster = read_roster(path)
        assert [a.name for a in roster.attendees] == ["Anne Martin", "Léa Dubois"], path
        assert roster.warnings == (
            f"{path} : feuille « Inscrits » lue, la feuille masquée « Archive » laissée de côté ; "
            "indiquez --sheet pour en lire une autre.",
        )
        assert [a.name for a in read_roster(path, sheet="Archive").attendees] == ["Ancien Inscrit", "Autre Ancien"]


BILLETWEB: Rows = [
    [
        "Billet",
        "Commande",
        "Date",
        "Nom",
        "Prénom",
        "Email",
        "Tarif",
        "Prix",
        "Code promo",
        "Payé",
        "Valide",
        "Date de validation",
        "Moyen de paiement",
        "Structure",
    ],
    [
        "T1187301",
        "C905521",
        "2026-11-18 09:12",
        "Lemaire",
        "Sophie",
        "s.lemaire@francetravail.fr",
        "Entrée partenaire",
        "0.00",
        "",
        "Oui",
        "Oui",
        "2026-11-18 09:12",
        "Gratuit",
        "France Travail",
    ],
    [
        "T1187302",
        "C905522",
        "2026-11-18 10:40",
        "Benali",
        "Karim",
        "k.benali@capemploi41.fr",
        "Entrée partenaire",
        "0.00",
        "",
        "Oui",
        "Non",
        "",
        "Gratuit",
        "Cap emploi",
    ],
    [
        "T1187303",
        "C905523",
        "2026-11-19 14:03",
        "Dubois",
        "Léa",
        "lea.dubois@cidff41.fr",
        "Entrée partenaire",
        "0.00",
        "",
        "Oui",
        "Oui",
        "2026-11-19 14:05",
        "Gratuit",
        "CIDFF",
    ],
    [
        "T1187304",
        "C905524",
        "2026-11-20 08:30",
        "Chevalier",
        "Hélène",
        "h.chevalier@ac-orleans-tours.fr",
        "Entrée partenaire",
        "0.00",
        "",
        "Oui",
        "Oui",
        "2026-11-20 08:31",
        "Gratuit",
        "CIO",
    ],
    [
        "T1187305",
        "C905525",
        "2026-11-20 11:17",
        "Leroy",
        "Camille",
        "c.leroy@mlblois.fr",
        "Entrée partenaire",
        "0.00",
        "",
        "Oui",
        "Non",
        "",
        "Gratuit",
        "Mission Locale",
    ],
]
"""A Billetweb "Export des participants": ticket and order numbers, the tariff, "Payé" and "Valide" (Oui/Non: a
ticket cancelled by the organiser or never confirmed is "Non") and the date it was validated; a custom
"Structure" question."""


def test_a_billetweb_export_leaves_out_the_tickets_not_valid(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export_billetweb.csv", BILLETWEB, ";", "utf-8-sig")
    roster = read_roster(path)
    assert [(a.name, a.organisation) for a in roster.attendees] == [
        ("Sophie Lemaire", "France Travail"),
        ("Léa Dubois", "CIDFF"),
        ("Hélène Chevalier", "CIO"),
    ]
    assert (
        f"{path} : 2 personnes laissées de côté, qui ne viennent pas d'après colonne K « Valide » : "
        "Karim Benali (Non), Camille Leroy (Non)."
    ) in roster.warnings
    assert ("Date de validation", "2026-11-18 09:12") in roster.attendees[0].attributes


def teams_report(summary: str, participants: str, activities: str, headers: list[str], guest: str) -> Rows:
    """A Microsoft Teams attendance report with these section titles, participant headers and guest mark after a
    guest's name (Teams' language)."""
    people = [
        ["Anne Martin", "11/20/26, 9:00:12 AM", "11/20/26, 10:02:40 AM", "1h 2m 28s", "anne.martin@francetravail.fr"],
        ["Karim Benali", "11/20/26, 9:01:40 AM", "11/20/26, 10:01:02 AM", "59m 21s", "k.benali@capemploi41.fr"],
        ["Léa Dubois", "11/20/26, 9:03:05 AM", "11/20/26, 9:58:44 AM", "55m 39s", "lea.dubois@cidff41.fr"],
        ["Paul Renard", "11/20/26, 9:04:51 AM", "11/20/26, 10:02:40 AM", "57m 49s", "paul.renard@francetravail.fr"],
        [f"Zoé Roux {guest}", "11/20/26, 9:10:00 AM", "11/20/26, 9:40:00 AM", "30m", "zoe.roux@cidff41.fr"],
    ]
    roles = ["Organizer", "Presenter", "Attendee", "Attendee", "Attendee"]
    return [
        [summary],
        ["Meeting title", "Point partenaires emploi"],
        ["Attended participants", "5"],
        ["Start time", "11/20/26, 9:00:12 AM"],
        ["End time", "11/20/26, 10:02:40 AM"],
        ["Meeting duration", "1h 2m 28s"],
        ["Average attendance time", "58m 19s"],
        [],
        [participants],
        headers,
        *([*person, person[4], role] for person, role in zip(people, roles, strict=True)),
        [],
        [activities],
        [headers[0], "Join Time", "Leave Time", "Duration", headers[4], headers[6]],
        [*people[1][:2], "11/20/26, 9:30:00 AM", "28m 20s", people[1][4], "Presenter"],
        [people[1][0], "11/20/26, 9:31:00 AM", people[1][2], "30m 2s", people[1][4], "Presenter"],
    ]


@pytest.mark.parametrize(
    "report",
    [
        teams_report(
            "1. Summary",
            "2. Participants",
            "3. In-Meeting Activities",
            ["Name", "First Join", "Last Leave", "In-Meeting Duration", "Email", "Participant ID (UPN)", "Role"],
            "(Guest)",
        ),
        teams_report(
            "1. Résumé",
            "2. Participants",
            "3. Activités de la réunion",
            [
                "Nom",
                "Première arrivée",
                "Dernier départ",
                "Durée de la réunion",
                "E-mail",
                "ID du participant (UPN)",
                "Rôle",
            ],
            "(Invité)",
        ),
    ],
)
def test_a_teams_attendance_report_is_read_as_its_participants(tmp_path: Path, report: Rows) -> None:
    """Teams' "Download attendance report": UTF-16, tab-separated, three sections; the people are the second's,
    once each (the third lists a row per join), their organisations their addresses' domains, a guest's name
    without the mark Teams adds to it."""
    path = write_csv(tmp_path / "meetingAttendanceReport(Point partenaires emploi).csv", report, "\t", "utf-16")
    roster = read_roster(path)
    assert [(a.name, a.email) for a in roster.attendees] == [
        ("Anne Martin", "anne.martin@francetravail.fr"),
        ("Karim Benali", "k.benali@capemploi41.fr"),
        ("Léa Dubois", "lea.dubois@cidff41.fr"),
        ("Paul Renard", "paul.renard@francetravail.fr"),
        ("Zoé Roux", "zoe.roux@cidff41.fr"),
    ]
    assert organisations(roster) == Counter({"France Travail": 2, "cidff41.fr": 2, "capemploi41.fr": 1})
    assert roster.warnings[0] == (
        f"{path} : un rapport de présence Microsoft Teams ; sa section « 2. Participants » lue (lignes 10 à 15), "
        "son résumé et ses activités pendant la réunion laissés de côté."
    )
