"""The session's timetable and themes: how many rounds fit the breakfast, when each one runs.

Defaults describe the 8:30-10:00 inter-team breakfast; an `event.toml` overrides them.
"""

import datetime as dt
from dataclasses import dataclass, field

PRESENT_ANOTHER = "present-another"
"""Theme kind where each person presents another organisation seated at the table."""


def minutes_of(clock: str) -> int:
    """'08:30' -> 510. Callers validate the format first."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def clock_of(minutes: int) -> str:
    """510 -> '08:30'."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Theme:
    title: str
    prompt: str = ""
    kind: str = ""

    @property
    def presents_another(self) -> bool:
        return self.kind == PRESENT_ANOTHER


@dataclass(frozen=True)
class Slot:
    """One block of the timetable (welcome, a round, closing), times as HH:MM."""

    start: str
    end: str


@dataclass(frozen=True)
class Event:
    title: str = "Petit-déjeuner inter-équipes"
    date: str = field(default_factory=lambda: dt.date.today().isoformat())
    start: str = "08:30"
    end: str = "10:00"
    location: str = ""
    table_size: int = 4
    round_minutes: int = 10
    changeover_minutes: int = 2
    welcome_minutes: int = 15
    closing_minutes: int = 10
    themes: tuple[Theme, ...] = ()
    pinned_themes: tuple[tuple[int, str], ...] = ()
    """(round number, theme title) pairs that override the cycling order."""

    @property
    def window_minutes(self) -> int:
        return minutes_of(self.end) - minutes_of(self.start)

    def minutes_needed(self, rounds: int) -> int:
        """Welcome + rounds + changeovers between them + closing."""
        changeovers = max(rounds - 1, 0) * self.changeover_minutes
        return self.welcome_minutes + rounds * self.round_minutes + changeovers + self.closing_minutes

    def rounds_that_fit(self) -> int:
        """As many rounds as the window holds (0 when not even one fits)."""
        rounds = 0
        while self.minutes_needed(rounds + 1) <= self.window_minutes:
            rounds += 1
        return rounds

    def overrun_minutes(self, rounds: int) -> int:
        """By how many minutes `rounds` rounds overflow the window (0 when they fit)."""
        return max(0, self.minutes_needed(rounds) - self.window_minutes)

    def welcome(self) -> Slot:
        begin = minutes_of(self.start)
        return Slot(clock_of(begin), clock_of(begin + self.welcome_minutes))

    def round_slot(self, number: int) -> Slot:
        """Times of round `number` (1-based)."""
        begin = minutes_of(self.start) + self.welcome_minutes
        begin += (number - 1) * (self.round_minutes + self.changeover_minutes)
        return Slot(clock_of(begin), clock_of(begin + self.round_minutes))

    def closing(self, rounds: int) -> Slot:
        begin = minutes_of(self.round_slot(rounds).end) if rounds else minutes_of(self.welcome().end)
        return Slot(clock_of(begin), clock_of(begin + self.closing_minutes))

    def theme_for(self, number: int) -> Theme | None:
        """The theme of round `number`: pinned if pinned, else the themes in order, cycling."""
        by_title = {theme.title: theme for theme in self.themes}
        for pinned_round, title in self.pinned_themes:
            if pinned_round == number and title in by_title:
                return by_title[title]
        if not self.themes:
            return None
        return self.themes[(number - 1) % len(self.themes)]


DEFAULT_THEMES = (
    Theme("Nos publics", "Qui accueillez-vous ? Avec quels besoins ?"),
    Theme("Les problématiques que nous traitons", "Sur quoi intervenez-vous, et où butez-vous ?"),
    Theme(
        "Présentation subjective d'une structure présente à la table",
        "Présentez une autre structure de la table telle que vous la voyez.",
        PRESENT_ANOTHER,
    ),
)


def default_event() -> Event:
    """The 8:30-10:00 breakfast with its three usual themes, dated today."""
    return Event(themes=DEFAULT_THEMES)
