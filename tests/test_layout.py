"""The floor plan: imports run one way through the stages of the flow, with no cycles.

vocabulary (mapping/*.py) → layers → filters → geocoding | formats | extraction
→ merging | store | render → pipeline, archive → cli (and app.py)
"""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

import mapping
from tests.conftest import ROOT

# Stages from the bottom up; a module may import its own stage's modules (of its own
# subpackage) and anything below.
STAGES = [
    ("vocabulary", 0),
    ("layers", 1),
    ("mapping.filters", 2),
    ("mapping.geocoding", 3),
    ("mapping.formats", 3),
    ("mapping.extraction", 3),
    ("mapping.merging", 4),
    ("mapping.store", 4),
    ("mapping.render", 4),
    ("mapping.pipeline", 5),
    ("mapping.archive", 5),
    ("mapping.cli", 6),
    ("mapping.__main__", 7),
    ("app", 7),
]
# Imports inside functions, only where they buy start-up time: the CLI loads each command's
# stage when it runs, and the geocoder loads the online provider only when it is asked for.
INNER_IMPORTS_ALLOWED = {"mapping.cli", "mapping.geocoding"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    _module_name(p): p
    for p in [*ROOT.glob("mapping/**/*.py"), *ROOT.glob("layers/**/*.py"), ROOT / "app.py"]
}


def stage_of(module: str) -> tuple[str, int]:
    if module == "mapping":
        return "front door", 8  # names resolve lazily, from any stage
    for name, rank in STAGES:
        if module == name or module.startswith(name + "."):
            return name, rank
    assert module.startswith("mapping."), module
    return "vocabulary", 0


def imports_of(module: str) -> list[tuple[str, bool]]:
    """(imported project module, inside a function) for every import statement."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, inner: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = inner or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue  # type-only imports do not run
            if isinstance(child, ast.ImportFrom) and child.module:
                for alias in child.names:
                    target = f"{child.module}.{alias.name}"
                    found.append((target if target in MODULES else child.module, nested))
            elif isinstance(child, ast.Import):
                found.extend((alias.name, nested) for alias in child.names)
            visit(child, nested)

    visit(tree, False)
    return [(m, inner) for m, inner in found if m in MODULES]


def test_every_module_is_placed():
    assert len(MODULES) > 60
    assert {stage_of(m)[0] for m in MODULES} == {"front door"} | {name for name, _ in STAGES}


def test_imports_run_down_the_flow():
    against = []
    for module in sorted(MODULES):
        stage, rank = stage_of(module)
        for target, _ in imports_of(module):
            target_stage, target_rank = stage_of(target)
            if target == "mapping":
                continue  # `from mapping import __version__`: the front door's own constant
            if not (target_rank < rank or target_stage == stage):
                against.append(f"{module} ({stage}) imports {target} ({target_stage})")
    assert not against


def test_imports_inside_functions_only_for_start_up_time():
    inner = {
        module: [target for target, nested in imports_of(module) if nested]
        for module in sorted(MODULES)
        if module not in INNER_IMPORTS_ALLOWED
    }
    assert not {module: targets for module, targets in inner.items() if targets}


def test_no_import_cycles():
    graph = graphlib.TopologicalSorter(
        {m: {t for t, _ in imports_of(m) if t != m} for m in MODULES if m != "mapping"}
    )
    graph.prepare()  # raises CycleError naming the loop


def test_the_front_door_imports_nothing_heavy():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, mapping; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "pandas" not in loaded
    assert "'layers'" not in loaded


def test_the_front_door_names_resolve():
    for name in mapping.__all__:
        assert getattr(mapping, name) is not None, name
