"""QA: `history add --replace` says which recorded session it replaced, so a wrong replacement shows at once."""

from pathlib import Path

from click.testing import CliRunner

from speeddating.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def make_plan(folder: Path, name: str, people: int) -> Path:
    attendees = folder / f"{name}.csv"
    attendees.write_text(
        "nom;structure\n" + "".join(f"{name} {i};S {i % 3}\n" for i in range(people)), encoding="utf-8"
    )
    event = folder / "event.toml"
    event.write_text('[event]\ntitle = "Petit-déjeuner"\ndate = "2026-12-08"\n', encoding="utf-8")
    code, _, err = run(
        "plan",
        str(attendees),
        "--event",
        str(event),
        "--rounds",
        "2",
        "--time-limit",
        "1",
        "--no-history",
        "--quiet",
        "--out",
        str(folder / name),
    )
    assert code == 0, err
    return folder / name / "plan.json"


def test_replacing_names_the_session_replaced_with_its_head_count(tmp_path: Path) -> None:
    store = str(tmp_path / "historique.db")
    assert run("history", "add", str(make_plan(tmp_path, "matin", 12)), "--history", store)[0] == 0
    other = make_plan(tmp_path, "autre", 9)  # same title and date, other people: the organiser should notice
    code, _, err = run("history", "add", str(other), "--history", store)
    assert code == 2
    assert "s'il s'agit d'une autre séance du même jour, donnez-lui un autre titre avec --title" in err
    code, out, err = run("history", "add", str(other), "--history", store, "--replace")
    assert code == 0, err
    assert out.splitlines() == [
        f"Séance n° 1 enregistrée dans {store} : « Petit-déjeuner » du 2026-12-08, 9 personnes, 2 tours.",
        "Elle remplace la séance n° 1 : « Petit-déjeuner » du 2026-12-08, 12 personnes, 2 tours.",
    ]
