"""Broken workbooks made at test time from the example (examples/belitung-2020.xlsx): one
part of the archive rewritten, the way a person, another program or an attacker would."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.corpus.case import ROOT

EXAMPLE = ROOT / "examples" / "belitung-2020.xlsx"


def sheet_part(names: list[str], data: bytes, sheet: str) -> str:
    """The archive member of a sheet of a workbook written by openpyxl (sheet1.xml, …)."""
    del data
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def sheet_names(archive: zipfile.ZipFile) -> list[str]:
    xml = archive.read("xl/workbook.xml").decode("utf-8")
    return re.findall(r'<sheet [^>]*name="([^"]*)"', xml)


def rewrite(path: Path, changes: dict[str, Callable[[bytes], bytes | None]],
            extra: dict[str, bytes] | None = None, source: Path = EXAMPLE) -> Path:
    """Copy ``source`` to ``path`` with members changed (a sheet by its name, or a member by
    its path; a change returning None drops the member) and ``extra`` members added."""
    with zipfile.ZipFile(source) as archive:
        names = sheet_names(archive)
        members = {(f"xl/worksheets/sheet{names.index(key) + 1}.xml" if key in names else key):
                   change for key, change in changes.items()}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in archive.infolist():
                data = archive.read(info.filename)
                change = members.get(info.filename)
                changed = data if change is None else change(data)
                if changed is not None:
                    target.writestr(info, changed)
            for name, data in (extra or {}).items():
                target.writestr(name, data)
    path.write_bytes(out.getvalue())
    return path


def replace(old: str, new: str) -> Callable[[bytes], bytes]:
    """A change that replaces the first ``old`` text of a part (it must be there)."""
    def change(data: bytes) -> bytes:
        encoded = old.encode("utf-8")
        if encoded not in data:
            raise KeyError(old)
        return data.replace(encoded, new.encode("utf-8"), 1)
    return change


def sub(pattern: str, new: str) -> Callable[[bytes], bytes]:
    """A change that replaces the first match of the regular expression ``pattern`` (it must
    match); ``new`` may refer to its groups (a cell's style kept as it is: ``\\1``)."""
    def change(data: bytes) -> bytes:
        result, count = re.subn(pattern.encode("utf-8"), new.encode("utf-8"), data, count=1)
        if not count:
            raise KeyError(pattern)
        return result
    return change


def before_end(xml: str) -> Callable[[bytes], bytes]:
    """Rows added at the end of a sheet's data."""
    return replace("</sheetData>", xml + "</sheetData>")
