"""The `strikemap` command: parses arguments, calls the core, prints results.

Exit codes: 0 success, 1 the data has problems (invalid records, nothing found), 2 usage errors.
"""

from __future__ import annotations

import json
import logging
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
    logging.basicConfig(format="strikemap: %(message)s", level=logging.WARNING)


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


@main.command()
@click.argument("name")
@click.option("--country", metavar="CC", help="Two-letter country code hint, e.g. UA.")
@click.option("--admin1", metavar="NAME", help="Region hint, e.g. 'Donetsk Oblast'.")
@click.option("--near", metavar="NAME", help="A place the named one is near.")
@click.option(
    "--overrides",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Analyst overrides file (CSV or YAML), checked first.",
)
@click.option("--online", is_flag=True, help="Ask Nominatim when the offline gazetteer fails.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def geocode(
    name: str,
    country: str | None,
    admin1: str | None,
    near: str | None,
    overrides: Path | None,
    online: bool,
    as_json: bool,
) -> None:
    """Resolve a place NAME (any spelling, Latin or Cyrillic) to coordinates."""
    from pydantic import ValidationError

    from mapping.geocoding import default_geocoder
    from mapping.model import Place

    try:
        place = Place(name=name, country=country, admin1=admin1, near=near)
    except ValidationError as error:
        detail = error.errors()[0]
        field = ".".join(str(p) for p in detail["loc"]) or "name"
        raise click.UsageError(f"{field}: {detail['msg'].removeprefix('Value error, ')}") from None
    chain = default_geocoder(overrides=overrides, online=online)
    location = chain.geocode(place)
    if location is None:
        gazetteer = next(p for p in chain.providers if p.provider == "geonames")
        close = gazetteer.suggestions(name, place.country)  # type: ignore[attr-defined]
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        click.echo(f"strikemap: no place matches '{name}'{hint}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(location.as_json(), ensure_ascii=False, indent=2))
        return
    flag = "  AMBIGUOUS" if location.ambiguous else ""
    click.echo(
        f"{location.name} ({location.admin1 or '-'}, {location.country or '-'}) "
        f"{location.lat:.5f}, {location.lon:.5f}  {location.precision.value} "
        f"±{location.radius_m:,.0f} m  [{location.id}]{flag}"
    )
    for candidate in location.candidates[1:6] if location.ambiguous else ():
        click.echo(
            f"  also: {candidate.name} ({candidate.admin1}, {candidate.country}) "
            f"{candidate.lat:.5f}, {candidate.lon:.5f}  population {candidate.population:,}"
        )
