"""The stable codes of every problem the workbook importer and exporter report.

Each code is documented in ``docs/workbook.md`` (a test keeps the two in step). The rules a
plan file shares (references, years, NIP …) report the ``PLAN_*`` codes of
:mod:`sakip.io.plan_checks`, documented there too.
"""

from __future__ import annotations

import enum


class Code(enum.StrEnum):
    # the file itself
    FILE_NOT_FOUND = "XLSX_FILE_NOT_FOUND"
    NOT_XLSX = "XLSX_NOT_XLSX"
    LEGACY_XLS = "XLSX_LEGACY_XLS"
    ENCRYPTED = "XLSX_ENCRYPTED"
    CORRUPT = "XLSX_CORRUPT"
    TOO_LARGE = "XLSX_TOO_LARGE"
    TOO_MANY_CELLS = "XLSX_TOO_MANY_CELLS"
    ZIP_BOMB = "XLSX_ZIP_BOMB"
    # sheets and headers
    MISSING_SHEET = "XLSX_MISSING_SHEET"
    UNKNOWN_SHEET = "XLSX_UNKNOWN_SHEET"
    MISSING_COLUMN = "XLSX_MISSING_COLUMN"
    UNKNOWN_COLUMN = "XLSX_UNKNOWN_COLUMN"
    DUPLICATE_COLUMN = "XLSX_DUPLICATE_COLUMN"
    MISSING_FIELD = "XLSX_MISSING_FIELD"
    UNKNOWN_FIELD = "XLSX_UNKNOWN_FIELD"
    MERGED_CELLS = "XLSX_MERGED_CELLS"
    FORMULA_NO_VALUE = "XLSX_FORMULA_NO_VALUE"
    ERROR_VALUE = "XLSX_ERROR_VALUE"
    # cells
    REQUIRED = "XLSX_REQUIRED"
    BAD_NUMBER = "XLSX_BAD_NUMBER"
    BAD_INTEGER = "XLSX_BAD_INTEGER"
    BAD_YEAR = "XLSX_BAD_YEAR"
    BAD_CHOICE = "XLSX_BAD_CHOICE"
    BAD_BOOLEAN = "XLSX_BAD_BOOLEAN"
    BAD_DATE = "XLSX_BAD_DATE"
    BAD_TEXT = "XLSX_BAD_TEXT"
    NUMBER_TOO_LONG = "XLSX_NUMBER_TOO_LONG"
    AMBIGUOUS_NUMBER = "XLSX_AMBIGUOUS_NUMBER"
    OUT_OF_RANGE = "XLSX_OUT_OF_RANGE"
    # records
    DUPLICATE_CODE = "XLSX_DUPLICATE_CODE"
    UNKNOWN_CODE = "XLSX_UNKNOWN_CODE"
    ACTIVITY_NO_PROGRAM = "XLSX_ACTIVITY_NO_PROGRAM"
    TABLE_NO_HEADER = "XLSX_TABLE_NO_HEADER"
    # writing
    EXPORT_BAD_VALUE = "XLSX_EXPORT_BAD_VALUE"
    OUTPUT_EXISTS = "OUTPUT_EXISTS"
