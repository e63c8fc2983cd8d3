#!/usr/bin/env bash
# Creates the yardstick's virtual environment and installs requirements.txt into it, once.
# Prints the venv's python. Venv: $YARDSTICK_VENV (default /tmp/pc-onboard-yardstick-venv);
# interpreter used to create it: $PYTHON (default python3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${YARDSTICK_VENV:-/tmp/pc-onboard-yardstick-venv}"
req="$here/requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv" >&2
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
    echo "$want" >"$stamp"
fi
echo "$venv/bin/python"
