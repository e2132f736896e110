"""One organiser's whole path in a real browser, as issue 15 tells it: a French Google Forms export in Excel,
its organisations merged, a breakfast described, planned, printed, re-planned on the morning for an absentee,
projected with the countdown, recorded as it took place, and a second breakfast of the same network that
brings together only people who have not met yet."""

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from speeddating.history.store import open_history, session_plan
from speeddating.plan import write_plan
from tests.conftest import CheckPlan
from tests.helpers import pdf_text, write_xlsx
from tests.web.conftest import LiveServer, import_list, planning_timeout, start_session

GOOGLE_FORMS_HEADERS = (
    "Horodateur",
    "Adresse e-mail",
    "Nom",
    "Prénom",
    "Quelle est votre structure ?",
    "Serez-vous présent(e) ?",
)
NETWORK = (
    ("MARTIN", "Anne", "France Travail", "francetravail.fr"),
    ("BENALI", "Karim", "Pôle emploi", "francetravail.fr"),
    ("LEFÈVRE", "Sophie", "France travail Blois", "francetravail.fr"),
    ("PETIT", "Hugo", "FRANCE TRAVAIL", "francetravail.fr"),
    ("DUBOIS", "Léa", "Mission Locale", "ml-blois.fr"),
    ("DIALLO", "Mamadou", "Mission locale", "ml-blois.fr"),
    ("ROUX", "Camille", "Mission Locale du Blaisois", "ml-blois.fr"),
    ("MOREAU", "Jade", "Mission Locale", "ml-blois.fr"),
    ("GARNIER", "Isabelle", "Cap emploi", "capemploi41.fr"),
    ("GIRARD", "Thomas", "CAP EMPLOI", "capemploi41.fr"),
    ("PERRIN", "Julie", "Cap Emploi 41", "capemploi41.fr"),
    ("FONTAINE", "Louis", "Cap emploi", "capemploi41.fr"),
    ("CHEVALIER", "Hélène", "CIO", "ac-orleans-tours.fr"),
    ("HADDAD", "Inès", "CIO de Blois", "ac-orleans-tours.fr"),
    ("LEMOINE", "Marc", "C.I.O.", "ac-orleans-tours.fr"),
    ("BLANC", "Chloé", "CIO", "ac-orleans-tours.fr"),
    ("MERCIER", "Claire", "CIDFF", "cidff41.fr"),
    ("NGUYỄN", "Lan", "CIDFF 41", "cidff41.fr"),
    ("RENAUD", "Paul", "Cidff", "cidff41.fr"),
    ("GUÉRIN", "Manon", "CIDFF", "cidff41.fr"),
    ("FAURE", "Élodie", "PLIE", "plie-blois.fr"),
    ("BRAHIMI", "Yanis", "Plie Agglopolys", "plie-blois.fr"),
    ("SAÏD", "Nora", "PLIE", "plie-blois.fr"),
    ("ROBIN", "Théo", "PLIE", "plie-blois.fr"),
)
"""Six organisations of four, each typed two to four ways (case, a place, the old name of France Travail):
with tables of four and three rounds, everyone meets nine people of the twenty from other organisations, so a
second breakfast can bring together only people who have not met."""
NAMES = [f"{first} {last.title()}" for last, first, _, _ in NETWORK]
"""As the page prints them: first name first, the capitals of the family name restored."""
ABSENT = "Léa Dubois"


def google_forms_export(folder: Path) -> Path:
    """The registrations as Google Forms exports them to Excel: a timestamp, the e-mail, the questions."""
    rows = [GOOGLE_FORMS_HEADERS] + [
        (f"0{2 + n // 10}/11/2026 09:{n:02d}:17", f"{first}.{last}@{domain}".lower(), last, first, structure, "Oui")
        for n, (last, first, structure, domain) in enumerate(NETWORK)
    ]
    return write_xlsx(folder / "Inscriptions petit-déjeuner (réponses).xlsx", {"Réponses au formulaire 1": rows})


def describe_breakfast(page: Page, title: str, date: str) -> None:
    """The breakfast form: its title and date, and an end at 09:30 so that three rounds fit."""
    page.get_by_role("link", name="2. Le petit-déjeuner").click()
    page.get_by_label("Titre").fill(title)
    page.get_by_label("Date").fill(date)
    page.get_by_label("Fin", exact=True).fill("09:30")
    expect(page.get_by_text("3 tours tiennent")).to_be_visible()
    with page.expect_navigation():  # the form's own post and redirect, to be over before the reload
        page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.reload()
    expect(page.get_by_label("Titre")).to_have_value(title)


def plan_breakfast(page: Page) -> None:
    """Planifier with the shortest time offered, until the figures show."""
    page.get_by_role("link", name="3. Planifier").click()
    page.get_by_role("button", name="Planifier").click()
    expect(page.get_by_role("heading", name="Le plan en chiffres")).to_be_visible(timeout=planning_timeout(10))


def plan_document(live_server: LiveServer, session: str) -> dict[str, Any]:
    """The session's plan.json as the page wrote it."""
    path = live_server.data / "sessions" / session.rsplit("/", 1)[1] / "plan" / "plan.json"
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def tables_by_name(document: dict[str, Any]) -> list[dict[str, int]]:
    """Per round, each seated person's table number, by name."""
    names = {person["id"]: person["name"] for person in document["attendees"]}
    return [
        {names[x]: table["number"] for table in planned["tables"] for x in table["attendees"]}
        for planned in document["rounds"]
    ]


def pairs_met(document: dict[str, Any]) -> set[frozenset[str]]:
    """Every pair of names seated at one table in some round."""
    names = {person["id"]: person["name"] for person in document["attendees"]}
    return {
        frozenset((names[a], names[b]))
        for planned in document["rounds"]
        for table in planned["tables"]
        for a in table["attendees"]
        for b in table["attendees"]
        if a < b
    }


def download(page: Page, live_server: LiveServer, link: str) -> tuple[str, bytes]:
    """The media type and body of the file behind the print screen's link named `link`."""
    answer = page.request.get(
        live_server.base + (page.get_by_role("link", name=link, exact=True).get_attribute("href") or "")
    )
    assert answer.ok, link
    return answer.headers["content-type"], answer.body()


@pytest.mark.slow
def test_two_breakfasts_from_a_french_excel_export_to_the_history(
    page: Page, live_server: LiveServer, tmp_path: Path, check_plan: CheckPlan
) -> None:
    export = google_forms_export(tmp_path)

    # 1. Import: the spellings are merged with their reasons; one merge refused, then accepted again.
    first = start_session(page, live_server)
    import_list(page, export)
    expect(page.get_by_text("24 personnes de 6 structures")).to_be_visible()
    merges = page.locator("#merges tbody tr")
    for spelling, reason in (("Plie Agglopolys", "toutes deux : PLIE"), ("CAP EMPLOI", "même nom, autres majuscules")):
        row = merges.filter(has=page.get_by_role("cell", name=spelling, exact=True))
        expect(row).to_contain_text(reason)
    page.get_by_role("button", name="Garder Plie Agglopolys à part").click()
    expect(page.get_by_text("24 personnes de 7 structures")).to_be_visible()
    page.get_by_role("button", name="Regrouper de nouveau Plie Agglopolys").click()
    expect(page.get_by_text("24 personnes de 6 structures")).to_be_visible()
    expect(page.locator("table.people tbody tr").filter(has_text="Yanis Brahimi")).to_contain_text("PLIE")

    # 2. The breakfast, 3. the plan.
    describe_breakfast(page, "Petit-déjeuner du réseau emploi", "2026-12-08")
    plan_breakfast(page)
    shown_figures = page.locator("ul.figures li")
    expect(shown_figures).to_have_text(
        [
            "24 personnes de 6 structures, 3 tours.",
            "Aucun collègue à la même table.",
            "Personne ne rencontre deux fois la même personne.",
            re.compile(r"^108 nouvelles rencontres sur 108 possibles \(100,0\s%\)\.$"),
            "Plan prouvé le meilleur possible.",
        ]
    )
    expect(page.get_by_role("heading", name=re.compile(r"^Tour 3 · 09:09–09:19"))).to_be_visible()

    # 4. Print: three PDFs naming everyone, the agenda, the spreadsheet and the zip.
    page.get_by_role("link", name="4. Impression").click()
    for link in ("Cartes de table", "Parcours individuels", "Programme", "Plan d'ensemble"):
        media_type, body = download(page, live_server, link)
        assert media_type == "application/pdf" and body.startswith(b"%PDF-"), link
        text = " ".join(pdf_text(body).split())
        assert "Petit-déjeuner du réseau emploi" in text, link
        if link != "Programme":  # the agenda is the timetable, the same for all
            assert [name for name in NAMES if name not in text] == [], link
    media_type, body = download(page, live_server, "Tableur (CSV)")
    spreadsheet = body.decode("utf-8-sig")
    assert media_type.startswith("text/csv") and all(name in spreadsheet for name in NAMES)
    with page.expect_download() as archive:
        page.get_by_role("link", name="Tout dans un zip").click()
    with zipfile.ZipFile(archive.value.path()) as zipped:
        assert sorted(zipped.namelist()) == [
            "agenda.pdf",
            "itineraries.pdf",
            "master-plan.pdf",
            "plan.csv",
            "table-cards.pdf",
        ]
        assert zipped.read("plan.csv").decode("utf-8-sig") == spreadsheet

    # 5. On the day: one person does not come; the rounds from 2 on are re-planned.
    planned = plan_document(live_server, first)
    page.get_by_role("link", name="5. Le jour J").click()
    page.get_by_role("button", name=f"{ABSENT} est absent").click()
    expect(page.get_by_text("1 absent, 0 arrivée notée.")).to_be_visible()
    page.get_by_label("Replanifier à partir du").select_option("2")
    page.get_by_role("button", name="Replanifier").click()
    expect(page.get_by_role("heading", name="Qui change de place")).to_be_visible(timeout=planning_timeout(3))
    expect(page.get_by_text("Version 2 du plan.")).to_be_visible()
    replanned = plan_document(live_server, first)
    before, after = tables_by_name(planned), tables_by_name(replanned)
    assert after[0] == before[0] and all(ABSENT not in seats for seats in after[1:])
    moved: dict[str, list[str]] = {}
    for r in range(1, len(before)):
        for name, table in before[r].items():
            if name in after[r] and after[r][name] != table:
                moved.setdefault(name, []).append(f"table {table} → table {after[r][name]}")
    shown = {line.split(" : ")[0]: line for line in page.locator("#report li").all_inner_texts() if " → " in line}
    assert set(shown) == set(moved)  # one line per person who moves
    assert all(change in shown[name] for name, changes in moved.items() for change in changes)
    missed = ", ".join(str(r + 1) for r in range(1, len(before)))
    absentee = page.locator("#report li").filter(has_text=re.compile(f"^{ABSENT} : "))
    expect(absentee).to_have_text([f"{ABSENT} : sans table aux tours {missed}"])
    left = page.locator("#report li").filter(has_text=re.compile(f"^table \\d+ : .*{ABSENT}.* part"))
    expect(left.first).to_be_visible()  # and the table cards to reprint say she leaves
    assert check_plan(live_server.data / "sessions" / first.rsplit("/", 1)[1] / "plan" / "plan.json", "--allow-absent")[
        "valid"
    ]

    # 6. The projector, in its own window, on Playwright's clock: round 1's ten minutes go down, then the
    # changeover before round 2 follows on its own.
    projection_link = page.get_by_role("link", name="Projection", exact=True).first
    assert projection_link.get_attribute("target") == "_blank"
    projector = page.context.new_page()
    projector.clock.install(time="2000-01-03T08:00:00")  # not the breakfast's day: the organiser runs the screen
    projector.goto(live_server.base + (projection_link.get_attribute("href") or ""))
    expect(projector.get_by_role("heading", name="Rejoignez votre table pour le tour 1")).to_be_visible()
    projector.keyboard.press("ArrowRight")
    expect(projector.get_by_text("Tour 1 sur 3")).to_be_visible()
    timer = projector.get_by_role("timer")
    expect(timer).to_have_text("10:00")
    projector.keyboard.press(" ")
    projector.clock.run_for(4 * 60_000)
    expect(timer).to_have_text("06:00")
    projector.clock.run_for(6 * 60_000 + 30_000)
    expect(projector.get_by_role("heading", name="Rejoignez votre table pour le tour 2")).to_be_visible()
    expect(timer).to_have_text("01:30")
    seats = projector.locator("[data-seats] li")
    expect(seats).to_have_count(23)
    expect(seats.filter(has_text=ABSENT)).to_have_count(0)
    projector.close()

    # 7. Recorded as it took place: the absentee did not come at all.
    page.get_by_role("link", name="Historique", exact=True).click()
    page.get_by_role("link", name="Qui est venu à « Petit-déjeuner du réseau emploi » ?").click()
    page.get_by_label(ABSENT).uncheck()
    page.get_by_role("button", name="Enregistrer telle qu'elle s'est passée").click()
    expect(page.get_by_text(re.compile(r"Séance n° 1 enregistrée : Petit-déjeuner du réseau emploi"))).to_be_visible()
    with open_history(live_server.data / "history.db") as connection:
        _, held = session_plan(connection, 1)
    write_plan(held, tmp_path / "held.json")
    came = pairs_met(replanned)
    assert pairs_met(json.loads((tmp_path / "held.json").read_text(encoding="utf-8"))) == {
        pair for pair in came if ABSENT not in pair
    }

    # 8. The next breakfast, same file: the planner is told who met, and nobody meets again.
    page.goto(live_server.base + "/")
    second = start_session(page, live_server)
    import_list(page, export)
    describe_breakfast(page, "Petit-déjeuner du réseau emploi, janvier", "2027-01-12")
    plan_breakfast(page)
    expect(page.get_by_text("Personne ne rencontre deux fois la même personne.")).to_be_visible()
    expect(page.get_by_text("déjà rencontrées lors d'une séance précédente")).to_have_count(0)
    again = pairs_met(plan_document(live_server, second)) & {pair for pair in came if ABSENT not in pair}
    assert again == set()
    invited = {person["name"] for person in plan_document(live_server, second)["attendees"]}
    held_pairs = pairs_met(json.loads((tmp_path / "held.json").read_text(encoding="utf-8")))
    met_before = {pair for pair in held_pairs if pair <= invited}
    heeded = f"Aucune des {len(met_before)} paires qui se sont rencontrées lors de séances passées ne se retrouve."
    expect(page.get_by_text(heeded)).to_be_visible()
    figures = check_plan(
        live_server.data / "sessions" / second.rsplit("/", 1)[1] / "plan" / "plan.json",
        "--previous",
        str(tmp_path / "held.json"),
    )
    assert figures["valid"], figures["errors"]
    assert figures["history_repeats"] == 0 and figures["same_org_pairs"] == 0
