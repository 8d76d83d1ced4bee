#!/usr/bin/env bash
# bench/outbox.sh — outbox throughput: how many e-mails per minute the outbox job delivers to an SMTP server.
#
#   bench/outbox.sh [--count 1000] [--batch 50]
#
# 1. starts the throw-away PostgreSQL cluster (scripts/postgres.sh start; left running) and maildev 3.0.0
#    (npx, SMTP and web on free ports of 127.0.0.1)
# 2. creates a fresh database workorders_bench_outbox, builds the API and bench/WorkOrders.Bench in Release into
#    bench/.work/artifacts, applies the migrations
# 3. starts the API in Release (Jobs:Enabled=true, Jobs:OutboxPollInterval=1 s, Jobs:BatchSize=--batch, mail to
#    maildev), generates --count Draft work orders (binary COPY) and publishes them in one bulk request: that
#    writes --count "opened" e-mails (each with its PDF, rendered at delivery) into the outbox, set-based
# 4. times from the bulk answer until no outbox row is pending; checks that maildev holds --count messages with
#    --count distinct Message-IDs; prints messages/min (the README's Performance table)
#
# Settings: WORKORDERS_PG_PORT / WORKORDERS_PG_DIR (scripts/postgres.sh), BENCH_DATABASE (workorders_bench_outbox).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/bench/.work
ARTIFACTS=$WORK/artifacts
DATABASE=${BENCH_DATABASE:-workorders_bench_outbox}
COUNT=1000 BATCH=50
ADMIN_EMAIL=bench-admin@workorders.local
ADMIN_PASSWORD='Bench!Admin2345'

while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "outbox.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*" >&2; }
free_port() {
  local candidate
  for candidate in $(shuf -i 20000-45000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  echo "outbox.sh: no free port found" >&2; exit 1
}
mkdir -p "$WORK"

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
set -m # background jobs in process groups of their own: cleanup stops npx and maildev together

say "PostgreSQL"
"$ROOT/scripts/postgres.sh" start
SERVER=$("$ROOT/scripts/postgres.sh" env)
CONNECTION="$SERVER;Database=$DATABASE"
PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql"
PG_PORT=${WORKORDERS_PG_PORT:-55432}
sql() { "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DATABASE" -tAc "$1"; }

say "maildev 3.0.0"
SMTP_PORT=$(free_port) WEB_PORT=$(free_port)
npx --yes maildev@3.0.0 --smtp "$SMTP_PORT" --web "$WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 >"$WORK/maildev.log" 2>&1 &
PIDS+=($!)
MAILDEV=http://127.0.0.1:$WEB_PORT
for _ in $(seq 1 240); do curl -fsS -o /dev/null "$MAILDEV/api/email" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "$MAILDEV/api/email" || { tail -n 20 "$WORK/maildev.log" >&2; echo "outbox.sh: maildev did not start" >&2; exit 1; }

say "build (Release)"
for project in src/Api/Api.csproj bench/WorkOrders.Bench/WorkOrders.Bench.csproj; do
  dotnet build "$ROOT/$project" -c Release --artifacts-path "$ARTIFACTS" -p:OpenApiGenerateDocumentsOnBuild=false \
    -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; echo "outbox.sh: build of $project failed" >&2; exit 1; }
done
API_DIR=$ARTIFACTS/bin/Api/release
BENCH="dotnet $ARTIFACTS/bin/WorkOrders.Bench/release/WorkOrders.Bench.dll"

say "fresh database $DATABASE, migrations"
$BENCH reset-db --connection "$SERVER" --database "$DATABASE"
export Database__Provider=Postgres ConnectionStrings__Postgres="$CONNECTION"
export WorkOrders__Bootstrap__AdminEmail=$ADMIN_EMAIL WorkOrders__Bootstrap__AdminPassword=$ADMIN_PASSWORD
dotnet "$API_DIR/WorkOrders.Api.dll" --contentRoot "$API_DIR" --migrate >"$WORK/migrate.log" 2>&1 \
  || { tail -n 40 "$WORK/migrate.log" >&2; echo "outbox.sh: migrations failed" >&2; exit 1; }

PORT=$(free_port)
API=http://127.0.0.1:$PORT
say "API (Release) on $API, mail to maildev on 127.0.0.1:$SMTP_PORT"
Jobs__Enabled=true Jobs__OutboxPollInterval=00:00:01 Jobs__BatchSize=$BATCH Jobs__SchedulerName=bench-outbox \
Email__Host=127.0.0.1 Email__Port=$SMTP_PORT Serilog__MinimumLevel__Default=Warning \
  dotnet "$API_DIR/WorkOrders.Api.dll" --contentRoot "$API_DIR" --Urls "$API" >"$WORK/api-outbox.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$API/health/ready" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "$API/health/ready" || { tail -n 40 "$WORK/api-outbox.log" >&2; echo "outbox.sh: the API is not ready" >&2; exit 1; }

say "$COUNT Draft work orders"
IDS=$WORK/outbox-ids.txt
$BENCH generate --connection "$CONNECTION" --count "$COUNT" --actor "$ADMIN_EMAIL" --ids-out "$IDS"

say "publish them in one bulk request ($COUNT e-mails into the outbox), then drain"
JAR=$WORK/outbox-cookies.txt
TOKEN=$(curl -fsS -c "$JAR" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$API/api/v1/auth/login" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).antiforgeryToken))')
node -e 'const ids=require("fs").readFileSync(process.argv[1],"utf8").split("\n").filter(Boolean);process.stdout.write(JSON.stringify({action:"Publish",ids}))' "$IDS" >"$WORK/outbox-bulk.json"
curl -fsS -b "$JAR" -H "X-XSRF-TOKEN: $TOKEN" -H 'Content-Type: application/json' --data-binary "@$WORK/outbox-bulk.json" \
  -o /dev/null "$API/api/v1/work-orders/bulk"
START=$(date +%s.%N)
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
while :; do
  PENDING=$(sql 'SELECT COUNT(*) FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL')
  [ "$PENDING" = 0 ] && break
  kill -0 "${PIDS[1]}" 2>/dev/null || { tail -n 40 "$WORK/api-outbox.log" >&2; echo "outbox.sh: the API exited" >&2; exit 1; }
  sleep 0.2
done
END=$(date +%s.%N)
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)

DEAD=$(sql 'SELECT COUNT(*) FROM "OutboxMessages" WHERE "DeadLetteredAt" IS NOT NULL')
read -r RECEIVED DISTINCT < <(curl -fsS "$MAILDEV/api/email" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);console.log(m.length,new Set(m.map(x=>(x.headers||{})["message-id"])).size)})')
node -e '
const [count, start, end, received, distinct, dead, batch, l1, l2] = process.argv.slice(1);
const seconds = end - start;
console.log(`\noutbox -> SMTP (maildev 3.0.0): ${count} e-mails (opened, PDF each), batch ${batch}, poll 1 s, API in Release`);
console.log(`drained in ${seconds.toFixed(1)} s; maildev received ${received} (${distinct} distinct Message-IDs); dead letters ${dead}; load average ${l1} -> ${l2}`);
console.log(`${Math.round(count / seconds * 60).toLocaleString("en-US")} messages/min`);
' "$COUNT" "$START" "$END" "$RECEIVED" "$DISTINCT" "$DEAD" "$BATCH" "$LOAD_START" "$LOAD_END"
[ "$RECEIVED" -ge "$COUNT" ] && [ "$DISTINCT" = "$COUNT" ] && [ "$DEAD" = 0 ] || { echo "outbox.sh: not every message arrived once" >&2; exit 1; }
