"""Office packages (DOCX, XLSX) written the same way every time: the same content gives the
same bytes, so an approved year's downloads can be compared and hashed.

A zip records each member's time, and the spreadsheet writer stamps the document's creation
and modification time; both are set to the zip epoch (1980-01-01).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import IO, Any

EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE = "docProps/core.xml"
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def reproducible(package: bytes) -> bytes:
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == _CORE:
                content = _STAMP.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", content)
            target.writestr(member, content)
    return result.getvalue()


def save_workbook(book: Any, target: str | Path | IO[bytes]) -> None:
    """Save an openpyxl workbook reproducibly to a path or a binary file object."""
    buffer = io.BytesIO()
    book.save(buffer)
    content = reproducible(buffer.getvalue())
    if isinstance(target, str | Path):
        Path(target).write_bytes(content)
    else:
        target.write(content)
