#!/usr/bin/env bash
# bench/soak.sh — the soak run, one command (not part of CI): the API in Release on PostgreSQL over the scale data
# set under mixed traffic for a bounded time, its memory, threads and open handles sampled — flat means no leak.
#
#   bench/soak.sh [--minutes 10] [--connections 16] [--reseed]
#
# Set-up as bench/scale.sh (bench/lib.sh: PostgreSQL, Release build, the scale database seeded when needed, the
# API on 127.0.0.1). Traffic (bench/http/soak.mjs, autocannon): 40% work order by id, 25% filtered list, 15%
# customers grid, 10% comments, 10% new work orders. Samples RSS, threads and /proc/<pid>/fd every 30 s; prints
# the samples and the least-squares trend over the second half; writes bench/results/soak-latest.md.
#
# Settings: WORKORDERS_PG_PORT / WORKORDERS_PG_DIR (scripts/postgres.sh), SCALE_DATABASE (workorders_scale).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/.work
ARTIFACTS=$WORK/artifacts
DATABASE=${SCALE_DATABASE:-workorders_scale}
MINUTES=10 CONNECTIONS=16 RESEED=0 SEED_ONLY=0
ADMIN_EMAIL=bench-admin@workorders.local
ADMIN_PASSWORD='Bench!Admin2345'

while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --reseed) RESEED=1; shift ;;
    --seed-only) SEED_ONLY=1; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

say "soak: $MINUTES min of mixed traffic ($CONNECTIONS connections), memory and handles sampled every 30 s"
API="$API" API_PID="$API_PID" EMAIL="$ADMIN_EMAIL" PASSWORD="$ADMIN_PASSWORD" MINUTES="$MINUTES" CONNECTIONS="$CONNECTIONS" \
  OUT="$ROOT/bench/results/soak-latest.md" node "$ROOT/bench/http/soak.mjs"
