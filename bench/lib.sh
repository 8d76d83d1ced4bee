# bench/lib.sh — set-up shared by scale.sh and soak.sh (sourced): PostgreSQL, a Release build, the scale database
# (created, migrated and seeded when needed) and the API in Release on a free port of 127.0.0.1.
# Expects ROOT, WORK, ARTIFACTS, DATABASE, RESEED, SEED_ONLY, ADMIN_EMAIL, ADMIN_PASSWORD; sets SERVER, CONNECTION,
# PG* variables, BENCH, API_DIR, API, API_PID (and a trap that stops the API on exit).
say() { printf '\n== %s\n' "$*" >&2; }
mkdir -p "$WORK" "$ROOT/bench/results"

say "PostgreSQL"
"$ROOT/scripts/postgres.sh" start
SERVER=$("$ROOT/scripts/postgres.sh" env)
CONNECTION="$SERVER;Database=$DATABASE"
eval "$(echo "$SERVER" | tr ';' '\n' | sed -nE 's/^Host=(.*)/export PGHOST=\1/p; s/^Port=(.*)/export PGPORT=\1/p; s/^Username=(.*)/export PGUSER=\1/p; s/^Password=(.*)/export PGPASSWORD=\1/p')"
export DATABASE

say "build (Release)"
for project in src/Api/Api.csproj bench/WorkOrders.Bench/WorkOrders.Bench.csproj; do
  dotnet build "$ROOT/$project" -c Release --artifacts-path "$ARTIFACTS" -p:OpenApiGenerateDocumentsOnBuild=false \
    -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; echo "bench: build of $project failed" >&2; exit 1; }
done
API_DIR=$ARTIFACTS/bin/Api/release
BENCH="dotnet $ARTIFACTS/bin/WorkOrders.Bench/release/WorkOrders.Bench.dll"

exists=$(psql -X -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" -d postgres)
if [ "$RESEED" = 1 ] || [ "$exists" != 1 ]; then
  $BENCH reset-db --connection "$SERVER" --database "$DATABASE"
fi
say "migrations"
export Database__Provider=Postgres ConnectionStrings__Postgres="$CONNECTION"
export WorkOrders__Bootstrap__AdminEmail=$ADMIN_EMAIL WorkOrders__Bootstrap__AdminPassword=$ADMIN_PASSWORD
dotnet "$API_DIR/WorkOrders.Api.dll" --contentRoot "$API_DIR" --migrate >"$WORK/migrate.log" 2>&1 \
  || { tail -n 40 "$WORK/migrate.log" >&2; echo "bench: migrations failed" >&2; exit 1; }

say "scale data"
$BENCH seed --connection "$CONNECTION"
[ "$SEED_ONLY" = 1 ] && exit 0

say "bench/ npm ci (autocannon)"
(cd "$ROOT/bench" && npm ci --no-audit --no-fund --loglevel=error)

PORT=
for candidate in $(shuf -i 20000-45000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "bench: no free port found" >&2; exit 1; }
API=http://127.0.0.1:$PORT

say "API (Release) on $API"
# The bench Admin: created by the API's bootstrap when the user table is empty; else it must already exist.
dotnet "$API_DIR/WorkOrders.Api.dll" --contentRoot "$API_DIR" --Urls "$API" "--Serilog:MinimumLevel:Default=Warning" >"$WORK/api.log" 2>&1 &
API_PID=$!
stop_api() {
  if kill -0 "$API_PID" 2>/dev/null; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
}
trap stop_api EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$API/health/ready" 2>/dev/null; then break; fi
  kill -0 "$API_PID" 2>/dev/null || { tail -n 40 "$WORK/api.log" >&2; echo "bench: the API exited" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$API/health/ready" || { tail -n 40 "$WORK/api.log" >&2; echo "bench: the API is not ready" >&2; exit 1; }

