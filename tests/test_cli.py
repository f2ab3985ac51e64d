from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from mapping import __version__
from mapping.cli import main
from tests.conftest import SEEDS


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_validate_seeds_exits_0():
    result = run("validate", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "3 incident(s) valid, 0 problem record(s)" in result.stderr


def test_validate_prints_each_problem_on_one_line_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- id: ok\n  date: 2025-04-04\n  place: {name: Kyiv}\n"
        "  sources: [{id: a, name: A, party: other}]\n"
        "- id: wrong\n  date: 2025-04-04\n  place: {name: Kyiv}\n"
        "  sources: [{id: a, name: A, party: other}]\n"
        "  casualties: [{source: a, killed: -1}]\n",
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{bad}:9: wrong: casualties[0].killed: a count cannot be negative (-1)"
    ]
    assert "1 incident(s) valid, 1 problem record(s)" in result.stderr


def test_warnings_do_not_fail_validation(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(
        "id: w\ndate: 2025-04-04\nplace: {name: Kyiv}\nweapon: {system: Wunderwaffe}\n"
        "sources: [{id: a, name: A, party: other}]\n",
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert "(warning)" in result.stdout
    assert run("validate", "--quiet", str(path)).stdout == ""


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"]])
def test_help(args):
    result = run(*args)
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_usage_errors_exit_2():
    assert run("validate").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_installed_console_script_reports_its_version():
    done = subprocess.run(
        [sys.executable, "-m", "mapping", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"strikemap, version {__version__}"
