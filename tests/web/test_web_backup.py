"""`sakip backup` / `sakip restore`: back up the whole installation, wipe it, restore it, and find
every figure, every row and every evidence file as it was (on SQLite and on PostgreSQL: the suite
runs on both)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from sakip.core.measure import measure
from sakip.io.problems import InputError
from sakip.web import backup as b
from sakip.web.plans import convert
from sakip.web.plans.models import Actual, Agency
from sakip.web.workflow.models import Evidence
from tests.web.world import World


def _figures() -> dict[tuple[str, int], object]:
    """Every agency-year's measurement, read from the tables (not from the plan cache)."""
    convert._CACHE.clear()
    figures: dict[tuple[str, int], object] = {}
    for agency in Agency.objects.order_by("code"):
        plan = convert.plan_from_db(agency)
        sp = plan.strategic_plan
        for year in range(sp.start, sp.end + 1):
            figures[(agency.code, year)] = measure(plan, year)
    return figures


def _rows() -> dict[str, list[dict[str, object]]]:
    from django.core import serializers

    return {model._meta.label_lower: json.loads(serializers.serialize(
        "json", model._base_manager.order_by("pk")))
        for model in b.models()}


def _hashes() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {e.file.name: hashlib.sha256((root / e.file.name).read_bytes()).hexdigest()
            for e in Evidence.objects.all()}


def _evidence(world: World) -> None:
    """Two evidence files, one linked to a second realisation too."""
    actuals = list(Actual.objects.filter(indicator__agency=world.a).order_by("pk")[:2])
    user = get_user_model().objects.get(username="operator_a")
    for index, content in enumerate((b"%PDF-1.4 bukti satu\n", b"\x89PNG\r\n\x1a\nbukti dua")):
        item = Evidence(actual=actuals[0], name=f"bukti-{index}.pdf", kind="pdf",
                        size=len(content), uploaded_by=user)
        item.file.save(f"bukti-{index}.pdf", ContentFile(content), save=True)
        if index:
            item.links.add(actuals[1])


def _backup() -> bytes:
    stream = io.BytesIO()
    b.backup(stream)
    return stream.getvalue()


def test_backup_wipe_restore_gives_back_every_figure_row_and_file(world: World, tmp_path: Path
                                                                  ) -> None:
    _evidence(world)
    figures, rows, hashes = _figures(), _rows(), _hashes()
    path = tmp_path / "cadangan.zip"
    path.write_bytes(_backup())
    manifest = json.loads(zipfile.ZipFile(path).read("manifest.json"))
    assert manifest["format"] == b.FORMAT
    assert set(manifest["files"]) == set(hashes)
    assert sum(manifest["rows"].values()) == sum(len(v) for v in rows.values())

    # wipe: every row and every evidence file
    b._empty_tables()
    for name in hashes:
        (Path(settings.MEDIA_ROOT) / name).unlink()
    assert not Agency.objects.exists() and not Evidence.objects.exists()

    summary = b.restore(path)
    assert summary.files == len(hashes)
    assert _rows() == rows
    assert _hashes() == hashes
    assert _figures() == figures
    assert Evidence.objects.get(name="bukti-1.pdf").links.count() == 1


def test_restore_refuses_a_database_holding_data_unless_forced(world: World, tmp_path: Path
                                                               ) -> None:
    path = tmp_path / "c.zip"
    path.write_bytes(_backup())
    with pytest.raises(InputError) as refused:
        b.restore(path)
    assert refused.value.problems[0].code == "RESTORE_NOT_EMPTY"
    Agency.objects.filter(code="dinas-contoh").update(name="Diubah setelah cadangan")
    b.restore(path, force=True)
    assert Agency.objects.get(code="dinas-contoh").name != "Diubah setelah cadangan"


def _damaged(source: bytes, change: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename in change:
                if change[info.filename] is not None:
                    new.writestr(info.filename, change[info.filename])
            else:
                new.writestr(info, old.read(info))
        for name, data in change.items():
            if data is not None and name not in old.namelist():
                new.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("change", "code"), [
    ({"manifest.json": None}, "RESTORE_NOT_A_BACKUP"),
    ({"manifest.json": b"{not json"}, "RESTORE_NOT_A_BACKUP"),
    ({"manifest.json": b'{"format": "other/9"}'}, "RESTORE_FORMAT"),
    ({"files/../../etc/passwd": b"x"}, "RESTORE_UNEXPECTED_ENTRY"),
    ("damage-file", "RESTORE_FILE_DAMAGED"),
    ("drop-file", "RESTORE_FILE_ABSENT"),
    ("other-schema", "RESTORE_SCHEMA"),
])
def test_a_broken_backup_is_refused_before_anything_changes(world: World, tmp_path: Path,
                                                            change: object, code: str) -> None:
    _evidence(world)
    good = _backup()
    names = [n for n in zipfile.ZipFile(io.BytesIO(good)).namelist() if n.startswith("files/")]
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(good)).read("manifest.json"))
    if change == "damage-file":
        change = {names[0]: b"tampered"}
    elif change == "drop-file":
        change = {names[0]: None}
    elif change == "other-schema":
        manifest["migrations"] = manifest["migrations"][:-1]
        change = {"manifest.json": json.dumps(manifest).encode()}
    path = tmp_path / "rusak.zip"
    path.write_bytes(_damaged(good, change))  # type: ignore[arg-type]
    rows = _rows()
    with pytest.raises(InputError) as refused:
        b.restore(path, force=True)
    assert refused.value.problems[0].code == code
    assert _rows() == rows


def test_backup_and_restore_commands(world: World, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from sakip.cli.main import main

    out = tmp_path / "c.zip"
    assert main(["backup", "-o", str(out)]) == 0
    assert "Cadangan ditulis" in capsys.readouterr().out
    assert main(["backup", "-o", str(out)]) == 1  # exists: --force
    assert main(["restore", str(out)]) == 1  # database holds data
    assert "RESTORE_NOT_EMPTY" in capsys.readouterr().err
    assert main(["--lang", "en", "restore", str(out), "--force"]) == 0
    assert "Restored from" in capsys.readouterr().out
    assert main(["restore", str(tmp_path / "none.zip")]) == 1
