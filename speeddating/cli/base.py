"""The command group, the options every command shares, and the error boundary."""

from typing import Any

import click

from speeddating import __version__
from speeddating.errors import UserError
from speeddating.i18n import LANGUAGES, set_language, t


class OrganiserError(click.ClickException):
    """A UserError shown as one line in the organiser's language, with its exit status."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:
        click.echo(t("error.line", message=self.format_message()), err=True)


class SpeeddatingGroup(click.Group):
    """Turns UserError and file-system errors into a clean exit instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as error:
            raise OrganiserError(str(error), error.exit_code) from None
        except OSError as error:
            reason = error.strerror or str(error)
            raise OrganiserError(t("cli.file_error", path=error.filename or "?", reason=reason),
                                 2) from None


def _choose_language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(value)


def language_option(command: Any) -> Any:
    """`--lang fr|en` on a command (also accepted before the command name)."""
    return click.option("--lang", type=click.Choice(LANGUAGES), envvar="SPEEDDATING_LANG",
                        expose_value=False, is_eager=True, callback=_choose_language,
                        help="Language of messages and documents (default fr).")(command)


@click.group(cls=SpeeddatingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@language_option
@click.version_option(__version__, prog_name="speeddating")
def cli() -> None:
    """Plan speed-networking sessions: mixed organisations, no pair twice, across sessions."""
