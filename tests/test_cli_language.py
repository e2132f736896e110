"""click's own messages and our help follow the organiser's language (French unless asked otherwise)."""

import gettext
from pathlib import Path

import click
import pytest

from speeddating.cli import cli
from speeddating.i18n import requested_language, t, use_language
from tests.helpers import run_cli, write_attendees


@pytest.fixture
def attendees(tmp_path: Path) -> Path:
    return write_attendees(tmp_path, 8)


@pytest.mark.parametrize("lang", [[], ["--lang", "fr"]])
def test_usage_errors_are_in_french(attendees: Path, lang: list[str]) -> None:
    code, _, err = run_cli(*lang, "plan", str(attendees), "--time-limit", "0")
    assert code == 2
    assert "Utilisation : " in err and "Pour l'aide : « " in err
    assert "Erreur : Valeur invalide pour '--time-limit' : 0.0 n'est pas dans l'intervalle x>=0.1." in err
    code, _, err = run_cli(*lang, "plan")
    assert code == 2 and "Erreur : Argument manquant 'ATTENDEE_FILE'." in err
    code, _, err = run_cli(*lang, "plan", str(attendees), "--quite")
    assert code == 2 and "Erreur : Option '--quite' inconnue." in err and "Vouliez-vous dire" in err
    code, _, err = run_cli(*lang, "plan", str(attendees), "--rounds", "deux")
    assert code == 2 and "'deux' n'est pas un nombre valide." in err
    code, _, err = run_cli(*lang, "print", "plan.json", "--paper", "A5")
    assert code == 2 and "'A5' n'est pas possible : choisissez parmi 'A4', 'letter'." in err
    code, _, err = run_cli(*lang, "planifier")
    assert code == 2 and "Erreur : Commande 'planifier' inconnue." in err


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--lang", "en", "plan", "{attendees}", "--time-limit", "0"], None),
        (["plan", "{attendees}", "--time-limit", "0", "--lang", "en"], None),
        (["plan", "{attendees}", "--lang=en", "--time-limit", "0"], None),
        (["plan", "{attendees}", "--time-limit", "0"], {"SPEEDDATING_LANG": "en"}),
    ],
)
def test_usage_errors_are_in_english_when_asked_anywhere_on_the_line(
    attendees: Path, args: list[str], env: dict[str, str] | None
) -> None:
    code, _, err = run_cli(*[arg.format(attendees=attendees) for arg in args], env=env)
    assert code == 2
    assert "Usage: " in err and "Error: Invalid value for '--time-limit': 0.0 is not in the range x>=0.1." in err


def test_help_follows_the_language_in_both_directions_within_one_process() -> None:
    for _ in range(2):
        code, out, _ = run_cli("plan", "-h")
        out = " ".join(out.split())  # as wrapped in any terminal width
        assert code == 0
        assert out.startswith("Utilisation : ")
        assert "Planifie une séance pour les personnes de ATTENDEE_FILE" in out
        assert "Nombre de tours (par défaut : autant que le" in out and "[par défaut : 10.0" in out
        assert "Affiche cette aide." in out and "Show this message" not in out
        code, out, _ = run_cli("--lang", "en", "plan", "--help")
        out = " ".join(out.split())
        assert code == 0
        assert out.startswith("Usage: ") and "Number of rounds (default: as many as fit)." in out
        assert "Show this message and exit." in out and "Affiche" not in out
    code, out, _ = run_cli("--help")
    assert "Commandes :" in out and "Options :" in out and "Affiche la version." in out and "Enregistre" not in out
    assert "Garde les séances passées, pour d'autres rencontres ensuite." in out


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("group", [[], ["history"]])
def test_a_group_lists_each_command_on_one_whole_line(language: str, group: list[str]) -> None:
    """The list of commands is the organiser's first sight of the tool: no summary cut off with "..."."""
    code, out, _ = run_cli(*group, "--help", "--lang", language)
    assert code == 0
    listed = out.split({"fr": "Commandes :", "en": "Commands:"}[language])[1].strip("\n").splitlines()
    command = cli if not group else cli.commands["history"]
    assert isinstance(command, click.Group)
    assert [line.split()[0] for line in listed] == sorted(command.commands)  # no line wrapped over two
    assert not [line for line in listed if line.endswith("...")]


def test_click_is_left_as_it_was_after_a_run(attendees: Path) -> None:
    run_cli("plan", str(attendees), "--time-limit", "0")
    assert click.exceptions._ is gettext.gettext and click.exceptions.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    with pytest.raises(click.BadParameter) as caught:
        click.IntRange(min=1).convert(0, None, None)
    assert "is not in the range" in str(caught.value)


def test_every_command_and_option_has_a_help_text_with_a_french_version() -> None:
    missing: list[str] = []

    def visit(command: click.Command, name: str) -> None:
        options = [param for param in command.params if isinstance(param, click.Option) and not param.hidden]
        texts = {name: command.__dict__.get("_english_help")}
        texts |= {f"{name} --{param.name}": param.__dict__.get("_english_help") for param in options}
        with use_language("fr"):
            missing.extend(
                f"{where}: {text or 'no help'}" for where, text in texts.items() if not text or t(text) == text
            )
        for sub_name, sub in getattr(command, "commands", {}).items():
            visit(sub, f"{name} {sub_name}")

    visit(cli, "speeddating")
    assert missing == []


@pytest.mark.parametrize(
    ("words", "env", "expected"),
    [
        ([], "", "fr"),
        (["plan", "x.csv", "--lang", "en"], "", "en"),
        (["--lang=en", "plan"], "", "en"),
        (["--lang", "de", "plan"], "", "fr"),
        (["--lang"], "en", "en"),
        (["plan", "--", "--lang", "en"], "", "fr"),
        (["plan"], "en", "en"),
        (["--lang", "fr"], "en", "fr"),
    ],
)
def test_requested_language(monkeypatch: pytest.MonkeyPatch, words: list[str], env: str, expected: str) -> None:
    monkeypatch.setenv("SPEEDDATING_LANG", env)
    assert requested_language(words) == expected


@pytest.mark.parametrize(
    ("args", "env", "language"),
    [
        (["--lang", "en", "check", "{plan}"], "garbage", "en"),
        (["check", "{plan}", "--lang", "en"], "garbage", "en"),
        (["--lang", "fr", "check", "{plan}"], "en", "fr"),
        (["check", "{plan}", "--lang", "fr"], "en", "fr"),
        (["check", "{plan}"], "en", "en"),
    ],
)
def test_the_command_line_wins_over_the_environment(
    attendees: Path, tmp_path: Path, args: list[str], env: str, language: str
) -> None:
    assert run_cli("plan", str(attendees), "--rounds", "1", "--no-history", "--out", str(tmp_path / "p")).code == 0
    code, out, err = run_cli(
        *(a.format(plan=tmp_path / "p" / "plan.json") for a in args), env={"SPEEDDATING_LANG": env}
    )
    assert code == 0 and err == "", err
    assert ("People: 8" if language == "en" else "Participants : 8") in out


def test_a_language_variable_naming_no_language_is_one_warning_and_french(attendees: Path, tmp_path: Path) -> None:
    assert run_cli("plan", str(attendees), "--rounds", "1", "--no-history", "--out", str(tmp_path / "p")).code == 0
    code, out, err = run_cli("check", str(tmp_path / "p" / "plan.json"), env={"SPEEDDATING_LANG": "garbage"})
    assert code == 0 and "Participants : 8" in out
    assert err.splitlines() == [
        "Avertissement : SPEEDDATING_LANG=garbage n'est pas une langue de speeddating (fr, en) ; le français est "
        "utilisé. Donnez à SPEEDDATING_LANG l'une d'elles, ou indiquez --lang."
    ]
