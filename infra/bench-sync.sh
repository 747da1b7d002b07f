#!/usr/bin/env bash
# The Bitrix24 sync benchmark (docs/operations/sync-benchmark.md): a full sync of a 100 000-deal
# sandbox portal by a running Premia, timed from the connect mutation until every entity is done,
# printed next to the floor the portal's configured limits imply (request floor and operating-time
# floor). Everything runs on 127.0.0.1; the database premia_bench is recreated.
#
#   infra/bench-sync.sh [DEALS]          (default 100000)
#
# Environment: BENCH_PORT (18097), PREMIA_HEAP (768m).
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$PREMIA_ROOT"

deals="${1:-100000}"
port="${BENCH_PORT:-18097}"
state="$PREMIA_ROOT/backend/target/bench"
mkdir -p "$state"

bash infra/scripts/ensure-tools.sh
war=backend/target/premia.war
jar=sandbox/target/premia-sandbox.jar
if [ ! -f "$war" ] || [ ! -f "$jar" ] || [ ! -f backend/target/payara-micro.jar ] ||
  [ -n "$(find pom.xml db sandbox/pom.xml sandbox/src backend/pom.xml backend/src -newer "$war" -print -quit 2>/dev/null)" ] ||
  [ -n "$(find sandbox/src -newer "$jar" -print -quit 2>/dev/null)" ]; then
  say "building (mvn package, tests skipped)"
  mvn -B -q -DskipTests package
fi
bash infra/scripts/prepare-db.sh premia_bench --fresh >/dev/null

stop_server() {
  if [ -f "$state/pid" ]; then
    kill "$(cat "$state/pid")" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$(cat "$state/pid")" 2>/dev/null || break; sleep 1; done
    rm -f "$state/pid"
  fi
}
trap stop_server EXIT
PORT="$port" PREMIA_PROFILE=test PREMIA_DEMO=true \
  DB_URL="jdbc:postgresql://127.0.0.1:5432/premia_bench" \
  bash infra/scripts/start-backend.sh --background "$state/server.log" "$state/pid"
bash infra/scripts/wait-ready.sh "http://127.0.0.1:$port" 300 "$state/pid"

say "syncing a $deals-deal sandbox portal (server log: $state/server.log)"
"${JAVA:-java}" -Xmx1g -XX:+UseSerialGC -cp sandbox/target/premia-sandbox.jar \
  app.premia.sandbox.SyncBenchmark --premia "http://127.0.0.1:$port" --deals "$deals"
