"""`speeddating init`: a working example (event.toml and an attendee list) for a newcomer to edit."""

from pathlib import Path

import click

from speeddating.cli.base import cli, language_option
from speeddating.cli.localised import option
from speeddating.errors import UserError
from speeddating.i18n import N_, t

SAMPLE_ATTENDEES = (
    ("Anne", "Martin", "France Travail", "anne.martin@example.org"),
    ("Karim", "Benali", "France Travail", "karim.benali@example.org"),
    ("Sophie", "Lefèvre", "France Travail", ""),
    ("Julien", "Moreau", "France Travail", "julien.moreau@example.org"),
    ("Léa", "Dubois", "Mission Locale", "lea.dubois@example.org"),
    ("Mamadou", "Diallo", "Mission Locale", "mamadou.diallo@example.org"),
    ("Camille", "Roux", "Mission Locale", ""),
    ("Nicolas", "Fontaine", "Mission Locale", "nicolas.fontaine@example.org"),
    ("Isabelle", "Garnier", "Cap emploi", "isabelle.garnier@example.org"),
    ("Thomas", "Girard", "Cap emploi", "thomas.girard@example.org"),
    ("Fatima", "El Amrani", "Cap emploi", "fatima.elamrani@example.org"),
    ("Hélène", "Chevalier", "CIO", "helene.chevalier@example.org"),
    ("Pierre-Yves", "Le Gall", "CIO", ""),
    ("Inès", "Haddad", "CIO", "ines.haddad@example.org"),
    ("Claire", "Mercier", "CIDFF", "claire.mercier@example.org"),
    ("Sandrine", "Lambert", "CIDFF", "sandrine.lambert@example.org"),
    ("Lan", "Nguyễn", "CIDFF", "lan.nguyen@example.org"),
    ("Marc", "Bonnet", "PLIE", "marc.bonnet@example.org"),
    ("Élodie", "Faure", "PLIE", "elodie.faure@example.org"),
    ("Yannick", "Perrin", "PLIE", ""),
)
"""Twenty people from six organisations of a local employment network (made-up names)."""


def sample_attendees_csv() -> str:
    """The sample list as French Excel writes it: `;`-separated, headers in the chosen language."""
    rows = [t("first name;last name;organisation;email"), *(";".join(row) for row in SAMPLE_ATTENDEES)]
    return "\r\n".join(rows) + "\r\n"


@cli.command(
    help=N_("Write a commented event.toml and a sample attendees.csv into FOLDER (default: here)."),
    short_help=N_("Write a sample event.toml and attendees.csv to start from."),
)
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@option("--force", is_flag=True, help=N_("Replace event.toml and attendees.csv if they exist."))
@language_option
def init(folder: Path, force: bool) -> None:
    from speeddating.event import event_template
    from speeddating.fileio import atomic_write_text

    event_file, attendee_file = folder / "event.toml", folder / "attendees.csv"
    if not force:
        for path in (event_file, attendee_file):
            if path.exists():
                raise UserError(
                    t(
                        "{path} already exists; nothing was written. Choose another folder or add --force "
                        "to replace it.",
                        path=path,
                    )
                )
    atomic_write_text(event_file, event_template())
    atomic_write_text(attendee_file, sample_attendees_csv(), encoding="utf-8-sig")
    click.echo(t("Example files written to {folder}:", folder=folder))
    click.echo(f"  {event_file}\n  {attendee_file}")
    click.echo(
        t(
            "Next: replace the attendees with yours, adjust {event}, then run\n  speeddating "
            "plan {attendees} --event {event}",
            event=event_file,
            attendees=attendee_file,
        )
    )
