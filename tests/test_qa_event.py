"""QA: the event.toml mistakes of someone new to TOML get the line, its text and the fix, in their language."""

from pathlib import Path

import pytest

from speeddating.errors import UserError
from speeddating.event import load_event
from speeddating.i18n import use_language


def message_for(tmp_path: Path, text: str, language: str = "fr") -> str:
    path = tmp_path / "event.toml"
    path.write_text(text, encoding="utf-8")
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
def test_a_value_toml_cannot_read_shows_its_line(tmp_path: Path, line: str, shown: str) -> None:
    message = message_for(tmp_path, f'[event]\nend = "10:00"\n{line}\n')
    assert message == (
        f"{tmp_path / 'event.toml'}, ligne 3 : « {shown} » n'est pas du TOML valide. Mettez "
        'textes et heures entre guillemets droits, par exemple start = "08:30" ou '
        'title = "Petit-déjeuner".'
    )


def test_a_key_written_twice_says_so(tmp_path: Path) -> None:
    message = message_for(tmp_path, '[event]\ntitle = "A"\ntitle = "B"\n', "en")
    assert message == (
        f"{tmp_path / 'event.toml'}, line 3: 'title = \"B\"' repeats a key or a section already "
        "written above; keep only one."
    )


def test_an_event_file_saved_in_windows_1252_names_the_line_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "event.toml"
    path.write_bytes('[event]\nend = "10:00"\ntitle = "Petit-déjeuner"\n'.encode("cp1252"))
    with use_language("fr"), pytest.raises(UserError) as caught:
        load_event(path)
    assert str(caught.value) == (
        f"{path}, ligne 3 : caractère illisible, le fichier n'est pas en UTF-8. "
        "Enregistrez-le en UTF-8 (Bloc-notes : « Enregistrer sous », codage UTF-8)."
    )
