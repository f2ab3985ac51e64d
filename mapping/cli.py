"""The `strikemap` command: parses arguments, calls the core, prints results.

Exit codes: 0 success, 1 the data has problems (invalid records, nothing found), 2 usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mapping import __version__
from mapping.errors import StrikemapError
from mapping.records import load_records


class _Group(click.Group):
    """Turns strikemap's own errors into one line on stderr and exit code 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StrikemapError as error:
            click.echo(f"strikemap: {error}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="strikemap")
def main() -> None:
    """Map missile, drone and bomb strikes from the reports about them."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, not warnings.")
def validate(paths: tuple[Path, ...], quiet: bool) -> None:
    """Check record files and folders; print each problem as file:line: id: field: message."""
    result = load_records(paths)
    for problem in result.problems:
        if problem.severity == "error" or not quiet:
            click.echo(str(problem))
    records_with_errors = {(p.file, p.record_id or p.line) for p in result.errors}
    click.echo(
        f"{len(result.incidents)} incident(s) valid, {len(records_with_errors)} problem record(s), "
        f"{len(result.warnings)} warning(s)",
        err=True,
    )
    sys.exit(1 if result.errors else 0)
