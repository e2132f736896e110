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
        code, out, err = run("plan", str(instances / "agence52.csv"), "--no-history", "--quiet", "--lang", language,
                             "--out", str(tmp_path / language))
        assert code == 0, err
        assert line in out.splitlines() and "15 et 15" not in out and "15 and 15" not in out
