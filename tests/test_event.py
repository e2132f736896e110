"""Event timing, themes per round, and reading event.toml strictly."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speeddating.errors import UserError
from speeddating.event import (
    PRESENT_ANOTHER,
    Event,
    Slot,
    Theme,
    clock_of,
    default_event,
    event_template,
    load_event,
    minutes_of,
)
from speeddating.i18n import use_language
from speeddating.plan import Plan, plan_from_dict, plan_to_dict
from speeddating.planning import timed_rounds
from speeddating.roster import Attendee
from tests.helpers import CliResult, run_cli, write_attendees

ISSUE_EXAMPLE = """
[event]
title = "Petit-déjeuner inter-équipes"
date = "2026-12-08"            # ISO date; default: today
start = "08:30"
end = "10:00"
location = "Mission Locale, salle Basile"   # optional
table_size = 4
round_minutes = 10
changeover_minutes = 2          # moving between tables
welcome_minutes = 15            # coffee and instructions before round 1
closing_minutes = 10            # wrap-up after the last round

[[themes]]
title = "Nos publics"
prompt = "Qui accueillez-vous ? Avec quels besoins ?"     # optional, printed on cards

[[themes]]
title = "Les problématiques que nous traitons"

[[themes]]
title = "Présentation subjective d'une structure présente à la table"
kind = "present-another"
"""


def write(folder: Path, text: str, name: str = "event.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("start", "end", "welcome", "closing", "expected"),
    [
        ("08:30", "10:00", 15, 10, 5),  # 15 + 5x10 + 4x2 + 10 = 83 <= 90 < 95
        ("08:30", "09:30", 15, 10, 3),  # 15 + 3x10 + 2x2 + 10 = 59 <= 60 < 71
        ("08:30", "10:30", 15, 10, 8),  # 15 + 8x10 + 7x2 + 10 = 119 <= 120 < 131
        ("08:30", "09:00", 0, 0, 2),  # 2x10 + 2 = 22 <= 30 < 34
        ("08:30", "08:50", 15, 10, 0),  # not even one round: 35 > 20
        ("08:30", "08:45", 5, 0, 1),  # exactly full: 5 + 10 = 15
    ],
)
def test_rounds_that_fit_the_window(start: str, end: str, welcome: int, closing: int, expected: int) -> None:
    event = Event(start=start, end=end, welcome_minutes=welcome, closing_minutes=closing)
    assert event.rounds_that_fit() == expected
    assert event.overrun_minutes(expected) == 0 or expected == 0
    assert event.overrun_minutes(expected + 1) > 0


@given(
    window=st.integers(1, 600),
    welcome=st.integers(0, 60),
    closing=st.integers(0, 60),
    round_minutes=st.integers(1, 30),
    changeover=st.integers(0, 10),
)
def test_rounds_that_fit_is_the_largest_count_that_fits(
    window: int, welcome: int, closing: int, round_minutes: int, changeover: int
) -> None:
    event = Event(
        start="06:00",
        end=clock_of(360 + window),
        welcome_minutes=welcome,
        closing_minutes=closing,
        round_minutes=round_minutes,
        changeover_minutes=changeover,
    )
    fit = event.rounds_that_fit()
    if fit:
        last = event.round_slot(fit)
        assert minutes_of(event.closing(fit).end) <= minutes_of(event.end)
        assert minutes_of(last.end) - minutes_of(last.start) == round_minutes
    assert event.minutes_needed(fit + 1) > window
    assert event.overrun_minutes(fit + 1) == event.minutes_needed(fit + 1) - window


def test_overrun_says_by_how_many_minutes() -> None:
    event = default_event()
    assert event.overrun_minutes(5) == 0
    assert event.overrun_minutes(6) == 95 - 90
    assert event.overrun_minutes(7) == 107 - 90


def test_breakfast_timetable() -> None:
    event = default_event()
    assert event.welcome() == Slot("08:30", "08:45")
    assert event.round_slot(1) == Slot("08:45", "08:55")
    assert event.round_slot(2) == Slot("08:57", "09:07")
    assert event.round_slot(5) == Slot("09:33", "09:43")
    assert event.closing(5) == Slot("09:43", "10:00"), "seven minutes left, too few for a round: the closing takes them"
    assert event.closing(3) == Slot("09:19", "09:29"), "fewer rounds than fit, chosen: the session ends early"


def test_themes_cycle_in_order() -> None:
    a, b, c = Theme("A"), Theme("B"), Theme("C", kind=PRESENT_ANOTHER)
    event = Event(themes=(a, b, c))
    assert [event.theme_for(n) for n in range(1, 8)] == [a, b, c, a, b, c, a]
    assert [Event(themes=(a,)).theme_for(n) for n in (1, 2)] == [a, a]
    assert Event().theme_for(1) is None


def test_pinned_themes_override_the_cycle(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        ISSUE_EXAMPLE + '\n[[rounds]]\nnumber = 1\ntheme = "Nos publics"\n'
        '\n[[rounds]]\nnumber = 2\ntheme = "Nos publics"\n'
        f'\n[[rounds]]\nnumber = 5\ntheme = "{default_event().themes[2].title}"\n',
    )
    event = load_event(path)
    assert [event.theme_for(n) for n in range(1, 6)] == [
        event.themes[0],
        event.themes[0],
        event.themes[2],
        event.themes[0],
        event.themes[2],
    ]


def test_the_issue_example_reads_as_the_default_breakfast(tmp_path: Path) -> None:
    event = load_event(write(tmp_path, ISSUE_EXAMPLE))
    assert event.date == "2026-12-08" and event.location == "Mission Locale, salle Basile"
    assert event.rounds_that_fit() == 5
    assert [theme.title for theme in event.themes] == [theme.title for theme in default_event().themes]
    assert [theme.presents_another for theme in event.themes] == [False, False, True]
    assert event.themes[0].prompt == "Qui accueillez-vous ? Avec quels besoins ?"
    assert event.themes[1].prompt == ""


def test_missing_keys_take_the_defaults_and_no_themes_means_no_theme(tmp_path: Path) -> None:
    event = load_event(write(tmp_path, '[event]\nend = "9:30"\n'))
    assert event == Event(end="09:30")
    assert event.theme_for(1) is None
    assert load_event(write(tmp_path, "")) == Event()


def test_bare_toml_date_and_time_are_accepted(tmp_path: Path) -> None:
    event = load_event(write(tmp_path, "[event]\ndate = 2026-12-08\nstart = 08:15:00\n"))
    assert (event.date, event.start) == ("2026-12-08", "08:15")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_template_reads_back_as_the_default_breakfast(tmp_path: Path, language: str) -> None:
    with use_language(language):
        text = event_template()
        breakfast = default_event()
    assert load_event(write(tmp_path, text)) == breakfast
    assert text.count("[[themes]]") >= len(breakfast.themes)


def test_times_and_themes_survive_the_plan_file(tmp_path: Path) -> None:
    event = load_event(write(tmp_path, ISSUE_EXAMPLE + '\n[[rounds]]\nnumber = 2\ntheme = "Nos publics"\n'))
    people = tuple(Attendee(f"p{i}", f"Personne {i}", f"Structure {i}") for i in range(4))
    plan = Plan(people, timed_rounds(event, [[["p0", "p1", "p2", "p3"]]] * 3), event)
    again = plan_from_dict(plan_to_dict(plan))
    assert again.event == event
    assert [(r.theme, r.start, r.end) for r in again.rounds] == [(r.theme, r.start, r.end) for r in plan.rounds]
    assert [r.theme.title for r in again.rounds if r.theme] == ["Nos publics", "Nos publics", event.themes[2].title]


BAD_FILES = [
    ('[event]\nstrat = "08:30"\n', ["strat", "start"]),
    ('[event]\nstart = "8h30"\n', ["start", "HH:MM", '"08:30"']),
    ('[event]\nend = "25:00"\n', ["end", "HH:MM"]),
    ('[event]\nstart = "10:00"\nend = "09:00"\n', ["end", "start"]),
    ('[event]\nstart = "09:00"\nend = "09:00"\n', ["end", "start"]),
    ("[event]\nround_minutes = 0\n", ["round_minutes", "1"]),
    ('[event]\nround_minutes = "dix"\n', ["round_minutes"]),
    ("[event]\nwelcome_minutes = -5\n", ["welcome_minutes"]),
    ("[event]\ntable_size = 9\n", ["table_size", "3", "6"]),
    ('[event]\ndate = "08/12/2026"\n', ["date", "2026-12-08"]),
    ('[[themes]]\nprompt = "Qui ?"\n', ["themes", "title"]),
    ('[[themes]]\ntitle = ""\n', ["themes", "title"]),
    ('[[themes]]\ntitle = "A"\nkind = "present"\n', ["kind", "present-another"]),
    ('[[themes]]\ntitle = "A"\n[[themes]]\ntitle = "A"\n', ["A", "[[rounds]]"]),
    ('[[themes]]\ntitle = "A"\ntheme = "x"\n', ["theme", "title"]),
    ('[[themes]]\ntitle = "A"\n[[rounds]]\nnumber = 2\ntheme = "B"\n', ["rounds", "B", '"A"']),
    ('[[themes]]\ntitle = "A"\n[[rounds]]\nnumber = 0\ntheme = "A"\n', ["number"]),
    ('[[themes]]\ntitle = "A"\n[[rounds]]\ntheme = "A"\n', ["number"]),
    ('[[themes]]\ntitle = "A"\n[[rounds]]\nnumber = 1\ntheme = "A"\n[[rounds]]\nnumber = 1\ntheme = "A"\n', ["1"]),
    ('title = "Petit-déjeuner"\n', ["title", "event"]),
    ("event = 3\n", ["event"]),
    ('[event]\nstart = "08:30\n', ["TOML"]),
]


@pytest.mark.parametrize(("text", "named"), BAD_FILES)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_bad_event_files_get_one_line_naming_file_and_key(
    tmp_path: Path, text: str, named: list[str], language: str
) -> None:
    path = write(tmp_path, text, "séance.toml")
    with use_language(language), pytest.raises(UserError) as caught:
        load_event(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    for word in named:
        assert word in message


def message_for(tmp_path: Path, text: str, language: str = "fr") -> str:
    """What `load_event` says about an event.toml holding `text`."""
    path = write(tmp_path, text)
    with use_language(language), pytest.raises(UserError) as caught:
        load_event(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("start = 08:30", "start = 08:30"),
        ("title = Petit-déjeuner", "title = Petit-déjeuner"),
        ('title = "Petit-déjeuner', 'title = "Petit-déjeuner'),
        ("title = “Petit-déjeuner”", "title = “Petit-déjeuner”"),
    ],
)
def test_a_value_toml_cannot_read_shows_its_line_and_the_quoting_fix(tmp_path: Path, line: str, shown: str) -> None:
    message = message_for(tmp_path, f'[event]\nend = "10:00"\n{line}\n')
    assert message == (
        f"{tmp_path / 'event.toml'}, ligne 3 : « {shown} » n'est pas du TOML valide. Mettez "
        'textes et heures entre guillemets droits, par exemple start = "08:30" ou '
        'title = "Petit-déjeuner".'
    )


def test_a_key_written_twice_names_its_second_line(tmp_path: Path) -> None:
    message = message_for(tmp_path, '[event]\ntitle = "A"\ntitle = "B"\n', "en")
    assert message == (
        f"{tmp_path / 'event.toml'}, line 3: 'title = \"B\"' repeats a key or a section already "
        "written above; keep only one."
    )


def test_a_missing_event_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"absent\.toml"):
        load_event(tmp_path / "absent.toml")


def test_an_event_file_saved_in_windows_1252_names_the_line_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "event.toml"
    path.write_bytes('[event]\nend = "10:00"\ntitle = "Petit-déjeuner"\n'.encode("cp1252"))
    with use_language("fr"), pytest.raises(UserError) as caught:
        load_event(path)
    assert str(caught.value) == (
        f"{path}, ligne 3 : caractère illisible, le fichier n'est pas en UTF-8. "
        "Enregistrez-le en UTF-8 (Bloc-notes : « Enregistrer sous », codage UTF-8)."
    )


def plan_with_event(folder: Path, event: Path, *options: str) -> CliResult:
    """`speeddating plan` for twelve people with this event file, into `folder/plan`, recording nothing."""
    attendees = write_attendees(folder, 12, 4)
    return run_cli(
        "plan", str(attendees), "--event", str(event), "--no-history", "--out", str(folder / "plan"), *options
    )


@pytest.mark.parametrize(("text", "named"), [BAD_FILES[0], BAD_FILES[1], BAD_FILES[3], BAD_FILES[5], BAD_FILES[10]])
def test_bad_event_files_stop_the_plan_command_with_one_line(tmp_path: Path, text: str, named: list[str]) -> None:
    event = write(tmp_path, text)
    code, out, err = plan_with_event(tmp_path, event)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in out + err
    assert str(event) in err and all(word in err for word in named)
    assert not (tmp_path / "plan").exists()


@pytest.mark.parametrize(
    ("end", "rounds", "short"),
    [
        ("09:30", 4, 15 + 4 * 10 + 3 * 2 + 10 - 60),
        ("10:00", 6, 15 + 6 * 10 + 5 * 2 + 10 - 90),
        ("09:00", 2, 15 + 2 * 10 + 1 * 2 + 10 - 30),
    ],
)
def test_rounds_that_do_not_fit_the_event_window_are_refused(tmp_path: Path, end: str, rounds: int, short: int) -> None:
    event = write(tmp_path, f'[event]\nend = "{end}"\n')
    code, _, err = plan_with_event(tmp_path, event, "--rounds", str(rounds))
    assert code == 2
    assert f"{rounds} tours ne tiennent pas entre 08:30 et {end} : il manque {short} min" in err


def test_the_event_file_sets_rounds_times_and_themes_that_check_reads_back(tmp_path: Path) -> None:
    event = write(
        tmp_path,
        '[event]\nstart = "14:00"\nend = "15:00"\nwelcome_minutes = 5\nclosing_minutes = 5\n'
        'round_minutes = 12\nchangeover_minutes = 3\n[[themes]]\ntitle = "Nos publics"\n'
        '[[themes]]\ntitle = "Nos outils"\n[[rounds]]\nnumber = 3\ntheme = "Nos publics"\n',
    )
    code, out, err = run_cli(
        "plan",
        str(write_attendees(tmp_path, 12, 4)),
        "--event",
        str(event),
        "--time-limit",
        "1",
        "--no-history",
        "--out",
        str(tmp_path / "plan"),
        "--quiet",
    )
    assert code == 0, err
    document = json.loads((tmp_path / "plan" / "plan.json").read_text(encoding="utf-8"))
    # 5 + 3x12 + 2x3 + 5 = 52 <= 60 < 67
    assert [(r["start"], r["end"], r["theme"]) for r in document["rounds"]] == [
        ("14:05", "14:17", "Nos publics"),
        ("14:20", "14:32", "Nos outils"),
        ("14:35", "14:47", "Nos publics"),
    ]
    assert document["event"]["start"] == "14:00"
    code, checked, err = run_cli("check", str(tmp_path / "plan" / "plan.json"))
    assert code == 0, err
    assert "14:00–14:05" in checked and "14:35–14:47  Tour 3 — Nos publics" in checked
    assert "14:47–15:00" in checked, "the closing takes the eight minutes left, too few for a fourth round"
    assert checked.split("Déroulé")[1].split("Paires")[0] == out.split("Déroulé")[1].split("Paires")[0]


def test_the_default_breakfast_speaks_the_chosen_language() -> None:
    with use_language("en"):
        english = default_event()
    french = default_event()
    assert english.title == "Inter-team breakfast" and french.title == "Petit-déjeuner inter-équipes"
    assert [t.kind for t in english.themes] == [t.kind for t in french.themes]
    assert english.themes[0].title == "The people we serve" and french.themes[0].title == "Nos publics"


def test_an_event_window_too_short_for_one_round_names_the_file_and_the_settings(tmp_path: Path) -> None:
    event = write(tmp_path, '[event]\nstart = "09:30"\nend = "10:00"\n')
    code, _, err = plan_with_event(tmp_path, event)
    assert code == 2
    assert err.strip() == (
        f"Erreur : {event} : aucun tour ne tient entre 09:30 et 10:00 avec l'accueil (15 min), "
        "un tour (10 min) et la clôture (10 min). Avancez start ou reculez end, ou raccourcissez "
        "welcome_minutes, round_minutes ou closing_minutes."
    )
    assert not (tmp_path / "plan").exists()
