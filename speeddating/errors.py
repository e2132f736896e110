"""Exceptions that carry a message meant for the organiser, not a traceback."""

from speeddating.i18n import t


class UserError(Exception):
    """Bad input or an impossible request: the CLI prints the message and exits with status 2."""


class PlanFormatError(UserError):
    """A plan file that is not a well-formed `speeddating-plan/1` document (exit status 1)."""


def missing_dependency(module: str | None) -> str:
    """The one line for a dependency that is not installed (a checkout run before `pip install .`), in the
    current language: the organiser reads it before anything else."""
    return t("speeddating needs {module}: install it first with `pip install .` in its folder.", module=repr(module))
