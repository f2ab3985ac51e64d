"""The archive, worked in this process or on a dask cluster (a LocalCluster on 127.0.0.1),
gives the single-process results: the same layers, filter, aggregates and flat GeoJSON."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.synthetic import synthetic_tables
from layers import build_layers
from mapping import archive
from mapping.filters import IncidentFilter
from mapping.formats.geojson import write_flat_geojson
from mapping.tables import TABLE_COLUMNS, IncidentTables, incident_tables

pytestmark = pytest.mark.slow

SELECTIONS = [
    IncidentFilter(),
    IncidentFilter.create(since="2024-01-01", weapons=["ballistic_missile", "glide_bomb"]),
    IncidentFilter.create(min_killed=5, statuses=["claimed"], bbox="30,46,36,50"),
    IncidentFilter.create(text="kryvyi"),
]


@pytest.fixture(scope="module", params=[None, archive.LOCAL_CLUSTER], ids=["here", "cluster"])
def work(request):
    with archive.runner(request.param) as work:
        yield work


@pytest.fixture(scope="module")
def built(tmp_path_factory, work, resolved):
    """Four partitions: the seeds, then three of synthetic incidents (labelled so)."""
    folder = tmp_path_factory.mktemp("archive")
    parts = [incident_tables(resolved)]
    whole = synthetic_tables(9_000, seed=3)
    ids = whole.incidents["id"]
    parts += [whole.subset(ids.iloc[i : i + 3_000]) for i in range(0, 9_000, 3_000)]
    for part in parts:
        archive.add_partition(folder, part)
    assert archive.build(folder, work) == 9_003
    frames = [
        pd.concat([getattr(p, name) for p in parts], ignore_index=True) for name in TABLE_COLUMNS
    ]
    return folder, build_layers(IncidentTables(*frames)).incidents


@pytest.mark.parametrize("selection", SELECTIONS)
def test_filter_selects_what_one_process_selects(built, work, selection):
    folder, single = built
    expected = list(single[selection.mask(single)]["id"])
    assert list(archive.select(folder, selection, work)["id"]) == expected
    assert list(archive.selected(folder, selection).compute()["id"]) == expected  # lazy, dask


@pytest.mark.parametrize("by", [("admin1",), ("week", "weapon_category"), ("country", "month")])
@pytest.mark.parametrize("selection", SELECTIONS)
def test_aggregates_equal_one_process(built, work, by, selection):
    folder, single = built
    expected = archive.aggregate(single[selection.mask(single)], by)
    pd.testing.assert_frame_equal(archive.aggregate_archive(folder, selection, by, work), expected)


@pytest.mark.parametrize("selection", SELECTIONS[:3])
def test_flat_geojson_is_the_same_file(built, work, selection, tmp_path):
    folder, single = built
    ours = tmp_path / "archive.geojson"
    reference = tmp_path / "single.geojson"
    count = archive.export_flat_geojson(folder, selection, ours, work)
    assert count == write_flat_geojson(single[selection.mask(single)], reference)
    assert ours.read_bytes() == reference.read_bytes()


def test_archive_commands(tmp_path, gazetteer):
    import json

    from click.testing import CliRunner

    from mapping.cli import main
    from tests.conftest import SEEDS

    runner = CliRunner()
    folder = tmp_path / "archive"
    added = runner.invoke(main, ["archive", "add", str(SEEDS), "--to", str(folder)])
    assert added.exit_code == 0, added.output
    assert "added 3 incident(s)" in added.output
    built = runner.invoke(main, ["archive", "build", str(folder)])
    assert built.exit_code == 0, built.output
    out = tmp_path / "ballistic.geojson"
    exported = runner.invoke(
        main, ["archive", "export", str(folder), "-o", str(out), "--weapon", "ballistic_missile"]
    )
    assert exported.exit_code == 0, exported.output
    ids = sorted(f["properties"]["id"] for f in json.loads(out.read_text())["features"])
    assert ids == ["2025-04-04-kryvyi-rih", "2025-04-13-sumy"]
    table = runner.invoke(main, ["archive", "aggregate", str(folder), "--by", "admin1"])
    assert table.exit_code == 0, table.output
    assert "Dnipropetrovsk Oblast,2," in table.output
    on_workers = runner.invoke(
        main, ["archive", "aggregate", str(folder), "--by", "admin1", "--scheduler", "local"]
    )
    assert on_workers.exit_code == 0, on_workers.output
    assert on_workers.output == table.output
