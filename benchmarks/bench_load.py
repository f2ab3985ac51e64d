"""The app under load: 100k incidents, five browser sessions filtering at once for ten minutes.

Five Chromium pages (one browser, five contexts: five Streamlit sessions) open the same 100k
incident GeoPackage, then change the "At least killed" filter in turn, all five before waiting
for any, and wait until each map shows the count the filter should give. The server's memory
(resident set of the `streamlit run` process) is sampled every 30 s after the data loaded.

Run: `python benchmarks/run.py bench_load [MINUTES] [SESSIONS] [INCIDENTS]` (10, 5, 100000).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(minutes: float = 10.0, sessions: int = 5, n: int = 100_000) -> dict:
    from playwright.sync_api import sync_playwright

    from benchmarks.synthetic import synthetic_tables
    from layers import build_layers
    from mapping.filters import IncidentFilter
    from mapping.formats import export
    from tests.browser.helpers import App, launch, map_frame, open_path

    layers = build_layers(synthetic_tables(n, seed=1))
    expected = {k: len(IncidentFilter.create(min_killed=k or None).apply(layers).incidents)
                for k in range(0, 6)}  # fmt: skip
    rng = random.Random(3)
    result: dict = {"sessions": sessions, "incidents": n, "errors": [], "latencies": []}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        data = Path(folder) / "load.gpkg"
        export(layers, data)
        app = App(data_folders=(Path(folder),))
        browser = launch(playwright)
        pages = []
        try:
            started = time.perf_counter()
            for _ in range(sessions):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.on("pageerror", lambda error: result["errors"].append(str(error)))
                page.goto(app.url)
                map_frame(page, timeout=120)
                open_path(page, data)
                pages.append(page)
            for page in pages:
                map_frame(page, expect=n, timeout=900)
            result["load_seconds"] = time.perf_counter() - started
            memory = [_rss_mib(app.process.pid)]
            next_sample = time.monotonic() + 30
            end = time.monotonic() + minutes * 60
            actions = 0
            while time.monotonic() < end:
                asked = []
                for page in pages:  # every session acts before any is waited for
                    k = rng.randrange(0, 6)
                    field = page.get_by_label("At least killed (headline)")
                    field.fill(str(k))
                    field.press("Enter")
                    asked.append((page, k, time.perf_counter()))
                for page, k, began in asked:
                    try:
                        map_frame(page, expect=expected[k], timeout=120)
                        result["latencies"].append(time.perf_counter() - began)
                    except Exception as error:  # counted, and the run goes on
                        result["errors"].append(f"{type(error).__name__}: {error}")
                    actions += 1
                if time.monotonic() >= next_sample:
                    memory.append(_rss_mib(app.process.pid))
                    next_sample += 30
            memory.append(_rss_mib(app.process.pid))
            result.update(actions=actions, memory=memory, minutes=minutes)
        finally:
            browser.close()
            app.stop()
    return result


def main(argv: list[str] | None = None) -> None:
    args = [float(a) for a in (argv or [])]
    minutes = args[0] if args else 10.0
    sessions = int(args[1]) if len(args) > 1 else 5
    n = int(args[2]) if len(args) > 2 else 100_000
    result = run(minutes, sessions, n)
    latencies = sorted(result["latencies"])
    memory = result["memory"]
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    print("| measure | result |")
    print("|---|---:|")
    print(f"| sessions × incidents | {sessions} × {n:,} |")
    print(f"| load (all sessions' maps drawn) | {result['load_seconds']:.0f} s |")
    print(f"| filtering | {result['minutes']:.0f} min, {result['actions']:,} filter changes |")
    if latencies:
        print(f"| filter → map redrawn, median | {statistics.median(latencies):.2f} s |")
    print(f"| filter → map redrawn, 95th percentile | {p95:.2f} s |")
    print(f"| errors (page errors, maps not redrawn in 120 s) | {len(result['errors'])} |")
    print(
        f"| server memory after load / highest / at the end | {memory[0]:,.0f} / "
        f"{max(memory):,.0f} / {memory[-1]:,.0f} MiB |"
    )
    series = ", ".join(f"{m:,.0f}" for m in memory)
    print(f"\nserver memory every 30 s (MiB): {series}")
    for error in result["errors"][:5]:
        print(f"error: {error[:200]}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(sys.argv[1:])
