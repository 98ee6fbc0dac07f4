# Sourced by bin/launch and bin/test: make .venv and install sellerdesk into it.
# A regular (non-editable) install, so what runs is what a user's wheel holds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SELLERDESK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "sellerdesk needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" || {
        echo "Could not create a virtual environment; on Debian/Ubuntu install python3-venv." >&2
        exit 1
    }
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi

install_sellerdesk() {
    local extras="$1"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$ROOT$extras"
}
