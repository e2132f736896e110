"""The history screen: the network report from the recorded sessions, its PDF, export and import."""

import html
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from starlette.testclient import TestClient

from speeddating.history.store import fingerprint
from speeddating.plan import write_plan
from speeddating.session import recorded_sessions
from speeddating.web.workflow import recorded_seating
from speeddating.web.workspace import Workspace
from tests.helpers import EIGHT, ROUND_A, ROUND_B, ROUND_C, record, seated_plan
from tests.web.conftest import LiveServer


def test_the_history_shows_the_network_and_moves_to_another_computer(client: TestClient, tmp_path: Path) -> None:
    assert "Aucune séance enregistrée" in client.get("/history").text
    record(tmp_path / "data" / "history.db", seated_plan(EIGHT, [ROUND_A, ROUND_B], title="Janvier"))
    page = client.get("/history").text
    assert "Après 1 séance : 8 personnes de 4 structures, 20 rencontres distinctes." in page
    assert (
        "20 des 24 paires possibles de personnes de structures différentes se sont rencontrées (83,3\u00a0%)." in page
    )
    assert "Janvier" in page and "Chloé Œuvray" in page
    assert client.get("/history/report.pdf").content.startswith(b"%PDF")
    exported = client.get("/history/export.json")
    assert json.loads(exported.content)["sessions"][0]["title"] == "Janvier"

    again = client.post("/history/import", files={"export": ("export.json", exported.content)})
    assert again.headers["location"] == "/history"
    assert "0 séance ajoutée ; 1 déjà présente, ignorée." in client.get("/history").text
    client.post("/history/import", files={"export": ("liste.csv", b"name;organisation\n")})
    assert "liste.csv : lecture impossible" in client.get("/history").text


def test_the_history_shows_the_trend_session_by_session(client: TestClient, tmp_path: Path) -> None:
    record(tmp_path / "data" / "history.db", seated_plan(EIGHT, [ROUND_A, ROUND_B], title="Janvier"))
    record(tmp_path / "data" / "history.db", seated_plan(EIGHT, [ROUND_C], title="Février", date="2025-02-12"))
    page = client.get("/history").text
    assert "Séance après séance" in page
    assert "20 sur 24 (83,3\u00a0%)" in page and "24 sur 24 (100,0\u00a0%)" in page
    january, february = page.split('<table class="trend-table">')[1].split("</table>")[0].split("<tr>")[2:]
    assert '<td class="number">4</td><td class="number">0</td>' in january  # re-meetings, of which unavoidable
    assert '<td class="number">8</td><td class="number">8</td>' in february
    assert page.count('class="bar"') == 2


@pytest.mark.parametrize(
    ("language", "january", "december"),
    [
        ("fr", "mercredi 15 janvier 2025", "mardi 1er décembre 2026"),
        ("en", "Wednesday 15 January 2025", "Tuesday 1 December 2026"),
    ],
)
def test_the_history_writes_its_dates_in_full_in_the_page_language(
    client: TestClient, tmp_path: Path, language: str, january: str, december: str
) -> None:
    record(tmp_path / "data" / "history.db", seated_plan(EIGHT, [ROUND_A, ROUND_B], title="Janvier"))
    record(tmp_path / "data" / "history.db", seated_plan(EIGHT, [ROUND_C], title="Décembre", date="2026-12-01"))
    client.post("/language", data={"language": language, "back": "/history"})
    page = client.get("/history").text
    trend = page.split('<table class="trend-table">')[1].split("</table>")[0]
    assert f'<td class="nowrap">{january}</td>' in trend and f'<td class="nowrap">{december}</td>' in trend
    assert "2025-01-15" not in page and "2026-12-01" not in page
    assert f'<td class="nowrap">{december}</td><td>Décembre</td>' in page  # the sessions list, newest first
    assert f'<td class="nowrap">{january}</td><td>Janvier</td>' in client.get("/").text


@pytest.mark.parametrize(
    ("language", "sentence", "cell"),
    [
        ("fr", "60 des 1\u202f200 paires possibles", "60 sur 1\u202f200"),
        ("en", "60 of the 1,200 possible pairs", "60 of 1,200"),
    ],
)
def test_the_history_writes_large_counts_as_the_page_language_does(
    client: TestClient, tmp_path: Path, language: str, sentence: str, cell: str
) -> None:
    sixty = [(f"Person {i:02d}", f"Organisation {i % 3}", "") for i in range(60)]
    tables = [[i, i + 1, i + 2] for i in range(0, 60, 3)]  # 20 tables of three, one of each organisation
    record(tmp_path / "data" / "history.db", seated_plan(sixty, [tables], title="Grand"))
    client.post("/language", data={"language": language, "back": "/history"})
    page = client.get("/history").text
    assert sentence in page and cell in page
    assert "1200" not in page


def test_another_session_of_the_same_title_and_day_is_refused_with_the_page_controls(
    client: TestClient, tmp_path: Path
) -> None:
    """Two sessions of one day under the default title: the second was refused with the CLI's advice ("give
    it another title with --title", "--force"). The page names its own title field and box to tick."""
    workspace = Workspace(tmp_path / "data")
    morning, evening = workspace.new_draft(), workspace.new_draft()
    for draft, seating in ((morning, [ROUND_A, ROUND_B]), (evening, [ROUND_B, ROUND_C])):
        draft.plan_folder.mkdir(parents=True, exist_ok=True)
        write_plan(seated_plan(EIGHT, seating), draft.plan_folder / "plan.json")
    client.post(f"/sessions/{morning.id}/day/record")
    day = f"/sessions/{evening.id}/day"
    client.post(day + "/record")
    page = html.unescape(client.get(day).text)
    assert "--title" not in page and "--force" not in page and "--replace" not in page
    assert (
        "La séance n° 1 est déjà enregistrée sous le titre « Petit-déjeuner » le mercredi 15 janvier 2025 : "
        "l'historique garde une séance par titre et par jour. S'il s'agit d'une autre séance, changez le "
        "« Titre dans l'historique » ; si c'est la même, cochez « Remplacer la séance n° 1 »." in page
    )
    assert '<label for="record-title">Titre dans l\'historique</label>' in page
    assert '<label for="record-replace">Remplacer la séance n° 1' in page
    client.cookies.set("speeddating_lang", "en")
    english = client.get(day).text
    assert "change “Title in the history”; if it is the same one, tick “Replace session n° 1”" in english
    client.cookies.delete("speeddating_lang")

    client.post(day + "/record", data={"title": "Petit-déjeuner du soir"})
    assert "Séance n° 2 enregistrée : Petit-déjeuner du soir, mercredi 15 janvier 2025." in client.get(day).text
    assert [s.title for s in recorded_sessions(workspace.history)] == ["Petit-déjeuner", "Petit-déjeuner du soir"]

    noon = workspace.new_draft()  # a third, recorded from the History screen: who came stays as ticked
    noon.plan_folder.mkdir(parents=True, exist_ok=True)
    write_plan(seated_plan(EIGHT, [ROUND_A, ROUND_C]), noon.plan_folder / "plan.json")
    who_came, came = f"/history/record/{noon.id}", [f"p{number}" for number in range(2, 9)]
    refused = html.unescape(client.post(who_came, data={"came": came}).text)
    assert "cochez « Remplacer la séance n° 1 »" in refused and "--force" not in refused
    assert 'value="p1">' in refused and 'value="p2" checked>' in refused
    client.post(who_came, data={"came": came, "replace": "on"})
    held = recorded_sessions(workspace.history)
    assert sorted((s.title, s.people) for s in held) == [("Petit-déjeuner", 7), ("Petit-déjeuner du soir", 8)]


def test_a_session_does_not_take_the_record_that_replaced_its_own_for_its_own(
    client: TestClient, tmp_path: Path
) -> None:
    """The history gives the number of its last session again when that session is replaced: the morning,
    recorded as n° 1 and then replaced by the evening's record (n° 1 again), took that record for its own,
    said it was recorded, and recording it again replaced the evening's record without asking."""
    workspace = Workspace(tmp_path / "data")
    morning, evening = workspace.new_draft(), workspace.new_draft()
    plans = {morning.id: seated_plan(EIGHT, [ROUND_A, ROUND_B]), evening.id: seated_plan(EIGHT, [ROUND_B, ROUND_C])}
    for draft in (morning, evening):
        draft.plan_folder.mkdir(parents=True, exist_ok=True)
        write_plan(plans[draft.id], draft.plan_folder / "plan.json")
    client.post(f"/sessions/{morning.id}/day/record")
    client.post(f"/sessions/{evening.id}/day/record", data={"replace": "on"})
    (held,) = recorded_sessions(workspace.history)
    assert held.id == 1 and recorded_seating(workspace.history, 1) == fingerprint(plans[evening.id])

    day = f"/sessions/{morning.id}/day"
    page = html.unescape(client.get(day).text)
    assert "Séance n° 1 enregistrée" not in page and "Enregistrer à nouveau" not in page
    listed = html.unescape(client.get("/history").text)
    assert "(déjà enregistrée)" not in listed.split(f"/history/record/{morning.id}")[1].split("</li>")[0]
    assert "(déjà enregistrée)" in listed.split(f"/history/record/{evening.id}")[1].split("</li>")[0]
    client.post(day + "/record")
    assert "cochez « Remplacer la séance n° 1 »" in html.unescape(client.get(day).text)
    assert recorded_seating(workspace.history, 1) == fingerprint(plans[evening.id])


def test_fifteen_organisations_with_long_names_fit_the_grid_at_1366(page: Page, live_server: LiveServer) -> None:
    """Seen with 150 people from 15 organisations: the organisation-by-organisation grid showed 4 of its 15
    columns beside names that did not wrap, the rest out of sight to the right."""
    long_names = [f"Association départementale pour l'insertion professionnelle, antenne {i}" for i in range(15)]
    people = [(f"Person {i:02d}", long_names[i % 15], "") for i in range(30)]
    record(live_server.data / "history.db", seated_plan(people, [[list(range(t, t + 5)) for t in range(0, 30, 5)]]))
    page.goto(live_server.address)
    page.goto(live_server.base + "/history")
    grid = page.locator(".matrix-wrap")
    expect(grid.locator("thead th")).to_have_count(16)
    assert grid.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth")


def test_a_recorded_plan_is_a_past_session_opened_from_its_line(client: TestClient, tmp_path: Path) -> None:
    """Recorded, a plan left the home page's plans in progress for its line among the past sessions, which
    opens it (it was listed under both, as if still in preparation)."""
    workspace = Workspace(tmp_path / "data")
    held, planned = workspace.new_draft(), workspace.new_draft()
    for draft, seating, title in ((held, [ROUND_A, ROUND_B], "Janvier"), (planned, [ROUND_C], "Février")):
        draft.plan_folder.mkdir(parents=True, exist_ok=True)
        write_plan(seated_plan(EIGHT, seating, title=title), draft.plan_folder / "plan.json")
    client.post(f"/sessions/{held.id}/day/record")
    home = client.get("/").text
    in_progress, past = home.split('id="drafts-heading"')[1].split('id="history-heading"')
    assert f"/sessions/{planned.id}/" in in_progress and f"/sessions/{held.id}/" not in in_progress
    assert f'<a href="/sessions/{held.id}/{workspace.draft(held.id).resume_step}">Janvier</a>' in past
    assert f"/sessions/{planned.id}/" not in past
