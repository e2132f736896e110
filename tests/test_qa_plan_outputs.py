"""QA: a `plan` that stops after choosing its output folder leaves no trace of it."""

from pathlib import Path

from click.testing import CliRunner

from speeddating.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_a_refused_plan_leaves_no_empty_output_folder(tmp_path: Path) -> None:
    """Six people who must stay seated at five tables is only found out once the folder is ready."""
    rows = [f"Personne {i};Structure {i % 6};{'oui' if i < 6 else ''}" for i in range(20)]
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("nom;structure;reste_assis\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "sorties" / "plan"
    code, _, err = run("plan", str(attendees), "--no-history", "--time-limit", "1", "--out", str(out))
    assert code == 2, err
    assert err.startswith("Erreur : ") and "restent assises" in err
    assert not out.exists() and not out.parent.exists()


def test_a_refused_plan_keeps_an_existing_output_folder_and_its_files(tmp_path: Path) -> None:
    rows = [f"Personne {i};Structure {i % 6};{'oui' if i < 6 else ''}" for i in range(20)]
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("nom;structure;reste_assis\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "plan"
    out.mkdir()
    code, _, _ = run("plan", str(attendees), "--no-history", "--time-limit", "1", "--out", str(out))
    assert code == 2
    assert out.is_dir()


def test_a_file_system_refusal_is_explained_in_the_organisers_language(tmp_path: Path) -> None:
    """The system's own words ("Not a directory", "File exists") are English: the line says it in French."""
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("nom;structure\n" + "".join(f"P {i};S {i % 3}\n" for i in range(9)), encoding="utf-8")
    code, _, err = run("plan", str(attendees), "--rounds", "2", "--no-history", "--out", str(attendees / "plan"))
    assert code == 2
    assert err.strip() == (
        f"Erreur : {attendees / 'plan'} : impossible d'écrire (un élément du chemin est un "
        "fichier, pas un dossier). Vérifiez le dossier et les droits."
    )
    code, _, err = run(
        "--lang", "en", "plan", str(attendees), "--rounds", "2", "--no-history", "--out", str(attendees / "plan")
    )
    assert code == 2
    assert "(part of the path is a file, not a folder)" in err
