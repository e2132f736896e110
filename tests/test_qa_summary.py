"""QA: the summary reads naturally when everyone meets the same number of new people."""

from pathlib import Path

from click.testing import CliRunner

from speeddating.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_an_even_spread_is_one_number(tmp_path: Path, instances: Path) -> None:
    for language, line in (("fr", "Chacun rencontre 15 nouvelles personnes"), ("en", "Everyone meets 15 new people")):
        code, out, err = run(
            "plan",
            str(instances / "agence52.csv"),
            "--no-history",
            "--quiet",
            "--lang",
            language,
            "--out",
            str(tmp_path / language),
        )
        assert code == 0, err
        assert line in out.splitlines() and "15 et 15" not in out and "15 and 15" not in out


def test_the_numbers_after_people_who_stay_seated_or_host_are_said_to_be_tables(tmp_path: Path) -> None:
    rows = "".join(
        f"Personne {i};Structure {i % 5};{'oui' if i == 0 else ''};{'oui' if i == 1 else ''}\n" for i in range(20)
    )
    attendees = tmp_path / "attendees.csv"
    attendees.write_text("nom;structure;reste_assis;animateur\n" + rows, encoding="utf-8")
    code, out, err = run(
        "plan",
        str(attendees),
        "--rounds",
        "3",
        "--time-limit",
        "1",
        "--no-history",
        "--quiet",
        "--out",
        str(tmp_path / "plan"),
    )
    assert code == 0, err
    seated = next(line for line in out.splitlines() if line.startswith("Restent assis"))
    hosts = next(line for line in out.splitlines() if line.startswith("Animateurs"))
    assert seated.startswith("Restent assis (1) : Personne 0 (") and seated.endswith(" (entre parenthèses : sa table)")
    assert hosts.startswith("Animateurs (1) : Personne 1 (") and hosts.endswith(" (entre parenthèses : sa table)")
