#!/usr/bin/env bash
# bench/scale.sh — the scale benchmark, one command: the API in Release on PostgreSQL over 1,000,000 work orders,
# every scenario side by side with the same work in raw SQL on the same database in the same run.
#
#   bench/scale.sh [--duration 10] [--reseed] [--seed-only] [--no-bulk]
#
# 1. starts the throw-away PostgreSQL cluster (scripts/postgres.sh; left running);
# 2. builds the API and bench/WorkOrders.Bench in Release into bench/.work/artifacts;
# 3. database workorders_scale: created and migrated if missing (--reseed: dropped first), then the scale data set
#    loaded if it is not there yet (WorkOrders.Bench seed: 10,000 customers with sites, contracts and equipment;
#    1,000,000 work orders in every status with line items and history; binary COPY, progress bar, its time printed);
# 4. starts the API (Release) on 127.0.0.1:<free port>, signs in a bench Admin;
# 5. per scenario (bench/http/scale.mjs): autocannon against the API, then pgbench running the same SQL
#    (bench/sql/*.sql) with the same connections — customers grid (search + five status counts), work-order list
#    with three filters, a deep keyset page, GET by id at 64 connections (req/s, p50/p97.5, API RSS);
# 6. the bulk benchmark (publish and assign 10,000 in one request vs raw SQL; WorkOrders.Bench bulk, 3 rounds)
#    on the same database unless --no-bulk (it adds 3 × 40,000 Draft work orders per run);
# 7. writes bench/results/scale-latest.md and prints it.
#
# Settings: WORKORDERS_PG_PORT / WORKORDERS_PG_DIR (scripts/postgres.sh), SCALE_DATABASE (workorders_scale).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/.work
ARTIFACTS=$WORK/artifacts
DATABASE=${SCALE_DATABASE:-workorders_scale}
DURATION=10 RESEED=0 SEED_ONLY=0 BULK=1
ADMIN_EMAIL=bench-admin@workorders.local
ADMIN_PASSWORD='Bench!Admin2345'

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --reseed) RESEED=1; shift ;;
    --seed-only) SEED_ONLY=1; shift ;;
    --no-bulk) BULK=0; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "scale.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

REVISION="commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ] && REVISION="$REVISION + uncommitted changes in src/"
MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg) at the start"

BULK_TABLE=
if [ "$BULK" = 1 ]; then
  say "bulk: 10,000 per request, API vs raw SQL (3 rounds + 1 warm-up)"
  $BENCH bulk --connection "$CONNECTION" --api "$API" --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" \
    --rounds 3 --warmup 1 --count 10000 --out "$WORK/scale-bulk.md" --revision "$REVISION" >&2
  BULK_TABLE=$(sed -n '/^|/p' "$WORK/scale-bulk.md")
fi

say "HTTP scenarios vs raw SQL ($DURATION s each)"
API="$API" API_PID="$API_PID" EMAIL="$ADMIN_EMAIL" PASSWORD="$ADMIN_PASSWORD" DURATION="$DURATION" REVISION="$REVISION" \
  MACHINE="$MACHINE" BULK_TABLE="$BULK_TABLE" OUT="$ROOT/bench/results/scale-latest.md" node "$ROOT/bench/http/scale.mjs"
