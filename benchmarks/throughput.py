"""Throughput of ``attribute()`` against the floor for pure Python (issue 5).

Over a corpus built from ``fixtures/*.txt`` and ``../shared/eval/dev/*.jsonl`` (files
that are missing are skipped), prints, as medians of several runs:

* ``attribute()`` characters per second and time per article;
* in the same run, a bare ``regex.finditer(r"\\w+|\\S", text)`` word scan over the same
  texts, and the ratio attribute ÷ scan (target ≤ 8), and attribute(reported=True) ÷
  attribute() (issue 14, target ≤ 1.5);
* ``import quotecheck`` time in fresh interpreters (target ≤ 120 ms; ``--import`` alone);
* peak memory (``tracemalloc``) for a 1 MB and a 10 MB document, in bytes per input
  character (target ≤ 20 on 10 MB);
* ``attribute_many`` with 1 and 2 processes on the dev corpus repeated five times
  (target ≥ 1.7×).

``python benchmarks/throughput.py`` (``--quick`` for fewer runs and no 10 MB document,
``--scaling`` for the ``attribute_many`` figures alone).
Single-process figures are CPU time (``time.process_time``), so that other work on a
shared machine does not count; the ``attribute_many`` figures are wall-clock time,
which is what parallelism buys, and print the load average and the CPU other
processes took beside them.
No timing assertion lives in the test suite.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
sys.path.insert(0, str(ROOT))

from quotecheck import attribute, attribute_many  # noqa: E402

SCAN_RE = regex.compile(r"\w+|\S")
RATIO_TARGET = 8.0
REPORTED_TARGET = 1.5  # attribute(reported=True) ÷ attribute() (issue 14)
IMPORT_TARGET = 0.120
MEMORY_TARGET = 20.0
SCALING_TARGET = 1.7
# The dev corpus is 0.1-0.2 s of work; five times over, starting a worker process
# (a few milliseconds) is under 1% of a run.
SCALING_REPEAT = 5
MB = 1_000_000


def load_corpus(include_fixtures: bool = True) -> list[tuple[str, str]]:
    """``(name, text)`` for every fixture article and every dev JSONL record."""
    corpus: list[tuple[str, str]] = []
    if include_fixtures:
        for path in sorted((ROOT / "fixtures").glob("*.txt")):
            corpus.append((path.name, path.read_text(encoding="utf-8")))
    for path in sorted(DEV.glob("*.jsonl")) if DEV.is_dir() else []:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            print(f"skipping {path.name}: {error}", file=sys.stderr)
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                print(f"skipping {path.name}:{number}: not JSON", file=sys.stderr)
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                corpus.append((f"{path.stem}:{record.get('id', number)}", record["text"]))
    return corpus


def prose(size: int) -> str:
    """Ordinary news prose of ``size`` characters, by repeating the corpus."""
    texts = [t.strip() for _, t in load_corpus() if "litbank" not in _]
    unit = "\n\n".join(texts) + "\n\n"
    return (unit * (size // len(unit) + 1))[:size]


def _scan(texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        for _ in SCAN_RE.finditer(text):
            pass
    return time.process_time() - started


def _attribute_all(texts: list[str], reported: bool = False) -> list[float]:
    times = []
    for text in texts:
        started = time.process_time()
        attribute(text, reported=reported)
        times.append(time.process_time() - started)
    return times


def throughput(corpus: list[tuple[str, str]], runs: int) -> None:
    texts = [t for _, t in corpus]
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} articles, {chars:,} characters")
    _attribute_all(texts[:3])  # warm-up
    scans, totals, per_article, with_reported = [], [], [], []
    for _ in range(runs):
        gc.collect()
        scans.append(_scan(texts))
        gc.collect()
        times = _attribute_all(texts)
        totals.append(sum(times))
        per_article.append(statistics.median(times))
        gc.collect()
        with_reported.append(sum(_attribute_all(texts, reported=True)))
    scan, total = statistics.median(scans), statistics.median(totals)
    ratio = total / scan
    reported = statistics.median(with_reported) / total
    print(f"  attribute():     {chars / total:>12,.0f} chars/s   (CPU time) "
          f"{total / len(texts) * 1e3:8.2f} ms/article (mean), "
          f"{statistics.median(per_article) * 1e3:.2f} ms (median)")
    print(f"  bare word scan:  {chars / scan:>12,.0f} chars/s   (regex.finditer(r'\\w+|\\S'))")
    print(f"  attribute ÷ scan = {ratio:.1f}  (target ≤ {RATIO_TARGET:g})  "
          f"{'PASS' if ratio <= RATIO_TARGET else 'FAIL'}")
    print(f"  attribute(reported=True) ÷ attribute() = {reported:.2f}  "
          f"(target ≤ {REPORTED_TARGET:g})  {'PASS' if reported <= REPORTED_TARGET else 'FAIL'}")


def import_time(runs: int) -> None:
    """Median import time in fresh interpreters, bytecode cached: after the first import
    on any machine (or ``pip install``), Python reads ``__pycache__``. The bytecode is
    written here first, since ``PYTHONDONTWRITEBYTECODE`` would keep every run cold."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "quotecheck")],
                   check=True, capture_output=True)
    code = ("import time; w, c = time.perf_counter(), time.process_time(); import quotecheck; "
            "print(time.perf_counter() - w, time.process_time() - c)")
    wall, cpu = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        w, c = map(float, done.stdout.split())
        wall.append(w)
        cpu.append(c)
    median = statistics.median(wall)
    # where it goes: -X importtime, the modules with the most time of their own
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import quotecheck"],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    own: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            own.append((int(parts[0]), parts[2].strip()))
    top = ", ".join(f"{n} {us / 1000:.0f}" for us, n in sorted(own, reverse=True)[:6])
    print(f"  import quotecheck: {median * 1e3:.0f} ms wall, "
          f"{statistics.median(cpu) * 1e3:.0f} ms CPU, median of {runs} fresh interpreters "
          f"(target ≤ {IMPORT_TARGET * 1e3:.0f} ms)  "
          f"{'PASS' if median <= IMPORT_TARGET else 'FAIL'}")
    print(f"    most time of their own (ms): {top}")


def peak_memory(size: int, build: str = "benchmarks.throughput.prose") -> float:
    """Peak traced bytes per input character while attributing ``size`` characters of
    the text ``build`` (a function's dotted name) makes, in a fresh interpreter."""
    module, function = build.rsplit(".", 1)
    code = (
        "import sys, tracemalloc; sys.path.insert(0, sys.argv[1]); "
        f"from {module} import {function} as prose; from quotecheck import attribute; "
        "text = prose(int(sys.argv[2])); attribute(text[:2000]); "
        "tracemalloc.start(); result = attribute(text); "
        "print(tracemalloc.get_traced_memory()[1] / len(text))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), str(size)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return float(done.stdout)


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _machine_busy_seconds() -> float | None:
    """CPU seconds all processes on the machine have used since boot (Linux), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(n) for n in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK")


def scaling(corpus: list[tuple[str, str]], runs: int, repeat: int) -> None:
    """Wall-clock throughput of attribute_many with 1 and 2 processes.

    The corpus is repeated ``repeat`` times, so that starting the worker is a small
    part of each run. Runs alternate between 1 and 2 processes, so that both see the
    same load, after one untimed run of each. On a shared machine the wall-clock
    speed-up depends on what else runs, so three more things are printed: the load
    average before and after, the CPU that other processes took during the timed
    runs (from ``/proc/stat``, in cores), and the speed-up expected on 2 idle cores
    from CPU time alone (``2 × single-process CPU ÷ two-process CPU``, the work each
    extra process adds).
    """
    texts = [t for _, t in corpus] * repeat
    chars = sum(map(len, texts))
    load_before = os.getloadavg()[0]
    for processes in (1, 2):  # warm-up: caches, and the lazy import of multiprocessing
        for _result in attribute_many(texts[:len(corpus)], processes=processes):
            pass
    samples: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    other = 0.0
    elapsed = 0.0
    for _ in range(runs):
        for processes in (1, 2):
            gc.collect()
            busy = _machine_busy_seconds()
            started, cpu_started = time.perf_counter(), _cpu_seconds()
            for _result in attribute_many(texts, processes=processes):
                pass
            seconds, used = time.perf_counter() - started, _cpu_seconds() - cpu_started
            samples[processes].append((seconds, used))
            busy_after = _machine_busy_seconds()
            if busy is not None and busy_after is not None:
                other += max(0.0, busy_after - busy - used)
                elapsed += seconds
    wall = {p: statistics.median(w for w, _ in samples[p]) for p in samples}
    cpu = {p: statistics.median(c for _, c in samples[p]) for p in samples}
    print(f"  corpus × {repeat}: {len(texts)} articles, {chars:,} characters; "
          f"medians of {runs} runs each, alternating")
    for processes in (1, 2):
        print(f"  processes={processes}: {chars / wall[processes]:>12,.0f} chars/s "
              f"({wall[processes]:.3f} s wall, {cpu[processes]:.3f} s CPU)")
    speedup = wall[1] / wall[2]
    pairs = statistics.median(one[0] / two[0]
                              for one, two in zip(samples[1], samples[2], strict=True))
    idle = 2 * cpu[1] / cpu[2]
    others = f"{other / elapsed:.2f} cores" if elapsed else "unknown"
    print(f"  speed-up with 2 processes: {speedup:.2f}× wall-clock (median of the run-by-run "
          f"ratios {pairs:.2f}×; target ≥ {SCALING_TARGET}×)  "
          f"{'PASS' if speedup >= SCALING_TARGET else 'FAIL'}")
    print(f"    {os.cpu_count()} CPUs; load average {load_before:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after; other processes used {others} meanwhile")
    print(f"  on 2 idle cores (from CPU time): {idle:.2f}×  "
          f"{'PASS' if idle >= SCALING_TARGET else 'FAIL'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 10 MB document")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scaling", action="store_true",
                        help="only the attribute_many figures")
    parser.add_argument("--import", dest="import_only", action="store_true",
                        help="only the import time (median of --runs, at least 9)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    if args.import_only:
        import_time(max(args.runs, 9))
        return 0
    corpus = load_corpus()
    if not corpus:
        raise SystemExit("no corpus: neither fixtures/*.txt nor ../shared/eval/dev/*.jsonl")
    dev = load_corpus(include_fixtures=False) or corpus
    if args.scaling:
        print("== attribute_many on the dev corpus")
        scaling(dev, 3 if args.quick else max(runs, 7), SCALING_REPEAT)
        return 0

    print("== attribute() throughput")
    throughput(corpus, runs)
    print("\n== import time")
    import_time(3 if args.quick else 9)
    print("\n== peak memory (tracemalloc)")
    for size in [MB] + ([] if args.quick else [10 * MB]):
        per_char = peak_memory(size)
        verdict = "" if size < 10 * MB else (
            f"(target ≤ {MEMORY_TARGET:g})  {'PASS' if per_char <= MEMORY_TARGET else 'FAIL'}")
        print(f"  {size // MB:>3} MB document: {per_char:6.1f} bytes per input character  "
              f"{verdict}", flush=True)
    print("\n== attribute_many on the dev corpus")
    scaling(dev, 3 if args.quick else max(runs, 7), SCALING_REPEAT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
