"""`python -m speeddating` runs the command-line interface."""

from speeddating.cli import main

main()
