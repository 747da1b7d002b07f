#!/usr/bin/env bash
# The what-if benchmark (docs/operations/whatif-benchmark.md, issue #6 acceptance 4): generates a
# tenant with 200 managers and N deals over 12 months in SQL (deterministic) in its own database
# premia_bench_whatif (recreated), assigns every manager to the kpi_bonus_deal_premiums template's
# scheme, then prints in one run:
#   (a) the full KPI re-measurement the replay builds on,
#   (b) the what-if replay over the last 12 closed months through the product's job, and (b)/(a),
#   (c) the live preview of one month.
# Only 127.0.0.1 is contacted. Bounded by BENCH_TIMEOUT seconds (default 1800).
#
#   infra/bench-whatif.sh [--deals N]       (default 100000)
#   infra/bench-whatif.sh --reuse           (the tenant already in the database: no generation)
#   BENCH_DB=premia_bench_whatif_small infra/bench-whatif.sh --deals 20000   (another database)
#
# Portal mode (the tenant is a sandbox portal with 200 sales staff, synced over HTTP by a running
# Premia; everything through GraphQL; see the doc's "Portal mode"):
#   infra/bench-whatif.sh --portal [--deals N] [--managers M] [--rounds R] [--browser]   (30000, 200, 3)
#   --browser: afterwards, the scheme's what-if tab in headless Chromium until its progress bar
#   says DONE (frontend/e2e/what-if-progress.mjs; needs the SPA in the WAR: a full `mvn install`)
#   Environment: BENCH_PORT (18098), BENCH_DB (premia_bench_whatif_portal), PREMIA_HEAP (768m).
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$PREMIA_ROOT"

if [ "${1:-}" = "--portal" ]; then
  shift
  # Payara Micro runs for the whole benchmark: hold the shared lock all along (common rules)
  if [ -z "${PREMIA_PAYARA_LOCKED:-}" ]; then
    say "waiting for /tmp/premia-payara.lock"
    exec env PREMIA_PAYARA_LOCKED=1 flock /tmp/premia-payara.lock bash "$0" --portal "$@"
  fi
  deals=30000
  managers=200
  rounds=3
  browser=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --browser) browser=1; shift ;;
      --deals) deals="$2"; shift 2 ;;
      --managers) managers="$2"; shift 2 ;;
      --rounds) rounds="$2"; shift 2 ;;
      *) fail "unknown argument: $1 (usage: infra/bench-whatif.sh --portal [--deals N] [--managers M] [--rounds R] [--browser])" ;;
    esac
  done
  for v in "$deals" "$managers" "$rounds"; do [[ "$v" =~ ^[0-9]+$ ]] || fail "not a number: $v"; done
  port="${BENCH_PORT:-18098}"
  db=${BENCH_DB:-premia_bench_whatif_portal}
  [[ "$db" =~ ^[a-z0-9_]+$ ]] || fail "BENCH_DB: letters, digits and _ only: $db"
  state="$PREMIA_ROOT/backend/target/bench-whatif-portal"
  mkdir -p "$state"

  bash infra/scripts/ensure-tools.sh
  war=backend/target/premia.war
  if [ ! -f "$war" ] || [ ! -f backend/target/payara-micro.jar ] ||
    [ -n "$(find pom.xml db sandbox/pom.xml sandbox/src backend/pom.xml backend/src -newer "$war" -print -quit 2>/dev/null)" ]; then
    say "building (mvn package, tests skipped)"
    mvn -B -q -o -DskipTests package || mvn -B -q -DskipTests package
  fi
  mvn -B -q -o -pl backend dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$state/classpath.txt" >/dev/null
  # this tree's sandbox and changelog, not installed jars
  classpath="sandbox/target/classes:db/target/classes:backend/target/test-classes:backend/target/classes:$(tr ':' '\n' < "$state/classpath.txt" | grep -v '/premia-db-\|/premia-sandbox-' | paste -sd:)"
  bash infra/scripts/prepare-db.sh "$db" --fresh >/dev/null

  stop_server() {
    if [ -f "$state/pid" ]; then
      kill "$(cat "$state/pid")" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$(cat "$state/pid")" 2>/dev/null || break; sleep 1; done
      rm -f "$state/pid"
    fi
  }
  trap stop_server EXIT
  PORT="$port" PREMIA_PROFILE=test PREMIA_DEMO=true \
    DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    bash infra/scripts/start-backend.sh --background "$state/server.log" "$state/pid"
  bash infra/scripts/wait-ready.sh "http://127.0.0.1:$port" 300 "$state/pid"

  say "portal mode: $managers sales staff, $deals deals, synced over HTTP (server log: $state/server.log)"
  timeout "${BENCH_TIMEOUT:-2400}" "${JAVA:-java}" -Xmx1g -XX:+UseSerialGC -cp "$classpath" \
    app.premia.compensation.application.WhatIfPortalBenchmark --premia "http://127.0.0.1:$port" \
    --db "jdbc:postgresql://127.0.0.1:5432/$db" --deals "$deals" --managers "$managers" --rounds "$rounds"
  if [ -n "$browser" ]; then
    say "browser: the scheme's what-if tab in headless Chromium until the progress bar says DONE"
    bash infra/scripts/ensure-tools.sh --browser
    PREMIA_BASE_URL="http://127.0.0.1:$port" WHATIF_SCREENSHOT="$state/what-if-done.png" \
      timeout 400 node frontend/e2e/what-if-progress.mjs
  fi
  exit 0
fi

deals=100000
reuse=""
while [ $# -gt 0 ]; do
  case "$1" in
    --deals) deals="$2"; shift 2 ;;
    --reuse) reuse="--reuse"; shift ;;
    *) fail "unknown argument: $1 (usage: infra/bench-whatif.sh [--deals N] [--reuse])" ;;
  esac
done
[[ "$deals" =~ ^[0-9]+$ ]] || fail "--deals needs a number: $deals"
db=${BENCH_DB:-premia_bench_whatif}
[[ "$db" =~ ^[a-z0-9_]+$ ]] || fail "BENCH_DB: letters, digits and _ only: $db"
state="$PREMIA_ROOT/backend/target/bench-whatif"
mkdir -p "$state"

say "building (db + backend test classes, no tests run)"
mvn -B -q -o -pl db,backend -Dpremia.frontend.dist=/tmp/fakedist -DskipTests test-compile \
  || mvn -B -q -pl db,backend -Dpremia.frontend.dist=/tmp/fakedist -DskipTests test-compile
mvn -B -q -o -pl backend dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$state/classpath.txt" >/dev/null
# the changelog from this tree (db/target/classes), not an installed premia-db jar
classpath="db/target/classes:backend/target/test-classes:backend/target/classes:$(tr ':' '\n' < "$state/classpath.txt" | grep -v '/premia-db-' | paste -sd:)"
if [ -n "$reuse" ]; then
  [ -f "$state/tenant-$db" ] || fail "--reuse: no tenant generated in $db by this tree ($state/tenant-$db)"
else
  bash infra/scripts/prepare-db.sh "$db" --fresh >/dev/null
fi

say "benchmark: 200 managers, $deals deals (database $db)"
timeout "${BENCH_TIMEOUT:-1800}" "${JAVA:-java}" ${BENCH_JAVA_OPTS:-} -Xmx1g -XX:+UseSerialGC \
  -cp "$classpath" \
  app.premia.compensation.application.WhatIfBenchmark --url "jdbc:postgresql://127.0.0.1:5432/$db" --deals "$deals" --tenant-file "$state/tenant-$db" $reuse
