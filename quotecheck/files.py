"""Reading the command line's inputs: one walk of folders and one reader of files.

The three commands (``quotecheck``, ``quotecheck check``, ``quotecheck verify``) take
their articles through :func:`walk` and :func:`read_text`, so they agree on which files
a folder holds, how bytes become text and which inputs are refused:

- folders are walked in sorted order; hidden files and folders (a name starting with
  ``.``) are skipped, and a folder that cannot be listed is reported, not passed over;
- ``-`` is standard input, read as bytes like any file;
- text is decoded exactly as stored: ``\\r\\n`` line ends are kept, so character
  offsets are the same in every command;
- refused with a one-line reason: a missing or unreadable file, bytes not valid in
  the encoding, a binary file (a NUL character), a FIFO or device (``/dev/zero``),
  a file over :data:`MAX_BYTES`, a file whose name is not valid UTF-8.

>>> [str(item) for item in walk(["no-such-folder"], "*.txt")]
["Failure(where='no-such-folder', message='no such file or directory')"]
>>> read_text("no-such-file.txt", "utf-8")
Failure(where='no-such-file.txt', message='no such file or directory')
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import NamedTuple

__all__ = ["MAX_BYTES", "Failure", "display_name", "read_text", "unknown_encoding", "walk"]

# The largest input read, in bytes: far beyond any article, small enough that standard
# input fed from an endless stream (``< /dev/zero``) stops instead of filling memory.
MAX_BYTES = 256 * 1024 * 1024


class Failure(NamedTuple):
    """An input that could not be read: where (a path, ``<stdin>``, ``path:line``) and why."""

    where: str
    message: str


def display_name(path: str) -> str:
    """``path`` as printable text: bytes of a name that are not UTF-8 shown as ``\\xNN``.

    >>> display_name("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace") if path != "-" else "<stdin>"


def unknown_encoding(encoding: str) -> bool:
    """Whether Python knows no codec of that name (a usage error, exit 2).

    >>> unknown_encoding("latin-1"), unknown_encoding("klingon-8")
    (False, True)
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        return True
    return False


def _valid_name(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of the name, kept as lone surrogates
        return False
    return True


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _walk_folder(folder: str, glob: str) -> Iterator[str | Failure]:
    """The files under ``folder`` matching ``glob``, sorted; failures for unlistable folders."""
    found: list[tuple[tuple[str, ...], str]] = []
    failures: list[Failure] = []

    def unlistable(error: OSError) -> None:
        failures.append(Failure(display_name(error.filename or folder),
                                f"folder not read: {_reason(error)}"))

    for top, folders, files in os.walk(folder, onerror=unlistable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        relative = PurePath(os.path.relpath(top, folder)).parts
        for name in files:
            parts = (*(p for p in relative if p != "."), name)
            if name.startswith(".") or not PurePath(*parts).match(glob):
                continue
            path = str(PurePath(top, name))  # as pathlib writes it: "./d" → "d/…"
            try:
                regular = stat.S_ISREG(os.stat(path).st_mode)
            except OSError:
                regular = True  # a broken link: read_text says why
            if regular:
                found.append((parts, path))
    yield from failures
    yield from (path for _, path in sorted(found))


def walk(paths: Sequence[str], glob: str) -> Iterator[str | Failure]:
    """The inputs named on a command line: files and ``-`` as given, folders walked.

    Hidden files and folders inside a walked folder are skipped, as are FIFOs and
    devices there; named on the command line, they are read (and refused by
    :func:`read_text` if they cannot be).
    """
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            yield from _walk_folder(path, glob)
        elif os.path.lexists(path):
            yield path
        else:
            yield Failure(display_name(path), "no such file or directory")


def _read_bytes(path: str) -> bytes | Failure:
    name = display_name(path)
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stream, as in some embedding programs
            return sys.stdin.read().encode("utf-8", "surrogatepass")
        raw: bytes = stream.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return Failure(name, f"more than {MAX_BYTES // (1024 * 1024)} MB, not read")
        return raw
    if not _valid_name(path):
        return Failure(name, "the file name is not valid UTF-8 (shown with \\x escapes):"
                       " rename the file")
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return Failure(name, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
            return Failure(name, f"not a regular file ({kind}), not read")
        if info.st_size > MAX_BYTES:
            return Failure(name, f"more than {MAX_BYTES // (1024 * 1024)} MB, not read")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        return Failure(name, _reason(error))


def read_text(path: str, encoding: str) -> str | Failure:
    """The whole text of ``path`` (``-``: standard input), decoded without newline changes.

    A binary file (one holding a NUL character once decoded) is refused, not read as
    text: news copy never holds one, and every single-byte encoding would decode it.
    """
    raw = _read_bytes(path)
    if isinstance(raw, Failure):
        return raw
    name = display_name(path)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        nul = raw.find(b"\0")
        if nul >= 0:
            return Failure(name, f"a binary file, not text (a NUL byte at offset {nul})")
        byte = raw[error.start : error.start + 1].hex()
        return Failure(
            name,
            f"not valid {encoding} (byte 0x{byte} at offset {error.start});"
            " name the file's encoding with --encoding, e.g. --encoding latin-1",
        )
    nul = text.find("\0")
    if nul >= 0:
        return Failure(name, f"a binary file, not text (a NUL character at offset {nul})")
    return text
