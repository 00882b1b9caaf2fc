"""Measure StudioDesk against DESIGN.md's performance budget on the three-year studio.

    python bench/run.py --db bench/out/three-year.db [--repeat 5] [--only startup,verify] [--json FILE]

Prints one row per figure: what | measured (median, and p95 where the budget is a p95) | budget | ok?.
Benchmarks, not tests: nothing here asserts; a figure over budget prints "NO". A piece of the app that does not
exist yet prints "not available yet" instead of failing the run.

Method: start-up runs in fresh subprocesses (``startup_app.py`` vs the bare ``startup_bare.py``), alternating, after
one untimed warm-up of each so both see a warm OS file cache; wall time is from spawn to the first paint (the app's
main window signed out, its sign-in form shown, the database still opening on the lane). ``startup_app.py`` then
signs in through that form once the database is open; that figure runs from the click to the signed-in paint.
The GUI runs offscreen unless DISPLAY is set (then on that display, e.g. under Xvfb). ``verify`` runs in this
process over the whole ledger, the chain, every subject row and every vault file. ``dashboard`` times what the
工作台 reads today (issue 3: ledger head, staff, backups, papers and sessions needing attention) in this process;
its tickets, incidents and KPIs (#5–#7) are not part of the figure yet. ``products`` runs on its own dataset.
The spread column is the fastest and slowest sample.
Add a later issue's figure by giving its entry in ``BENCHMARKS`` a ``measure`` function.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Row:
    what: str
    measured: str
    budget: str
    ok: bool | None  # None: not measured
    samples_ms: list[float] = field(default_factory=list)
    note: str = ""


@dataclass
class Context:
    db: Path
    repeat: int
    notes: list[str] = field(default_factory=list)


@dataclass
class Benchmark:
    what: str
    budget: str
    issue: int
    measure: Callable[[Context], list[Row]] | None = None


class NotAvailable(Exception):
    """A piece the benchmark needs is not there yet."""


def p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(samples)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def _spawn(script: str, db: Path) -> tuple[float, dict]:
    """Run ``bench/<script> DB`` in a fresh interpreter; milliseconds from spawn to its first paint."""
    env = dict(os.environ)
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.time_ns()
    proc = subprocess.run(
        [sys.executable, str(BENCH / script), str(db)], capture_output=True, text=True, env=env, timeout=120
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise NotAvailable(f"{script}: {last}")
    result = json.loads(lines[-1])
    if not result.get("painted_ns"):
        raise NotAvailable(f"{script}: the window never painted")
    return (result["painted_ns"] - started) / 1e6, result


def measure_startup(ctx: Context) -> list[Row]:
    for script in ("startup_app.py", "startup_bare.py"):  # warm-up: file cache, .pyc files
        _spawn(script, ctx.db)
    app, bare, phases, signed_in = [], [], [], []
    for _ in range(ctx.repeat):
        ms, result = _spawn("startup_app.py", ctx.db)
        app.append(ms)
        phases.append(result.get("phases_ms", {}))
        if result.get("signed_in_ms") is not None:
            signed_in.append(float(result["signed_in_ms"]))
        bare.append(_spawn("startup_bare.py", ctx.db)[0])
    med_app, med_bare = statistics.median(app), statistics.median(bare)
    ratio = med_app / med_bare
    if phases:
        keys = list(phases[0])
        ctx.notes.append(
            "start-up phases (median ms since the script began): "
            + ", ".join(f"{k} {statistics.median(p.get(k, 0) for p in phases):.0f}" for k in keys)
        )
    platform = "DISPLAY " + os.environ["DISPLAY"] if os.environ.get("DISPLAY") else "offscreen"
    return [
        Row(
            f"start to painted main window ({platform})",
            f"{med_app:.0f} ms",
            "≤ 1500 ms",
            med_app <= 1500,
            app,
        ),
        Row("  bare PySide6 window on the same file", f"{med_bare:.0f} ms", "(baseline)", None, bare),
        Row("  ratio app / bare", f"{ratio:.2f}×", "≤ 2×", ratio <= 2.0),
        Row(
            "sign-in to signed-in main window painted",
            f"{statistics.median(signed_in):.0f} ms" if signed_in else "not measured",
            "(no budget)",
            None,
            signed_in,
        ),
    ]


def measure_verify(ctx: Context) -> list[Row]:
    try:
        from core import ledger
        from core.db.opening import open_database
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    samples, report = [], None
    for _ in range(ctx.repeat):
        db = open_database(ctx.db)
        try:
            started = time.perf_counter()
            report = ledger.verify(db)
            samples.append((time.perf_counter() - started) * 1000)
        finally:
            db.dispose()
    med = statistics.median(samples)
    assert report is not None
    verdict = "ok" if report.ok else f"{len(report.problems)} problems"
    ctx.notes.append(
        f"verify: {report.entries_checked:,} entries, {report.rows_checked:,} rows, "
        f"{report.files_checked:,} files; verdict {verdict}"
    )
    return [
        Row("verify the whole ledger", f"{med / 1000:.2f} s", "≤ 10 s", med <= 10_000 and report.ok, samples)
    ]


def measure_lint(ctx: Context) -> list[Row]:
    """Lint a 20,000-character script in this process (lexicon compiled once beforehand, as the editor keeps it)."""
    try:
        from bench.lint_bench import measure
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    result = measure(20_000, max(ctx.repeat, 20))
    med = float(result["median_ms"])  # type: ignore[arg-type]
    ctx.notes.append(
        f"lint: {result['chars']:,} chars, {result['terms']} lexicon terms, {result['findings']} findings"
    )
    return [
        Row("lint a 20,000-character script", f"{med:.1f} ms", "≤ 20 ms", med <= 20, result["samples_ms"])
    ]  # type: ignore[arg-type]


def measure_products(ctx: Context) -> list[Row]:
    """The 商品与资质 page on its own dataset (bench/out/products.db: 5,000 products, 30,000 papers, built once)
    in a fresh interpreter: ``list_products`` alone, and constructing the page until its filled table painted."""
    env = dict(os.environ)
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "products_page.py"), "--repeat", str(max(ctx.repeat, 7))],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise NotAvailable(f"products_page.py: {last}")
    result = json.loads(lines[-1])
    listed, page = result["list"], result["page"]
    states = ", ".join(f"{k} {v:,}" for k, v in sorted(listed["states"].items()))
    ctx.notes.append(
        f"products: {listed['rows']:,} active products listed ({states}) from 30,000 papers; CPU time "
        f"list {listed['cpu_median_ms']:.0f} ms, page {page['cpu_median_ms']:.0f} ms (both threads)"
    )
    return [
        Row(
            "products: list_products, 5,000 products / 30,000 papers",
            f"{listed['median_ms']:.0f} ms",
            "(part of the page)",
            None,
            listed["samples_ms"],
        ),
        Row(
            "products page opens (filled table painted)",
            f"{page['median_ms']:.0f} ms",
            "≤ 150 ms",
            page["median_ms"] <= 150,
            page["samples_ms"],
        ),
    ]


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def measure_dashboard(ctx: Context) -> list[Row]:
    """What the 工作台 refreshes in issue 3: ``ui.pages.dashboard.collect_facts`` (ledger head, staff, the backups
    folder, and ``core.services.dashboard.attention``: expiring/lapsed papers and sessions to prepare), in this
    process on the task lane's function, with the ticket counts (#5), the incident clocks running out and the
    early-warning proposals (#6); KPIs (#7) join later. Each sample is one refresh on an open ``Database`` after
    one untimed refresh (as the page's Refresh button); the first refresh on a freshly opened file is shown too."""
    try:
        from zoneinfo import ZoneInfo

        from core import clock, ledger
        from core.db.backup import list_backups
        from core.db.opening import open_database
        from core.services import auth
        from core.services.catalog_documents import expiring_documents
        from core.services.dashboard import incident_clocks, sessions_to_prepare
        from core.services.early_warning import proposals
        from core.services.studio import get_profile
        from ui.pages.dashboard import collect_facts
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    first, samples, parts = [], [], {}
    facts = None
    for run in range(ctx.repeat):
        db = open_database(ctx.db)
        try:
            started = time.perf_counter()
            facts = collect_facts(db)
            first.append(_ms_since(started))
            if run == 0:  # the pieces once, for the note (a warm database)
                today = clock.now().astimezone(ZoneInfo(facts.timezone)).date()
                with db.sessions() as session:
                    for name, piece in (
                        ("ledger head", partial(ledger.head, session)),
                        ("staff", partial(auth.list_staff, session)),
                        ("profile", partial(get_profile, session)),
                        ("papers", partial(expiring_documents, session, today=today)),
                        ("sessions", partial(sessions_to_prepare, session)),
                        ("incident clocks", partial(incident_clocks, session, clock.now())),
                        ("early warning", partial(proposals, session, now=clock.now())),
                    ):
                        started = time.perf_counter()
                        piece()
                        parts[name] = _ms_since(started)
                started = time.perf_counter()
                list_backups(db.path)
                parts["backups folder"] = _ms_since(started)
            started = time.perf_counter()
            facts = collect_facts(db)
            samples.append(_ms_since(started))
        finally:
            db.dispose()
    assert facts is not None
    att = facts.attention
    ctx.notes.append(
        f"dashboard (the score tile reads the last signed evaluation only): {len(facts.incidents)} incident clocks, {len(facts.proposals)} "
        f"early-warning proposals, ledger head "
        f"{facts.ledger_count:,}, {facts.active_staff} active staff, {len(att.papers)} papers listed "
        f"({att.lapsed_papers} lapsed), {len(att.sessions)} sessions to prepare; pieces ms: "
        + ", ".join(f"{k} {v:.1f}" for k, v in parts.items())
    )
    med, med_first = statistics.median(samples), statistics.median(first)
    return [
        Row(
            "dashboard refresh (collect_facts)",
            f"{med:.1f} ms",
            "≤ 150 ms",
            med <= 150,
            samples,
        ),
        Row(
            "  first refresh on a freshly opened file",
            f"{med_first:.1f} ms",
            "≤ 150 ms",
            med_first <= 150,
            first,
        ),
    ]


def measure_save_promise(ctx: Context) -> list[Row]:
    """Issue 4: one promise saved as the live console does it (log_promise + ledger entry + commit, one unit of
    work each) over ≥ 200 saves, in this process (``bench/promise_bench.py``). No copy of the 1.4 GB file: the
    saves go into a bench session it creates, and **they stay in the database** (said in the note)."""
    try:
        from bench.promise_bench import measure
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    result = measure(ctx.db, max(ctx.repeat * 50, 200))
    samples: list[float] = result["samples_ms"]  # type: ignore[assignment]
    ctx.notes.append(
        f"save_promise: {len(samples)} promises saved into bench session {result['session_id']} and left in "
        "the database (session ended)"
    )
    return [
        Row(
            "save one promise (chain + commit), p95",
            f"{result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms",
            "≤ 20 ms p95",
            float(result["p95_ms"]) <= 20,  # type: ignore[arg-type]
            samples,
        )
    ]


_QUEUE: dict[str, object] = {}  # one measuring run serves the four queue rows


def _queue(ctx: Context) -> dict[str, object]:
    if not _QUEUE:
        try:
            from bench.queue_bench import measure
        except ImportError as exc:
            raise NotAvailable(str(exc)) from exc
        _QUEUE.update(measure(ctx.db, max(ctx.repeat, 5)))
    return _QUEUE


def _queue_row(what: str, budget: str, limit: float, cases: list) -> list[Row]:
    """The slowest case's median against the budget; every case in the note column."""
    (name, (median, samples)) = max(cases, key=lambda case: case[1][0])
    detail = "; ".join(f"{n} {m:.1f} ms" for n, (m, _s) in cases)
    return [Row(what, f"{median:.1f} ms (slowest: {name})", budget, median <= limit, samples, note=detail)]


def measure_ticket_first_page(ctx: Context) -> list[Row]:
    """Issue 5: the queue's default view (open tickets, nearest deadline first), ``queue_page`` on the lane's
    function, 100 rows (bench/queue_bench.py)."""
    median, samples = _queue(ctx)["first_page"]  # type: ignore[misc]
    return [Row("ticket list: first page", f"{median:.1f} ms", "≤ 50 ms", median <= 50, samples)]


def measure_ticket_filter_sort(ctx: Context) -> list[Row]:
    return _queue_row("ticket list: filter or sort change", "≤ 150 ms", 150, _queue(ctx)["changes"])  # type: ignore[arg-type]


def measure_ticket_search_long(ctx: Context) -> list[Row]:
    return _queue_row("ticket list: search ≥ 3 chars", "≤ 50 ms", 50, _queue(ctx)["long"])  # type: ignore[arg-type]


def measure_ticket_search_short(ctx: Context) -> list[Row]:
    return _queue_row("ticket list: search 1–2 chars", "≤ 300 ms", 300, _queue(ctx)["short"])  # type: ignore[arg-type]


def measure_import_orders(ctx: Context) -> list[Row]:
    """Issue 5: 100,000 抖店-shaped CSV rows through ``import_orders`` (read, check, attribute, write, commit) on a
    copy of the database, against a bare sqlite3 ``executemany`` + commit of the same parsed rows on that copy
    (``bench/orders_bench.py``). One run: the copy of a large file dominates the wall time, not the figure."""
    try:
        from bench.orders_bench import measure
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    result = measure(ctx.db, 100_000)
    took, raw = float(result["import_s"]), float(result["raw_executemany_s"])  # type: ignore[arg-type]
    ctx.notes.append(
        f"import_orders: {result['added']:,} rows added to a temporary copy; raw executemany {raw:.2f} s"
    )
    return [
        Row(
            "import 100,000 order rows from CSV",
            f"{took:.2f} s, {took / raw:.1f}× raw",
            "≤ 5 s and ≤ 3× raw executemany",
            took <= 5 and took <= 3 * raw,
            [took * 1000],
        )
    ]


# Every figure in DESIGN.md §Performance budget. A later issue fills in ``measure`` for its own rows.
BENCHMARKS: dict[str, Benchmark] = {
    "startup": Benchmark("start to painted main window", "≤ 1.5 s and ≤ 2× bare", 2, measure_startup),
    "ticket_first_page": Benchmark("ticket list: first page", "≤ 50 ms", 5, measure_ticket_first_page),
    "ticket_filter_sort": Benchmark(
        "ticket list: filter or sort change", "≤ 150 ms", 5, measure_ticket_filter_sort
    ),
    "ticket_search_long": Benchmark(
        "ticket list: search ≥ 3 chars", "≤ 50 ms", 5, measure_ticket_search_long
    ),
    "ticket_search_short": Benchmark(
        "ticket list: search 1–2 chars", "≤ 300 ms", 5, measure_ticket_search_short
    ),
    "dashboard": Benchmark("dashboard refresh", "≤ 150 ms", 7, measure_dashboard),  # issue-3 part so far
    "month_kpis": Benchmark("one month's KPIs", "≤ 0.5 s", 7),  # measure_month_kpis, below
    "monthly_pdf": Benchmark("the monthly PDF with charts", "≤ 3 s", 7),
    "import_orders": Benchmark(
        "import 100,000 order rows from CSV", "≤ 5 s and ≤ 3× raw executemany", 5, measure_import_orders
    ),
    "save_promise": Benchmark(
        "save one promise (chain + commit), p95", "≤ 20 ms p95", 4, measure_save_promise
    ),
    "verify": Benchmark("verify the whole ledger", "≤ 10 s", 2, measure_verify),
    "lint": Benchmark("lint a 20,000-character script", "≤ 20 ms", 3, measure_lint),
    "products": Benchmark(
        "products page with 5,000 products, 30,000 papers", "≤ 150 ms", 3, measure_products
    ),
    "memory": Benchmark("resident memory after visiting every page", "≤ 350 MB", 7),
}


def measure_switch_product(ctx: Context) -> list[Row]:
    """Issue 4's budget (no DESIGN row): put_on_air + commit, and a console draft save + commit, in this process
    on a bench session it creates and makes live (``bench/switch_bench.py``; it leaves those rows behind)."""
    try:
        from bench.switch_bench import measure
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    result = measure(ctx.db, max(ctx.repeat * 20, 100))
    switch, draft = result["switch"], result["draft"]  # type: ignore[index]
    ctx.notes.append(f"switch_product: bench session {result['session_id']} left in the database (ended)")
    return [
        Row(
            "switch the product on air (+ commit), p95",
            f"{switch['median_ms']:.1f} ms, p95 {switch['p95_ms']:.1f} ms",
            "≤ 30 ms",
            switch["p95_ms"] <= 30,
            switch["samples_ms"],
        ),
        Row(
            "  save a console draft (+ commit)",
            f"{draft['median_ms']:.1f} ms, p95 {draft['p95_ms']:.1f} ms",
            "(no budget)",
            None,
            draft["samples_ms"],
        ),
    ]


def measure_incidents(ctx: Context) -> list[Row]:
    """Issue 6: the 舆情 register (open, all, a search) and one incident's page (bench/incident_bench.py)."""
    try:
        from bench.incident_bench import measure
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    found = measure(ctx.db, max(ctx.repeat, 5))
    rows = []
    for name, (median, samples) in found.items():
        limit = 50 if name.startswith("one") else 150
        rows.append(
            Row(
                f"incidents: {name}",
                f"{median:.1f} ms",
                f"≤ {limit} ms (ticket list's)",
                median <= limit,
                samples,
            )
        )
    return rows


def measure_month_kpis(ctx: Context) -> list[Row]:
    """Issue 7: ``month_kpis`` for the newest complete month, plain and by host (bench/kpi_bench.py)."""
    try:
        from bench.kpi_bench import measure
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    period, found = measure(ctx.db, max(ctx.repeat, 5))
    return [
        Row(f"one month's KPIs ({period}, {name})", f"{median:.0f} ms", "≤ 0.5 s", median <= 500, samples)
        for name, (median, samples) in found.items()
    ]


def measure_monthly_pdf(ctx: Context) -> list[Row]:
    """Issue 7: the newest complete month's report, data + layout, on the file opened read-only
    (bench/monthly_bench.py)."""
    try:
        from bench.monthly_bench import measure
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    found = measure(ctx.db, max(ctx.repeat, 5))
    med = float(found["median_ms"])  # type: ignore[arg-type]
    ctx.notes.append(
        f"monthly_pdf {found['period']}: {found['pages']} pages, {int(found['bytes']) // 1024} KiB "  # type: ignore[call-overload]
        f"({found['overdue']} overdue tickets, {found['incidents']} incidents); median data "
        f"{found['data_ms']:.0f} ms + layout {found['layout_ms']:.0f} ms"
    )
    return [
        Row(
            f"the monthly PDF with charts ({found['period']}, {found['pages']} pages)",
            f"{med / 1000:.2f} s",
            "≤ 3 s",
            med <= 3000,
            found["samples_ms"],  # type: ignore[arg-type]
        )
    ]


def measure_memory(ctx: Context) -> list[Row]:
    """Issue 7: ``bench/memory_app.py`` in fresh interpreters: the signed-in main window visits every page
    (each page's lane reads awaited); its RSS at the end and its high-water mark. Signing in writes, so it runs on
    a temporary copy of the file (and its -wal) in the system temp folder, deleted afterwards; the median of up to
    three runs."""
    import shutil
    import tempfile

    env = dict(os.environ)
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="studiodesk-memory-") as folder:
        copy = Path(folder) / ctx.db.name
        for suffix in ("", "-wal"):
            if Path(f"{ctx.db}{suffix}").is_file():
                shutil.copyfile(f"{ctx.db}{suffix}", f"{copy}{suffix}")
        results = []
        for _ in range(min(ctx.repeat, 3)):
            proc = subprocess.run(
                [sys.executable, str(BENCH / "memory_app.py"), str(copy)],
                capture_output=True, text=True, env=env, timeout=600,
            )  # fmt: skip
            lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
            if proc.returncode != 0 or not lines:
                last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                raise NotAvailable(f"memory_app.py: {last}")
            results.append(json.loads(lines[-1]))
    rss = statistics.median(r["rss_mb"] for r in results)
    peak = statistics.median(r["peak_mb"] for r in results)
    pages = results[0]["pages"]
    slow = [p["page"] for p in pages if p["timed_out"]]
    ctx.notes.append(
        "memory after each page (MiB, first run): "
        + ", ".join(f"{p['page']} {p['rss_mb']:.0f} ({p['reads_s']:.2f} s)" for p in pages)
        + (f"; reads still running after the timeout on: {', '.join(slow)}" if slow else "")
    )
    return [
        Row(
            f"resident memory after visiting every page ({len(pages)} pages)",
            f"{rss:.0f} MB now, peak {peak:.0f} MB",
            "≤ 350 MB",
            peak <= 350 and not slow,
        )
    ]


BENCHMARKS["month_kpis"].measure = measure_month_kpis
BENCHMARKS["monthly_pdf"].measure = measure_monthly_pdf
BENCHMARKS["memory"].measure = measure_memory
BENCHMARKS["incidents"] = Benchmark("incident register and page", "≤ 150 / 50 ms", 6, measure_incidents)
BENCHMARKS["switch_product"] = Benchmark(
    "switch the product on air", "≤ 30 ms", 4, measure_switch_product
)  # issue 4's budget; DESIGN has no row


def run(ctx: Context, only: set[str] | None) -> list[Row]:
    rows: list[Row] = []
    for key, bench in BENCHMARKS.items():
        if only and key not in only:
            continue
        if bench.measure is None:
            rows.append(Row(bench.what, f"not available yet (issue {bench.issue})", bench.budget, None))
            continue
        print(f"measuring {key} …", file=sys.stderr, flush=True)
        try:
            rows.extend(bench.measure(ctx))
        except NotAvailable as exc:
            rows.append(Row(bench.what, "not available yet", bench.budget, None, note=str(exc)))
        except Exception as exc:  # a benchmark must not take the others down with it
            rows.append(Row(bench.what, f"error: {type(exc).__name__}", bench.budget, False, note=str(exc)))
    return rows


def _spread(samples: list[float]) -> str:
    """The fastest and slowest sample ("" when nothing was sampled)."""
    if not samples:
        return ""
    low, high = min(samples), max(samples)
    digits = 1 if high < 100 else 0
    return f"{low:.{digits}f}–{high:.{digits}f} ms"


def render(rows: list[Row]) -> str:
    header = ("what", "measured (median)", "spread", "budget", "ok?")
    cells = [header] + [
        (
            r.what,
            r.measured,
            _spread(r.samples_ms),
            r.budget,
            "-" if r.ok is None else "yes" if r.ok else "NO",
        )
        for r in rows
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = [" | ".join(c[i].ljust(widths[i]) for i in range(len(header))).rstrip() for c in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines += [f"  note: {r.what.strip()}: {r.note}" for r in rows if r.note]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "three-year.db")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", help="comma-separated keys of BENCHMARKS: " + ",".join(BENCHMARKS))
    parser.add_argument("--json", type=Path, help="also write the rows and raw samples as JSON")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        print(
            f"{args.db} does not exist: build it with  python bench/generate.py --out {args.db}",
            file=sys.stderr,
        )
        return 2
    ctx = Context(args.db.resolve(), max(1, args.repeat))
    rows = run(ctx, set(args.only.split(",")) if args.only else None)
    print(
        f"database: {args.db} ({args.db.stat().st_size / 2**20:,.0f} MiB), {ctx.repeat} runs each, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    print(render(rows))
    for note in ctx.notes:
        print(f"  {note}")
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
