"""The `strikemap` command: parses arguments, calls the core, prints results.

Exit codes: 0 success, 1 the data has problems (invalid records, nothing found), 2 usage errors.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mapping import __version__
from mapping.errors import StrikemapError, printable
from mapping.model import Party, Status

if TYPE_CHECKING:
    from mapping.filters import IncidentFilter


class _Group(click.Group):
    """Turns every error into one line on stderr and exit code 1: strikemap's own errors as
    they are, anything else (a bug, a full disk) with its kind and a pointer to --debug,
    which shows the traceback instead."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StrikemapError as error:
            click.echo(printable(f"strikemap: {error}"), err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (`| head`): nothing left to say
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
            sys.exit(0)
        except Exception as error:
            if ctx.meta.get("debug"):
                raise
            name = type(error).__name__
            click.echo(
                printable(f"strikemap: {name}: {error} (run with --debug for the details)"),
                err=True,
            )
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="strikemap")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Map missile, drone and bomb strikes from the reports about them."""
    ctx.meta["debug"] = debug
    logging.basicConfig(format="strikemap: %(message)s", level=logging.WARNING)


def store_source(command):
    """`--store URL` as a source beside (or instead of) the PATH arguments."""

    @functools.wraps(command)
    def with_store(*args, paths=(), store=None, **kwargs):
        sources = (*paths, store) if store else paths
        if not sources:
            raise click.UsageError("give PATH... (files or folders) or --store URL")
        from mapping.store import is_store_url

        # a missing input fails the run before anything is written (no empty export over a
        # good one)
        missing = [str(p) for p in paths if not Path(p).exists() and not is_store_url(str(p))]
        if missing:
            raise StrikemapError(f"no such file or folder: {', '.join(missing)}")
        return command(*args, paths=sources, **kwargs)

    return click.option(
        "--store", default=None, metavar="URL", help="Also read every incident in this team store."
    )(with_store)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, not warnings.")
@store_source
def validate(paths: tuple[Path, ...], quiet: bool) -> None:
    """Check record files and folders; print each problem as file:line: id: field: message.

    Reads YAML/JSON records, strikemap's exports (full GeoJSON, CSV, GeoPackage) and the
    public data sets (ACLED, UCDP GED, Bellingcat, CIR)."""
    from mapping.pipeline import load_inputs

    result = load_inputs(paths)
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
@click.argument("name", required=False)
@click.option("--country", metavar="CC", help="Country hint (overrides the theatre), e.g. UA.")
@click.option("--admin1", metavar="NAME", help="Region hint, e.g. 'Donetsk Oblast' or 'Kharkiv'.")
@click.option("--near", metavar="NAME", help="A place the named one is near.")
@click.option(
    "--batch",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CSV of places (columns name, admin1, country; others kept) instead of NAME.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="With --batch: the CSV to write (the rows with lat, lon, precision, radius_m, status, "
    "candidates, gazetteer_id added).",
)
@click.option(
    "--overrides",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Analyst overrides file (CSV or YAML), checked first.",
)
@click.option("--online", is_flag=True, help="Ask Nominatim when the offline gazetteer fails.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def geocode(
    name: str | None,
    country: str | None,
    admin1: str | None,
    near: str | None,
    batch: Path | None,
    output: Path | None,
    overrides: Path | None,
    online: bool,
    as_json: bool,
) -> None:
    """Resolve a place NAME (any spelling, Latin or Cyrillic) to coordinates, or a CSV of
    names with --batch. Hints are constraints: a place outside --country or --admin1 is not
    returned. Without --country, places in the theatre (strikemap.toml or
    STRIKEMAP_COUNTRIES) come first."""
    from pydantic import ValidationError

    from mapping.geocoding import default_geocoder
    from mapping.model import Place

    if (name is None) == (batch is None):
        raise click.UsageError("give a NAME or --batch FILE (not both)")
    if batch is not None:
        if output is None:
            raise click.UsageError("--batch needs -o/--output FILE.csv")
        _geocode_batch(batch, output, default_geocoder(overrides=overrides, online=online))
        return
    try:
        place = Place(name=name, country=country, admin1=admin1, near=near)
    except ValidationError as error:
        detail = error.errors()[0]
        field = ".".join(str(p) for p in detail["loc"]) or "name"
        raise click.UsageError(f"{field}: {detail['msg'].removeprefix('Value error, ')}") from None
    chain = default_geocoder(overrides=overrides, online=online)
    location = chain.geocode(place)
    if location is None:
        close = _suggestions(chain)(name, place.country)
        if as_json:
            miss = {"query": name, "lat": None, "lon": None, "status": "unresolved"}
            click.echo(json.dumps(miss | {"suggestions": close}, ensure_ascii=False, indent=2))
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        click.echo(printable(f"strikemap: no place matches '{name}'{hint}"), err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(location.as_json(), ensure_ascii=False, indent=2))
        return
    flag = "  AMBIGUOUS" if location.ambiguous else ""
    click.echo(
        printable(
            f"{location.name} ({location.admin1 or '-'}, {location.country or '-'}) "
            f"{location.lat:.5f}, {location.lon:.5f}  {location.precision.value} "
            f"±{location.radius_m:,.0f} m  [{location.id}]{flag}"
        )
    )
    for candidate in location.candidates[1:6] if location.ambiguous else ():
        click.echo(
            printable(
                f"  also: {candidate.name} ({candidate.admin1}, {candidate.country}) "
                f"{candidate.lat:.5f}, {candidate.lon:.5f}  {_size(candidate)}"
            )
        )


def _size(candidate) -> str:
    """A candidate's population, or for a settlement GeoNames does not list, where it is."""
    if candidate.radius_m is not None:
        return f"not listed: its community's centre, ±{candidate.radius_m:,.0f} m"
    return f"population {candidate.population:,}"


def _suggestions(chain):
    """The gazetteer's near misses, for a name the chain did not resolve."""
    gazetteer = next(p for p in chain.providers if p.provider == "geonames")
    return gazetteer.suggestions


def _geocode_batch(source: Path, output: Path, chain) -> None:
    """`geocode --batch`: every row of a CSV resolved, written atomically, with a summary."""
    import csv

    from mapping.atomic import atomic_path
    from mapping.formats.dataset import read_table
    from mapping.geocoding.batch import RESULT_COLUMNS, geocode_rows
    from mapping.html import spreadsheet_cell

    table = read_table(source)
    if "name" not in table.columns:
        raise StrikemapError(f"{source}: no 'name' column (found: {', '.join(table.columns)})")
    columns = [*table.columns, *(c for c in RESULT_COLUMNS if c not in table.columns)]
    rows = geocode_rows(table.rows, chain, _suggestions(chain))
    counts: dict[str, int] = {}
    started = time.perf_counter()
    with atomic_path(output) as temp, temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        shown = sys.stderr.isatty() and len(table.rows) >= 200
        bar = (
            click.progressbar(rows, length=len(table.rows), label="resolving", file=sys.stderr)
            if shown
            else contextlib.nullcontext(rows)
        )
        with bar as resolved:
            for row in resolved:
                writer.writerow({key: spreadsheet_cell(value) for key, value in row.items()})
                counts[row["status"]] = counts.get(row["status"], 0) + 1
    seconds = time.perf_counter() - started
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    rate = len(table.rows) / seconds if seconds else 0.0
    click.echo(
        f"wrote {len(table.rows)} row(s) to {output}: {summary or 'no rows'} ({rate:,.0f} names/s)",
        err=True,
    )


@main.group()
def places() -> None:
    """Places learned from data sets and records: villages the offline gazetteer lacks."""


@places.command("learn")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--all-events", is_flag=True, help="Learn from data sets' non-strike events too.")
def places_learn(paths: tuple[Path, ...], all_events: bool) -> None:
    """Learn the named places with coordinates (settlement precision or finer) in FILES: data
    sets (ACLED, UCDP, CIR, Bellingcat) and record files alike."""
    from mapping.formats import input_files, read_file
    from mapping.geocoding.learned import LearnedPlaces

    learned = LearnedPlaces()
    total_added = total_seen = 0
    for path in input_files(paths):
        loaded = read_file(path, all_events=all_events)
        added, seen = learned.learn(loaded.incidents, path.name)
        total_added, total_seen = total_added + added, total_seen + seen
        click.echo(printable(f"{path}: {added} place(s) learned, {seen} seen again"), err=True)
    click.echo(
        f"{total_added} new place(s), {total_seen} seen again; kept in {learned.path}", err=True
    )


@places.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def places_list(as_json: bool) -> None:
    """Every learned place, with where it was learned from."""
    from dataclasses import asdict

    from mapping.geocoding.learned import LearnedPlaces

    learned = LearnedPlaces.existing()
    found = learned.all() if learned else []
    if as_json:
        click.echo(json.dumps([asdict(p) for p in found], ensure_ascii=False, indent=2))
        return
    for place in found:
        click.echo(
            printable(
                f"{place.name} ({place.admin1 or '-'}, {place.country or '-'}) "
                f"{place.lat:.5f}, {place.lon:.5f}  {place.rows} row(s) from {place.sources}"
            )
        )


def filter_options(command):
    """The shared filter's options, for every command that selects incidents."""
    options = [
        click.option("--since", metavar="YYYY-MM-DD", help="Incidents on or after this day."),
        click.option("--until", metavar="YYYY-MM-DD", help="Incidents on or before this day."),
        click.option("--weapon", "weapons", multiple=True, metavar="NAME",
                     help="Weapon category (ballistic_missile, …) or system (Iskander, Shahed, …); repeatable."),
        click.option("--min-killed", type=click.IntRange(min=0), help="Headline killed at least N."),
        click.option("--min-injured", type=click.IntRange(min=0), help="Headline injured at least N."),
        click.option("--status", "statuses", multiple=True,
                     type=click.Choice([s.value for s in Status]),
                     help="Incidents with a statement of this status; repeatable."),
        click.option("--party", "parties", multiple=True, type=click.Choice([p.value for p in Party]),
                     help="Incidents with a source of this party; repeatable."),
        click.option("--country", "countries", multiple=True, metavar="CC", help="Country code; repeatable."),
        click.option("--admin1", multiple=True, metavar="NAME", help="Region name as shown; repeatable."),
        click.option("--bbox", metavar="W,S,E,N", help="Bounding box in degrees."),
        click.option("--text", metavar="TEXT", help="Free text over place, region, sources and id."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _filter(options: dict) -> IncidentFilter:
    from mapping.filters import IncidentFilter
    from mapping.geocoding.gazetteer import Gazetteer

    try:
        places = Gazetteer() if options.get("text") else None
        return IncidentFilter.create(**options, places=places)
    except ValueError as error:
        raise click.UsageError(str(error)) from None


def _writable_format(name: str | None) -> str | None:
    """A format the registry writes, or a usage error listing them."""
    from mapping.formats import WRITABLE

    if name is not None and name not in WRITABLE:
        raise click.BadParameter(f"'{name}' is not one of {', '.join(WRITABLE)}")
    return name


def _geocoder_options(command):
    command = click.option(
        "--overrides",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Analyst overrides file (CSV or YAML) for places.",
    )(command)
    return click.option(
        "--online", is_flag=True, help="Ask Nominatim for places the offline gazetteer lacks."
    )(command)


class _Steps:
    """Progress of a long run on stderr, when it is a terminal: each step as it starts, with
    the seconds the one before took (resolving places has a bar of its own)."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self.started = time.perf_counter()
        self.name: str | None = None

    def __call__(self, name: str | None) -> None:
        now = time.perf_counter()
        if self.shown and self.name:
            click.echo(f"strikemap: {self.name}: {now - self.started:.1f} s", err=True)
        self.name, self.started = name, now


def _prepare(paths: tuple[Path, ...], overrides: Path | None, online: bool, steps: _Steps):
    from mapping.geocoding import default_geocoder
    from mapping.pipeline import prepare

    geocoder = default_geocoder(overrides=overrides, online=online)

    def progress(incidents):
        if len(incidents) < 2_000 or not sys.stderr.isatty():
            return incidents
        return click.progressbar(incidents, label="resolving places", file=sys.stderr)

    prepared = prepare(
        paths, geocoder, progress=lambda items: _with_bar(progress(items)), step=steps
    )
    for problem in prepared.problems:
        click.echo(str(problem), err=True)
    return prepared


def _with_bar(items):
    if hasattr(items, "__enter__"):
        with items as bar:
            yield from bar
    else:
        yield from items


def _summary(written: int, total: int, prepared, path: Path) -> int:
    """Print what was written; returns the number of invalid records skipped."""
    loaded = set(prepared.layers.tables.incidents["id"])  # an unresolved place still loads
    invalid = len(
        {
            (p.file, p.record_id or p.line)
            for p in prepared.problems
            if p.severity == "error" and not (p.field == "place.name" and p.record_id in loaded)
        }
    )
    click.echo(
        f"wrote {written} incident(s) to {path}; {total - written} filtered out, "
        f"{prepared.unresolved} place(s) unresolved, {invalid} invalid record(s) skipped",
        err=True,
    )
    return invalid


def _selected(paths, overrides, online: bool, filters: dict):
    """Load, resolve, build and filter, reporting each step: (prepared, layers, steps)."""
    selection = _filter(filters)
    steps = _Steps()
    prepared = _prepare(paths, overrides, online, steps)
    steps("filtering")
    return prepared, selection.apply(prepared.layers), steps


def _write(paths, output: Path, overrides, online: bool, filters: dict, **how) -> None:
    """Load, resolve, build, filter and export: the body of `build` and `export`."""
    from mapping.formats import export

    prepared, layers, steps = _selected(paths, overrides, online, filters)
    steps(f"writing {output.name}")
    written = export(layers, output, **how)
    steps(None)
    if _summary(written, len(prepared.layers.incidents), prepared, output):
        sys.exit(1)  # the good records are written; a script still learns some were not


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The GeoPackage to write (.gpkg).",
)
@_geocoder_options
@filter_options
@store_source
def build(
    paths: tuple[Path, ...], output: Path, overrides: Path | None, online: bool, **filters
) -> None:
    """Resolve places and write every layer to one GeoPackage."""
    if output.suffix.lower() != ".gpkg":
        raise click.UsageError(
            f"build writes a GeoPackage: name it .gpkg, not {output.name} (export writes "
            "GeoJSON, CSV and KML)"
        )
    _write(paths, output, overrides, online, filters, fmt="gpkg")


records_or_export_output = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record file (.yaml, .json: to review, edit and push) or an export "
    "(.geojson, .gpkg, .csv, .kml).",
)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@records_or_export_output
@click.option(
    "--all-events",
    is_flag=True,
    help="Keep the events that are not strikes (battles, protests, …), tagged not-a-strike.",
)
def import_(paths: tuple[Path, ...], output: Path, all_events: bool) -> None:
    """Read public data sets (ACLED, UCDP GED, Bellingcat civilian harm, CIR Eyes on Russia)
    into one file; print, per file, the rows read, the incidents made and the rows skipped."""
    from mapping.formats import export_incidents
    from mapping.pipeline import load_inputs

    loaded = load_inputs(paths, all_events=all_events)
    for problem in loaded.problems:
        click.echo(str(problem))
    for summary in loaded.summaries:
        click.echo(str(summary), err=True)
    written = export_incidents([loaded.incidents], output)
    click.echo(f"wrote {written} incident(s) to {output}", err=True)
    sys.exit(1 if loaded.errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@records_or_export_output
@click.option(
    "--review",
    "review_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the pairs that need an analyst's decision to this CSV.",
)
@click.option(
    "--threshold",
    type=float,
    default=None,
    help="Score from which a pair is merged (default 4; from 2 up to it, pairs go to review).",
)
@click.option(
    "--decisions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A review CSV with its decision column filled in (merge / apart).",
)
@_geocoder_options
def merge(
    paths: tuple[Path, ...],
    output: Path,
    review_path: Path | None,
    threshold: float | None,
    decisions: Path | None,
    overrides: Path | None,
    online: bool,
) -> None:
    """Merge records about the same strike (from any inputs) into one incident each, keeping
    every statement and source; list the doubtful pairs for review (exit 1 when there are).
    Write them with --review, fill in their decision column, and run again with --decisions."""
    from mapping.formats import export_incidents
    from mapping.geocoding import default_geocoder
    from mapping.merging.review import read_decisions, write_review
    from mapping.pipeline import merge_inputs

    merge_pairs, apart_pairs = read_decisions(decisions) if decisions else ([], [])
    geocoder = default_geocoder(overrides=overrides, online=online)
    result, records, problems = merge_inputs(
        paths, geocoder, threshold, merge=merge_pairs, apart=apart_pairs
    )
    for problem in problems:
        click.echo(str(problem), err=True)
    written = export_incidents([result.incidents], output)
    click.echo(
        f"wrote {written} incident(s) to {output}: {result.merged} record(s) merged into "
        f"{sum(1 for i in result.incidents if i.merged_from)}, {len(result.review)} pair(s) "
        "to review",
        err=True,
    )
    if result.review:
        if review_path is not None:
            write_review(result.review, records, review_path)
            click.echo(f"pairs to review: {review_path}", err=True)
        else:
            for line in review_lines(result.review, records):
                click.echo(line, err=True)
    sys.exit(1 if result.review or any(p.severity == "error" for p in problems) else 0)


def review_lines(pairs, records) -> list[str]:
    from mapping.merging.review import describe

    return [describe(pair, records) for pair in pairs]


@main.command("export")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    callback=lambda ctx, param, value: _writable_format(value),
    help="geojson, gpkg, csv, kml or shp (default: from the output's suffix).",
)
@click.option(
    "--profile",
    type=click.Choice(["flat", "full"]),
    default="flat",
    show_default=True,
    help="GeoJSON: flat (one row per incident, for GIS) or full (every statement, re-importable).",
)
@click.option("--hxl", is_flag=True, help="CSV: add an HXL hashtag row under the header.")
@_geocoder_options
@filter_options
@store_source
def export_command(
    paths: tuple[Path, ...],
    output: Path,
    fmt: str | None,
    profile: str,
    hxl: bool,
    overrides: Path | None,
    online: bool,
    **filters,
) -> None:
    """Write incidents as GeoJSON, GeoPackage, CSV or KML."""
    _write(paths, output, overrides, online, filters, fmt=fmt, profile=profile, hxl=hxl)


@main.command("map")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write.",
)
@click.option(
    "--tiles",
    default=None,
    metavar="URL",
    help="Basemap tile URL template (default OpenStreetMap); 'none' for no basemap.",
)
@click.option("--attribution", default=None, help="Attribution text for --tiles.")
@_geocoder_options
@filter_options
@store_source
def map_command(
    paths: tuple[Path, ...],
    output: Path,
    tiles: str | None,
    attribution: str | None,
    overrides: Path | None,
    online: bool,
    **filters,
) -> None:
    """Write a standalone HTML map that works offline (only basemap tiles need a network)."""
    from mapping.atomic import atomic_path
    from mapping.render.map import OSM_ATTRIBUTION, OSM_TILES, MapOptions, map_html

    prepared, layers, steps = _selected(paths, overrides, online, filters)
    steps(f"drawing {output.name}")
    options = MapOptions(
        tiles=None if (tiles or "").lower() == "none" else (tiles or OSM_TILES),
        attribution=attribution or (OSM_ATTRIBUTION if not tiles else ""),
    )
    with atomic_path(output) as temp:
        temp.write_text(map_html(layers, options), encoding="utf-8")
    steps(None)
    _summary(len(layers.incidents), len(prepared.layers.incidents), prepared, output)


@main.command()
@click.argument("source", type=click.File("rb"))
@click.option(
    "--date-hint",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The report's date (YYYY-MM-DD) when the text does not give it: weekdays and "
    "'yesterday' are read from it.",
)
@click.option(
    "--yaml", "output_format", flag_value="yaml", default=True, help="Print YAML (default)."
)
@click.option("--json", "output_format", flag_value="json", help="Print JSON.")
@click.option(
    "--explain",
    "output_format",
    flag_value="explain",
    help="Print, for each value, its words, its sentence, who said it and how that speaker "
    "was found, and the rule that read it (instead of the draft).",
)
def extract(source, date_hint, output_format: str) -> None:
    """Propose a draft record from a report's text (FILE, or - for stdin), for review.

    Every value comes with its evidence: the words and their character span in the text.
    The draft is marked `review: draft`; party claims are `claimed`, nothing is `confirmed`.
    """
    from mapping.extraction import extract_draft
    from mapping.geocoding.gazetteer import Gazetteer
    from mapping.theatre import load_theatre

    draft = extract_draft(
        source.read(),
        date_hint=date_hint.date() if date_hint else None,
        gazetteer=Gazetteer(theatre=load_theatre()),
    )
    for message in draft.messages:
        click.echo(printable(f"strikemap: {message}"), err=True)
    if draft.record is None:
        sys.exit(1)
    if output_format == "json":
        click.echo(draft.to_json())
    elif output_format == "explain":
        # the report's words are untrusted: no control characters reach the terminal
        click.echo("\n".join(printable(line) for line in draft.explain().splitlines()))
    else:
        click.echo(draft.to_yaml(), nl=False)


_STORE_HELP = "A team store: postgresql://user@host:port/db or a store GeoPackage (incidents.gpkg)."


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "url", required=True, metavar="URL", help=_STORE_HELP)
@click.option("--author", default=None, help="Who writes (default: the login name).")
@click.option(
    "--merge",
    "merge_first",
    is_flag=True,
    help="Merge the records with the store's incidents of the same strike (see `merge`).",
)
@_geocoder_options
def push(
    paths: tuple[Path, ...],
    url: str,
    author: str | None,
    merge_first: bool,
    overrides: Path | None,
    online: bool,
) -> None:
    """Write record files to a team store, each incident as a new revision.

    A record pulled at revision N (it says `revision: N`) lands only if the store still holds
    revision N; a record without a revision only if its id is new. Otherwise nothing is
    written and each conflict is listed. With --merge, a record about a strike the store holds
    becomes that incident's next revision; doubtful matches are listed (exit 1)."""
    from mapping.pipeline import merge_with_store
    from mapping.store import open_store

    prepared = _prepare(paths, overrides, online, _Steps())
    review = []
    who = {"author": author, "origin": ", ".join(str(p) for p in paths)}
    with open_store(url) as store:
        if merge_first:
            merged = merge_with_store(prepared.incidents, store)
            for line in review_lines(merged.review, merged.records):
                click.echo(line, err=True)
            review = merged.review
            revisions = store.put(merged.to_put, **who)
        else:  # the checked tables as they are: no record object per incident
            revisions = store.put_layers(prepared.layers, **who)
    updated = sum(1 for revision in revisions.values() if revision > 1)
    click.echo(
        f"pushed {len(revisions)} incident(s) to {url}: {len(revisions) - updated} new, "
        f"{updated} updated; {prepared.unresolved} place(s) unresolved",
        err=True,
    )
    if review:
        click.echo(f"{len(review)} pair(s) to review: not merged", err=True)
        sys.exit(1)


@main.command()
@click.option("--store", "url", required=True, metavar="URL", help=_STORE_HELP)
@records_or_export_output
@filter_options
def pull(url: str, output: Path, **filters) -> None:
    """Read incidents from a team store (the filter runs in the database) into a file."""
    from layers import build_layers
    from mapping.formats import export, export_incidents, writes_records
    from mapping.store import open_store
    from mapping.table_checks import validated_rows

    selection = _filter(filters)
    problems: list = []

    def records(batches):
        """Each batch's valid incidents as record objects (written as records)."""
        for checked in batches:
            problems.extend(checked.problems)
            yield validated_rows(checked.tables, checked.file).incidents

    with open_store(url) as store:
        total = store.count()
        if writes_records(output):
            pulled = export_incidents(records(store.table_batches(selection)), output)
        else:  # tables, straight into layers
            checked = store.tables(selection)
            problems = checked.problems
            pulled = export(build_layers(checked.tables), output)
    for problem in problems:
        click.echo(str(problem), err=True)
    click.echo(f"pulled {pulled} incident(s) to {output}; {total - pulled} filtered out", err=True)
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


@main.command()
@click.argument("incident_id")
@click.option("--store", "url", required=True, metavar="URL", help=_STORE_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the revisions as JSON.")
def history(incident_id: str, url: str, as_json: bool) -> None:
    """Every revision of an incident: when, who, from where, and what changed."""
    from mapping.store import open_store

    with open_store(url) as store:
        revisions = store.history(incident_id)
    if not revisions:
        click.echo(f"strikemap: no incident '{incident_id}' in {url}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([r.__dict__ for r in revisions], ensure_ascii=False, indent=2))
        return
    for r in revisions:
        changed = "created" if r.revision == 1 else "changed " + (", ".join(r.changed) or "nothing")
        click.echo(f"r{r.revision}  {r.written_at}  {r.author}  {r.origin or '-'}  {changed}")


@main.group()
def archive() -> None:
    """An archive larger than memory: partitions on disk, processed one at a time here or in
    parallel on a dask cluster."""


_SCHEDULER = click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Work on a dask.distributed scheduler (tcp://host:8786), or 'local' for worker "
    "processes on this machine; default: one partition after another in this process.",
)


@archive.command("add")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "folder",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The archive folder.",
)
@_geocoder_options
@store_source
def archive_add(paths, folder: Path, overrides: Path | None, online: bool) -> None:
    """Resolve places and add the incidents read as one new partition of an archive."""
    from mapping.archive import add_partition

    prepared = _prepare(paths, overrides, online, _Steps())
    part = add_partition(folder, prepared.layers.tables)
    added = len(prepared.layers.tables)
    click.echo(f"added {added} incident(s) to {folder} as {part.name}", err=True)


@archive.command("build")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_SCHEDULER
def archive_build(folder: Path, scheduler: str | None) -> None:
    """Build every layer of every partition (GeoParquet under FOLDER/layers)."""
    from mapping.archive import build, runner

    with runner(scheduler) as work:
        count = build(folder, work)
    click.echo(f"built the layers of {count} incident(s) in {folder}", err=True)


@archive.command("export")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The flat GeoJSON to write.",
)
@_SCHEDULER
@filter_options
def archive_export(folder: Path, output: Path, scheduler: str | None, **filters) -> None:
    """Write the archive's filtered incidents as one flat GeoJSON file."""
    from mapping.archive import export_flat_geojson, runner

    with runner(scheduler) as work:
        count = export_flat_geojson(folder, _filter(filters), output, work)
    click.echo(f"wrote {count} incident(s) to {output}", err=True)


@archive.command("aggregate")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--by",
    default="admin1,week,weapon_category",
    show_default=True,
    help="Comma-separated: admin1, country, week, month, weapon_category, weapon_system.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV to write (default: print).",
)
@_SCHEDULER
@filter_options
def archive_aggregate(
    folder: Path, by: str, output: Path | None, scheduler: str | None, **filters
) -> None:
    """Incidents, killed and injured (headline lower bounds) per area, week and weapon."""
    from mapping.archive import aggregate_archive, runner
    from mapping.atomic import atomic_path

    keys = tuple(k.strip() for k in by.split(",") if k.strip())
    with runner(scheduler) as work:
        table = aggregate_archive(folder, _filter(filters), keys, work)
    if output is None:
        click.echo(table.to_csv(), nl=False)
    else:
        with atomic_path(output) as temp:
            table.to_csv(temp)
        click.echo(f"wrote {len(table)} group(s) to {output}", err=True)
