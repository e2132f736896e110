"""QA: `report` on a history whose sessions were all removed says so instead of writing an empty report."""

from pathlib import Path

from tests.test_cli_language import run


def test_report_on_an_emptied_history_is_one_line_with_the_fix_and_writes_nothing(tmp_path: Path) -> None:
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("nom;structure\n" + "".join(f"P {i};S {i % 3}\n" for i in range(9)), encoding="utf-8")
    code, _, err = run(
        "plan",
        str(attendees),
        "--rounds",
        "2",
        "--time-limit",
        "1",
        "--no-history",
        "--quiet",
        "--out",
        str(tmp_path / "plan"),
    )
    assert code == 0, err
    store = str(tmp_path / "historique.db")
    assert run("history", "add", str(tmp_path / "plan" / "plan.json"), "--history", store)[0] == 0
    assert run("history", "remove", "1", "--history", store)[0] == 0
    code, out, err = run("report", "--history", store, "--out", str(tmp_path / "rapport"))
    assert code == 2
    assert err.strip() == (
        f"Erreur : Aucune séance enregistrée dans {store} : enregistrez d'abord une séance "
        "avec « speeddating history add plan.json »."
    )
    assert out == "" and not (tmp_path / "rapport").exists()
    code, _, err = run("report", "--history", store, "--out", str(tmp_path / "rapport"), "--lang", "en")
    assert code == 2 and "No session recorded in" in err
