#!/usr/bin/env bash
# The payout benchmark (docs/operations/payout-benchmark.md, issue #7 acceptance 1).
#
# SQL mode (default): generates the KPI benchmark's tenant — 1 000 managers and N deals over 12
# months, in SQL, deterministic — in its own database premia_bench_payouts (recreated), puts every
# manager on a scheme of three components, fills the KPI store, then prints in one run:
#   (a) Payouts.prepare of the last closed month (March 2026), committed: median of 3 recomputations,
#   (b) ONE hand-written SQL computing the same per-manager amounts from the fact tables: median
#       of 3, and (a) / (b) (goal ≤ 2); it fails unless the SQL's amounts equal the written lines
#       to the kopeck; then where (a)'s time goes.
# Only 127.0.0.1 is contacted. Bounded by BENCH_TIMEOUT seconds (default 3600). Both modes run
# under `flock /tmp/premia-payara.lock` (taken here; do not wrap the script in it again).
#
#   infra/bench-payouts.sh [--deals N] [--rounds R]   (default 1000000, 3)
#   infra/bench-payouts.sh --reuse                    (the tenant already in the database)
#   BENCH_DB=premia_bench_payouts_small infra/bench-payouts.sh --deals 100000   (another database)
#
# Portal mode (the live estimate's latency against a sandbox portal synced by a running Premia;
# see the doc's "Portal mode"):
#   infra/bench-payouts.sh --portal [--deals N] [--managers M] [--events E] [--limits L]
#     (30000, 200, 100, cloud); --limits generous: the sandbox portal allows 500 req/s (burst
#     5 000) and Premia is told so (configurePortal), as CrmSyncIT does for its event streams
#   Environment: BENCH_PORT (18099), BENCH_DB (premia_bench_payouts_portal), PREMIA_HEAP (768m),
#   BENCH_TIMEOUT (2400).
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
  events=100
  limits=cloud
  while [ $# -gt 0 ]; do
    case "$1" in
      --limits) limits="$2"; shift 2 ;;
      --deals) deals="$2"; shift 2 ;;
      --managers) managers="$2"; shift 2 ;;
      --events) events="$2"; shift 2 ;;
      *) fail "unknown argument: $1 (usage: infra/bench-payouts.sh --portal [--deals N] [--managers M] [--events E] [--limits cloud|generous])" ;;
    esac
  done
  for v in "$deals" "$managers" "$events"; do [[ "$v" =~ ^[0-9]+$ ]] || fail "not a number: $v"; done
  [[ "$limits" =~ ^(cloud|generous)$ ]] || fail "--limits cloud|generous: $limits"
  port="${BENCH_PORT:-18099}"
  db=${BENCH_DB:-premia_bench_payouts_portal}
  [[ "$db" =~ ^[a-z0-9_]+$ ]] || fail "BENCH_DB: letters, digits and _ only: $db"
  state="$PREMIA_ROOT/backend/target/bench-payouts-portal"
  mkdir -p "$state"

  bash infra/scripts/ensure-tools.sh
  war=backend/target/premia.war
  if [ ! -f "$war" ] || [ ! -f backend/target/payara-micro.jar ] || [ ! -d sandbox/target/classes ] ||
    [ ! -f backend/target/test-classes/app/premia/compensation/application/PayoutPortalBenchmark.class ] ||
    [ -n "$(find pom.xml db sandbox/pom.xml sandbox/src backend/pom.xml backend/src -newer "$war" -print -quit 2>/dev/null)" ]; then
    # GraphQL only: the WAR without the SPA (an empty dist), the frontend module not built
    say "building (mvn package of db, sandbox, backend; tests skipped; no SPA)"
    mkdir -p /tmp/fakedist
    mvn -B -q -o -pl db,sandbox,backend -DskipTests -Dpremia.frontend.dist=/tmp/fakedist package ||
      mvn -B -q -pl db,sandbox,backend -DskipTests -Dpremia.frontend.dist=/tmp/fakedist package
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
  PORT="$port" PREMIA_PROFILE=test PREMIA_DEMO=true PREMIA_PUBLIC_URL="http://127.0.0.1:$port" \
    DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    bash infra/scripts/start-backend.sh --background "$state/server.log" "$state/pid"
  bash infra/scripts/wait-ready.sh "http://127.0.0.1:$port" 300 "$state/pid"

  say "portal mode: $managers sales staff, $deals deals, $events deal changes (server log: $state/server.log)"
  timeout "${BENCH_TIMEOUT:-2400}" "${JAVA:-java}" -Xmx1g -XX:+UseSerialGC -cp "$classpath" \
    app.premia.compensation.application.PayoutPortalBenchmark --premia "http://127.0.0.1:$port" \
    --db "jdbc:postgresql://127.0.0.1:5432/$db" --deals "$deals" --managers "$managers" --events "$events" --limits "$limits"
  exit 0
fi

# a million deals keep PostgreSQL busy for minutes: under the shared lock, as Payara is
if [ -z "${PREMIA_PAYARA_LOCKED:-}" ]; then
  say "waiting for /tmp/premia-payara.lock"
  exec env PREMIA_PAYARA_LOCKED=1 flock /tmp/premia-payara.lock bash "$0" "$@"
fi
deals=1000000
rounds=3
reuse=""
while [ $# -gt 0 ]; do
  case "$1" in
    --deals) deals="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --reuse) reuse="--reuse"; shift ;;
    *) fail "unknown argument: $1 (usage: infra/bench-payouts.sh [--deals N] [--rounds R] [--reuse] | --portal ...)" ;;
  esac
done
[[ "$deals" =~ ^[0-9]+$ ]] || fail "--deals needs a number: $deals"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || fail "--rounds needs a number: $rounds"
db=${BENCH_DB:-premia_bench_payouts}
[[ "$db" =~ ^[a-z0-9_]+$ ]] || fail "BENCH_DB: letters, digits and _ only: $db"
state="$PREMIA_ROOT/backend/target/bench-payouts"
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

say "benchmark: 1000 managers, $deals deals (database $db)"
timeout "${BENCH_TIMEOUT:-3600}" "${JAVA:-java}" ${BENCH_JAVA_OPTS:-} -Xmx2g -XX:+UseSerialGC \
  -cp "$classpath" \
  app.premia.compensation.application.PayoutBenchmark --url "jdbc:postgresql://127.0.0.1:5432/$db" \
  --deals "$deals" --rounds "$rounds" --tenant-file "$state/tenant-$db" $reuse
