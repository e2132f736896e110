"""`speeddating serve`: the organiser's web page, on this laptop only."""

from pathlib import Path

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.i18n import N_, current_language


def default_data_folder() -> Path:
    """The user's data folder for speeddating (platformdirs: ~/.local/share/speeddating on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("speeddating", appauthor=False))


@cli.command(
    help=N_(
        "Open the organiser's page in the browser: import the list, plan, print and run the day from there, "
        "on this computer only."
    ),
    short_help=N_("Open the organiser's page in the browser, on this computer only."),
)
@option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8421,
    show_default=True,
    help=N_("Port (a free one if taken, or with 0)."),
)
@option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Folder keeping the sessions and the history (default: the user's data folder)."),
)
@option("--no-browser", is_flag=True, help=N_("Do not open the page in the browser."))
@language_option
def serve(port: int, data_dir: Path | None, no_browser: bool) -> None:
    from speeddating.web.server import serve as run_server  # FastAPI and uvicorn only for this command

    data = data_dir or default_data_folder()
    data.mkdir(parents=True, exist_ok=True, mode=0o700)
    run_server(port, data, current_language(), open_browser=not no_browser, say=click.echo)
