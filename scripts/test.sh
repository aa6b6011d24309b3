#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this script):
#   1. the system pieces the suite needs, installed or started when missing (as root):
#      Chromium for the browser tests, Pango and fonts for the PDF report, a PostgreSQL server;
#   2. a virtual environment .venv with the project and its dev extra;
#   3. the whole suite on SQLite, then again on PostgreSQL.
# Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

apt_updated=0
install_missing() {  # install_missing PACKAGE...: the Debian packages not yet installed
  local missing=() package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]} (install them as root, e.g. apt-get install ${missing[*]})" >&2
    return 1
  fi
  if [ "$apt_updated" -eq 0 ]; then apt-get update -q; apt_updated=1; fi
  apt-get install -y -q "${missing[@]}"
}

# Chromium for tests/browser (driven by Playwright; Playwright never downloads a browser here).
[ -x /usr/bin/chromium ] || install_missing chromium
# Pango for WeasyPrint (the PDF report); Liberation fonts match the metrics of Arial.
install_missing libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 fonts-dejavu-core
# Fonts for names in other scripts in the charts (sakip/report/charts.py FALLBACK): Noto for
# Thai, Devanagari …, Noto CJK for Chinese, Japanese and Korean, Symbola for emoji.
install_missing fonts-noto-core fonts-noto-cjk fonts-symbola

# PostgreSQL on 127.0.0.1:5432 with trust authentication for the second run.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    install_missing postgresql
    for hba in /etc/postgresql/*/main/pg_hba.conf; do
      grep -q "^host all postgres 127.0.0.1/32 trust" "$hba" \
        || sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
    done
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432
fi

python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]'

echo "== the whole suite on SQLite"
.venv/bin/python -m pytest

echo "== the whole suite again on PostgreSQL"
SAKIP_DATABASE_URL=postgres://postgres@127.0.0.1:5432/sakip_ci .venv/bin/python -m pytest
