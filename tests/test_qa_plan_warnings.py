"""QA: when the head count makes re-meetings unavoidable, the organiser is told why and what to change."""

import json
from pathlib import Path

from click.testing import CliRunner

from speeddating.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def attendees(folder: Path, people: int) -> Path:
    path = folder / "attendees.csv"
    path.write_text(
        "nom;structure\n" + "".join(f"Personne {i};Structure {i}\n" for i in range(people)), encoding="utf-8"
    )
    return path


def test_eight_people_over_five_rounds_are_told_that_they_will_meet_again(tmp_path: Path) -> None:
    """8 people at 2 tables of 4 have met everyone they can after 2 rounds: rounds 3 to 5 repeat pairs."""
    code, out, err = run(
        "plan",
        str(attendees(tmp_path, 8)),
        "--no-history",
        "--time-limit",
        "1",
        "--quiet",
        "--out",
        str(tmp_path / "plan"),
    )
    assert code == 0, err
    assert (
        "Attention : Avec 8 personnes, chacun rencontre au moins 3 personnes par tour et "
        "n'en a que 7 à rencontrer : au-delà de 2 tours, des personnes se revoient forcément. Les 5 tours "
        "prévus en feront se revoir ; avec --rounds 2, chaque rencontre serait nouvelle."
    ) in err
    assert "Paires qui se revoient pendant la séance : 0" not in out


def test_the_explanation_is_in_english_and_in_the_json_too(tmp_path: Path) -> None:
    code, out, err = run(
        "--lang",
        "en",
        "plan",
        str(attendees(tmp_path, 8)),
        "--no-history",
        "--time-limit",
        "1",
        "--quiet",
        "--json",
        "--out",
        str(tmp_path / "plan"),
    )
    assert code == 0, err
    warnings = json.loads(out)["warnings"]
    assert any("beyond 2 rounds, some people necessarily meet again" in warning for warning in warnings)


def test_no_such_warning_when_every_round_can_bring_new_people(tmp_path: Path) -> None:
    code, _, err = run(
        "plan",
        str(attendees(tmp_path, 16)),
        "--rounds",
        "5",
        "--no-history",
        "--time-limit",
        "1",
        "--quiet",
        "--out",
        str(tmp_path / "plan"),
    )
    assert code == 0, err
    assert "se revoient forcément" not in err


def test_zero_rounds_and_a_table_of_nine_are_one_line_with_the_fix(tmp_path: Path) -> None:
    path = str(attendees(tmp_path, 8))
    code, _, err = run("plan", path, "--rounds", "0", "--no-history", "--out", str(tmp_path / "plan"))
    assert code == 2
    assert err.strip() == (
        "Erreur : --rounds 0 : il faut au moins 1 tour. Donnez un nombre de tours à partir de 1, "
        "ou retirez --rounds pour en prévoir autant que le créneau en permet."
    )
    code, _, err = run("plan", path, "--table-size", "9", "--no-history", "--out", str(tmp_path / "plan"))
    assert code == 2
    assert err.strip() == (
        "Erreur : --table-size 9 : une table compte de 3 à 6 personnes. Choisissez une taille de 3 à 6 (4 par défaut)."
    )
    code, _, err = run("--lang", "en", "plan", path, "--table-size", "2", "--no-history")
    assert code == 2
    assert err.strip() == (
        "Error: --table-size 2: a table seats 3 to 6 people. Choose a size from 3 to 6 (4 by default)."
    )
    assert not (tmp_path / "plan").exists()


def test_a_word_for_a_number_stays_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("plan", str(attendees(tmp_path, 8)), "--rounds", "deux", "--no-history")
    assert code == 2 and "'deux' n'est pas un nombre valide." in err


def test_an_event_window_too_short_for_one_round_names_the_file_and_the_settings(tmp_path: Path) -> None:
    event = tmp_path / "event.toml"
    event.write_text('[event]\nstart = "09:30"\nend = "10:00"\n', encoding="utf-8")
    code, _, err = run(
        "plan", str(attendees(tmp_path, 8)), "--event", str(event), "--no-history", "--out", str(tmp_path / "plan")
    )
    assert code == 2
    assert err.strip() == (
        f"Erreur : {event} : aucun tour ne tient entre 09:30 et 10:00 avec l'accueil (15 min), "
        "un tour (10 min) et la clôture (10 min). Avancez start ou reculez end, ou raccourcissez "
        "welcome_minutes, round_minutes ou closing_minutes."
    )
    assert not (tmp_path / "plan").exists()
