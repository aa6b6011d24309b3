"""Writing a command's output file: never over an existing file unless asked, never half-written.

The content goes to a temporary file in the target's folder, which is then renamed over the
target in one step (``os.replace``), so a reader sees either the old file or the whole new one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from sakip.io.problems import InputError, Problem


def refuse_existing(path: Path, force: bool) -> None:
    """Raise InputError when ``path`` exists and ``force`` is not given."""
    if path.exists() and not force:
        raise InputError([Problem(
            code="OUTPUT_EXISTS",
            message_id="berkas keluaran sudah ada; pakai --force untuk menimpanya",
            message_en="the output file already exists; use --force to overwrite it",
            file=str(path))])
    if path.is_dir():
        raise InputError([Problem(
            code="OUTPUT_IS_DIRECTORY",
            message_id="keluaran adalah folder, bukan berkas",
            message_en="the output is a folder, not a file", file=str(path))])


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then rename it to ``path``."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError([Problem(
            code="OUTPUT_FOLDER_MISSING",
            message_id="folder tujuan tidak ada",
            message_en="the target folder does not exist", file=str(path))])
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(prefix=".sakip-", suffix=path.suffix, dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.chmod(temporary, mode)  # mkstemp makes it private (0600); give it a file's usual mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
