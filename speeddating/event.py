"""The session's timetable and themes: how many rounds fit the breakfast, when each one runs.

Defaults describe the 8:30-10:00 inter-team breakfast; an `event.toml` overrides them
(`load_event`, strict: a typo in a key must not silently fall back to a default), and
`event_template` writes the commented example that `speeddating init` hands to newcomers.
"""

import contextlib
import datetime as dt
import difflib
import json
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from speeddating.errors import UserError
from speeddating.i18n import N_, t
from speeddating.problem import MAX_TABLE_SIZE, MIN_TABLE_SIZE

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

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
    """The session's frame: title, date, time window, table size, round and changeover lengths, welcome and
    closing slots, themes. Read from an event file by `load_event`; the defaults are the 8:30-10:00 breakfast."""

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
        """After the last round; stretched to the end of the window when no further round would fit in what
        is left (a 10:00 breakfast closes at 10:00, not at 09:53 with seven minutes unaccounted for)."""
        begin = minutes_of(self.round_slot(rounds).end) if rounds else minutes_of(self.welcome().end)
        end = begin + self.closing_minutes
        if 0 <= minutes_of(self.end) - end < self.round_minutes + self.changeover_minutes:
            end = minutes_of(self.end)
        return Slot(clock_of(begin), clock_of(end))

    def theme_for(self, number: int) -> Theme | None:
        """The theme of round `number`: pinned if pinned, else the themes in order, cycling."""
        by_title = {theme.title: theme for theme in self.themes}
        for pinned_round, title in self.pinned_themes:
            if pinned_round == number and title in by_title:
                return by_title[title]
        if not self.themes:
            return None
        return self.themes[(number - 1) % len(self.themes)]


USUAL_THEMES = (
    (N_("The people we serve"), N_("Who comes to you? With what needs?"), ""),
    (N_("The problems we handle"), N_("What do you work on, and where do you get stuck?"), ""),
    (
        N_("A subjective presentation of another organisation at the table"),
        N_("Present another organisation at the table as you see it."),
        PRESENT_ANOTHER,
    ),
)
"""The breakfast's three usual themes (title, prompt, kind), in English: `default_themes` translates them."""


def default_themes(language: str | None = None) -> tuple[Theme, ...]:
    """The breakfast's three usual themes, in `language` (default: the current one)."""
    return tuple(Theme(t(title, language), t(prompt, language), kind) for title, prompt, kind in USUAL_THEMES)


DEFAULT_THEMES = default_themes("fr")


def default_event() -> Event:
    """The 8:30-10:00 breakfast with its three usual themes, dated today, in the current language."""
    return Event(title=t("Inter-team breakfast"), themes=default_themes())


EVENT_KEYS = tuple(f.name for f in fields(Event) if f.name not in ("themes", "pinned_themes"))
THEME_KEYS = ("title", "prompt", "kind")
ROUND_KEYS = ("number", "theme")
TOP_KEYS = ("event", "themes", "rounds")
DURATIONS = ("round_minutes", "changeover_minutes", "welcome_minutes", "closing_minutes")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def _toml(value: object) -> str:
    """A value as written in TOML (JSON's string escapes are valid TOML basic strings)."""
    return json.dumps(value, ensure_ascii=False, default=str)


class _EventFile:
    """Reads one event.toml, turning the first problem into a UserError naming file, key and fix."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str, **params: object) -> UserError:
        return UserError(t(message, path=self.path, **params))

    def section(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(
                N_("{path}: '{setting}' must be a section {form}; see the example written by 'speeddating init'."),
                setting=key,
                form=f"[{key}]",
            )
        return value

    def entries(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(
                N_("{path}: '{setting}' must be a section {form}; see the example written by 'speeddating init'."),
                setting=key,
                form=f"[[{key}]]",
            )
        return value

    def known_keys(self, data: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = t("Did you mean '{setting}'? ", setting=close[0]) if close else ""
                raise self.fail(
                    N_("{path}: unknown key '{setting}' in {where}. {hint}Known keys: {known}."),
                    setting=key,
                    where=where,
                    hint=hint,
                    known=", ".join(known),
                )

    def present(self, data: dict[str, Any], key: str, where: str, example: str) -> None:
        if key not in data:
            raise self.fail(
                N_('{path}: {where} has no {setting}; add for example {setting} = "{example}".'),
                where=where,
                setting=key,
                example=example,
            )

    def text(self, data: dict[str, Any], key: str, where: str, example: str) -> str:
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                N_('{path}: {where} {setting} must be text in quotes, for example {setting} = "{example}".'),
                where=where,
                setting=key,
                example=example,
            )
        return " ".join(value.split())

    def whole(self, data: dict[str, Any], key: str, where: str, minimum: int, example: int) -> int:
        value = data[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(
                N_(
                    "{path}: {where} {setting} = {value}: a whole number of at least {minimum} is "
                    "needed, for example {setting} = {example}."
                ),
                where=where,
                setting=key,
                value=_toml(value),
                minimum=minimum,
                example=example,
            )
        return value

    def clock(self, data: dict[str, Any], key: str, example: str) -> str:
        """'8:30' and '08:30' (and TOML's bare 08:30:00) all give '08:30'."""
        value = data[key]
        if isinstance(value, dt.time) and not value.second and not value.microsecond:
            return clock_of(value.hour * 60 + value.minute)
        match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None or int(match[1]) > 23 or int(match[2]) > 59:
            raise self.fail(
                N_(
                    "{path}: [event] {setting} = {value} is not an HH:MM time; write for example "
                    '{setting} = "{example}".'
                ),
                setting=key,
                value=_toml(value),
                example=example,
            )
        return clock_of(int(match[1]) * 60 + int(match[2]))

    def date(self, value: object) -> str:
        """Quoted '2026-12-08' or TOML's bare 2026-12-08."""
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                return dt.date.fromisoformat(value.strip()).isoformat()
        raise self.fail(
            N_(
                "{path}: [event] date = {value} is not a YYYY-MM-DD date; write for example date "
                '= "2026-12-08", or remove the line for today.'
            ),
            value=_toml(value),
        )


def _read_settings(data: dict[str, Any], source: _EventFile) -> dict[str, Any]:
    source.known_keys(data, EVENT_KEYS, "[event]")
    defaults = Event()
    values: dict[str, Any] = {}
    for key, example in (("title", defaults.title), ("location", "Mission Locale, salle Basile")):
        if key in data:
            values[key] = source.text(data, key, "[event]", example)
    if "date" in data:
        values["date"] = source.date(data["date"])
    for key in ("start", "end"):
        if key in data:
            values[key] = source.clock(data, key, getattr(defaults, key))
    start, end = values.get("start", defaults.start), values.get("end", defaults.end)
    if minutes_of(end) <= minutes_of(start):
        raise source.fail(
            N_('{path}: [event] end = "{end}" must be after start = "{start}"; correct one of the two times.'),
            start=start,
            end=end,
        )
    if "table_size" in data:
        size = data["table_size"]
        if not isinstance(size, int) or isinstance(size, bool) or not MIN_TABLE_SIZE <= size <= MAX_TABLE_SIZE:
            raise source.fail(
                N_(
                    "{path}: [event] table_size = {value}: a whole number from {minimum} to {maximum} "
                    "is needed, for example table_size = 4."
                ),
                value=_toml(size),
                minimum=MIN_TABLE_SIZE,
                maximum=MAX_TABLE_SIZE,
            )
        values["table_size"] = size
    for key in DURATIONS:
        if key in data:
            minimum = 1 if key == "round_minutes" else 0
            values[key] = source.whole(data, key, "[event]", minimum, getattr(defaults, key))
    return values


def _read_themes(items: list[dict[str, Any]], source: _EventFile) -> tuple[Theme, ...]:
    themes: list[Theme] = []
    for number, item in enumerate(items, start=1):
        where = t("[[themes]] #{number}", number=number)
        source.known_keys(item, THEME_KEYS, where)
        source.present(item, "title", where, DEFAULT_THEMES[0].title)
        title = source.text(item, "title", where, DEFAULT_THEMES[0].title)
        if any(theme.title == title for theme in themes):
            raise source.fail(
                N_(
                    "{path}: two [[themes]] are called '{title}'; give them different titles (to "
                    "repeat a theme in a given round, use [[rounds]])."
                ),
                title=title,
            )
        prompt = source.text(item, "prompt", where, DEFAULT_THEMES[0].prompt) if "prompt" in item else ""
        kind = item.get("kind", "")
        if kind not in ("", PRESENT_ANOTHER):
            raise source.fail(
                N_('{path}: {where} kind = {value} is unknown; write kind = "{kind}" or remove the line.'),
                where=where,
                value=_toml(kind),
                kind=PRESENT_ANOTHER,
            )
        themes.append(Theme(title, prompt, kind))
    return tuple(themes)


def _read_pins(
    items: list[dict[str, Any]], themes: tuple[Theme, ...], source: _EventFile
) -> tuple[tuple[int, str], ...]:
    titles = [theme.title for theme in themes]
    example = titles[0] if titles else DEFAULT_THEMES[0].title
    pins: dict[int, str] = {}
    for index, item in enumerate(items, start=1):
        where = t("[[rounds]] #{number}", number=index)
        source.known_keys(item, ROUND_KEYS, where)
        source.present(item, "number", where, "1")
        source.present(item, "theme", where, example)
        number = source.whole(item, "number", where, 1, 1)
        title = source.text(item, "theme", where, example)
        if title not in titles:
            raise source.fail(
                N_('{path}: {where} theme = "{title}" matches no [[themes]]; possible titles: {titles}.'),
                where=where,
                title=title,
                titles=", ".join(map(_toml, titles)) or t("(none)"),
            )
        if number in pins:
            raise source.fail(
                N_("{path}: round {number} appears twice in [[rounds]]; keep a single entry."), number=number
            )
        pins[number] = title
    return tuple(sorted(pins.items()))


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_REPEATED = ("overwrite", "twice")
"""How the TOML parser words a key or a section written twice."""


def _syntax_error(source: _EventFile, text: str, error: Exception) -> UserError:
    """The line the parser stopped at, as the organiser wrote it, with the usual fix (the parser's own
    explanation is English and technical); its reason only when it names no line."""
    found = _AT_LINE.search(str(error))
    lines = text.splitlines()
    if found is None or not 1 <= int(found[1]) <= len(lines):
        return source.fail(
            N_('{path}: not valid TOML ({reason}). Put text and times in quotes, for example start = "08:30".'),
            reason=error,
        )
    number = int(found[1])
    key = (
        N_("{path}, line {line}: '{text}' repeats a key or a section already written above; keep only one.")
        if any(word in str(error) for word in _REPEATED)
        else N_(
            "{path}, line {line}: '{text}' is not valid TOML. Put text and times in straight "
            'quotes, for example start = "08:30" or title = "Breakfast".'
        )
    )
    return source.fail(key, line=number, text=lines[number - 1].strip())


def load_event(path: Path) -> Event:
    """The event an event.toml describes, defaults filling the gaps; any problem is one clear line."""
    source = _EventFile(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise source.fail(
            N_("{path}: no such event file. Check the path, or create one with 'speeddating init'.")
        ) from None
    except OSError as error:
        raise source.fail(
            N_("{path}: cannot be read ({reason}). Save it as UTF-8."), reason=error.strerror or error
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise source.fail(
            N_(
                "{path}, line {line}: unreadable character, the file is not UTF-8. Save it as "
                'UTF-8 (Notepad: "Save as", encoding UTF-8).'
            ),
            line=data[: error.start].count(b"\n") + 1,
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(source, text, error) from None
    source.known_keys(data, TOP_KEYS, t("the file (outside any section)"))
    settings = _read_settings(source.section(data, "event"), source)
    themes = _read_themes(source.entries(data, "themes"), source)
    pins = _read_pins(source.entries(data, "rounds"), themes, source)
    return Event(**settings, themes=themes, pinned_themes=pins)


TEMPLATE_COMMENTS = {
    "title": N_("title printed on the documents"),
    "date": N_("YYYY-MM-DD date; without this line: today"),
    "start": N_("start, HH:MM"),
    "end": N_("end, HH:MM"),
    "location": N_("place (optional)"),
    "table_size": N_("people per table (3 to 6)"),
    "round_minutes": N_("length of a round, in minutes"),
    "changeover_minutes": N_("moving between tables"),
    "welcome_minutes": N_("coffee and instructions before round 1"),
    "closing_minutes": N_("wrap-up after the last round"),
}
"""The comment after each setting in the event.toml that `init` writes."""


def event_template() -> str:
    """The commented event.toml that `speeddating init` writes: the default breakfast, ready to edit."""
    event = default_event()

    def line(key: str, value: object, commented: bool = False) -> str:
        return f"{'# ' if commented else ''}{key} = {_toml(value)}".ljust(40) + f"  # {t(TEMPLATE_COMMENTS[key])}"

    def comment(text: str) -> list[str]:
        return [f"# {row}" for row in text.splitlines()]

    lines = [
        *comment(
            t(
                "Description of the inter-organisation speed-networking session.\nLines starting "
                "with # are comments. Text and times go in quotes.\nThere are as many rounds as "
                "the window holds:\nwelcome + rounds x round length + (rounds - 1) x changeover + "
                "closing <= end - start."
            )
        ),
        "",
        "[event]",
        line("title", event.title),
        line("date", event.date, commented=True),
        line("start", event.start),
        line("end", event.end),
        line("location", t("Mission Locale, Basile room"), commented=True),
        line("table_size", event.table_size),
    ]
    lines += [line(key, getattr(event, key)) for key in DURATIONS]
    lines += [
        "",
        *comment(
            t(
                "One theme per round, in order, starting again from the first when there are more "
                "rounds than themes.\nprompt (optional) is printed on the cards. kind = "
                '"present-another": each person presents,\nin their own words, another '
                "organisation at their table. With no [[themes]], rounds have no theme."
            )
        ),
    ]
    for theme in event.themes:
        lines += ["", "[[themes]]", f"title = {_toml(theme.title)}"]
        lines += [f"prompt = {_toml(theme.prompt)}"] if theme.prompt else []
        lines += [f"kind = {_toml(theme.kind)}"] if theme.kind else []
    lines += [
        "",
        *comment(t("To give a particular round a particular theme, uncomment and adapt:")),
        "# [[rounds]]",
        "# number = 1",
        f"# theme = {_toml(event.themes[-1].title)}",
    ]
    return "\n".join(lines) + "\n"
