"""Run speeddating from a checkout: `python cli.py plan attendees.csv`."""

from speeddating.cli import main

if __name__ == "__main__":
    main()
