"""Notices: what the workflow tells the organiser to check, as a catalogue message and its fields.

A notice is a value, not a sentence: its `message` is the English id of a catalogue entry (marked with
`N_` where the notice is made) and its `fields` fill the placeholders, so each front end words it in its
own user's language (`text()`), and a program can tell notices apart by their message id.
"""

from dataclasses import dataclass

from speeddating.i18n import t


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
        return t(self.message, language, **dict(self.fields))
