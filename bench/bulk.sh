#!/usr/bin/env bash
# bench/bulk.sh — the bulk benchmark, one command: API vs raw SQL on the same PostgreSQL database, same run.
#
#   bench/bulk.sh [--rounds 5] [--warmup 1] [--count 10000] [--profile]
#
# 1. starts the throw-away PostgreSQL cluster (scripts/postgres.sh start; left running, as test.sh leaves it)
# 2. creates a fresh database workorders_bench (dropped first if it exists)
# 3. builds the API and bench/WorkOrders.Bench in Release into bench/.work/artifacts (src/*/bin and obj untouched)
# 4. applies the migrations (dotnet WorkOrders.Api.dll --migrate) and creates the bootstrap Admin
# 5. starts the API in Release on 127.0.0.1:<free port> and waits for /health/ready
# 6. per round: generates 3 × N Draft work orders by binary COPY; the API publishes the first N in one
#    POST /api/v1/work-orders/bulk, then assigns them to a provider, and publishes the third N with an
#    Idempotency-Key; raw SQL makes the same publish and assign changes to the second N, one transaction
#    each. Every step is verified row by row. Median of the rounds, ratio API / raw SQL.
# 7. prints the table and writes it to bench/results/bulk-latest.md; stops the API (trap).
#
# --profile also logs every SQL command the API runs, with its duration (EF Core command log), with
# millisecond timestamps to bench/.work/api-profile.log, has PostgreSQL log every statement of the bench
# database with its duration (COPY and COMMIT included) to bench/.work/postgres-profile.log, and writes the
# table to bench/.work/bulk-profile.md instead of bench/results/: for finding where the time goes; a
# profiled run's figures are not the benchmark.
#
# Settings: WORKORDERS_PG_PORT / WORKORDERS_PG_DIR (scripts/postgres.sh), BENCH_DATABASE (workorders_bench),
# BENCH_REVISION (what the report says was measured; default: the git commit, noting uncommitted src/ changes).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/.work
ARTIFACTS=$WORK/artifacts
RESULTS=$ROOT/bench/results
DATABASE=${BENCH_DATABASE:-workorders_bench}
ROUNDS=5 WARMUP=1 COUNT=10000 PROFILE=0
ADMIN_EMAIL=bench-admin@workorders.local
ADMIN_PASSWORD='Bench!Admin2345'

while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --count) COUNT=$2; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "bulk.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*" >&2; }
mkdir -p "$WORK" "$RESULTS"

say "PostgreSQL"
"$ROOT/scripts/postgres.sh" start
SERVER=$("$ROOT/scripts/postgres.sh" env)
CONNECTION="$SERVER;Database=$DATABASE"

say "build (Release)"
for project in src/Api/Api.csproj bench/WorkOrders.Bench/WorkOrders.Bench.csproj; do
  dotnet build "$ROOT/$project" -c Release --artifacts-path "$ARTIFACTS" -p:OpenApiGenerateDocumentsOnBuild=false \
    -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; echo "bulk.sh: build of $project failed" >&2; exit 1; }
done
API_DIR=$ARTIFACTS/bin/Api/release
BENCH="dotnet $ARTIFACTS/bin/WorkOrders.Bench/release/WorkOrders.Bench.dll"

say "fresh database $DATABASE, migrations"
LOG_STATEMENTS=false; [ "$PROFILE" = 1 ] && LOG_STATEMENTS=true
$BENCH reset-db --connection "$SERVER" --database "$DATABASE" --log-statements $LOG_STATEMENTS
export Database__Provider=Postgres ConnectionStrings__Postgres="$CONNECTION"
export WorkOrders__Bootstrap__AdminEmail=$ADMIN_EMAIL WorkOrders__Bootstrap__AdminPassword=$ADMIN_PASSWORD
dotnet "$API_DIR/WorkOrders.Api.dll" --contentRoot "$API_DIR" --migrate >"$WORK/migrate.log" 2>&1 \
  || { tail -n 40 "$WORK/migrate.log" >&2; echo "bulk.sh: migrations failed" >&2; exit 1; }

# A free port: nothing answers on it.
PORT=
for candidate in $(shuf -i 20000-45000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "bulk.sh: no free port found" >&2; exit 1; }
API=http://127.0.0.1:$PORT

say "API (Release) on $API"
API_ARGS=(--contentRoot "$API_DIR" --Urls "$API")
if [ "$PROFILE" = 1 ]; then
  # Every SQL command with its duration, and a millisecond-stamped log file to see the gaps between them.
  API_ARGS+=("--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command=Information"
    "--Serilog:WriteTo:0:Name=File" "--Serilog:WriteTo:0:Args:path=$WORK/api-profile.log"
    "--Serilog:WriteTo:0:Args:outputTemplate={Timestamp:HH:mm:ss.fff} {SourceContext}: {Message:lj}{NewLine}")
  rm -f "$WORK/api-profile.log"
  PG_LOG=${WORKORDERS_PG_DIR:-/tmp/workorders-pg}/postgres.log
  PG_LOG_START=$(( $(stat -c %s "$PG_LOG" 2>/dev/null || echo 0) + 1 ))
fi
dotnet "$API_DIR/WorkOrders.Api.dll" "${API_ARGS[@]}" >"$WORK/api.log" 2>&1 &
API_PID=$!
stop_api() {
  if kill -0 "$API_PID" 2>/dev/null; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
}
trap stop_api EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$API/health/ready" 2>/dev/null; then break; fi
  kill -0 "$API_PID" 2>/dev/null || { tail -n 40 "$WORK/api.log" >&2; echo "bulk.sh: the API exited" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$API/health/ready" || { tail -n 40 "$WORK/api.log" >&2; echo "bulk.sh: the API is not ready" >&2; exit 1; }

say "benchmark: $ROUNDS rounds (+$WARMUP warm-up) of $COUNT work orders"
# What was measured: the commit, and whether src/ had uncommitted changes.
REVISION=${BENCH_REVISION:-}
if [ -z "$REVISION" ]; then
  REVISION="commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  [ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ] && REVISION="$REVISION + uncommitted changes in src/"
fi
OUT=$RESULTS/bulk-latest.md
[ "$PROFILE" = 1 ] && OUT=$WORK/bulk-profile.md
$BENCH bulk --connection "$CONNECTION" --api "$API" --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" \
  --rounds "$ROUNDS" --warmup "$WARMUP" --count "$COUNT" --out "$OUT" --revision "$REVISION"
if [ "$PROFILE" = 1 ]; then
  tail -c +"$PG_LOG_START" "$PG_LOG" >"$WORK/postgres-profile.log" 2>/dev/null || true
  echo "bulk.sh: the API's log (EF commands with durations, ms timestamps): $WORK/api-profile.log" >&2
  echo "bulk.sh: the server's log of every statement of $DATABASE with its duration: $WORK/postgres-profile.log" >&2
fi
