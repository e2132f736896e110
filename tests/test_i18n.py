"""The French catalogue is complete and well formed, and numbers and dates follow the language."""

import ast
import datetime as dt
import gettext
import os
import shutil
import string
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import speeddating
from speeddating.i18n import (
    DOMAIN,
    LOCALE_DIR,
    format_date,
    format_decimal,
    format_percent,
    format_seconds,
    t,
    t_plural,
    use_language,
)

PACKAGE = Path(speeddating.__file__).resolve().parent
FRENCH_PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po"
KEYWORDS = {"t": None, "t_plural": (1, 2), "N_": None, "N_plural": (1, 2)}


def french_catalogue() -> Catalog:
    with FRENCH_PO.open("rb") as file:
        return read_po(file, locale="fr")


def extracted_ids() -> set[str]:
    """Every message id the code and templates use, as `pybabel extract` with babel.cfg finds them."""
    method_map = [("**.py", "python"), ("web/templates/**.html", "jinja2")]
    options = {"web/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = extract_from_dir(
        PACKAGE, method_map, options_map=options, keywords=KEYWORDS | {"_": None, "gettext": None, "ngettext": (1, 2)}
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def ids_in_the_code() -> set[str]:
    """Every literal message id passed to `t`, `t_plural`, `N_` or `N_plural` in the package, nested calls included
    (Babel's extractor skips a call inside another one's arguments, so such a message would reach no translator)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_of_the_code_has_a_french_translation_that_is_not_fuzzy() -> None:
    translated = set()
    for message in french_catalogue():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not message.fuzzy and all(strings):
            translated.add(message.id if isinstance(message.id, str) else message.id[0])
    assert extracted_ids() - translated == set()


def test_babel_extracts_every_message_of_the_code() -> None:
    """A message Babel cannot see would silently stay in English: messages are never nested in another's fields."""
    assert ids_in_the_code() - extracted_ids() == set()


def test_french_messages_use_only_placeholders_the_code_fills() -> None:
    for message in french_catalogue():
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string or ())
        allowed = set().union(*(fields(text) for text in ids))
        for text in strings:
            assert fields(text) <= allowed, message.id


def test_no_french_message_is_written_twice_over() -> None:
    """A translation merged from two branches once read its whole sentence twice ("Marquez ... qui va
    commencer.Marquez ... qui va commencer."), which no other check sees."""
    for message in french_catalogue():
        strings = [message.string] if isinstance(message.string, str) else list(message.string or ())
        for text in strings:
            half = len(text) // 2
            assert not (half > 10 and text[:half] == text[half:]), message.id


def test_the_compiled_catalogue_is_the_po_file_compiled() -> None:
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for message in french_catalogue():
        if message.id and isinstance(message.id, str):
            assert compiled.gettext(message.id) == message.string, "run `pybabel compile` (CONTRIBUTING.md)"


@pytest.mark.skipif(shutil.which("msgfmt") is None and not os.environ.get("CI"), reason="GNU gettext not installed")
def test_msgfmt_check_passes(tmp_path: Path) -> None:
    completed = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(FRENCH_PO)], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr


def test_messages_are_english_ids_translated_to_french() -> None:
    with use_language("en"):
        assert t("{file}: no such file. Check its name and the folder you run the command from.", file="a.csv") == (
            "a.csv: no such file. Check its name and the folder you run the command from."
        )
    with use_language("fr"):
        assert t("{file}: no such file. Check its name and the folder you run the command from.", file="a.csv") == (
            "a.csv : fichier introuvable. Vérifiez son nom et le dossier d'où vous lancez la commande."
        )
    assert t("Paper size.", "en") == "Paper size."


def test_plural_forms_follow_the_count_and_the_language() -> None:
    with use_language("fr"):
        one = t_plural("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1, possibility="a")
        many = t_plural("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2, possibilities="a")
    assert one == "Vouliez-vous dire a ?" and many == "(Vouliez-vous dire l'une de ces options : a ?)"


@pytest.mark.parametrize(
    ("language", "percent", "decimal", "seconds", "day"),
    [
        ("fr", "82,8\u00a0%", "1\u202f234,5", "0,4 s", "mardi 8 décembre 2026"),
        ("en", "82.8%", "1,234.5", "0.4 s", "Tuesday 8 December 2026"),
    ],
)
def test_numbers_and_dates_are_written_the_way_of_the_language(
    language: str, percent: str, decimal: str, seconds: str, day: str
) -> None:
    with use_language(language):
        assert format_percent(0.828) == percent
        assert format_decimal(1234.5) == decimal
        assert format_seconds(0.4) == seconds
        assert format_date(dt.date(2026, 12, 8)) == day
        assert format_percent(float("nan")) == format_percent(0.0)
