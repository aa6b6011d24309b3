"""The period an entry workbook is for: a whole year, one of its quarters or one of its months."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip.core.periods import MONTHS, QUARTERS, Period

_SLUG = re.compile(r"^(?:(tahun)|tw([1-4])|b(1[0-2]|[1-9]))$")


@dataclass(frozen=True)
class EntryPeriod:
    """A year, or a quarter (``quarter``) or a month (``month``) of it, never both."""

    year: int
    quarter: int | None = None
    month: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and self.month is not None:
            raise ValueError("a quarter or a month, not both")
        if self.quarter is not None and self.quarter not in QUARTERS:
            raise ValueError(f"no quarter {self.quarter}")
        if self.month is not None and self.month not in MONTHS:
            raise ValueError(f"no month {self.month}")

    @property
    def period(self) -> Period | None:
        """The quarter or month; None for the whole year."""
        return Period.of(self.quarter, self.month)

    def key(self, code: str) -> tuple[str, int, int | None, int | None]:
        """The key of a target, realisation or budget line of ``code`` in this period."""
        return (code, self.year, self.quarter, self.month)

    def label(self, lang: str = "id") -> str:
        """``Triwulan III 2020``, ``Juli 2020``, ``Tahun 2020`` (``Quarter III 2020`` …)."""
        period = self.period
        if period is None:
            return f"{'Year' if lang == 'en' else 'Tahun'} {self.year}"
        return f"{period.label(lang)} {self.year}"

    def part(self, lang: str = "id") -> str:
        """The period without its year: ``Triwulan III``, ``Juli``, ``2020`` for a whole year."""
        period = self.period
        return str(self.year) if period is None else period.label(lang)

    @property
    def slug(self) -> str:
        """The period in a web address: ``tahun``, ``tw3``, ``b7``."""
        if self.quarter is not None:
            return f"tw{self.quarter}"
        if self.month is not None:
            return f"b{self.month}"
        return "tahun"

    @classmethod
    def from_slug(cls, year: int, slug: str) -> EntryPeriod | None:
        """The period a :attr:`slug` names in ``year``; None for anything else."""
        found = _SLUG.match(slug or "")
        if found is None:
            return None
        quarter, month = found.group(2), found.group(3)
        return cls(year, int(quarter) if quarter else None, int(month) if month else None)

    @classmethod
    def choices(cls, year: int) -> tuple[EntryPeriod, ...]:
        """Every period of ``year`` an entry workbook can be made for, the year first."""
        return (cls(year), *(cls(year, quarter=q) for q in QUARTERS),
                *(cls(year, month=m) for m in MONTHS))
