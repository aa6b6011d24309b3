"""A backup of the whole installation that restores: every table and every evidence file.

``sakip backup -o FILE.zip`` writes one ZIP file holding

- ``manifest.json``: the format, when and from which database it was made, the migrations the
  database had (a backup restores only into the same schema), the number of rows of each table
  and the SHA-256 and size of each evidence file;
- ``data/<app>.<model>.jsonl``: each table's rows, one JSON object per line (Django's ``jsonl``
  serializer, primary keys kept so that every page's address stays the same — Django's content
  types and permissions too, so that what refers to them by key still finds them);
- ``files/<name>``: each evidence file the database refers to, under its stored name.

It is consistent while the server runs: every table is read in ONE database transaction (on
PostgreSQL ``REPEATABLE READ``, one snapshot; on SQLite a read transaction, which writers wait
for), and the files copied are those the rows of that snapshot name. Evidence files are written
once and never changed, so a file read after the snapshot is the file the snapshot names (one
deleted meanwhile is listed in the manifest as missing, a warning).

``sakip restore FILE.zip`` checks the whole file before it changes anything (format, schema,
every file's hash), then replaces every table's rows in one transaction (Django's ``loaddata``,
which also resets PostgreSQL's sequences) and puts the files in place. It refuses a database
that already holds data unless ``force`` is given. Sessions are not backed up (everyone signs in
again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model

from sakip.io.problems import InputError, Problem, Severity

FORMAT = "sakip-backup/1"
# Not worth keeping: everyone signs in again after a restore.
SKIPPED = frozenset({"sessions.session"})
CHUNK = 2000
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


@dataclass
class Summary:
    """What a backup or a restore did."""

    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0
    warnings: list[Problem] = field(default_factory=list)


def models() -> list[type[Model]]:
    """Every table that is backed up, parents before the tables that refer to them."""
    chosen = [model for model in apps.get_models()
              if model._meta.label_lower not in SKIPPED and not model._meta.proxy]
    ordered = serializers.sort_dependencies([(None, chosen)], allow_cycles=True)
    return [model for model in ordered if model in chosen]


def _migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _file_names() -> Iterator[str]:
    """The stored names of the evidence files the current transaction's rows refer to."""
    for model in models():
        file_fields = [f for f in model._meta.concrete_fields
                       if f.get_internal_type() in ("FileField", "ImageField")]
        for f in file_fields:
            for name in model._base_manager.exclude(**{f.name: ""}).values_list(f.name, flat=True):
                if name:
                    yield name


def backup(stream: IO[bytes]) -> Summary:
    """Write the backup ZIP of the whole database and its evidence files to ``stream``."""
    summary = Summary()
    files: dict[str, dict[str, Any]] = {}
    missing: list[str] = []
    outer = connection.in_atomic_block  # a caller's transaction is the snapshot then
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as book, \
            transaction.atomic():
        if connection.vendor == "postgresql" and not outer:
            with connection.cursor() as cursor:  # the first statement: one snapshot for all
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for model in models():
            label = model._meta.label_lower
            with book.open(f"data/{label}.jsonl", "w", force_zip64=True) as raw, \
                    io.TextIOWrapper(raw, encoding="utf-8") as out:
                rows = model._base_manager.order_by("pk").iterator(chunk_size=CHUNK)
                counter = _Counted(rows)
                serializers.serialize("jsonl", counter, stream=out)
            summary.rows[label] = counter.count
        root = _media_root()
        for name in sorted(set(_file_names())):
            path = _inside(root, name)
            if path is None or not path.is_file():
                missing.append(name)
                continue
            digest = hashlib.sha256()
            with path.open("rb") as source, \
                    book.open(f"files/{name}", "w", force_zip64=True) as target:
                while block := source.read(1 << 20):
                    digest.update(block)
                    target.write(block)
            size = path.stat().st_size
            files[name] = {"sha256": digest.hexdigest(), "size": size}
            summary.files += 1
            summary.bytes += size
        manifest = {
            "format": FORMAT,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "migrations": _migrations(),
            "rows": summary.rows,
            "files": files,
            "missing_files": missing,
        }
        book.writestr("manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
    summary.warnings = [Problem(
        "BACKUP_FILE_MISSING",
        f"berkas bukti dukung '{name}' tercatat di basis data tetapi tidak ada di {root}",
        f"the evidence file '{name}' is recorded in the database but missing from {root}",
        severity=Severity.WARNING) for name in missing]
    return summary


class _Counted:
    """An iterator that counts what it gives."""

    def __init__(self, items: Iterator[Model]) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> Iterator[Model]:
        for item in self.items:
            self.count += 1
            yield item


def _inside(root: Path, name: str) -> Path | None:
    """``name`` under ``root``, or None when it would leave it (an absolute path, ``..``)."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        return None
    return root.joinpath(*pure.parts)


def _problem(code: str, message_id: str, message_en: str, path: Path) -> InputError:
    return InputError([Problem(code, message_id, message_en, file=str(path))])


def read_manifest(path: Path, book: zipfile.ZipFile) -> dict[str, Any]:
    try:
        info = book.getinfo("manifest.json")
    except KeyError:
        raise _problem("RESTORE_NOT_A_BACKUP",
                       "berkas ini bukan cadangan Sakip (tidak ada manifest.json)",
                       "this file is not a Sakip backup (no manifest.json)", path) from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _problem("RESTORE_NOT_A_BACKUP", "manifest.json terlalu besar",
                       "manifest.json is too large", path)
    try:
        manifest = json.loads(book.read(info))
    except (ValueError, zipfile.BadZipFile) as error:
        raise _problem("RESTORE_NOT_A_BACKUP", f"manifest.json tidak terbaca: {error}",
                       f"manifest.json cannot be read: {error}", path) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        shown = manifest.get("format") if isinstance(manifest, dict) else None
        raise _problem("RESTORE_FORMAT", f"format cadangan '{shown}' tidak dikenal "
                       f"(yang dikenal: {FORMAT})",
                       f"unknown backup format '{shown}' (known: {FORMAT})", path)
    return manifest


def _has_data() -> bool:
    """Anything beyond what ``migrate`` itself creates (content types, permissions)."""
    return any(model._base_manager.exists() for model in models()
               if model._meta.app_label not in ("contenttypes", "auth")
               or model._meta.model_name in ("user", "group"))


def restore(path: Path, *, force: bool = False) -> Summary:
    """Replace the database's rows and the evidence files with the backup at ``path``."""
    try:
        book = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise _problem("RESTORE_UNREADABLE", f"berkas cadangan tidak dapat dibuka: {error}",
                       f"the backup file cannot be opened: {error}", path) from None
    with book, tempfile.TemporaryDirectory(prefix=".sakip-restore-",
                                           dir=_staging_parent()) as folder:
        manifest = read_manifest(path, book)
        call_command("migrate", interactive=False, verbosity=0)
        if [list(m) for m in manifest.get("migrations", [])] != _migrations():
            raise _problem(
                "RESTORE_SCHEMA",
                "cadangan ini dibuat dengan versi basis data yang lain; pulihkan dengan versi "
                "Sakip yang membuatnya, lalu perbarui",
                "this backup was made with another database schema; restore it with the Sakip "
                "version that made it, then upgrade", path)
        if not force and _has_data():
            raise _problem(
                "RESTORE_NOT_EMPTY",
                "basis data tujuan sudah berisi data; pulihkan ke basis data kosong, atau "
                "gunakan --force untuk menggantinya seluruhnya",
                "the target database already holds data; restore into an empty database, or "
                "use --force to replace it entirely", path)
        staging = Path(folder)
        summary = Summary(rows=dict(manifest.get("rows", {})))
        fixtures = _extract(path, book, staging, summary, manifest)
        with transaction.atomic():
            _empty_tables()
            loaded = [f for f in fixtures if f.stat().st_size]  # loaddata warns of empty ones
            if loaded:
                call_command("loaddata", *map(str, loaded), verbosity=0)
            counts = {model._meta.label_lower: model._base_manager.count() for model in models()}
            wrong = {label: (rows, counts.get(label)) for label, rows in summary.rows.items()
                     if counts.get(label) != rows}
            if wrong:
                raise _problem("RESTORE_INCOMPLETE",
                               f"jumlah baris tidak sesuai manifest: {wrong}",
                               f"row counts differ from the manifest: {wrong}", path)
        _place_files(staging / "files", _media_root())  # after the rows are committed
    return summary


def _staging_parent() -> Path:
    """Beside the evidence folder, so that the files are moved into place, not copied."""
    root = _media_root()
    root.mkdir(parents=True, exist_ok=True)
    return root.parent


def _extract(path: Path, book: zipfile.ZipFile, staging: Path, summary: Summary,
             manifest: dict[str, Any]) -> list[Path]:
    """Every table file and every evidence file out of the ZIP into ``staging``, each file's
    hash checked against the manifest; nothing outside ``staging`` is touched."""
    fixtures: list[Path] = []
    expected: dict[str, dict[str, Any]] = manifest.get("files", {})
    seen: set[str] = set()
    for info in book.infolist():
        name = info.filename
        if name == "manifest.json" or info.is_dir():
            continue
        if name.startswith("data/") and name.endswith(".jsonl") and "/" not in name[5:]:
            target = staging / "data" / name[5:]
            target.parent.mkdir(parents=True, exist_ok=True)
            with book.open(info) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, 1 << 20)
            fixtures.append(target)
            continue
        stored = name[len("files/"):] if name.startswith("files/") else None
        destination = _inside(staging / "files", stored) if stored else None
        if stored is None or destination is None or stored not in expected:
            raise _problem("RESTORE_UNEXPECTED_ENTRY",
                           f"isi cadangan tidak dikenal: '{name}'",
                           f"unknown entry in the backup: '{name}'", path)
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with book.open(info) as source, destination.open("wb") as out:
            while block := source.read(1 << 20):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != expected[stored]["sha256"]:
            raise _problem("RESTORE_FILE_DAMAGED",
                           f"berkas '{stored}' di dalam cadangan rusak (hash tidak cocok)",
                           f"the file '{stored}' in the backup is damaged (hash mismatch)", path)
        seen.add(stored)
        summary.files += 1
        summary.bytes += int(expected[stored]["size"])
    absent = sorted(set(expected) - seen)
    if absent:
        raise _problem("RESTORE_FILE_ABSENT",
                       f"berkas yang tercatat di manifest tidak ada di cadangan: {absent[:5]}",
                       f"files listed in the manifest are missing from the backup: {absent[:5]}",
                       path)
    return sorted(fixtures)


def _empty_tables() -> None:
    """Delete every backed-up table's rows (in this transaction), children first."""
    with connection.constraint_checks_disabled():
        for model in reversed(models()):
            for through in _auto_through(model):
                through._base_manager.all()._raw_delete(connection.alias)
            model._base_manager.all()._raw_delete(connection.alias)


def _auto_through(model: type[Model]) -> list[type[Model]]:
    return [f.remote_field.through for f in model._meta.local_many_to_many
            if f.remote_field.through._meta.auto_created]


def _place_files(staged: Path, root: Path) -> None:
    """Move the staged evidence files into the evidence folder (each by one rename)."""
    if not staged.is_dir():
        return
    for source in sorted(p for p in staged.rglob("*") if p.is_file()):
        target = root / source.relative_to(staged)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
