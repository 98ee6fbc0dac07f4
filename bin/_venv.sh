# Sourced by bin/launch and bin/test: make .venv and install sellerdesk into it.
# A regular (non-editable) install, so what runs is what a user's wheel holds.
#
# The install is skipped when nothing that goes into the wheel changed since the
# last one: a digest of those files is kept in the venv (.sellerdesk-stamp...).
# Each step says what it is doing, so a first run (a minute) is never silent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SELLERDESK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

say() { printf 'sellerdesk: %s\n' "$*" >&2; }

# Run a command in the background, printing a dot a second until it ends.
with_dots() {
    "$@" &
    local pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        printf '.' >&2
        sleep 1
    done
    printf '\n' >&2
    wait "$pid"
}

if [ ! -x "$VENV/bin/python" ]; then
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "sellerdesk needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1))." >&2
        exit 1
    fi
    say "first run: creating a virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV" || {
        echo "Could not create a virtual environment; on Debian/Ubuntu install python3-venv." >&2
        exit 1
    }
    say "updating pip"
    with_dots "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi

# What the wheel is built from (pyproject.toml's [tool.hatch...] sections).
source_digest() {
    (
        cd "$ROOT"
        find pyproject.toml README.md src data -type f \
            ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 \
            | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
    )
}

# install_sellerdesk EXTRAS: install the checkout (with "[test]" or "" extras),
# unless the same source is installed already.
install_sellerdesk() {
    local extras="$1"
    local digest stamp
    digest="$(source_digest)"
    stamp="$VENV/.sellerdesk-stamp$extras"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
        return 0
    fi
    # The test install holds everything the plain one does.
    if [ -z "$extras" ] && [ -f "$VENV/.sellerdesk-stamp[test]" ] \
        && [ "$(cat "$VENV/.sellerdesk-stamp[test]")" = "$digest" ]; then
        return 0
    fi
    rm -f "$VENV"/.sellerdesk-stamp*
    if [ -x "$VENV/bin/sellerdesk" ]; then
        say "the checkout changed: reinstalling sellerdesk$extras"
    else
        say "installing sellerdesk$extras and what it needs (a minute the first time)"
    fi
    with_dots "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$ROOT$extras"
    echo "$digest" >"$stamp"
}
