"""The command line's parser and the argument types the sub-commands share.

A usage error — an unknown option, ``--year abc``, a missing argument, ``--max-size -5`` — is
printed with the stable code :data:`USAGE_CODE`, in the language asked for, with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

USAGE_CODE = "CLI_USAGE"


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors carrying :data:`USAGE_CODE`; the sub-command parsers are of
    this class too (argparse makes them of their parent's class)."""

    language = "id"  # set from --lang before parsing (sakip.cli.main)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        head = "salah pemakaian" if Parser.language == "id" else "usage error"
        self.exit(2, f"{self.prog}: {head}: {message} [{USAGE_CODE}]\n")


def positive_int(text: str) -> int:
    """A whole number above zero (a size or count limit)."""
    english = Parser.language == "en"
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a whole number: {text!r}" if english
            else f"bukan bilangan bulat: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(
            f"must be more than 0, not {text}" if english
            else f"harus lebih dari 0, bukan {text}")
    return value
