# Sourced by scripts/demo and scripts/test: create the virtual environment and
# install the project into it (again only when pyproject.toml changed).
# Needs Python 3.11+; the local Neo4j also needs a JDK 17 or 21 and Maven.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MAILLAGE_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 ou plus récent est requis (PYTHON=$PYTHON)." >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.maillage-installed"
digest="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e "$ROOT[dev]"
  echo "$digest" > "$stamp"
fi
export PATH="$VENV/bin:$PATH"

# The maps' browser bundle and Swagger UI's assets: npm packages pinned by
# visualisations/package-lock.json, bundled by esbuild (again only when the
# sources or the lockfile changed).
"$VENV/bin/python" -m visualisations.build

# Debian's Chromium for the browser tests and the map benchmark (never a
# browser downloaded by a test tool).  Installed when missing and we may.
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "Chromium manque pour les tests dans le navigateur : apt-get install chromium" >&2
  fi
}
