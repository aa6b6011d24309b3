"""Writing a command's output files: the one way every ``sakip`` command writes a file.

:func:`writing` checks everything about the targets before the command does its work — the
extension names the format being written, the folder exists and is writable, nothing is
overwritten without ``--force`` — and reports it as problems (:class:`InputError`), never as a
crash. It then reserves a temporary file beside each target (``.sakip-*``) that the command
fills; when the command finishes, each is renamed over its target in one step
(``os.replace``), so a reader sees either the old file or the whole new one. If the command
fails, is interrupted (Ctrl+C) or terminated (SIGTERM), the temporary files are removed.

    with writing([(path, WORKBOOK)], force=args.force) as (out,):
        plan = load_plan(args.path)           # the work, after the checks
        out.write_with(lambda stream: export_plan(plan, stream))
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO

from sakip.io.problems import InputError, Problem

TEMPORARY_PREFIX = ".sakip-"


@dataclass(frozen=True)
class Kind:
    """A kind of output file: the extensions that name it, and its name for messages."""

    suffixes: tuple[str, ...]
    name_id: str
    name_en: str


WORKBOOK = Kind((".xlsx",), "buku kerja Excel", "an Excel workbook")
PLAN = Kind((".yaml", ".yml"), "berkas rencana YAML", "a YAML plan file")
REPORT = Kind((".docx", ".pdf", ".html", ".htm"), "laporan", "a report")
DOCUMENT = Kind((".docx",), "dokumen Word", "a Word document")


class Terminated(BaseException):
    """SIGTERM arrived while an output was being written (exit status 143)."""


class Pending:
    """One output being written: fill it with exactly one of the ``write*`` methods."""

    def __init__(self, target: Path, temporary: Path) -> None:
        self.target = target
        self.temporary = temporary
        self.written = False

    def write(self, data: bytes) -> None:
        self.temporary.write_bytes(data)
        self.written = True

    def write_with(self, fill: Callable[[IO[bytes]], None]) -> None:
        """``fill`` writes into an open binary stream."""
        with self.temporary.open("wb") as stream:
            fill(stream)
        self.written = True

    def save_with(self, save: Callable[[Path], None]) -> None:
        """``save`` writes a file at the path it is given (for libraries that save to a path)."""
        save(self.temporary)
        self.written = True


Target = tuple[Path, Kind]


def check(targets: Sequence[Target], force: bool) -> None:
    """Raise InputError with every problem that would stop writing ``targets``."""
    problems: list[Problem] = []
    for path, kind in targets:
        problems.extend(_problems(path, kind, force))
    if problems:
        raise InputError(problems)


def _problems(path: Path, kind: Kind, force: bool) -> list[Problem]:
    where = str(path)
    found: list[Problem] = []
    suffix = path.suffix.lower()
    if suffix not in kind.suffixes:
        known = ", ".join(kind.suffixes)
        shown = suffix or "(tanpa akhiran)"
        shown_en = suffix or "(no extension)"
        found.append(Problem(
            "OUTPUT_WRONG_EXTENSION",
            f"akhiran '{shown}' tidak cocok: yang ditulis adalah {kind.name_id}, "
            f"gunakan berkas berakhiran {known}",
            f"the extension '{shown_en}' does not match: what is written is {kind.name_en}, "
            f"use a file ending in {known}", file=where))
    folder = _folder(path)
    if not folder.exists():
        found.append(Problem("OUTPUT_FOLDER_MISSING", f"folder tujuan '{folder}' tidak ada",
                             f"the target folder '{folder}' does not exist", file=where))
    elif not folder.is_dir():
        found.append(Problem("OUTPUT_FOLDER_NOT_A_FOLDER",
                             f"tujuan '{folder}' bukan folder melainkan berkas",
                             f"the target '{folder}' is a file, not a folder", file=where))
    elif path.is_dir():
        found.append(Problem("OUTPUT_IS_DIRECTORY", "keluaran adalah folder, bukan berkas",
                             "the output is a folder, not a file", file=where))
    elif path.exists() and not force:
        found.append(Problem("OUTPUT_EXISTS",
                             "berkas keluaran sudah ada; pakai --force untuk menimpanya",
                             "the output file already exists; use --force to overwrite it",
                             file=where))
    return found


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _not_writable(path: Path, error: OSError) -> InputError:
    reason = error.strerror or type(error).__name__
    folder = _folder(path)
    return InputError([Problem(
        "OUTPUT_FOLDER_NOT_WRITABLE",
        f"tidak dapat menulis di folder '{folder}': {reason}",
        f"cannot write in the folder '{folder}': {reason}", file=str(path))])


def prepare_folder(folder: Path) -> bool:
    """Create ``folder`` (and its parents) when missing, or raise InputError; True if created."""
    if folder.is_dir():
        return False
    if folder.exists():
        raise InputError([Problem("OUTPUT_NOT_A_FOLDER",
                                  "tujuan harus folder, tetapi ini sebuah berkas",
                                  "the target must be a folder, but it is a file",
                                  file=str(folder))])
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError([Problem("OUTPUT_FOLDER_NOT_WRITABLE",
                                  f"folder tidak dapat dibuat: {reason}",
                                  f"the folder cannot be created: {reason}",
                                  file=str(folder))]) from None
    return True


@contextmanager
def writing(targets: Sequence[Target], force: bool) -> Iterator[list[Pending]]:
    """Check ``targets``, reserve a temporary file beside each, and yield them to be filled.

    On a normal exit every target is replaced by its filled temporary file (one left unfilled
    is not written: its temporary file is removed); on any exception,
    Ctrl+C or SIGTERM (raised as :class:`Terminated`) every temporary file is removed.
    """
    check(targets, force)
    pending: list[Pending] = []
    with _terminate_raises():
        try:
            for path, _kind in targets:
                pending.append(_reserve(path))
            yield pending
            for item in pending:
                if item.written:
                    _commit(item)
                else:  # the command stopped before filling it: nothing is written there
                    item.temporary.unlink(missing_ok=True)
        except BaseException:
            for item in pending:
                item.temporary.unlink(missing_ok=True)
            raise


def _reserve(path: Path) -> Pending:
    try:
        handle, name = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=path.suffix,
                                        dir=_folder(path))
    except OSError as error:
        raise _not_writable(path, error) from None
    os.close(handle)
    return Pending(path, Path(name))


def _commit(item: Pending) -> None:
    mode = item.target.stat().st_mode & 0o777 if item.target.exists() else _default_mode()
    os.chmod(item.temporary, mode)  # mkstemp makes it private (0600); give the usual mode
    os.replace(item.temporary, item.target)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """While writing, SIGTERM raises :class:`Terminated` so the temporary files are removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
