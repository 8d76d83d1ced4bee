#!/usr/bin/env bash
# The one command that runs every test: ./test.sh   (CI runs it through .ci/run)
#
# Steps, each recorded as a "suite" with passed/failed counts:
#   1. PostgreSQL via scripts/postgres.sh (exported as WORKORDERS_TEST_POSTGRES;
#      tests create and drop their own databases in it; the fault tests also
#      initdb a throw-away cluster of their own to restart it); pdftotext
#      (poppler-utils) if missing.
#   2. dotnet build WorkOrders.sln -c Release, once.
#   3. every tests/*/*.csproj with dotnet test --no-build; counts come from its
#      .trx file (a suite without a .trx counts as 1 failed).
#   4. OpenAPI drift: the document the build generated (src/Api/obj/openapi/)
#      must equal the committed openapi.json (fix: scripts/update-openapi.sh).
#   5. client/: if package.json has a "test" script, npm ci && npm test; if it
#      has an "e2e" script, npm run e2e (Debian chromium is installed if missing).
#
# Contract for the client scripts (test, e2e):
#   They run with WORKORDERS_RESULTS_FILE=<path> in the environment (and
#   WORKORDERS_CHROMIUM=/usr/bin/chromium for e2e). If the script writes a line
#   "N passed, N failed" into that file, those numbers are used; otherwise the
#   exit code is: 0 counts as 1 passed, anything else as 1 failed.
#
# Any suite that exits non-zero without reporting a failure counts 1 failed more.
# The last line printed is always "N passed, N failed" (totals, read by CI); the
# exit code is non-zero if anything failed.
#
# Settings: WORKORDERS_KEEP_PG=0 stops (and deletes) the PostgreSQL cluster at
# the end; WORKORDERS_PG_PORT / WORKORDERS_PG_DIR are passed to postgres.sh;
# results (.trx, logs) go to .test-results/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RESULTS=$ROOT/.test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

# ---- bookkeeping ------------------------------------------------------------
NAMES=() PASSES=() FAILS=() NOTES=()
record() { # name passed failed note
  NAMES+=("$1") PASSES+=("$2") FAILS+=("$3") NOTES+=("${4:-}")
  echo "==> $1: passed=$2 failed=$3${4:+ ($4)}"
}
section() { echo; echo "==================== $* ===================="; }

# Prints "P F" from the last "N passed, N failed" in a results file.
read_counts_file() {
  [ -f "$1" ] || return 1
  grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 | sed -E 's/([0-9]+) passed, ([0-9]+) failed/\1 \2/' | grep .
}

# Prints "P F" from the <Counters .../> element of a .trx file (F includes the
# error, timeout and aborted outcomes).
trx_attr() { echo "$1" | grep -Eo " $2=\"[0-9]+\"" | grep -Eo '[0-9]+' || echo 0; }
read_trx() {
  local counters f=0 a
  counters=$(grep -o '<Counters [^>]*>' "$1" | head -n 1) || return 1
  for a in failed error timeout aborted; do f=$((f + $(trx_attr "$counters" "$a"))); done
  echo "$(trx_attr "$counters" passed) $f"
}

# Records a suite from its counts ("P F", may be empty) and exit code: an exit
# code != 0 with no failure reported adds 1 failed; no counts at all means the
# exit code alone decides (0 -> 1 passed, else 1 failed).
record_result() { # name counts rc
  local p f
  if [ -n "$2" ]; then
    read -r p f <<<"$2"
    if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then record "$1" "$p" 1 "exit code $3 with no failed test"
    else record "$1" "$p" "$f"; fi
  elif [ "$3" -eq 0 ]; then record "$1" 1 0 "no counts, exit code 0"
  else record "$1" 0 1 "no counts, exit code $3"; fi
}

# Runs a client npm script under the WORKORDERS_RESULTS_FILE contract.
run_client_script() { # suite-name npm-args...
  local name=$1 file=$RESULTS/$1.txt rc=0; shift
  rm -f "$file"
  (cd client && WORKORDERS_RESULTS_FILE=$file npm "$@") || rc=$?
  record_result "$name" "$(read_counts_file "$file" || true)" "$rc"
}

# ---- 1. PostgreSQL ----------------------------------------------------------
section "PostgreSQL"
if scripts/postgres.sh start; then
  export WORKORDERS_TEST_POSTGRES; WORKORDERS_TEST_POSTGRES=$(scripts/postgres.sh env)
  echo "WORKORDERS_TEST_POSTGRES=$WORKORDERS_TEST_POSTGRES"
else
  record postgres 0 1 "could not start; tests that need it will fail"
fi

# ---- 1b. tools the tests call ------------------------------------------------
# pdftotext (Debian poppler-utils): the notification tests read the text of the PDFs with it.
if ! command -v pdftotext >/dev/null 2>&1; then
  section "poppler-utils (pdftotext)"
  echo "Installing Debian poppler-utils ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; } || true
  command -v pdftotext >/dev/null 2>&1 || echo "pdftotext could not be installed: the PDF text checks will fail."
fi

# ---- 2. build ---------------------------------------------------------------
section "dotnet build"
BUILD_OK=1
if dotnet build WorkOrders.sln -c Release -nologo 2>&1 | tee "$RESULTS/build.log"; then
  record build 0 0 "ok (not counted as a test)"
else
  BUILD_OK=0; record build 0 1 "see .test-results/build.log"
fi

# ---- 3. .NET test projects --------------------------------------------------
for proj in tests/*/*.csproj; do
  [ -f "$proj" ] || continue
  name=$(basename "$proj" .csproj)
  section "dotnet test $name"
  if [ "$BUILD_OK" = 0 ]; then record "$name" 0 1 "not run: build failed"; continue; fi
  rc=0
  dotnet test "$proj" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
    --blame-hang-timeout "${WORKORDERS_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none || rc=$?
  trx=$RESULTS/$name.trx
  if [ -f "$trx" ]; then record_result "$name" "$(read_trx "$trx" || true)" "$rc"
  else record "$name" 0 1 "no .trx (exit code $rc)"; fi
done

# ---- 4. OpenAPI drift -------------------------------------------------------
section "OpenAPI drift check"
# The generator lists what it wrote in obj/<Project>.OpenApiFiles.cache; fall back to the newest file.
generated=$(cat src/Api/obj/*.OpenApiFiles.cache 2>/dev/null | grep -m1 '\.json$' || true)
[ -f "$generated" ] || generated=$(ls -t src/Api/obj/openapi/*.json 2>/dev/null | head -n 1 || true)
normalise() { node -e 'const fs=require("fs");process.stdout.write(JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],"utf8")),null,2)+"\n")' "$1"; }
if [ -z "$generated" ] || [ ! -f "$generated" ]; then
  record openapi 0 1 "no generated document in src/Api/obj/openapi/"
elif [ ! -f openapi.json ]; then
  echo "openapi.json is missing: run scripts/update-openapi.sh and commit it."
  record openapi 0 1 "openapi.json missing"
elif diff -u <(normalise openapi.json) <(normalise "$generated") >"$RESULTS/openapi.diff"; then
  record openapi 1 0
else
  head -n 60 "$RESULTS/openapi.diff"
  echo "openapi.json differs from the API ($generated): run scripts/update-openapi.sh and commit openapi.json (full diff: .test-results/openapi.diff)."
  record openapi 0 1 "drift: run scripts/update-openapi.sh"
fi

# ---- 5. client ----------------------------------------------------------------
has_script() { node -e 'process.exit(require("./client/package.json").scripts?.[process.argv[1]] ? 0 : 1)' "$1" 2>/dev/null; }
if [ -f client/package.json ] && has_script test; then
  section "client: npm ci"
  if [ -f client/package-lock.json ]; then install=ci; else install=install; fi
  if (cd client && npm "$install" --no-audit --no-fund); then
    section "client: npm test"
    run_client_script client-test test
    if has_script e2e; then
      section "client: npm run e2e"
      if [ ! -x /usr/bin/chromium ]; then
        echo "Installing Debian chromium ..."
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || true
      fi
      if [ -x /usr/bin/chromium ]; then
        WORKORDERS_CHROMIUM=/usr/bin/chromium run_client_script client-e2e run e2e
      else
        record client-e2e 0 1 "chromium could not be installed"
      fi
    fi
  else
    record client-install 0 1 "npm $install failed"
  fi
fi

# ---- summary ------------------------------------------------------------------
if [ "${WORKORDERS_KEEP_PG:-1}" = 0 ]; then scripts/postgres.sh stop >/dev/null 2>&1 || true; fi

section "Summary"
total_p=0 total_f=0
printf '%-32s %8s %8s  %s\n' SUITE PASSED FAILED NOTE
for i in "${!NAMES[@]}"; do
  printf '%-32s %8s %8s  %s\n' "${NAMES[$i]}" "${PASSES[$i]}" "${FAILS[$i]}" "${NOTES[$i]}"
  total_p=$((total_p + PASSES[i])) total_f=$((total_f + FAILS[i]))
done
echo
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
