"""The command group, the options every command shares, and the error boundary."""

import errno
import sys
from collections.abc import Sequence
from typing import Any

import click

from speeddating import __version__
from speeddating.cli.localised import (
    LocalisedGroup,
    LocalisedOption,
    click_in_current_language,
    follow_language_in_click,
    option,
    unknown_language_variable,
)
from speeddating.errors import PlanFormatError, UserError
from speeddating.i18n import LANGUAGE_VARIABLE, LANGUAGES, N_, requested_language, set_language, t, use_language
from speeddating.text import printable


class OrganiserError(click.ClickException):
    """A UserError shown as one line in the organiser's language, with its exit status."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Without the control characters a file's text may carry (a terminal would obey them)."""
        lines = (printable(line) for line in self.format_message().split("\n"))
        click.echo(t("Error: {message}", message="\n".join(lines)), err=True)


class MalformedPlanError(OrganiserError):
    """A plan file that is not well formed: exit status 1, as `check_plan.py` does."""

    exit_code = 1


class SpeeddatingGroup(LocalisedGroup):
    """Turns UserError and file-system errors into a clean exit instead of a traceback.

    Each run starts in the language asked for (French by default), click's own messages included,
    and leaves the language as it found it, so that one `--lang en` never leaks into the next
    invocation within the same process (tests, embedding).
    """

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        words = sys.argv[1:] if args is None else list(args)
        with use_language(requested_language(words)), click_in_current_language():
            unknown = unknown_language_variable(words)
            if unknown:
                click.echo(
                    t(
                        "Warning: {variable}={value} is not a language of speeddating ({languages}); French is "
                        "used. Set {variable} to one of them, or give --lang.",
                        variable=LANGUAGE_VARIABLE,
                        value=printable(unknown),
                        languages=", ".join(LANGUAGES),
                    ),
                    err=True,
                )
            return super().main(args, *rest, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        from speeddating.fileio import recording_writes

        with recording_writes() as written:
            try:
                return super().invoke(ctx)
            except KeyboardInterrupt:
                if written:
                    paths = ", ".join(map(str, written))
                    click.echo(t("Interrupted after writing: {paths}.", paths=paths), err=True)
                else:
                    click.echo(t("Interrupted: no file was changed."), err=True)
                raise click.exceptions.Exit(130) from None
            except UserError as error:
                kind = MalformedPlanError if isinstance(error, PlanFormatError) else OrganiserError
                raise kind(str(error)) from None
            except OSError as error:
                raise OrganiserError(
                    t(
                        "{path}: cannot write ({reason}). Check the folder and permissions.",
                        path=error.filename or "?",
                        reason=os_reason(error),
                    )
                ) from None


OS_REASONS = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("read-only storage"),
    errno.ENOSPC: N_("disk full"),
    errno.EDQUOT: N_("disk quota exceeded"),
    errno.ENOENT: N_("no such folder or file"),
    errno.ENOTDIR: N_("part of the path is a file, not a folder"),
    errno.EEXIST: N_("a file of that name already exists"),
    errno.EISDIR: N_("it is a folder"),
    errno.EBUSY: N_("in use by another program; close it"),
    errno.ETXTBSY: N_("in use by another program; close it"),
    errno.ENAMETOOLONG: N_("name too long"),
}
"""The system's reasons for the refusals an organiser meets, in the organiser's language (the system says them
in English whatever the language asked for)."""


def os_reason(error: OSError) -> str:
    """Why the file system refused, in the current language (the system's own words for rarer reasons)."""
    key = OS_REASONS.get(error.errno) if error.errno is not None else None
    return t(key) if key else error.strerror or str(error)


def _choose_language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)
        follow_language_in_click()


def language_option(command: Any) -> Any:
    """`--lang fr|en` on a command (also accepted before the command name). $SPEEDDATING_LANG is read once, by
    `SpeeddatingGroup.main`, not by each --lang option: the command line wins wherever --lang stands."""
    return option(
        "--lang",
        type=click.Choice(LANGUAGES),
        expose_value=False,
        is_eager=True,
        callback=_choose_language,
        help=N_("Language of messages and documents (default: $SPEEDDATING_LANG, else fr)."),
    )(command)


@click.group(
    cls=SpeeddatingGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("Plan speed-networking sessions: mixed organisations, no pair twice, across sessions."),
)
@language_option
@click.version_option(__version__, prog_name="speeddating", cls=LocalisedOption, help=N_("Show the version and exit."))
def cli() -> None:
    """The `speeddating` group: each command module registers its commands on it."""
