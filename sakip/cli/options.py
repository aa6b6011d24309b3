"""The command line's parser and the argument types the sub-commands share.

A usage error — an unknown option, ``--year abc``, a missing argument, ``--max-size -5`` — is
printed with the stable code :data:`USAGE_CODE`, in the language asked for, with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from sakip.cli.english import translated

USAGE_CODE = "CLI_USAGE"


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors carrying :data:`USAGE_CODE` and every help text in the
    language asked for (:mod:`sakip.cli.english`); the sub-command parsers are of this class too
    (argparse makes them of their parent's class)."""

    language = "id"  # set from --lang before the parser is built (sakip.cli.main)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        for name in ("description", "epilog"):
            kwargs[name] = translated(kwargs.get(name), Parser.language)
        base = kwargs.get("formatter_class", argparse.HelpFormatter)
        kwargs["formatter_class"] = _formatter(base)
        super().__init__(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._translate_names()  # argparse's messages name values too ("required: RENCANA.yaml")
        return super().parse_known_args(*args, **kwargs)

    def format_help(self) -> str:
        """The help, every text (an option's, a group's title) in the language asked for."""
        self._translate_names()
        for action in self._actions:
            if isinstance(action.help, str):
                action.help = translated(action.help, Parser.language)
        for group in self._action_groups:
            group.title = translated(group.title, Parser.language)
            group.description = translated(group.description, Parser.language)
        return super().format_help()

    def format_usage(self) -> str:
        self._translate_names()
        return super().format_usage()

    def _translate_names(self) -> None:
        """The names of the values ("RENCANA.yaml", "TAHUN", "PERINTAH") in the language asked
        for: in the usage line, the help and argparse's own messages (each sub-command's parser
        translates its own when it parses or prints)."""
        for action in self._actions:
            if isinstance(action.metavar, str):
                action.metavar = translated(action.metavar, Parser.language)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        head = "salah pemakaian" if Parser.language == "id" else "usage error"
        self.exit(2, f"{self.prog}: {head}: {message} [{USAGE_CODE}]\n")


def _formatter(base: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """``base`` with the usage line's prefix in the language asked for."""

    class Formatter(base):  # type: ignore[valid-type,misc]
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups,
                              translated("usage: ", Parser.language) if prefix is None else prefix)

    return Formatter


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
