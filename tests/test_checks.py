"""``check(text)``: fixture cases, switching checks off, ordering, and the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CASES, ROOT, load_cases

from quotecheck import Finding, check
from quotecheck.checks import apply_fixes
from quotecheck.cli_checks import run_check, run_verify
from quotecheck.lexicon.checkcodes import CHECK_CODES

SEED = ROOT / "fixtures" / "nato-russia-talks.txt"
DOCS = ROOT / "docs" / "checks.md"


@pytest.mark.parametrize("case", load_cases("checks"))
def test_check_case(case: dict[str, Any]) -> None:
    findings = check(case["text"], **case.get("options", {}))
    assert [f.code for f in findings] == case["findings"]


def test_cases_are_well_formed() -> None:
    cases = json.loads((CASES / "checks.json").read_text(encoding="utf-8"))
    labels = [c["label"] for c in cases]
    assert len(labels) == len(set(labels))
    covered: set[str] = set()
    for case in cases:
        assert set(case) <= {"label", "comment", "source", "text", "findings", "expect",
                              "options"}
        assert case["expect"] in ("pass", "fail")
        assert case["comment"] and case["source"]
        assert all(code in CHECK_CODES for code in case["findings"])
        if case["expect"] == "pass":
            covered.update(case["findings"])
    assert covered == set(CHECK_CODES), "every code needs a fixture that triggers it"
    assert sum(1 for c in cases if not c["findings"]) >= 5, "correct articles must pass"


def test_seed_article_has_no_error() -> None:
    findings = check(SEED.read_text(encoding="utf-8"))
    assert [f for f in findings if f.severity == "error"] == []


def test_code_table() -> None:
    names = [name for _, name, _ in CHECK_CODES.values()]
    assert len(names) == len(set(names))
    for code, (severity, name, title) in CHECK_CODES.items():
        assert re.fullmatch(r"QC[1-9]\d\d", code)
        assert severity in ("error", "warning", "info")
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name)
        assert title == title.strip() and title[:1].islower()


def test_docs_list_every_code() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (QC\d{3}) \| (\w+) \| ([a-z-]+) \| (.+?) \|$", docs, re.M)
    assert {code: (severity, name, title) for code, severity, name, title in rows} == CHECK_CODES
    for code, (_, name, _) in CHECK_CODES.items():
        assert f"## {code} {name}" in docs


MESSY = (
    "Mr. Olsen spoke first.\n\n"
    "“We will rebuild”, said Ana Ruiz, the mayor. \"We cannot pay,\" he said.\n\n"
    "“The bridge has been closed for three years and nobody in this building seems to care."
)


def test_findings_sorted_and_inside_the_text() -> None:
    findings = check(MESSY)
    assert len(findings) >= 4
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.code))
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(MESSY)
        assert CHECK_CODES[finding.code][0] == finding.severity
        assert CHECK_CODES[finding.code][1] == finding.name


def test_every_code_can_be_switched_off() -> None:
    found = {f.code for f in check(MESSY)}
    for code in found:
        assert code not in {f.code for f in check(MESSY, disable=[code])}
    name = CHECK_CODES["QC701"][1]
    assert "QC701" not in {f.code for f in check(MESSY, disable=[name])}
    assert "QC701" not in {f.code for f in check(MESSY, disable="qc701")}
    assert check(MESSY, disable=list(CHECK_CODES)) == []


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="QC999"):
        check("text", disable=["QC999"])
    with pytest.raises(ValueError, match="style"):
        check("text", style="chicago")
    with pytest.raises(TypeError):
        check(b"text")  # type: ignore[arg-type]
    assert check("") == []
    assert check("No quotations here at all.") == []


def test_logical_is_british() -> None:
    text = "Peter Olsen, the treasurer, called the budget “tight but honest.”"
    assert check(text, style="logical") == check(text, style="british")


def test_finding_round_trips_as_json() -> None:
    finding = check(MESSY)[0]
    assert Finding.model_validate_json(finding.model_dump_json()) == finding
    assert MESSY[finding.span.start:finding.span.end]


# -- command line --------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_check_lines_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    messy = _write(tmp_path, "messy.txt", MESSY)
    clean = _write(tmp_path, "clean.txt", "“We will win,” said Jane Smith, the coach.")
    assert run_check([clean]) == 0
    assert capsys.readouterr().out == ""
    assert run_check([messy, clean]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.match(re.escape(messy) + r":\d+:\d+: QC\d{3} \S", ln) for ln in lines)
    unclosed = "QC101 “ opens a quotation that is never closed: “The bridge has been closed…"
    assert f"{messy}:5:1: {unclosed}" in lines
    assert f"{messy}:1:1: QC402 “Mr. Olsen” is never named in full" in lines
    assert run_check([messy, "--disable", "QC101,QC402"]) == 0
    assert "QC101" not in capsys.readouterr().out


def test_cli_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = _write(tmp_path, "messy.txt", MESSY)
    assert run_check(["--format", "json", messy]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {"path", "line", "column", "code", "name", "severity", "message", "start",
            "end"} <= set(report[0])
    assert [r["code"] for r in report] == [f.code for f in check(MESSY)]


def test_cli_check_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check([]) == 2
    assert run_check(["--disable", "QC999", _write(tmp_path, "a.txt", "Text.")]) == 2
    assert run_check([str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert run_check(["--help"]) == 0
    assert "QC801" in capsys.readouterr().out


def test_cli_check_style_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "b.txt", "Peter Olsen, the treasurer, called it “tight but honest.”")
    assert run_check([path]) == 0
    assert capsys.readouterr().out == ""
    assert run_check([path, "--style", "british"]) == 0
    assert "QC702" in capsys.readouterr().out


TRANSCRIPT = (
    "MAYOR RUIZ: Good evening. The bridge is not safe for heavy trucks, and we cannot "
    "wait another winter. We will start the repairs in April.\n\n"
    "TREASURER OLSEN: The reserve fund will cover the first phase only."
)
ARTICLE = (
    "“The bridge is not safe for heavy trucks, and we cannot wait another winter,” said "
    "Ana Ruiz, the mayor. “We will start the repairs in May,” she said.\n\n"
    "Peter Olsen, the treasurer, said “the state will pay for everything.”"
)


def test_cli_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "transcript.txt", TRANSCRIPT)
    article = _write(tmp_path, "story.txt", ARTICLE)
    assert run_verify(["--source", source, article]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{article}:1:1: exact ")
    assert "(source 1:27)" in lines[0]
    assert lines[1].startswith(f"{article}:1:") and " altered " in lines[1]
    assert "“April” → “May”" in lines[1]
    assert lines[2].startswith(f"{article}:3:") and " not found " in lines[2]


def test_cli_verify_json_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "transcript.txt", TRANSCRIPT)
    article = _write(tmp_path, "story.txt", ARTICLE)
    assert run_verify(["--source", source, "--format", "json", article]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in report] == ["exact", "altered", "not_found"]
    assert report[1]["changes"][0]["kind"] == "replaced"
    exact = _write(tmp_path, "exact.txt", "“We will start the repairs in April,” she said.")
    assert run_verify(["--source", source, exact]) == 0
    assert run_verify([article]) == 2  # --source is required
    assert run_verify(["--source", str(tmp_path / "none.txt"), article]) == 2
    capsys.readouterr()


def test_python_m_quotecheck_dispatches(tmp_path: Path) -> None:
    messy = _write(tmp_path, "messy.txt", MESSY)
    done = subprocess.run([sys.executable, "-m", "quotecheck", "check", messy],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 1
    assert "QC101" in done.stdout
    source = _write(tmp_path, "transcript.txt", TRANSCRIPT)
    done = subprocess.run([sys.executable, "-m", "quotecheck", "verify", "--source", source,
                           messy], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 1
    assert "not found" in done.stdout


def _doc_examples() -> list[tuple[str, str]]:
    docs = DOCS.read_text(encoding="utf-8")
    examples = []
    for match in re.finditer(r"^## (QC\d{3}) [a-z-]+\n(.*?)(?=^## |\Z)", docs, re.M | re.S):
        block = re.search(r"```text\n(.*?)\n```", match.group(2), re.S)
        assert block, f"{match.group(1)} has no example"
        examples.append((match.group(1), block.group(1)))
    return examples


@pytest.mark.parametrize(("code", "example"), _doc_examples(), ids=lambda v: str(v)[:5])
def test_docs_examples_trigger_their_code(code: str, example: str) -> None:
    style = "british" if code == "QC702" else "american"
    assert code in [f.code for f in check(example, style=style)]


def test_docs_python_examples_run() -> None:
    import doctest

    failed, attempted = doctest.testfile(str(DOCS), module_relative=False)
    assert attempted >= 4 and failed == 0


def test_cli_verify_skip_terms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "transcript.txt", TRANSCRIPT)
    article = _write(tmp_path, "story.txt", "Critics call it a “money pit” and “We will start "
                     "the repairs in April,” the mayor said.")
    assert run_verify(["--source", source, article]) == 1  # “money pit” is not in the source
    assert "not found" in capsys.readouterr().out
    assert run_verify(["--source", source, "--skip-terms", article]) == 0
    assert "money pit" not in capsys.readouterr().out


def test_many_people_are_checked_in_linear_time() -> None:
    import random
    import time

    rng = random.Random(5)

    def name() -> str:
        return rng.choice("ABCDEFGHKLMNPRST") + "".join(
            rng.choice("aeioulnrst") for _ in range(rng.randint(4, 8)))

    text = " ".join(f"{name()} {name()} spoke on Monday." for _ in range(1500))
    began = time.perf_counter()
    check(text, disable=["QC201"])
    assert time.perf_counter() - began < 5


def test_cli_verify_quote_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "transcript.txt", TRANSCRIPT)
    assert run_verify(["--source", source, "--quote", "we will start the repairs in April"]) == 0
    assert capsys.readouterr().out.startswith("<quote>:1:1: exact ")
    assert run_verify(["--source", source, "--quote", "repairs in May", "--format", "json"]) == 1
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["path"] == "<quote>" and entry["status"] == "altered"
    assert entry["speaker"] is None
    assert run_verify(["--source", source]) == 2  # nothing to look up
    assert "--quote" in capsys.readouterr().err


def test_cli_verify_json_names_the_speaker(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    source = _write(tmp_path, "transcript.txt", TRANSCRIPT)
    article = _write(tmp_path, "story.txt", ARTICLE)
    run_verify(["--source", source, "--format", "json", article])
    report = json.loads(capsys.readouterr().out)
    assert report[0]["speaker"] == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "style", "code", "fixed"),
    [
        ("“We will rebuild”, said Ana Ruiz, the mayor.", "american", "QC701",
         "“We will rebuild,” said Ana Ruiz, the mayor."),
        ("Peter Olsen, the treasurer, called it “tight but honest”.", "american", "QC701",
         "Peter Olsen, the treasurer, called it “tight but honest.”"),
        ("Peter Olsen, the treasurer, called it “tight but honest.”", "british", "QC702",
         "Peter Olsen, the treasurer, called it “tight but honest”."),
        ('“We will rebuild,” said Ana Ruiz. "We cannot pay," said Peter Olsen. “The state '
         'may help,” Ms. Ruiz said.', "american", "QC601",
         "“We will rebuild,” said Ana Ruiz. “We cannot pay,” said Peter Olsen. “The state "
         "may help,” Ms. Ruiz said."),
        ("“The engineers told us “the bridge is unsafe” last year,” said Ana Ruiz.",
         "american", "QC602",
         "“The engineers told us ‘the bridge is unsafe’ last year,” said Ana Ruiz."),
        ("The city’s budget and the council’s plan assume the state's money arrives.",
         "american", "QC603",
         "The city’s budget and the council’s plan assume the state’s money arrives."),
    ],
    ids=["comma-inside", "period-inside", "period-outside-british", "curly-marks",
         "nested-single", "curly-apostrophe"],
)
def test_suggested_fixes(text: str, style: str, code: str, fixed: str) -> None:
    findings = check(text, style=style)
    assert code in [f.code for f in findings]
    assert all(f.fixes for f in findings if f.code == code)
    result = apply_fixes(text, [f for f in findings if f.code == code])
    assert result == fixed
    assert code not in [f.code for f in check(result, style=style)]


def test_no_fix_where_it_would_double_punctuation() -> None:
    (finding,) = check("He asked “why?”. Nobody answered, said Ana Ruiz, the mayor.",
                       disable=["QC201"])
    assert finding.code == "QC701" and finding.fixes == ()
    assert all(not f.fixes for f in check(MESSY) if f.code in ("QC101", "QC402"))


def test_cli_fix_rewrites_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "fix.txt", '"We will rebuild", said Ana Ruiz. “We cannot pay,” '
                  "said Peter Olsen. “The state may help,” Ms. Ruiz said.")
    assert run_check([path]) == 0
    captured = capsys.readouterr()
    assert "QC601" in captured.out and "--fix" in captured.err
    assert run_check([path, "--fix"]) == 0
    assert capsys.readouterr().out == ""
    assert Path(path).read_text(encoding="utf-8").startswith("“We will rebuild,” said")
    assert run_check(["--fix", "-"]) == 2


def test_check_reuses_a_result() -> None:
    from quotecheck import attribute

    result = attribute(MESSY)
    assert check(MESSY, result=result) == check(MESSY)
    with pytest.raises(ValueError, match="another text"):
        check(MESSY + " More.", result=result)


def test_cli_check_walks_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "stories"
    (folder / "today").mkdir(parents=True)
    _write(folder / "today", "b.txt", MESSY)
    _write(folder, "a.txt", "“We will win,” said Jane Smith, the coach.")
    _write(folder, "notes.md", MESSY)
    assert run_check([str(folder)]) == 1
    paths = {line.split(":", 1)[0] for line in capsys.readouterr().out.splitlines()}
    assert paths == {str(folder / "today" / "b.txt")}


def test_a_run_of_stray_marks_is_one_finding_that_counts_them() -> None:
    findings = [f for f in check("The wire copy read ”””” and stopped.") if f.code == "QC102"]
    assert len(findings) == 1
    assert findings[0].message.startswith("a run of 2 marks: closing ””")


def test_a_word_longer_than_any_name_is_not_spelled_out() -> None:
    # its two-letter deletions once filled gigabytes (issue 17)
    letters = "".join(chr(ord("a") + (n * 7) % 26) for n in range(1600))
    assert all(f.code != "QC501" for f in check(f"Ana {letters} spoke. Ms. {letters}a left."))


def test_a_misspelling_is_found_among_many_namesakes() -> None:
    given = ["Ana", "Bea", "Cruz", "Dora", "Ema", "Fia", "Gil", "Hugo", "Ines", "Juan"]
    text = " ".join(f"{name} Kovacs spoke." for name in given) + " Then Ana Kovach returned."
    assert [f.code for f in check(text) if f.code == "QC501"] == ["QC501"]
