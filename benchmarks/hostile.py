"""Linear time on hostile input (issues 4, 17): time per character of ``attribute()``,
``attribute(reported=True)``, ``check()`` and ``verify()``.

Feeds 1 MB of each hostile input, the same input at a quarter of the size, and
ordinary news prose of the same size, and prints time per character (median of a
few runs) with PASS/FAIL against the targets:

* growth: time per character grows by at most 1.5× from 250 KB to 1 MB;
* cost: no hostile input costs more than 20× ordinary prose per character;
* prose: ordinary prose keeps its time per character within 1.5× from 10 KB to 10 MB.

Times are CPU time of the measuring process (``time.process_time``), so that other
work on a shared machine does not count; a run that is waiting for a CPU is not slow.

Run ``python benchmarks/hostile.py`` (``--quick`` for smaller sizes and fewer runs,
``--only NAME`` for one input, ``--only memory`` for the memory figures: peak
bytes per character and per quotation on a quotation-dense 1 MB text). Each
measurement runs in a fresh interpreter with a
memory cap and a time limit, so a runaway input is reported FAIL instead of taking
the machine down. No timing assertion lives in the test suite.

Rows whose name starts with ``(reported)`` run ``attribute(text, reported=True)``
(issue 14): every hostile input again, and shapes of reported speech. Rows starting
with ``(check)`` run ``check(text)`` on every hostile input and on shapes of its own
checks; rows starting with ``(verify)`` run ``verify(quotation, source)`` with a new
source string each call (so its index is built every time): a 10 MB source, a
quotation as long as the text, thousands of near variants, one sentence repeated.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotecheck import attribute, check, verify  # noqa: E402

GROWTH_LIMIT = 1.5
PROSE_RATIO_LIMIT = 20.0
PROSE_FLATNESS_LIMIT = 1.5
# Memory on a quotation-dense text (issue 17): peak bytes per character and per quotation.
BYTES_PER_CHAR_LIMIT = 60.0
BYTES_PER_QUOTATION_LIMIT = 2_000.0
# An input whose full size would take longer than this per run (projected from the
# quarter size, in CPU seconds) is reported FAIL without trying the full size.
GIVE_UP_SECONDS = 300.0
# Limits for one measurement (one fresh interpreter).
MEMORY_CAP = 8 * 1024**3
TIME_LIMIT = 900

MB = 1_000_000


def _repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def prose_corpus() -> str:
    """Ordinary news prose: the seed article and the GUM dev articles."""
    texts = []
    seed = ROOT / "fixtures" / "nato-russia-talks.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    gum = ROOT.parent / "shared" / "eval" / "dev" / "gum.dev.jsonl"
    if gum.exists():
        for line in gum.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    if not texts:
        raise SystemExit("no prose found: fixtures/nato-russia-talks.txt is missing")
    return "\n\n".join(t.strip() for t in texts) + "\n\n"


def prose(size: int) -> str:
    return _repeat_to(prose_corpus(), size)


def only_openers(size: int) -> str:
    return "“" * size


def alternating_pairs(size: int) -> str:
    return _repeat_to('"a" ', size)


def one_sentence(size: int) -> str:
    rng = random.Random(1)
    words = ["the", "talks", "went", "on", "and", "nobody", "knew", "why", "officials",
             "kept", "meeting", "in", "rooms", "without", "windows", "while", "prices", "rose"]
    out: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(words)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)[:size]


def said(size: int) -> str:
    return _repeat_to("said ", size)


def names(size: int) -> str:
    rng = random.Random(2)
    syllables = ["ka", "lo", "mi", "ren", "tos", "val", "dra", "ni", "sha", "pe", "gor", "lin"]
    run = []
    for _ in range(10_000):
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
        run.append(word.capitalize())
    return _repeat_to(" ".join(run) + " ", size)


def nested(size: int) -> str:
    depth = 10_000
    unit = "“" * depth + "deep" + "”" * depth + " "
    return _repeat_to(unit, size) if size >= len(unit) else "“" * (size // 2) + "”" * (size // 2)


def nested_alternating(size: int) -> str:
    """Nesting as writers nest, double and single marks taking turns: “‘“‘…’”’”."""
    depth = 10_000
    opening = "“‘" * (depth // 2)
    closing = "’”" * (depth // 2)
    unit = opening + "deep" + closing + " "
    if size < len(unit):
        half = size // 4
        return "“‘" * half + "’”" * half
    return _repeat_to(unit, size)


def misters(size: int) -> str:
    return _repeat_to("Mr. ", size)


def latin1_noise(size: int) -> str:
    return random.Random(3).randbytes(size).decode("latin-1")


def straight_marks(size: int) -> str:
    return '"' * size


def short_quotations(size: int) -> str:
    return _repeat_to("“A.” ", size)


def namings(size: int) -> str:
    """Descriptions the narration names, over and over (each naming moves mentions)."""
    return _repeat_to("A man came in. His name was Tom Hale. My aunt sat. Her name was Maud. ",
                      size)


def calls(size: int) -> str:
    """Turns that only call a name, and answers: every one looks for a partner."""
    return _repeat_to("“Amory.”\n\n“Yes?”\n\n", size)


HOSTILE: dict[str, Callable[[int], str]] = {
    "only opening marks": only_openers,
    'alternating "a" pairs': alternating_pairs,
    "one unpunctuated sentence": one_sentence,
    "said said said": said,
    "10,000 capitalised names": names,
    "quotation nested 10,000 deep": nested,
    "nested 10,000 deep, “‘ in turn": nested_alternating,
    "Mr. Mr. Mr.": misters,
    "random bytes as Latin-1": latin1_noise,
    # beyond the list: shapes found while profiling
    "(extra) only straight marks": straight_marks,
    "(extra) “A.” repeated": short_quotations,
    "(extra) namings: His name was …": namings,
    "(extra) calls: “Amory.” ¶ “Yes?”": calls,
}


def said_that(size: int) -> str:
    """One sentence of reporting clauses inside each other: X said that Y said that …"""
    return _repeat_to("Ana Ruiz said that he told them that ", size)


def commas_said(size: int) -> str:
    """One sentence of clauses after commas: every one could end what was said."""
    return _repeat_to("prices rose, officials said, ", size)


def according_to(size: int) -> str:
    return _repeat_to("according to the agency, according to ", size)


def who_said(size: int) -> str:
    """One sentence of relative clauses of a person: each could end the one before."""
    return _repeat_to("Ana Ruiz, who said the plan was dead and said that ", size)


def headline_says(size: int) -> str:
    """One sentence in title case with a capitalised reporting verb every few words."""
    return _repeat_to("Ana Ruiz Says The Plan Calls For ", size)


def phrase_then_that(size: int) -> str:
    """Phrases of where between a verb and that, without end."""
    return _repeat_to("she said in a statement on Friday that he spoke about ", size)


def _given_names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "tos", "val", "dra", "ni", "sha", "pe", "gor", "lin",
                 "bo", "ta", "el", "ru", "fen", "dal"]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
            for _ in range(count)]


def said_chain(size: int) -> str:
    """One sentence of quotations and attributions: “…,” he said, “…,” he said, …"""
    return _repeat_to("“We will go on,” he said, ", size)


def reopened(size: int) -> str:
    """One quotation running over thousands of paragraphs, each reopening the mark."""
    return _repeat_to("“We kept walking and the road went on.\n\n", size - 1) + "”"


def capitals_in_quotation(size: int) -> str:
    """A quotation holding a long run of capitalised tokens, then ,” said the old man."""
    run = " ".join(_given_names(2_000, 4))
    return "“" + _repeat_to(run + " ", max(1, size - 25)) + ",” said the old man."


def title_names_title(size: int) -> str:
    """A title, thousands of names, the title again: Minister A B C … Minister."""
    run = " ".join(_given_names(2_000, 5))
    return "Minister " + _repeat_to(run + " ", max(1, size - 18)) + " Minister"


def one_surname(size: int) -> str:
    """Ten thousand different people sharing one surname."""
    people = [f"{given} Ruiz spoke. " for given in _given_names(10_000, 6)]
    return _repeat_to("".join(people), size)


def lone_surrogates(size: int) -> str:
    """Lone surrogates among text and marks."""
    rng = random.Random(7)
    pieces = ["\ud800", "\udc00", "\udbff", "“", "”", '"', " he said ", "Ana Ruiz", ". ", "\n\n"]
    return "".join(rng.choice(pieces) for _ in range(size // 4))[:size]


def initials(size: int) -> str:
    return _repeat_to("A. ", size)


def unclosed_before_paragraph(size: int) -> str:
    """One unclosed “ before a long paragraph."""
    return "“" + one_sentence(size - 1)


def pairs_said(size: int) -> str:
    """“…,” A and B said, … repeated inside one sentence."""
    return _repeat_to("“We go,” Ana Ruiz and Bo Lind said, and ", size)


def mark_styles(size: int) -> str:
    """Ten mark styles in turn."""
    return _repeat_to("“a” «b» „c“ \"d\" ‘e’ 'f' ‹g› »h« „i” ‚j‘ ", size)


def unattributed_in_sentence(size: int) -> str:
    """Many unattributed “I do” and … in one sentence."""
    return _repeat_to("“I do” and ", size)


def one_long_word(size: int) -> str:
    """A name with a surname of thousands of letters (check() built its deletions)."""
    rng = random.Random(8)
    return "Ana " + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz")
                            for _ in range(max(1, size - 11))) + " spoke."


HOSTILE.update({
    "“…,” he said, “…,” he said, …": said_chain,
    "one quotation, reopened ¶ ¶ ¶": reopened,
    "capitals in a quotation, said": capitals_in_quotation,
    "Minister A B C … Minister": title_names_title,
    "10,000 people, one surname": one_surname,
    "lone surrogates among marks": lone_surrogates,
    "initials A. A. A.": initials,
    "unclosed “ before a paragraph": unclosed_before_paragraph,
})

# check() runs on every input above, and on shapes of its own checks
CHECK_PREFIX = "(check) "
CHECK_ROWS: dict[str, Callable[[int], str]] = {
    CHECK_PREFIX + name: build for name, build in HOSTILE.items()}
CHECK_ROWS.update({
    CHECK_PREFIX + "“…,” A and B said, … (1 sentence)": pairs_said,
    CHECK_PREFIX + "ten mark styles in turn": mark_styles,
    CHECK_PREFIX + "“I do” and “I do” and …": unattributed_in_sentence,
    CHECK_PREFIX + "Ana + one long word + spoke.": one_long_word,
})

REPORTED_PREFIX = "(reported) "
HOSTILE.update({REPORTED_PREFIX + name: build for name, build in list(HOSTILE.items())})
HOSTILE.update({
    REPORTED_PREFIX + "said that said that …": said_that,
    REPORTED_PREFIX + ", officials said, …": commas_said,
    REPORTED_PREFIX + "according to according to": according_to,
    REPORTED_PREFIX + "X, who said … and said that …": who_said,
    REPORTED_PREFIX + "Title Case Says …": headline_says,
    REPORTED_PREFIX + "said in a statement that …": phrase_then_that,
})
HOSTILE.update(CHECK_ROWS)


# verify() reads a quotation and a source: the size is the source's (or the quotation's)
VERIFY_PREFIX = "(verify) "


def verify_large_source(size: int) -> tuple[str, str]:
    """A quotation from the middle of a source ten times the row's size (10 MB in full)."""
    source = prose(10 * size)
    middle = source.find(". ", 5 * size) + 2
    return source[middle:source.find(".", middle + 40)], source


def verify_long_quotation(size: int) -> tuple[str, str]:
    """A quotation of ``size`` characters, slightly altered, against its source."""
    source = prose(size + 2_000)
    quotation = source[1_000:1_000 + size].replace(" the ", " a ", 50)
    return quotation, source


def verify_near_variants(size: int) -> tuple[str, str]:
    """One sentence against thousands of near variants of it (one word differs)."""
    rng = random.Random(9)
    words = ["north", "south", "river", "bridge", "council", "budget", "winter", "summer"]
    lines = []
    total = 0
    while total < size:
        line = (f"The {rng.choice(words)} plan for the {rng.choice(words)} was approved "
                f"by the {rng.choice(words)} board on {rng.choice(words)} day. ")
        lines.append(line)
        total += len(line)
    return "The river plan for the bridge was approved by the winter board", "".join(lines)


def verify_repeated_sentence(size: int) -> tuple[str, str]:
    """One sentence repeated thousands of times in the source."""
    sentence = "We will not move from this position, whatever they say. "
    return "We will not move from this position", _repeat_to(sentence, size)


VERIFY_ROWS: dict[str, Callable[[int], tuple[str, str]]] = {
    VERIFY_PREFIX + "a large source": verify_large_source,
    VERIFY_PREFIX + "a quotation as long as the text": verify_long_quotation,
    VERIFY_PREFIX + "near variants of one sentence": verify_near_variants,
    VERIFY_PREFIX + "one sentence repeated": verify_repeated_sentence,
}


def _task(name: str, size: int) -> tuple[Callable[[], object], int]:
    """What one row runs (a call without arguments) and the characters it reads."""
    if name.startswith(VERIFY_PREFIX):
        quotation, source = VERIFY_ROWS[name](size)

        def run_verify() -> object:
            # a new string each call: verify() builds the source's index again
            return verify(quotation, source[:-1] + source[-1])
        return run_verify, len(source) + len(quotation)
    text = _builder(name)(size)
    if name.startswith(CHECK_PREFIX):
        return (lambda: check(text)), len(text)
    reported = name.startswith(REPORTED_PREFIX)
    return (lambda: attribute(text, reported=reported)), len(text)


def seconds_per_char(task: Callable[[], object], chars: int, runs: int,
                     min_seconds: float = 0.2) -> float:
    """Median CPU time per character over ``runs`` runs (each repeated to ``min_seconds``)."""
    samples = []
    gc.collect()
    start = time.process_time()
    task()  # warm-up, and an estimate of how often to repeat
    once = max(time.process_time() - start, 1e-6)
    repeat = max(1, int(min_seconds / once))
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        for _ in range(repeat):
            task()
        samples.append((time.process_time() - start) / repeat)
    return statistics.median(samples) / max(chars, 1)


def quotation_dense(size: int) -> str:
    """A text that is mostly short quotations (one every 29 characters)."""
    return _repeat_to("“The plan works,” said Ana Ruiz. “It does not,” he said.\n\n", size)


def peak_memory(size: int) -> tuple[float, float]:
    """Peak traced bytes per character and per quotation while attributing a
    quotation-dense text of ``size`` characters (in a fresh interpreter)."""
    from benchmarks.throughput import peak_memory as peak_per_char

    per_char = peak_per_char(size, "benchmarks.hostile.quotation_dense")
    return per_char, per_char * size / quotation_dense(size).count("“")


def _ns(value: float) -> str:
    return f"{value * 1e9:8.1f}"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def measure(name: str, size: int, runs: int) -> tuple[float, float, str]:
    """(seconds per character, wall seconds, error) for one input, in a fresh interpreter."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--measure", name, str(size), str(runs)],
            capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        return float("nan"), time.perf_counter() - started, f"over {TIME_LIMIT} s"
    wall = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["exit " + str(done.returncode)])[-1]
        if "MemoryError" in done.stderr:
            last = f"out of memory (cap {MEMORY_CAP // 1024**3} GB)"
        return float("nan"), wall, last[:60]
    return float(done.stdout.strip()), wall, ""


def _builder(name: str) -> Callable[[int], str]:
    return prose if name == "prose" else HOSTILE[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    parser.add_argument("--only", help="run only hostile inputs whose name contains this")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--measure", nargs=3, metavar=("NAME", "SIZE", "RUNS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        name, size, count = args.measure
        task, chars = _task(name, int(size))
        print(repr(seconds_per_char(task, chars, int(count))))
        return 0
    full = MB // 4 if args.quick else MB
    quarter = full // 4
    runs = 1 if args.quick else args.runs
    failures = 0

    print(f"attribute() time per character, median of {runs} runs "
          f"({quarter // 1000} KB vs {full // 1000} KB)\n", flush=True)
    prose_full, _, error = measure("prose", full, runs)
    if error:
        raise SystemExit(f"prose failed: {error}")
    header = (f"{'input':<44} {'ns/char':>8} {'ns/char':>8} {'growth':>7} {'× prose':>8}  verdict")
    sub = f"{'':<44} {f'{quarter // 1000}KB':>8} {f'{full // 1000}KB':>8}"
    print(header)
    print(sub)
    print("-" * len(header))
    print(f"{'ordinary news prose':<44} {'':>8} {_ns(prose_full)} {'':>7} {1.0:>8.1f}")
    for name in [*HOSTILE, *VERIFY_ROWS]:
        if args.only and args.only.lower() not in name.lower():
            continue
        small, wall, error = measure(name, quarter, runs)
        if error or small * full > GIVE_UP_SECONDS:
            why = error or f"{small * full:.0f} s per run projected; full size not tried"
            print(f"{name:<44} {_ns(small)} {'—':>8} {'—':>7} {'—':>8}  FAIL ({why})",
                  flush=True)
            failures += 1
            continue
        large, wall, error = measure(name, full, runs)
        if error:
            print(f"{name:<44} {_ns(small)} {'—':>8} {'—':>7} {'—':>8}  FAIL ({error})",
                  flush=True)
            failures += 1
            continue
        growth = large / small
        ratio = large / prose_full
        problems = []
        if growth > GROWTH_LIMIT:
            problems.append(f"growth>{GROWTH_LIMIT}")
        if ratio > PROSE_RATIO_LIMIT:
            problems.append(f"cost>{PROSE_RATIO_LIMIT:.0f}×prose")
        verdict = "PASS" if not problems else "FAIL (" + ", ".join(problems) + ")"
        failures += bool(problems)
        print(f"{name:<44} {_ns(small)} {_ns(large)} {growth:>6.2f}× {ratio:>7.1f}×  {verdict}",
              flush=True)

    if not args.only:
        sizes = [10_000, 100_000, MB] + ([] if args.quick else [10 * MB])
        print("\nordinary news prose, time per character by size")
        per_char = {}
        for size in sizes:
            per_char[size], _, error = measure("prose", size, runs)
            if error:
                raise SystemExit(f"prose at {size} failed: {error}")
            print(f"  {size // 1000:>6} KB  {_ns(per_char[size])} ns/char", flush=True)
        spread = max(per_char.values()) / min(per_char.values())
        ok = spread <= PROSE_FLATNESS_LIMIT
        failures += not ok
        print(f"  max/min = {spread:.2f}× (target ≤ {PROSE_FLATNESS_LIMIT}×)  "
              f"{'PASS' if ok else 'FAIL'}")
    if not args.only or "memory" in args.only:
        per_char, per_quotation = peak_memory(MB)
        ok = per_char <= BYTES_PER_CHAR_LIMIT and per_quotation <= BYTES_PER_QUOTATION_LIMIT
        failures += not ok
        print(f"\nmemory, quotation-dense 1 MB text (tracemalloc peak): {per_char:.1f} bytes "
              f"per character (target ≤ {BYTES_PER_CHAR_LIMIT:.0f}), {per_quotation:,.0f} "
              f"bytes per quotation (target ≤ {BYTES_PER_QUOTATION_LIMIT:,.0f})  "
              f"{'PASS' if ok else 'FAIL'}")
    print(f"\n{'all targets met' if not failures else f'{failures} target(s) missed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
