"""Every environment variable the web application reads, declared once with its help text.

This is the only module of :mod:`sakip.web` that reads ``os.environ``. ``docs/web.md`` documents
each variable; a test fails when one is missing there.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit


class ConfigError(ValueError):
    """An environment variable with a value Sakip cannot use."""


@dataclass(frozen=True)
class Variable:
    name: str
    default: str | None
    help: str


VARIABLES: tuple[Variable, ...] = (
    Variable("SAKIP_SECRET_KEY", None,
             "Kunci rahasia Django (sesi, CSRF). Wajib di produksi; tanpa nilai hanya boleh "
             "bila SAKIP_DEBUG=1 atau untuk `sakip demo` (kunci dibuat dan disimpan di "
             "SAKIP_DATA_DIR)."),
    Variable("SAKIP_DEBUG", "0", "1 untuk mode pengembangan (halaman galat Django). Bawaan 0."),
    Variable("SAKIP_DATA_DIR", ".sakip",
             "Folder data: basis data SQLite, berkas bukti dukung, kunci demo. Bawaan ./.sakip/."),
    Variable("SAKIP_DATABASE_URL", None,
             "postgres://user:sandi@host:5432/nama memakai PostgreSQL (psycopg); kosong: SQLite "
             "di SAKIP_DATA_DIR/sakip.sqlite3."),
    Variable("SAKIP_DATABASE_REPLICA_URL", None,
             "postgres://… replika baca (streaming replication) dari SAKIP_DATABASE_URL: "
             "halaman GET dibaca dari replika, kecuali sesi yang baru saja menyimpan "
             "(SAKIP_REPLICA_PIN_SECONDS); semua penulisan ke basis data utama."),
    Variable("SAKIP_REPLICA_PIN_SECONDS", "30",
             "Lama (detik) sesi yang baru menyimpan membaca dari basis data utama, agar "
             "melihat perubahannya sendiri walau replika tertinggal."),
    Variable("SAKIP_ALLOWED_HOSTS", "127.0.0.1,localhost",
             "Nama host yang dilayani, dipisah koma."),
    Variable("SAKIP_CSRF_TRUSTED_ORIGINS", "",
             "Asal tepercaya untuk CSRF di balik proxy, mis. https://sakip.example.go.id."),
    Variable("SAKIP_HTTPS", "0",
             "1 bila dilayani lewat HTTPS: cookie aman, HSTS dan pengalihan ke HTTPS."),
    Variable("SAKIP_MAX_UPLOAD_MB", "10", "Ukuran maksimum satu berkas unggahan (MB)."),
    Variable("SAKIP_LOGIN_ATTEMPTS", "5",
             "Jumlah gagal masuk untuk satu nama pengguna dari satu alamat dalam "
             "SAKIP_LOGIN_WINDOW_MINUTES sebelum nama itu diblokir sementara dari alamat itu "
             "(dari semua alamat: empat kali lipat). Alamat IP saja tidak pernah memblokir: "
             "rekan di balik NAT kantor yang sama tetap bisa masuk."),
    Variable("SAKIP_LOGIN_WINDOW_MINUTES", "15", "Jendela waktu pembatasan percobaan masuk (menit)."),
    Variable("SAKIP_TRUSTED_PROXY_HEADER", "",
             "Header alamat klien dari satu reverse proxy tepercaya, mis. X-Forwarded-For; "
             "alamat klien adalah entri paling kanan (yang ditambahkan proxy). Kosong: "
             "REMOTE_ADDR. Isi hanya bila aplikasi tidak dapat dicapai selain lewat proxy itu."),
    Variable("SAKIP_TIME_ZONE", "Asia/Jakarta", "Zona waktu tampilan (WIB/WITA/WIT)."),
    Variable("SAKIP_EMAIL_HOST", None,
             "Server SMTP untuk surel pemberitahuan (ajukan, kembalikan, setujui, batas "
             "pengisian). Kosong: surel dicetak ke konsol (log) saja, tidak dikirim."),
    Variable("SAKIP_EMAIL_PORT", "587", "Port server SMTP."),
    Variable("SAKIP_EMAIL_USER", None, "Nama pengguna SMTP (kosong: tanpa login)."),
    Variable("SAKIP_EMAIL_PASSWORD", None, "Kata sandi SMTP."),
    Variable("SAKIP_EMAIL_TLS", "1", "1: STARTTLS ke server SMTP (bawaan); 0: tanpa TLS."),
    Variable("SAKIP_EMAIL_FROM", "sakip@localhost", "Alamat pengirim surel pemberitahuan."),
    Variable("SAKIP_SITE_URL", "",
             "Alamat situs untuk tautan di surel, mis. https://sakip.example.go.id; kosong: "
             "tautan ditulis sebagai jalur saja (/opd/1/2020/)."),
    Variable("SAKIP_DEMO", "0",
             "Diisi 1 oleh `sakip demo`: mengizinkan kunci rahasia yang dibuat otomatis."),
)

_BY_NAME = {variable.name: variable for variable in VARIABLES}


def raw(name: str) -> str | None:
    """The value of a declared variable, else its default. Undeclared names are a bug."""
    variable = _BY_NAME[name]
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return variable.default
    return value.strip()


def flag(name: str) -> bool:
    value = (raw(name) or "0").lower()
    if value in ("1", "true", "yes", "ya"):
        return True
    if value in ("0", "false", "no", "tidak"):
        return False
    raise ConfigError(f"{name}: expected 0 or 1, got {value!r}")


def integer(name: str) -> int:
    value = raw(name) or ""
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}: expected a whole number, got {value!r}") from None
    if number <= 0:
        raise ConfigError(f"{name}: expected a positive number, got {number}")
    return number


def request_header(name: str) -> str:
    """A request header named by a variable (``X-Forwarded-For``) as Django's META key
    (``HTTP_X_FORWARDED_FOR``); empty when unset."""
    value = raw(name) or ""
    if not value:
        return ""
    if not re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", value):
        raise ConfigError(f"{name}: expected a header name such as X-Forwarded-For, got {value!r}")
    return "HTTP_" + value.upper().replace("-", "_")


def listing(name: str) -> list[str]:
    return [part.strip() for part in (raw(name) or "").split(",") if part.strip()]


def data_dir() -> Path:
    return Path(raw("SAKIP_DATA_DIR") or ".sakip").resolve()


def secret_key(debug: bool, demo: bool) -> str:
    key = raw("SAKIP_SECRET_KEY")
    if key:
        return key
    if not (debug or demo):
        raise ConfigError("SAKIP_SECRET_KEY is required unless SAKIP_DEBUG=1 (see docs/web.md)")
    stored = data_dir() / "dev-secret-key"
    if stored.exists():
        return stored.read_text(encoding="utf-8").strip()
    stored.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    stored.write_text(key, encoding="utf-8")
    stored.chmod(0o600)
    return key


def database() -> dict[str, object]:
    """Django's DATABASES['default'] from SAKIP_DATABASE_URL, or SQLite in the data folder."""
    url = raw("SAKIP_DATABASE_URL")
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3",
                "NAME": str(data_dir() / "sakip.sqlite3"),
                "OPTIONS": {"timeout": 20}}
    return _postgres("SAKIP_DATABASE_URL", url)


def replica() -> dict[str, object] | None:
    """DATABASES['replica'] from SAKIP_DATABASE_REPLICA_URL (a PostgreSQL read replica of the
    default database), or None. Tests use the default database in its place."""
    url = raw("SAKIP_DATABASE_REPLICA_URL")
    if not url:
        return None
    if not raw("SAKIP_DATABASE_URL"):
        raise ConfigError("SAKIP_DATABASE_REPLICA_URL needs SAKIP_DATABASE_URL (a replica of "
                          "PostgreSQL, not of SQLite)")
    return {**_postgres("SAKIP_DATABASE_REPLICA_URL", url), "TEST": {"MIRROR": "default"}}


def _postgres(variable: str, url: str) -> dict[str, object]:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ConfigError(f"{variable}: only postgres:// is supported, got {parts.scheme!r}")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ConfigError(f"{variable}: the database name is missing")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 60,
    }
