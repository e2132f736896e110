"""Whatever a file or an option holds, the organiser gets one line saying what is wrong, never a traceback, and no
escape sequence from a file reaches the terminal."""

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.helpers import run_cli

Document = dict[str, Any]


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 24-person, two-round plan and its history database."""
    folder = tmp_path_factory.mktemp("planned")
    attendees = str(REPO / "instances" / "spro24.csv")
    code, _, err = run_cli(
        "plan", attendees, "--rounds", "2", "--time-limit", "1", "--no-history", "--out", str(folder)
    )
    assert code == 0, err
    return folder / "plan.json"


def huge_number(text: str) -> str:
    return text.replace('"version": 1', '"version": 1' + "0" * 5000, 1)


def deep_nesting(text: str) -> str:
    return text[: text.rindex("}")] + ', "extra": ' + "[" * 5000 + "]" * 5000 + "}"


def edited(change: Callable[[Document], None]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        document = json.loads(text)
        change(document)
        return json.dumps(document)

    return edit


HOSTILE_PLANS: dict[str, Callable[[str], str]] = {
    "a number of 5,000 digits": huge_number,
    "lists nested 5,000 deep": deep_nesting,
    "start written 8h30": edited(lambda d: d["event"].update(start="8h30")),
    "a date in words": edited(lambda d: d["event"].update(date="demain")),
    "round number 2**63": edited(lambda d: d["rounds"][0].update(number=2**63)),
    "table size of a million": edited(lambda d: d["event"].update(table_size=10**6)),
    "negative round minutes": edited(lambda d: d["event"].update(round_minutes=-5)),
}
COMMANDS = {
    "check": ["check", "{plan}"],
    "print": ["print", "{plan}", "--no-history"],
    "replan": ["replan", "{plan}", "--from-round", "2", "--absent", "{absent}", "--no-history", "--out", "{folder}/v2"],
    "history add": ["history", "add", "{plan}", "--history", "{folder}/history.db"],
}


def filled(command: list[str], plan: Path, folder: Path) -> list[str]:
    """The command for `plan`, writing into `folder` (the absentee of `replan` is p01, listed in every plan)."""
    return [word.format(plan=plan, folder=folder, absent="p01") for word in command]


def one_line_error(code: int, out: str, err: str) -> None:
    assert code in (1, 2) and out == "", (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Erreur : "), err


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS)
@pytest.mark.parametrize("hostile", HOSTILE_PLANS.values(), ids=HOSTILE_PLANS)
def test_a_hostile_plan_file_is_refused_in_one_line(
    planned: Path, tmp_path: Path, command: list[str], hostile: Callable[[str], str]
) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(hostile(planned.read_text(encoding="utf-8")), encoding="utf-8")
    one_line_error(*run_cli(*filled(command, plan, tmp_path)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["solver"].update(seconds="fast"),
        lambda d: d["quality"].update(same_org_pairs="none", optimal="yes"),
    ],
    ids=["solver seconds as text", "quality figures as text"],
)
def test_figures_written_as_text_are_ignored_not_fatal(planned: Path, tmp_path: Path, change: Any) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(edited(change)(planned.read_text(encoding="utf-8")), encoding="utf-8")
    for command in COMMANDS.values():
        code, _, err = run_cli(*filled(command, plan, tmp_path))
        assert code == 0, (command, err)


@pytest.mark.parametrize(
    "options",
    [["--time-limit", "nan"], ["--time-limit", "inf"], ["--seed", str(2**31)], ["--seed", "-1"]],
    ids=["time limit nan", "time limit inf", "seed 2**31", "negative seed"],
)
def test_a_time_limit_or_seed_out_of_bounds_is_one_line(planned: Path, tmp_path: Path, options: list[str]) -> None:
    attendees = str(REPO / "instances" / "spro24.csv")
    one_line_error(*run_cli("plan", attendees, "--no-history", "--out", str(tmp_path / "p"), *options))
    one_line_error(*run_cli(*filled(COMMANDS["replan"], planned, tmp_path), *options))


@pytest.fixture
def history(planned: Path, tmp_path: Path) -> Path:
    db = tmp_path / "history.db"
    assert run_cli("history", "add", str(planned), "--history", str(db)).code == 0
    return db


@pytest.mark.parametrize("command", ["show", "remove"])
def test_a_session_number_beyond_any_integer_is_no_such_session(history: Path, command: str) -> None:
    code, out, err = run_cli("history", command, "99999999999999999999", "--history", str(history))
    one_line_error(code, out, err)
    assert "Aucune séance n° 99999999999999999999" in err


def test_a_recorded_plan_that_is_not_json_is_named_with_the_way_out(history: Path, tmp_path: Path) -> None:
    connection = sqlite3.connect(history)
    connection.execute("UPDATE sessions SET plan = 'not json'")
    connection.commit()
    connection.close()
    for command in (["show", "1"], ["export", str(tmp_path / "export.json")]):
        code, out, err = run_cli("history", *command, "--history", str(history))
        one_line_error(code, out, err)
        assert "Séance 1 : le plan enregistré dans l'historique est endommagé" in err
        assert "speeddating history remove 1" in err


@pytest.mark.parametrize(
    "hostile",
    [huge_number, deep_nesting, edited(lambda d: d["sessions"][0]["plan"]["rounds"][0].update(number=2**63))],
    ids=["a number of 5,000 digits", "lists nested 5,000 deep", "round number 2**63"],
)
def test_a_hostile_history_export_is_refused_in_one_line(
    history: Path, tmp_path: Path, hostile: Callable[[str], str]
) -> None:
    export = tmp_path / "export.json"
    assert run_cli("history", "export", str(export), "--history", str(history)).code == 0
    export.write_text(hostile(export.read_text(encoding="utf-8")), encoding="utf-8")
    one_line_error(*run_cli("history", "import", str(export), "--history", str(tmp_path / "other.db")))


ESCAPE = "\x1b[2J\x1b]0;pwned\x07"
"""Clears the screen and retitles the terminal when printed raw."""


def test_escape_sequences_in_a_plan_never_reach_the_terminal(planned: Path, tmp_path: Path) -> None:
    def poison(document: Document) -> None:
        document["attendees"][0]["name"] += ESCAPE
        document["attendees"][1]["organisation"] += ESCAPE
        document["event"]["title"] += ESCAPE
        document["rounds"][0]["theme"] = "Nos publics" + ESCAPE

    plan = tmp_path / "plan.json"
    plan.write_text(edited(poison)(planned.read_text(encoding="utf-8")), encoding="utf-8")
    db = str(tmp_path / "history.db")
    outputs = [run_cli("check", str(plan)), run_cli("history", "add", str(plan), "--history", db)]
    outputs.append(run_cli("history", "show", "1", "--history", db))
    outputs.append(run_cli("history", "list", "--history", db))
    unknown = tmp_path / "unknown.json"
    unknown.write_text(edited(lambda d: d["rounds"][0]["tables"][0]["attendees"].append(ESCAPE))(plan.read_text()))
    outputs.append(run_cli("check", str(unknown)))
    for _, out, err in outputs:
        assert "\x1b" not in out + err and "\x07" not in out + err, (out, err)
    assert outputs[0].code == 0 and outputs[-1].code == 1
    assert "[2J]0;pwned" in outputs[2].out, "the visible characters stay: only the control characters go"
