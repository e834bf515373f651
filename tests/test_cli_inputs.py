"""The three commands read their inputs alike, through a real subprocess each time.

``quotecheck``, ``quotecheck check`` and ``quotecheck verify`` share one reader
(``quotecheck.files``): the same ``--encoding``, folder walk, refusals, format names,
exit codes (0 ok, 1 findings, 2 usage error or unreadable input) and standard input.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORY = ("Intro line.\n\n“We will rebuild the bridge before winter,” said Ana Ruiz, the mayor.\n"
         "\n“Ana Ruiz waves\n")  # an unclosed quotation, so that check has a finding
TRANSCRIPT = "RUIZ: We will rebuild the bridge before the winter comes."
# The three commands, each given the inputs that follow its options.
COMMANDS = {
    "main": ["--format", "jsonl"],
    "check": ["check"],
    "verify": ["verify", "--source", "SOURCE"],
}


def run(*argv: str, stdin: bytes = b"", cwd: Path = ROOT,
        prefix: tuple[str, ...] = ("-m", "quotecheck")) -> subprocess.CompletedProcess[str]:
    """``python -m quotecheck ARGV`` with ``stdin`` piped in; text out, never hangs."""
    done = subprocess.run([sys.executable, *prefix, *argv], input=stdin, capture_output=True,
                          cwd=cwd, timeout=60, check=False)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def command(name: str, source: Path, *inputs: str) -> list[str]:
    return [str(source) if a == "SOURCE" else a for a in COMMANDS[name]] + list(inputs)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "transcript.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


# What check adds on standard error besides the problems: its summary, the inferred style.
_NOT_PROBLEMS = ("Found ", "All checks passed", "punctuation (inferred", "fixable with --fix")


def _one_clear_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    lines = [ln for ln in done.stderr.splitlines() if not any(n in ln for n in _NOT_PROBLEMS)]
    assert len(lines) == 1, done.stderr
    assert all(word in lines[0] for word in words), lines[0]


@pytest.mark.parametrize("name", COMMANDS)
def test_latin_1_needs_encoding_and_reads_with_it(name: str, source: Path,
                                                  tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("« Très bien », a dit Marie Dupont.".encode("latin-1"))
    done = run(*command(name, source, str(latin)))
    assert done.returncode == 2 and done.stdout == ""
    _one_clear_line(done, str(latin), "not valid utf-8", "--encoding")
    done = run(*command(name, source, "--encoding", "latin-1", str(latin)))
    assert done.returncode in (0, 1) and "not valid" not in done.stderr
    assert ("QC" if name == "check" else "Très bien") in done.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_walks_a_folder_alike(name: str, source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    (folder / ".drafts").mkdir(parents=True)
    (folder / "sport").mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "sport" / "b.txt").write_text(STORY, encoding="utf-8")
    (folder / ".drafts" / "c.txt").write_text(STORY, encoding="utf-8")
    (folder / ".d.txt").write_text(STORY, encoding="utf-8")
    (folder / "notes.md").write_text(STORY, encoding="utf-8")
    done = run(*command(name, source, "--format", "jsonl", str(folder)))
    records = [json.loads(line) for line in done.stdout.splitlines()]
    named = sorted({r.get("id") or r.get("path") for r in records})
    assert named == [str(folder / "a.txt"), str(folder / "sport" / "b.txt")], done.stderr
    done = run(*command(name, source, "--format", "jsonl", "./desk/"), cwd=tmp_path)
    assert {r.get("id") or r.get("path") for r in map(json.loads, done.stdout.splitlines())
            } == {"desk/a.txt", "desk/sport/b.txt"}  # written as pathlib writes them


@pytest.mark.parametrize("name", COMMANDS)
def test_exit_2_for_a_missing_input_and_for_misuse(name: str, source: Path,
                                                   tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    done = run(*command(name, source, str(tmp_path / "missing.txt"), str(story)))
    assert done.returncode == 2
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in done.stderr
    assert "Ana Ruiz" in done.stdout  # the other input is still read
    for misuse in (["--no-such-option"], ["--encoding", "klingon-8"], ["--format", "yaml"]):
        done = run(*command(name, source, *misuse, str(story)))
        assert done.returncode == 2 and "usage: quotecheck" in done.stderr, misuse


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_every_command_knows_the_format_names(name: str, fmt: str, source: Path) -> None:
    done = run(*command(name, source, "--format", fmt, "-"), stdin=STORY.encode())
    assert done.returncode in (0, 1), done.stderr
    if fmt == "jsonl":
        assert all(json.loads(line) for line in done.stdout.splitlines())
    else:
        assert not done.stdout.startswith("{")


@pytest.mark.parametrize("name", COMMANDS)
def test_piped_standard_input(name: str, source: Path) -> None:
    done = run(*command(name, source, "-"), stdin=STORY.encode())
    assert done.returncode in (0, 1), done.stderr
    assert "<stdin>" in done.stdout and "Ana Ruiz" in done.stdout


def test_verify_reads_its_source_from_standard_input(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    done = run("verify", "--source", "-", str(story), stdin=TRANSCRIPT.encode())
    assert done.returncode == 1 and "altered" in done.stdout
    done = run("verify", "--source", "-", "-")
    assert done.returncode == 2 and "not both" in done.stderr


def test_verify_names_the_speaker(source: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    unnamed = tmp_path / "unnamed.txt"
    unnamed.write_text("“The weather is on our side this year.”\n", encoding="utf-8")
    lines = run("verify", "--source", str(source), str(story), str(unnamed)).stdout.splitlines()
    assert "— Ana Ruiz (source 1:7)" in lines[0]
    assert "— no speaker named" in lines[-1]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_binary_file_is_refused(name: str, source: Path, tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + "“Hi,” she said.".encode())
    for encoding in ("utf-8", "latin-1"):
        done = run(*command(name, source, "--encoding", encoding, str(binary)))
        assert done.returncode == 2 and done.stdout == ""
        _one_clear_line(done, str(binary), "a binary file, not text")
    done = run(*command(name, source, "--encoding", "latin-1", "-"), stdin=b"GIF89a\x00\x01")
    assert done.returncode == 2
    _one_clear_line(done, "<stdin>", "a binary file, not text")


def test_utf_16_text_is_not_taken_for_binary(tmp_path: Path) -> None:
    wide = tmp_path / "wide.txt"
    wide.write_bytes(STORY.encode("utf-16"))
    done = run("--format", "jsonl", "--encoding", "utf-16", str(wide))
    assert done.returncode == 0 and "Ana Ruiz" in done.stdout


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
@pytest.mark.parametrize("name", COMMANDS)
def test_a_file_name_not_in_utf_8_is_reported_and_the_others_go_on(
    name: str, source: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    for story in ("a.txt", "c.txt"):
        (folder / story).write_text(STORY, encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"b-caf\xe9.txt"), "wb") as handle:
            handle.write(STORY.encode())
    except OSError:
        pytest.skip("this file system refuses non-UTF-8 names")
    done = run(*command(name, source, "--format", "jsonl", str(folder)))
    assert done.returncode == 2
    _one_clear_line(done, "b-caf\\xe9.txt", "not valid UTF-8")
    paths = {json.loads(line).get("id") or json.loads(line)["path"]
             for line in done.stdout.splitlines()}
    assert paths == {str(folder / "a.txt"), str(folder / "c.txt")}


_LOCKED = """\
import os, sys
real = os.scandir
def scandir(path="."):
    if os.fspath(path).endswith("locked"):
        raise PermissionError(13, "Permission denied", os.fspath(path))
    return real(path)
os.scandir = scandir
from quotecheck.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("name", COMMANDS)
def test_an_unreadable_folder_is_reported(name: str, source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden-from-us.txt").write_text(STORY, encoding="utf-8")
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    argv = command(name, source, str(folder))
    if os.geteuid() == 0:  # root lists every folder: make the listing fail instead
        done = run(*argv, prefix=("-c", _LOCKED))
    else:
        (folder / "locked").chmod(0)
        try:
            done = run(*argv)
        finally:
            (folder / "locked").chmod(0o755)
    assert done.returncode == 2
    _one_clear_line(done, str(folder / "locked"), "folder not read", "permission denied")
    assert "Ana Ruiz" in done.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_a_fifo_and_a_device_are_refused_without_waiting(
    name: str, source: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for special, kind in ((str(fifo), "a FIFO"), (os.devnull, "a device"),
                          ("/dev/zero", "a device")):
        if not os.path.exists(special):
            continue
        done = run(*command(name, source, special))
        assert done.returncode == 2
        _one_clear_line(done, special, "not a regular file", kind)
    folder = tmp_path  # inside a walked folder a FIFO is not an article: passed over
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    done = run(*command(name, source, str(folder)))
    assert done.returncode in (0, 1) and "Ana Ruiz" in done.stdout
    assert not [ln for ln in done.stderr.splitlines() if not any(n in ln for n in _NOT_PROBLEMS)]


def test_check_offsets_on_crlf_agree_with_the_main_command(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"Intro.\r\n\r\nThe mayor called it \xe2\x80\x9ca fair deal\xe2\x80\x9d."
                     b" \xe2\x80\x9cOpen it, she said.\r\n")
    result = json.loads(run("--format", "jsonl", str(crlf)).stdout)["result"]
    findings = json.loads(run("check", "--format", "json", str(crlf)).stdout)
    unclosed = next(f for f in findings if f["code"] == "QC101")
    quote = next(q for q in result["quotes"] if not q["closed"])
    assert unclosed["start"] == quote["start"]
    line = crlf.read_bytes().decode().split("\n")[2]
    assert (unclosed["line"], unclosed["column"]) == (3, line.index("“Open") + 1)


def test_fix_keeps_the_line_ends_and_the_encoding(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = "Intro.\r\n\r\nThe mayor called it “a fair deal”, and left. Café.\r\n"
    story.write_bytes(text.encode("cp1252"))
    done = run("check", "--fix", "--style", "american", "--encoding", "cp1252", str(story))
    assert done.returncode == 0, done.stderr
    fixed = story.read_bytes()
    assert fixed.count(b"\r\n") == 3 and b"\n" not in fixed.replace(b"\r\n", b"")
    assert fixed.decode("cp1252") == text.replace("deal”,", "deal,”")
