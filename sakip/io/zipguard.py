"""What a zip package (xlsx, docx) says about itself before it is inflated: the one rule for a
part that inflates suspiciously, used by the workbook import and the review's DOCX reader."""

from __future__ import annotations

import zipfile
from decimal import Decimal

RATIO_FROM = 1024 * 1024  # parts smaller than this once unpacked may inflate as they like


def inflating_part(archive: zipfile.ZipFile, max_ratio: int) -> zipfile.ZipInfo | None:
    """The first part of 1 MiB or more that inflates more than ``max_ratio`` times."""
    for info in archive.infolist():
        if info.file_size >= RATIO_FROM and info.file_size > max_ratio * max(info.compress_size, 1):
            return info
    return None


def ratio(info: zipfile.ZipInfo) -> int:
    """How many times a part inflates."""
    return info.file_size // max(info.compress_size, 1)


def mib(size: int, lang: str = "en") -> str:
    """A size for a message, with one decimal unless it is whole: ``12.5 MiB``; Indonesian
    (``lang="id"``) ``1.500,4 MiB``."""
    from sakip.io.idnum import format_id

    value = (Decimal(size) / 2**20).quantize(Decimal("0.1"))
    places = 0 if value == value.to_integral_value() else 1
    text = format_id(value, places) if lang == "id" else f"{value:,.{places}f}"
    return f"{text} MiB"
