"""`python -m mapping` runs the strikemap command."""

from mapping.cli import main

main()
