"""The package as users install it: a wheel in a fresh environment, run from outside the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow  # builds a wheel (~15 s)

REPORT = (
    "KYIV, April 4 (Reuters) - A Russian ballistic missile struck a residential district of "
    "Kryvyi Rih on Friday, killing at least 16 people, including six children, regional "
    "governor Serhiy Lysak said."
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
    )
    return next(dist.glob("strikemap-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment holding the wheel; its dependencies come from this one's
    site-packages (added by a .pth file, so the checkout itself is not importable)."""
    env = tmp_path_factory.mktemp("env")
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        check=True,
    )
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env


def run(env: Path, *args: str, cwd: Path, stdin: str | None = None):
    return subprocess.run(
        [str(env / "bin" / "strikemap"), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_wheel_holds_every_subpackage_template_and_data_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    packages = {str(p.parent.relative_to(ROOT)) for p in ROOT.glob("mapping/**/__init__.py")}
    packages |= {str(p.parent.relative_to(ROOT)) for p in ROOT.glob("layers/**/__init__.py")}
    for package in packages:
        assert f"{package}/__init__.py" in names, package
    data = [
        p.relative_to(ROOT).as_posix()
        for p in ROOT.glob("mapping/**/*")
        if p.is_file() and p.suffix in {".js", ".json", ".typed"}
    ]
    assert any(path.endswith("basemap/countries.json") for path in data)
    assert set(data) <= set(names)


def test_installed_wheel_extracts_maps_and_exports_outside_the_checkout(installed, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import mapping; print(mapping.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(installed) in where
    assert str(ROOT) not in where

    drafted = run(
        installed, "extract", "-", "--date-hint", "2025-04-04", "--json", cwd=tmp_path, stdin=REPORT
    )
    assert drafted.returncode == 0, drafted.stderr
    assert json.loads(drafted.stdout)["place"]["name"] == "Kryvyi Rih"

    mapped = run(installed, "map", "seeds", "-o", "map.html", cwd=tmp_path)
    assert mapped.returncode == 0, mapped.stderr
    assert "2025-04-04-kryvyi-rih" in (tmp_path / "map.html").read_text(encoding="utf-8")

    exported = run(installed, "export", "seeds", "-o", "out.geojson", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    features = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == 3
