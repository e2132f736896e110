"""Notices: what the workflow tells the organiser to check, as a catalogue message and its fields.

A notice is a value, not a sentence: its `message` is the English id of a catalogue entry (marked with
`N_` where the notice is made) and its `fields` fill the placeholders, so each front end words it in its
own user's language (`text()`), and a program can tell notices apart by their message id. A count
with its noun ("1 table", "3 tables") is a `Counted` field, worded with the notice in the same language.
"""

from dataclasses import dataclass

from speeddating.i18n import current_language, t, t_plural, use_language


@dataclass(frozen=True)
class Counted:
    """A number and the words for it, singular and plural (`N_plural`-marked ids holding `{count}`): the
    grammar of a count depends on the language, so it is chosen when the notice is worded."""

    forms: tuple[str, str]
    count: int

    def text(self, language: str | None = None) -> str:
        """'1 table' or '3 tables', in `language` (default: the current one)."""
        with use_language(language or current_language()):
            return t_plural(*self.forms, self.count)


@dataclass(frozen=True)
class Notice:
    """One warning or explanation: a message id of the catalogue and the values of its placeholders."""

    message: str
    fields: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, message: str, **fields: object) -> "Notice":
        """The notice for `message` (an `N_`-marked English id) with its placeholders' values."""
        return cls(message, tuple(fields.items()))

    def field(self, name: str) -> object:
        """The value of one placeholder."""
        return dict(self.fields)[name]

    def text(self, language: str | None = None) -> str:
        """The notice worded in `language` (default: the current one)."""
        return t(
            self.message,
            language,
            **{name: value.text(language) if isinstance(value, Counted) else value for name, value in self.fields},
        )
