#!/usr/bin/env bash
# The one command that runs the product: ./run.sh  → http://localhost:5080 (API + SPA, SQLite, nothing to install)
#
# 1. Builds the SPA (client/dist) when it is missing or older than its sources; `npm ci` first when
#    client/node_modules is missing or older than client/package-lock.json.
# 2. Runs the API (Release), which serves the SPA from the same origin (Spa:Path → client/dist).
#
# Needs only the .NET 10 SDK and Node 20 (npm 11). Everything after `--` goes to the API, e.g.
#   ./run.sh -- --Urls=http://0.0.0.0:8080
# Settings: WORKORDERS_SKIP_SPA_BUILD=1 runs the API with whatever client/dist holds (or none);
# any API setting as an environment variable (Database__DataDirectory=…, Urls=…, see README).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

[ "${1:-}" = "--" ] && shift

spa_is_stale() {
  local index=client/dist/index.html
  [ -f "$index" ] || return 0
  # Anything the build reads that is newer than the last build.
  [ -n "$(find client/src client/public client/index.html client/vite.config.ts client/package-lock.json \
    client/nswag.json client/tsconfig.app.json openapi.json -newer "$index" -print -quit 2>/dev/null)" ]
}

if [ "${WORKORDERS_SKIP_SPA_BUILD:-0}" != 1 ]; then
  command -v npm >/dev/null || { echo "run.sh: npm (Node 20) is needed to build the SPA (or set WORKORDERS_SKIP_SPA_BUILD=1)." >&2; exit 1; }
  if [ ! -f client/node_modules/.package-lock.json ] || [ client/package-lock.json -nt client/node_modules/.package-lock.json ]; then
    echo "==> client: npm ci"
    (cd client && npm ci --no-audit --no-fund)
  fi
  if spa_is_stale; then
    echo "==> client: npm run build (the SPA, served by the API)"
    (cd client && npm run build)
  else
    echo "==> client: the SPA build is up to date"
  fi
fi

echo "==> API + SPA on http://localhost:5080 unless Urls says otherwise (Ctrl+C stops it)"
exec dotnet run --project src/Api -c Release -- --Spa:Path="$ROOT/client/dist" "$@"
