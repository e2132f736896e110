"""`speeddating init`: a newcomer gets a working example and can plan it straight away."""

import json
from pathlib import Path

import pytest

from speeddating.event import default_event, load_event
from speeddating.i18n import use_language
from speeddating.importer import read_roster
from tests.helpers import run_cli


@pytest.mark.parametrize("language", ["fr", "en"])
def test_init_writes_a_readable_event_and_attendee_list(tmp_path: Path, language: str) -> None:
    code, out, err = run_cli("--lang", language, "init", str(tmp_path / "séance"))
    assert code == 0, err
    folder = tmp_path / "séance"
    with use_language(language):
        assert load_event(folder / "event.toml") == default_event()
    roster = read_roster(folder / "attendees.csv")
    assert len(roster) == 20
    assert len(roster.organisation_counts()) == 6
    assert all(attendee.name and attendee.organisation for attendee in roster.attendees)
    assert str(folder / "event.toml") in out and str(folder / "attendees.csv") in out


def test_init_without_folder_writes_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("init")
    assert code == 0, err
    assert (tmp_path / "event.toml").is_file() and (tmp_path / "attendees.csv").is_file()


def test_init_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path))[0] == 0
    edited = '[event]\nstart = "09:00"\n'
    (tmp_path / "event.toml").write_text(edited, encoding="utf-8")
    (tmp_path / "attendees.csv").unlink()
    code, out, err = run_cli("init", str(tmp_path))
    assert code == 2
    assert "event.toml" in err and "--force" in err and "Traceback" not in out + err
    assert len(err.strip().splitlines()) == 1
    assert (tmp_path / "event.toml").read_text(encoding="utf-8") == edited
    assert not (tmp_path / "attendees.csv").exists()
    code, _, err = run_cli("init", str(tmp_path), "--force")
    assert code == 0, err
    assert load_event(tmp_path / "event.toml") == default_event()


def test_the_example_plans_out_of_the_box(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path))[0] == 0
    code, out, err = run_cli(
        "plan",
        str(tmp_path / "attendees.csv"),
        "--event",
        str(tmp_path / "event.toml"),
        "--time-limit",
        "2",
        "--seed",
        "0",
        "--no-history",
        "--out",
        str(tmp_path / "plan"),
        "--quiet",
    )
    assert code == 0, err
    document = json.loads((tmp_path / "plan" / "plan.json").read_text(encoding="utf-8"))
    themes = [theme.title for theme in default_event().themes]
    assert [r["theme"] for r in document["rounds"]] == [themes[n % 3] for n in range(5)]
    assert [(r["start"], r["end"]) for r in document["rounds"][::4]] == [("08:45", "08:55"), ("09:33", "09:43")]
    assert all("presents" in table for table in document["rounds"][2]["tables"])
    assert "08:30–08:45" in out and themes[2] in out
