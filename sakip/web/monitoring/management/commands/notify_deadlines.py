"""``python -m sakip.web notify-deadlines [--days N]``: remind the editors of agencies with
missing entries N days before a period's deadline (once per period and agency)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sakip.web.monitoring.notify import remind


class Command(BaseCommand):
    help = ("Mail the operators and heads of agencies whose entry of a period closes within "
            "--days days and still misses entries; once per period and agency.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=3,
                            help="how many days before the deadline (default 3)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 0:
            self.stderr.write("--days: a whole number of days, 0 or more")
            raise SystemExit(2)
        sent = remind(options["days"])
        for window, agency, mails in sent:
            self.stdout.write(f"{agency.code}: {window.period.label()} {window.year}: "
                              f"{mails} e-mail(s)")
        self.stdout.write(f"{len(sent)} reminder(s)")
