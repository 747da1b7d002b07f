#!/usr/bin/env bash
# Runs Premia on this machine: builds what is missing or stale, makes sure the local PostgreSQL and
# the database exist, starts the Bitrix24 sandbox portal with the demo companies' portals (demo
# mode), starts the backend with the single-page app on one origin, prints the URL. In demo mode the
# companies «Альфа» and «Бета» are connected to their sandbox portals and synced on start.
#
#   infra/run.sh            run in the foreground (Ctrl-C stops it)
#   infra/run.sh --detach   start, wait until ready, print the URL and return (stop: infra/stop.sh)
#
# Environment: PORT (8080), SANDBOX_PORT (8090), PREMIA_PROFILE (dev), PREMIA_DEMO (true),
# DB_* (see docs/operations/configuration.md).
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$PREMIA_ROOT"

export PORT="${PORT:-8080}"
export PREMIA_PROFILE="${PREMIA_PROFILE:-dev}"
# the demo consultancy, client companies and users (README lists the logins); seeded once
export PREMIA_DEMO="${PREMIA_DEMO:-true}"
db="${PREMIA_DB:-premia}"
# With your own DB_URL, the database and roles are yours to prepare (infra/scripts/prepare-db.sh).
own_database="${DB_URL:+yes}"
export DB_URL="${DB_URL:-jdbc:postgresql://127.0.0.1:5432/$db}"
state="$PREMIA_ROOT/backend/target/run"
mkdir -p "$state"

bash infra/scripts/ensure-tools.sh

war=backend/target/premia.war
if [ ! -f "$war" ] || [ ! -f backend/target/payara-micro.jar ] ||
  [ ! -f sandbox/target/premia-sandbox.jar ] ||
  [ -n "$(find pom.xml db sandbox/pom.xml sandbox/src backend/pom.xml backend/src frontend/pom.xml frontend/src frontend/index.html \
    frontend/graphiql.html frontend/package-lock.json frontend/vite.config.ts -newer "$war" -print -quit 2>/dev/null)" ]; then
  say "building (mvn package, tests skipped; run infra/test.sh for those)"
  mvn -B -q -DskipTests package
fi

[ -n "$own_database" ] || bash infra/scripts/prepare-db.sh "$db"

if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
  fail "Premia already runs (pid $(cat "$state/pid")); stop it with infra/stop.sh"
fi
if curl -s -o /dev/null -m 2 "http://127.0.0.1:$PORT/"; then
  fail "port $PORT is already in use; stop what runs there or set PORT"
fi
# the sandbox Bitrix24 portal with the demo companies' portals (demo mode connects and syncs them)
export SANDBOX_PORT="${SANDBOX_PORT:-8090}"
sandbox_pid=""
if [ "$PREMIA_DEMO" = true ] && [ -z "${PREMIA_SANDBOX_URL:-}" ]; then
  if [ -f "$state/sandbox.pid" ] && kill -0 "$(cat "$state/sandbox.pid")" 2>/dev/null; then
    kill "$(cat "$state/sandbox.pid")" 2>/dev/null || true; sleep 1
  fi
  bash infra/scripts/start-sandbox.sh "$SANDBOX_PORT" "$state/sandbox.log" "$state/sandbox.pid"
  sandbox_pid=$(cat "$state/sandbox.pid")
  export PREMIA_SANDBOX_URL="http://127.0.0.1:$SANDBOX_PORT"
fi

bash infra/scripts/start-backend.sh --background "$state/server.log" "$state/pid"
pid=$(cat "$state/pid")
stop() {
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$state/pid"
  if [ -n "$sandbox_pid" ]; then
    kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true
    rm -f "$state/sandbox.pid"
  fi
}

say "waiting for the server (first start ~30-60 s; log: $state/server.log)"
if ! bash infra/scripts/wait-ready.sh "http://127.0.0.1:$PORT" 300 "$state/pid"; then
  tail -n 30 "$state/server.log" | grep -v '^\s*at ' >&2 || true
  stop
  exit 1
fi

cat >&2 <<TXT

  Premia is running: http://127.0.0.1:$PORT/
    GraphQL:   http://127.0.0.1:$PORT/graphql$( [ "$PREMIA_PROFILE" = dev ] && printf '   (GraphiQL: http://127.0.0.1:%s/graphiql)' "$PORT")
    Health:    http://127.0.0.1:$PORT/health/ready
    Database:  $DB_URL   profile: $PREMIA_PROFILE   log: $state/server.log
    Bitrix24 sandbox portal: ${PREMIA_SANDBOX_URL:-not started}$( [ -n "$sandbox_pid" ] && printf '   (portals: %s/_sandbox/portals)' "$PREMIA_SANDBOX_URL")

TXT

if [ "${1:-}" = "--detach" ]; then
  say "detached (pid $pid); stop it with infra/stop.sh"
  exit 0
fi
trap 'say "stopping"; stop; exit 0' INT TERM
say "press Ctrl-C to stop"
wait "$pid"
