"""The command line: formats, directories, progress bar, stdin, subcommands, exit codes."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import types
from pathlib import Path

import pytest

from quotecheck import attribute
from quotecheck.cli import main
from quotecheck.render import Record

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "nato-russia-talks.txt"

FIRST = ("Anna", "Boris", "Chidi", "Dana", "Emeka", "Fiona", "Gustavo", "Hana", "Ivan", "Jia")
LAST = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Silva", "Kowalski")
SAYINGS = (
    "We will not retreat",
    "The numbers speak for themselves",
    "Nobody expected the vote to be this close",
    "It is a principled position",
    "We are ready to talk",
)


class _Terminal(io.StringIO):
    """A captured stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _article(rng: random.Random) -> str:
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2)]
    surname = names[0].split()[1]
    return (
        f"LONDON — Talks went on late into the night, officials said.\n\n"
        f"“{rng.choice(SAYINGS)},” said {names[0]}, the minister.\n\n"
        f"{names[1]} was blunt: “{rng.choice(SAYINGS)}.”\n\n"
        f"“{rng.choice(SAYINGS)},” Mr. {surname} said later.\n"
    )


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 100 generated articles, in two sub-folders, plus files to ignore."""
    folder = tmp_path_factory.mktemp("archive")
    rng = random.Random(6)
    for number in range(100):
        sub = folder / ("2021" if number % 2 else "2022")
        sub.mkdir(exist_ok=True)
        (sub / f"article-{number:03}.txt").write_text(_article(rng), encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "draft.txt").write_text("“skipped,” he said.", encoding="utf-8")
    return folder


def _run(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_table_lists_every_quotation_of_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "--format", "table", str(SEED))
    lines = out.splitlines()
    assert status == 0 and err == ""
    result = attribute(SEED.read_text(encoding="utf-8"))
    assert lines[0].split() == ["para", "line", "quotation", "speaker", "conf", "flags"]
    assert len([line for line in lines[2:-1] if line[:4].strip()]) == len(result.all_quotes())
    assert lines[-1].startswith(f"{len(result.all_quotes())} quotations, ")
    assert "Significant differences" in lines[2] and "cue_adjacent" not in out


def test_jsonl_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--format", "jsonl", str(SEED))
    record = Record.model_validate_json(out)
    text = SEED.read_text(encoding="utf-8")
    assert status == 0 and record.id == str(SEED)
    assert record.result == attribute(text)


def test_reported_adds_reported_speech(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--reported", "-j", "2", "--format", "jsonl", str(SEED))
    record = Record.model_validate_json(out)
    text = SEED.read_text(encoding="utf-8")
    assert status == 0 and record.result == attribute(text, reported=True)
    assert record.result.reported
    status, out, _ = _run(capsys, "--reported", "--format", "table", "--verbose", str(SEED))
    assert status == 0 and "reported_speech/" in out


def test_table_is_the_default_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main([str(SEED)]) == 0
    assert terminal.getvalue().startswith("para line")


def test_table_is_the_default_when_redirected_too(tmp_path: Path) -> None:
    """`quotecheck file > out.txt` writes what the terminal shows: --format alone decides."""
    out = tmp_path / "out.txt"
    with open(out, "wb") as handle:
        done = subprocess.run([sys.executable, "-m", "quotecheck", str(SEED)], stdout=handle,
                              stderr=subprocess.PIPE, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0 and done.stderr == b""
    table = out.read_text(encoding="utf-8")
    assert table.startswith("para line") and "Significant differences" in table
    piped = _python_m(str(SEED))
    assert piped.returncode == 0 and piped.stdout == table
    assert _python_m("--format", "jsonl", str(SEED)).stdout.startswith('{"id"')


def test_html_is_one_page_with_a_section_per_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("<b>Bold</b> “Hi,” she said.", encoding="utf-8")
    status, out, _ = _run(capsys, "--format", "html", str(SEED), str(other))
    assert status == 0
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert out.count('<div class="qc-title">') == 2
    assert "&lt;b&gt;Bold&lt;/b&gt;" in out and "<b>Bold" not in out


def test_a_directory_of_100_articles_with_a_progress_bar(
    archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    status, out, _ = _run(capsys, "--format", "jsonl", str(archive))
    records = [Record.model_validate_json(line) for line in out.splitlines()]
    assert status == 0
    assert len(records) == 100
    assert [r.id for r in records] == sorted(str(p) for p in archive.glob("20*/*.txt"))
    assert all(len(r.result.quotes) == 3 for r in records)
    bar = terminal.getvalue()
    assert bar.startswith("\r[") and "] 100/100" in bar and bar.endswith("\n")


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "--format", "jsonl", str(archive))
    assert status == 0 and err == "" and len(out.splitlines()) == 100


def test_no_progress_bar_for_one_article(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert _run(capsys, "--format", "jsonl", str(SEED))[0] == 0
    assert terminal.getvalue() == ""


def test_table_for_several_files_names_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("“Hi,” she said.", encoding="utf-8")
    status, out, _ = _run(capsys, "--format", "table", str(tmp_path))
    assert status == 0
    assert f"==> {tmp_path / 'a.txt'} <==" in out and f"==> {tmp_path / 'b.txt'} <==" in out


def test_glob_chooses_files_in_directories(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "--format", "jsonl", "--glob", "*.md", str(archive))
    assert status == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(archive / "notes.md")]


def test_missing_file_is_reported_and_the_others_still_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = _run(capsys, "--format", "jsonl", str(missing), str(SEED))
    assert status == 2
    assert err == f"quotecheck: {missing}: no such file or directory\n"
    assert len(out.splitlines()) == 1


def test_undecodable_file_gets_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("« Très bien », a dit M. Dupont.".encode("latin-1"))
    status, out, err = _run(capsys, "--format", "jsonl", str(latin), str(SEED))
    assert status == 2
    assert err.count("\n") == 1
    assert err.startswith(f"quotecheck: {latin}: not valid utf-8 (byte 0xab at offset 0);")
    assert "--encoding" in err
    assert len(out.splitlines()) == 1

    status, out, err = _run(capsys, "--format", "jsonl", "--encoding", "latin-1", str(latin))
    assert status == 0 and err == ""
    assert Record.model_validate_json(out).result.quotes[0].text == " Très bien "


def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    locked = tmp_path / "locked.txt"
    locked.write_text("“Hi,” she said.", encoding="utf-8")
    locked.chmod(0)
    status, _, err = _run(capsys, "--format", "jsonl", str(locked))
    assert status == 2 and err.startswith(f"quotecheck: {locked}: permission denied")


def test_offsets_are_kept_for_windows_line_ends(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes("Intro.\r\n\r\n“Hi,” she said.\r\n".encode())
    _, out, _ = _run(capsys, "--format", "jsonl", str(crlf))
    result = Record.model_validate_json(out).result
    assert result.text == "Intro.\r\n\r\n“Hi,” she said.\r\n"
    assert result.text[result.quotes[0].start : result.quotes[0].end] == "“Hi,”"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--format", "yaml", "x.txt"],
        ["--no-such-option", "x.txt"],
        ["--encoding", "klingon-8", "x.txt"],
    ],
    ids=["no-files", "bad-format", "bad-option", "bad-encoding"],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2 and out == ""
    assert "usage: quotecheck" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--help")
    assert status == 0 and "quotecheck check" in out and "exit codes" in out


def test_jsonl_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "“Hi,” she said."}),
        "",
        json.dumps({"id": 7, "text": "No quotes here.", "extra": True}),
        json.dumps({"text": "“Unnamed,” he said."}),
        "{not json",
        json.dumps({"id": "b", "text": 5}),
    ]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = _run(capsys, "--jsonl", "--format", "jsonl", str(data))
    records = [Record.model_validate_json(line) for line in out.splitlines()]
    assert status == 2
    assert [r.id for r in records] == ["a", 7, f"{data}:4"]
    assert [len(r.result.quotes) for r in records] == [1, 0, 1]
    assert err.splitlines() == [
        f"quotecheck: {data}:5: not JSON (Expecting property name enclosed in double quotes)",
        f'quotecheck: {data}:6: not an object with a "text" string',
    ]


def test_subcommands_go_to_cli_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str]]] = []
    fake = types.ModuleType("quotecheck.cli_checks")
    fake.run_check = lambda argv: calls.append(("check", argv)) or 0  # type: ignore[attr-defined]
    fake.run_verify = lambda argv: calls.append(("verify", argv)) or 1  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quotecheck.cli_checks", fake)
    assert main(["check", "a.txt", "--json"]) == 0
    assert main(["verify", "--source", "s.txt", "a.txt"]) == 1
    assert calls == [("check", ["a.txt", "--json"]), ("verify", ["--source", "s.txt", "a.txt"])]


def _python_m(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotecheck", *argv],
        input=stdin, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60,
    )


def test_python_m_reads_standard_input() -> None:
    done = _python_m("--format", "jsonl", "-", stdin="“We will not retreat,” said Mr. Grushko.\n")
    assert done.returncode == 0, done.stderr
    record = Record.model_validate_json(done.stdout)
    assert record.id == "<stdin>"
    assert record.result.quotes[0].text == "We will not retreat,"


def test_python_m_usage_error_exits_2() -> None:
    done = _python_m("--format", "nope", "x.txt")
    assert done.returncode == 2 and "usage: quotecheck" in done.stderr


def test_console_script_prints_the_seed_table() -> None:
    script = Path(sys.executable).with_name("quotecheck")
    if not script.exists():
        pytest.skip("console script not installed")
    done = subprocess.run(
        [str(script), "--format", "table", str(SEED)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Significant differences" in done.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_real_terminal(archive: Path) -> None:
    leader, follower = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "quotecheck", "--format", "jsonl", str(archive)],
            stdout=subprocess.PIPE, stderr=follower, cwd=ROOT, timeout=120,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    bar = b"".join(chunks).decode("utf-8")
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 100
    assert "] 100/100" in bar


def test_a_refused_document_is_reported_and_the_others_still_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import quotecheck.cli

    def picky(text: str) -> object:
        if "huge" in text:
            raise ValueError("document of 99 MB is over the 64 MB limit")
        return attribute(text)

    monkeypatch.setattr(quotecheck.cli, "attribute", picky)
    data = tmp_path / "batch.jsonl"
    records = [{"id": None, "text": "huge"}, {"id": "ok", "text": "“Hi,” she said."}]
    data.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    status, out, err = _run(capsys, "--jsonl", "--format", "jsonl", str(data))
    assert status == 2
    assert err == f"quotecheck: {data}:1: document of 99 MB is over the 64 MB limit\n"
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]


def test_jobs_give_the_same_output_in_the_same_order(
    archive: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    files = sorted(str(p) for p in archive.glob("2021/*.txt"))[:12]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    argv = ["--format", "jsonl", *files[:5], str(bad), *files[5:]]
    serial = _run(capsys, *argv)
    parallel = _run(capsys, "--jobs", "2", *argv)
    assert serial == parallel
    assert serial[0] == 2 and len(serial[1].splitlines()) == 12
    assert serial[2].startswith(f"quotecheck: {bad}: not valid utf-8")


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "-j", "0", str(SEED))
    assert status == 2 and "at least 1" in err
