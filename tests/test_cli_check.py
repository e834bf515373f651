"""``quotecheck check`` as a linter: summary, --exit-zero, --select/--ignore, settings in
pyproject.toml, inline markers, --fix/--diff, and the house style inferred from the copy.

Every behaviour is run through a real subprocess (``python -m quotecheck check …``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotecheck import attribute, check
from quotecheck.house_style import infer_style

ROOT = Path(__file__).resolve().parent.parent
# An unclosed quotation (QC101, an error), a surname never given in full (QC402).
MESSY = "Mr. Olsen presented the budget.\n\n“The bridge has been closed for years, he said.\n"
# Invented copy in each house style. British: single marks, a fragment's full stop and
# comma outside the closing mark. American: double marks, a fragment's punctuation inside.
BRITISH = ("Ana Ruiz, the health minister, called the plan ‘a recipe for overeating’. "
           "‘We will publish the figures in May,’ she said. Critics called the scheme "
           "‘a gimmick’, and the opposition agreed.\n")
AMERICAN = ("Ana Ruiz, the mayor, called the budget “a fair deal,” and the council agreed. "
            "“We will vote on Monday,” she said. Critics called the plan “a gimmick.”\n")


def run(*argv: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quotecheck", "check", *argv], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          timeout=60, check=False)


def codes(done: subprocess.CompletedProcess[str]) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in done.stdout.splitlines()]


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A folder with a story, and a pyproject.toml without settings above it."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'paper'\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(MESSY, encoding="utf-8")
    return tmp_path


def test_summary_line_and_exit_zero(desk: Path) -> None:
    done = run("story.txt", cwd=desk)
    assert done.returncode == 1
    assert "Found 2 problems (1 error, 1 warning) in 1 file." in done.stderr.splitlines()
    assert sorted(codes(done)) == ["QC101", "QC402"]
    done = run("--exit-zero", "story.txt", cwd=desk)
    assert done.returncode == 0 and "Found 2 problems" in done.stderr
    assert run("--exit-zero", "missing.txt", cwd=desk).returncode == 2
    (desk / "clean.txt").write_text("“We will win,” said Jane Smith, the coach.\n",
                                    encoding="utf-8")
    done = run("clean.txt", cwd=desk)
    assert done.returncode == 0 and done.stdout == "" and "All checks passed." in done.stderr


def test_select_and_ignore_take_codes_prefixes_and_names(desk: Path) -> None:
    assert codes(run("--select", "QC1", "story.txt", cwd=desk)) == ["QC101"]
    assert codes(run("--select", "QC4,QC101", "--ignore", "QC1", "story.txt",
                     cwd=desk)) == ["QC402", "QC101"]  # the more specific item decides
    assert codes(run("--ignore", "unclosed-quote", "story.txt", cwd=desk)) == ["QC402"]
    assert run("--ignore", "QC4", "--ignore", "QC1", "story.txt", cwd=desk).returncode == 0
    done = run("--select", "QC9", "story.txt", cwd=desk)
    assert done.returncode == 2 and "unknown check code or name 'QC9'" in done.stderr


def test_settings_from_the_nearest_pyproject_with_a_table(desk: Path) -> None:
    project = desk / "project"
    (project / "stories").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[tool.quotecheck]\nignore = ["QC4"]\nstyle = "british"\nlong-paragraph = 400\n',
        encoding="utf-8")
    (project / "stories" / "story.txt").write_text(MESSY, encoding="utf-8")
    done = run("story.txt", cwd=project / "stories")
    assert codes(done) == ["QC101"]
    assert codes(run("--isolated", "story.txt", cwd=project / "stories")) == ["QC402", "QC101"]
    done = run("--config", str(desk / "pyproject.toml"), "story.txt", cwd=project / "stories")
    assert codes(done) == ["QC402", "QC101"]
    assert codes(run("--ignore", "QC1", "story.txt", cwd=project / "stories")) == []


def test_settings_the_style_and_select(desk: Path) -> None:
    (desk / "pyproject.toml").write_text('[tool.quotecheck]\nstyle = "american"\n',
                                         encoding="utf-8")
    (desk / "british.txt").write_text(BRITISH, encoding="utf-8")
    done = run("--select", "QC7", "british.txt", cwd=desk)
    assert codes(done) == ["QC701", "QC701"]  # the settings override the inference
    assert codes(run("--select", "QC7", "--style", "auto", "british.txt", cwd=desk)) == []


@pytest.mark.parametrize(("settings", "message"), [
    ('[tool.quotecheck]\nselekt = ["QC1"]\n', "has no setting 'selekt'"),
    ('[tool.quotecheck]\nstyle = "roman"\n', "style must be one of"),
    ('[tool.quotecheck]\nignore = "QC1"\n', "ignore must be a list of codes"),
    ('[tool.quotecheck]\nignore = ["QC9"]\n', "unknown check code or name 'QC9'"),
    ("[tool.quotecheck\n", "not valid TOML"),
], ids=["unknown-key", "bad-style", "not-a-list", "unknown-code", "bad-toml"])
def test_bad_settings_are_a_usage_error(desk: Path, settings: str, message: str) -> None:
    (desk / "pyproject.toml").write_text(settings, encoding="utf-8")
    done = run("story.txt", cwd=desk)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_inline_marker_suppresses_findings_on_its_line(desk: Path) -> None:
    story = desk / "marked.txt"
    story.write_text("Mr. Olsen presented the budget. <!-- quotecheck: ignore QC402 -->\n\n"
                     "“The bridge has been closed, he said. <!-- quotecheck: ignore QC1 -->\n\n"
                     "Ms. Berg left early.\n", encoding="utf-8")
    done = run("marked.txt", cwd=desk)
    assert [line.split(":")[1] for line in done.stdout.splitlines()] == ["5"]
    assert codes(done) == ["QC402"]
    story.write_text("Mr. Olsen presented the budget. <!-- quotecheck: ignore -->\n",
                     encoding="utf-8")
    assert run("marked.txt", cwd=desk).stdout == ""
    story.write_text("Mr. Olsen presented the budget. <!-- quotecheck: ignore QC42 -->\n",
                     encoding="utf-8")
    done = run("marked.txt", cwd=desk)
    assert codes(done) == ["QC402"]
    assert "marked.txt:1: unknown code 'QC42' in a quotecheck: ignore marker" in done.stderr


def test_a_marker_keeps_fix_from_touching_its_line(desk: Path) -> None:
    story = desk / "story.txt"
    text = ("Critics called the plan “a gimmick”. <!-- quotecheck: ignore QC701 -->\n\n"
            "The mayor called it “a fair deal”.\n")
    story.write_text(text, encoding="utf-8")
    run("--fix", "--style", "american", "story.txt", cwd=desk)
    assert story.read_text(encoding="utf-8") == text.replace("deal”.", "deal.”")


def test_diff_previews_the_fixes_and_writes_nothing(desk: Path) -> None:
    story = desk / "story.txt"
    story.write_text(AMERICAN.replace("“a gimmick.”", "“a gimmick”."), encoding="utf-8")
    before = story.read_bytes()
    done = run("--diff", "story.txt", cwd=desk)
    assert done.returncode == 1
    assert story.read_bytes() == before
    assert done.stdout.splitlines()[:2] == ["--- a/story.txt", "+++ b/story.txt"]
    assert "+" + AMERICAN.rstrip("\n") in done.stdout.splitlines()
    assert "1 file would be changed by --fix" in done.stderr
    done = run("--diff", "-", cwd=desk, stdin=AMERICAN)
    assert done.returncode == 0 and done.stdout == ""
    done = run("--fix", "-", cwd=desk, stdin=AMERICAN)
    assert done.returncode == 2 and "--diff" in done.stderr


def test_fix_follows_the_british_style_inferred_from_the_copy(desk: Path) -> None:
    story = desk / "british.txt"
    story.write_text(BRITISH, encoding="utf-8")
    done = run("--fix", "british.txt", cwd=desk)
    assert story.read_text(encoding="utf-8") == BRITISH  # ‘…overeating’. stays as it is
    assert "QC70" not in done.stdout
    done = run("--select", "QC7", "--style", "american", "--fix", "british.txt", cwd=desk)
    fixed = story.read_text(encoding="utf-8")
    assert "‘a recipe for overeating.’" in fixed and "‘a gimmick,’ and" in fixed
    assert "fixed, american punctuation (set)" in done.stderr


def test_fix_follows_the_american_style_inferred_from_the_copy(desk: Path) -> None:
    story = desk / "american.txt"
    slip = AMERICAN.replace("“a gimmick.”", "“a gimmick”.")
    story.write_text(slip, encoding="utf-8")
    done = run("--fix", "american.txt", cwd=desk)
    assert story.read_text(encoding="utf-8") == AMERICAN
    assert "american.txt: fixed, american punctuation (inferred: double marks;" in done.stderr


def test_the_style_is_said_in_the_output(desk: Path) -> None:
    story = desk / "british.txt"
    story.write_text(BRITISH.replace("overeating’.", "overeating.’"), encoding="utf-8")
    done = run("british.txt", cwd=desk)
    assert codes(done) == ["QC702"]
    assert "british.txt: british punctuation (inferred: single marks;" in done.stderr
    done = run("--format", "jsonl", "british.txt", cwd=desk)
    assert [json.loads(line)["style"] for line in done.stdout.splitlines()] == ["british"]


@pytest.mark.parametrize(("text", "style"), [
    (BRITISH, "british"),
    (AMERICAN, "american"),
    # double marks, as some British papers use, with logical punctuation twice
    ("It was “a fair deal”, he said, and “a good one”. “We sign,” she said.", "british"),
    # one slip of placement in American copy is a slip, not a style
    ("He called it “a fair deal”. “We sign,” she said.", "american"),
    # single marks, one fragment punctuated the American way
    ("He called it ‘a fair deal.’ ‘We sign,’ she said.", "british"),
    ("No quotations at all.", "american"),
], ids=["british", "american", "double-logical", "american-slip", "single-one-inside",
        "none"])
def test_infer_style_counts_the_evidence(text: str, style: str) -> None:
    assert infer_style(text, attribute(text)).style == style
    assert check(text) == check(text, style=style)
