"""Messages in the organiser's language, through standard gettext catalogues, and numbers and dates through Babel.

The code writes every user-facing sentence in English, `t("{file}: no such file.", file=path)`; the French lives
in `speeddating/locale/fr/LC_MESSAGES/speeddating.po` (edited with Poedit or Weblate, compiled to the `.mo` beside
it; CONTRIBUTING.md gives the `pybabel` steps). English needs no catalogue: the message id is the text. The
language is chosen for a run (`set_language`, from `--lang`) or a block (`use_language`), per thread and task.
Babel's formatting modules are imported on first use, so that `speeddating --help` stays fast.
"""

import gettext
import math
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
DOMAIN = "speeddating"
LANGUAGE_VARIABLE = "SPEEDDATING_LANG"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
FORMAT_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
"""The locale whose conventions numbers and dates follow: the British ones for English, like our spelling."""
_language: ContextVar[str] = ContextVar("speeddating_language", default=DEFAULT_LANGUAGE)


def _check(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose among {', '.join(LANGUAGES)}")
    return language


def current_language() -> str:
    return _language.get()


def requested_language(arguments: Sequence[str]) -> str:
    """The language asked for on the command line (`--lang en` or `--lang=en`, anywhere before `--`),
    else in $SPEEDDATING_LANG, else French: known before click parses (and before the libraries are
    installed, for `cli.py`), so that the very first messages follow it."""
    chosen = language_on_command_line(arguments)
    if chosen:
        return chosen
    variable = os.environ.get(LANGUAGE_VARIABLE, "")
    return variable if variable in LANGUAGES else DEFAULT_LANGUAGE


def language_on_command_line(arguments: Sequence[str]) -> str:
    """The last valid `--lang` value before `--` ('' when none): the command line wins over the environment."""
    language = ""
    for index, word in enumerate(arguments):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        else:
            value = word.removeprefix("--lang=") if word.startswith("--lang=") else ""
        if value in LANGUAGES:
            language = value
    return language


def set_language(language: str) -> None:
    """Choose the language for the rest of this run (the CLI calls it once, from --lang)."""
    _language.set(_check(language))


@contextmanager
def use_language(language: str) -> Iterator[None]:
    """Within the block, messages and formats are in `language` ("fr" or "en")."""
    token = _language.set(_check(language))
    try:
        yield
    finally:
        _language.reset(token)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalogue of `language`, for gettext-aware code such as Jinja2's i18n extension (English: the ids)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[_check(language)], fallback=True)


def t(message: str, language: str | None = None, /, **params: object) -> str:
    """`message` (English) in `language` (default: the current one), its `{fields}` filled from `params`."""
    return translations(language or current_language()).gettext(message).format(**params)


def t_plural(singular: str, plural: str, count: int, /, **params: object) -> str:
    """The singular or plural form for `count` in the current language; `{count}` is filled too."""
    text = translations(current_language()).ngettext(singular, plural, count)
    return text.format(count=format_integer(count), **params)


def and_more(extra: int) -> str:
    """ " and 3 more" after a list cut short by `extra` items, "" when nothing was left out: one wording for every
    list a message shortens (rows, people, candidates)."""
    return t_plural(" and {count} more", " and {count} more", extra) if extra > 0 else ""


def N_(message: str) -> str:
    """Marks `message` for the catalogue where it is translated later, by `t(variable)`."""
    return message


def format_locale() -> str:
    """The Babel locale of the current language."""
    return FORMAT_LOCALES[current_language()]


def format_integer(number: int) -> str:
    """A count as written in the current language ("1 234" in French, "1,234" in English)."""
    from babel.numbers import format_decimal

    return format_decimal(number, locale=format_locale())


def format_decimal(number: float, digits: int = 1) -> str:
    """A decimal number with `digits` decimals: "0,4" in French, "0.4" in English."""
    from babel.numbers import format_decimal as babel_decimal

    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return babel_decimal(number, format=pattern, locale=format_locale())


def format_percent(fraction: float, digits: int = 1) -> str:
    """A share as a percentage: "82,8 %" in French, "82.8%" in English (`fraction` 0.828)."""
    from babel import Locale
    from babel.numbers import format_percent as babel_percent

    if not math.isfinite(fraction):
        fraction = 0.0
    locale = Locale.parse(format_locale())
    head, zero, tail = locale.percent_formats[None].pattern.rpartition("0")
    pattern = head + zero + ("." + "0" * digits if digits else "") + tail
    return babel_percent(fraction, format=pattern, locale=locale)


def format_seconds(seconds: float) -> str:
    """A duration in seconds with one decimal: "0,4 s" in French, "0.4 s" in English."""
    return t("{seconds} s", seconds=format_decimal(seconds, 1))


def format_date(day: date) -> str:
    """A date in full: "mardi 8 décembre 2026" ("lundi 1er février 2027") in French, "Tuesday 8 December 2026"."""
    from babel.dates import format_date as babel_date

    first = current_language() == "fr" and day.day == 1  # French writes the first of the month "1er"
    return babel_date(day, format="EEEE '1er' MMMM y" if first else "EEEE d MMMM y", locale=format_locale())


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular and plural pair for the catalogue (messages that another library translates)."""
    return singular, plural
