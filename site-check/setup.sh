#!/usr/bin/env bash
# Install what `make check-site` needs, once: Chromium, Java and Node from Debian's packages when
# missing (the system's own builds: nothing is downloaded outside the package registries), then the
# pinned npm packages of site-check/package-lock.json with `npm ci` (again only when the lock changed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

need=()
command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1 || need+=(chromium fonts-dejavu-core)
command -v "${JAVA:-java}" >/dev/null 2>&1 || need+=(default-jre-headless)
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if ((${#need[@]})); then
  bash "$here/../.ci/apt-install.sh" check-site "${need[@]}"
fi

stamp="$here/node_modules/.finsam-installed"
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
  echo "check-site: npm ci (pinned axe-core, puppeteer-core, vnu-jar)" >&2
  # --ignore-scripts: no install script runs (puppeteer-core downloads no browser anyway)
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  touch "$stamp"
fi
