"""The people list of the import screen: remove, add, stays seated and hosts, kept in the data folder."""

from pathlib import Path

from starlette.testclient import TestClient

from speeddating.constraints import organiser_constraints
from speeddating.web.screens.attendees import edited_roster
from speeddating.web.workspace import Workspace


def test_changes_to_the_people_are_kept_and_reach_the_planner(client: TestClient, tmp_path: Path) -> None:
    session = client.post("/sessions").headers["location"].removesuffix("/import")
    listing = "name;organisation\nAnne Martin;France Travail\nKarim Benali;Mission Locale\nLéa Dubois;CIO\n"
    client.post(session + "/import", files={"attendees": ("../../secret/inscrits.csv", listing.encode())})
    client.post(session + "/people/remove", data={"person": "p02"})
    client.post(session + "/people/add", data={"name": "  Zoé   Petit ", "organisation": "CIDFF"})
    client.post(session + "/people/flag", data={"person": "p01", "flag": "stays_seated", "value": "on"})
    client.post(session + "/people/flag", data={"person": "n01", "flag": "host", "value": "on"})
    client.post(session + "/people/flag", data={"person": "../p01", "flag": "host", "value": "on"})

    draft = Workspace(tmp_path / "data").draft(session.rsplit("/", 1)[1])
    assert draft.attendee_file == draft.folder / "attendees.csv"  # the browser's name is only shown
    roster = edited_roster(draft)
    assert roster is not None
    assert [(a.id, a.name) for a in roster.attendees] == [
        ("p01", "Anne Martin"),
        ("p03", "Léa Dubois"),
        ("n01", "Zoé Petit"),
    ]
    requests = organiser_constraints(roster.attendees)
    assert requests.stays_seated == ("p01",) and requests.hosts == ("n01",)
    page = client.get(session + "/import").text
    assert "Fichier : ../../secret/inscrits.csv" in page
    assert "Karim Benali" not in page


def test_an_unknown_session_is_a_page_saying_so(client: TestClient) -> None:
    for path in ("/sessions/0123456789/import", "/sessions/x/plan", "/sessions/0123456789/files/plan.csv"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "Cette séance n&#39;existe pas" in answer.text
    assert client.get("/sessions/..%2F..%2Fetc/import").status_code == 404
    assert client.get("/sessions/..%2Fstate.json/files/plan.csv").status_code == 404


def test_the_home_page_picks_a_session_up_where_it_was_left(client: TestClient) -> None:
    session = client.post("/sessions").headers["location"].removesuffix("/import")
    assert f'href="{session}/import"' in client.get("/").text
    client.post(session + "/import", files={"attendees": ("inscrits.csv", b"name;organisation\nA B;X\nC D;Y\n")})
    home = client.get("/").text
    assert f'href="{session}/event"' in home and "inscrits.csv" in home


def test_a_suggested_merge_can_be_refused_and_accepted_again(client: TestClient) -> None:
    session = client.post("/sessions").headers["location"].removesuffix("/import")
    listing = "name;organisation\nAnne Martin;Mission Locale du Blaisois\nKarim Benali;Mission Locale\nLéa Dubois;CIO\n"
    client.post(session + "/import", files={"attendees": ("inscrits.csv", listing.encode())})
    page = client.get(session + "/import").text
    assert "3 personnes de 2 structures" in page and "toutes deux : Mission Locale" in page
    client.post(session + "/organisations/merge", data={"spelling": "Mission Locale", "value": "apart"})
    page = client.get(session + "/import").text
    assert "3 personnes de 3 structures" in page and "gardée à part" in page
    client.post(session + "/organisations/merge", data={"spelling": "Mission Locale", "value": "merge"})
    assert "3 personnes de 2 structures" in client.get(session + "/import").text
