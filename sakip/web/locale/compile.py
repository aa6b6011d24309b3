"""Extract, update and compile the web application's catalogues with Babel, not GNU gettext.

    python -m sakip.web.locale.compile            # update django.po from the sources, write django.mo
    python -m sakip.web.locale.compile --check    # exit 1 when a .po or .mo is out of date

Messages come from the templates (through Django's own ``templatize``, as ``makemessages`` reads
them) and from ``gettext``/``gettext_lazy``/``_`` calls in the Python modules. Updating keeps
every existing translation, adds new msgids with an empty msgstr and marks vanished ones obsolete.
Tests (tests/web/test_web_i18n.py) fail when the committed ``.mo`` differs from its ``.po`` or a
msgid has no English.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent
WEB = LOCALE.parent
LANGUAGES = ("en",)
KEYWORDS = {"_": None, "gettext": None, "gettext_lazy": None, "ngettext": (1, 2),
            "ngettext_lazy": (1, 2), "pgettext": ((1, "c"), 2), "pgettext_lazy": ((1, "c"), 2)}

HEADER = ("# The web application in English. msgids are Indonesian (the source language).\n"
          "# Update and compile: python -m sakip.web.locale.compile (Babel; no GNU gettext).")

Message = tuple[str | tuple[str, ...], str | None, str]  # msgid (singular, plural), context, where


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def _from_code(code: str, where: str) -> Iterator[Message]:
    for lineno, message, _comments, context in extract("python", io.BytesIO(code.encode()),
                                                        keywords=KEYWORDS):
        yield message, context, f"{where}:{lineno}"


def template_messages() -> Iterator[Message]:
    from django.utils.translation.template import templatize

    for path in sorted((WEB / "templates").rglob("*.html")):
        where = path.relative_to(WEB).as_posix()
        yield from _from_code(templatize(path.read_text(encoding="utf-8"), origin=str(path)), where)


def python_messages() -> Iterator[Message]:
    for path in sorted(WEB.rglob("*.py")):
        parts = path.relative_to(WEB).parts
        if "migrations" in parts or parts[0] == "locale":
            continue
        yield from _from_code(path.read_text(encoding="utf-8"), path.relative_to(WEB).as_posix())


def extracted() -> Catalog:
    catalog = Catalog(project="sakip", locale="id", fuzzy=False)
    for message, context, where in (*template_messages(), *python_messages()):
        path, line = where.rsplit(":", 1)
        flags = ("python-format",) if "%(" in str(message) or "%%" in str(message) else ()
        catalog.add(message, None, locations=[(path, int(line))], flags=flags, context=context)
    return catalog


def read(language: str) -> Catalog:
    with po_path(language).open("rb") as f:
        return read_po(f, locale=language)


def updated(language: str) -> Catalog:
    """The .po of ``language`` with the msgids of the sources, translations kept."""
    path = po_path(language)
    catalog = read(language) if path.exists() else Catalog(locale=language, project="sakip")
    created, revised = catalog.creation_date, catalog.revision_date
    catalog.update(extracted(), no_fuzzy_matching=True)
    catalog.creation_date, catalog.revision_date = created, revised  # stable output: --check
    catalog.fuzzy = False
    catalog.header_comment = HEADER
    catalog.last_translator = catalog.language_team = "Sakip"
    catalog.msgid_bugs_address = ""
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    return [str(m.id) for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple)
                                                            else (m.string,))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for language in LANGUAGES:
        catalog = updated(language)
        po, mo = po_bytes(catalog), mo_bytes(catalog)
        for path, content in ((po_path(language), po), (po_path(language).with_suffix(".mo"), mo)):
            if path.exists() and path.read_bytes() == content:
                continue
            stale.append(path)
            if not args.check:
                path.write_bytes(content)
        missing = untranslated(catalog)
        if missing:
            print(f"{language}: {len(missing)} msgids without a translation", file=sys.stderr)
    for path in stale:
        print(f"{'stale' if args.check else 'written'}: {path.relative_to(WEB.parent.parent)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
