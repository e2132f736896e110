"""click in the organiser's language: its own messages (usage errors, help headings) and our help texts.

click writes its messages in English through the standard gettext functions. While our command runs, gettext's
domain is ours and its language the organiser's, so click's sentences come from our catalogue
(`cli/click_messages.py` lists them for extraction); a click version that words a message differently simply
shows it in English.

Our commands and options keep their help in English at the declaration; `help` is looked up in the catalogue
each time click formats it, so one process can show help in both languages.
"""

import gettext
import inspect
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, overload

import click

from speeddating.i18n import (
    DOMAIN,
    LANGUAGE_VARIABLE,
    LANGUAGES,
    LOCALE_DIR,
    current_language,
    language_on_command_line,
    t,
    translations,
)

HELP_OPTION_TEXT = "Show this message and exit."
"""click's own wording for -h/--help, the id of its translation."""

F = TypeVar("F", bound=Callable[..., Any])


def command_line_text(english: str) -> str:
    """A command-line text written in English (click's messages, our help), in the current language."""
    return translations(current_language()).gettext(english)


def unknown_language_variable(arguments: Sequence[str]) -> str:
    """$SPEEDDATING_LANG when it names no language of ours and the command line chooses none ('' otherwise)."""
    variable = os.environ.get(LANGUAGE_VARIABLE, "")
    return variable if variable and variable not in LANGUAGES and not language_on_command_line(arguments) else ""


def follow_language_in_click() -> None:
    """Make click's gettext lookups answer in the current language (`LANGUAGE` is what gettext reads first)."""
    os.environ["LANGUAGE"] = current_language()


@contextmanager
def click_in_current_language() -> Iterator[None]:
    """Within the block, click's messages come from our catalogue in the current language."""
    domain, language = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    follow_language_in_click()
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language


class TranslatedHelp:
    """A `help` attribute kept as written (English) and read in the current language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.storage = f"_english_{name}"

    @overload
    def __get__(self, instance: None, owner: type) -> "TranslatedHelp": ...

    @overload
    def __get__(self, instance: object, owner: type) -> str | None: ...

    def __get__(self, instance: object | None, owner: type) -> "TranslatedHelp | str | None":
        if instance is None:
            return self
        english: str | None = getattr(instance, self.storage, None)
        return command_line_text(english) if english else english

    def __set__(self, instance: object, value: str | None) -> None:
        setattr(instance, self.storage, inspect.cleandoc(value) if value else value)


class LocalisedOption(click.Option):
    help = TranslatedHelp()


class LocalisedFormatter(click.HelpFormatter):
    """click's help layout, with its headings ("Options:") punctuated as the language writes them ("Options :")."""

    def write_heading(self, heading: str) -> None:
        punctuated = t("{heading}:", heading=heading)
        self.write(f"{'':>{self.current_indent}}{punctuated}\n")


class LocalisedContext(click.Context):
    formatter_class = LocalisedFormatter


class LocalisedCommand(click.Command):
    help = TranslatedHelp()
    short_help = TranslatedHelp()
    """The line a group's list of commands shows: written to fit it whole, where click would cut the help."""
    context_class = LocalisedContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's -h/--help, worded in the current language each time (click keeps one per command)."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = command_line_text(HELP_OPTION_TEXT)
        return option


class LocalisedGroup(LocalisedCommand, click.Group):
    command_class = LocalisedCommand


LocalisedGroup.group_class = LocalisedGroup


def option(*param_decls: str, **attrs: Any) -> Callable[[F], F]:
    """`click.option` whose help follows the language."""
    return click.option(*param_decls, cls=LocalisedOption, **attrs)
