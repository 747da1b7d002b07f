#!/usr/bin/env bash
# Runs every Premia test on this machine, from a clean build:
#   1. Java unit tests (surefire): domain, GraphQL engine, architecture rules, the Bitrix24 client and
#      the sandbox portal (both over HTTP against the in-process sandbox)
#   2. Integration tests (failsafe): Arquillian on Payara Micro + the real PostgreSQL with the
#      Liquibase schema, and the launcher started with a broken database URL
#   3. Frontend unit tests (Vitest)
#   4. Browser tests: headless Debian Chromium driven by playwright-core against the running app
#      (demo data, with the Bitrix24 sandbox portal running beside it)
#   5. Network egress check: the running server talks to nothing beyond 127.0.0.1
# and prints how many tests of each kind ran. Exits non-zero on any failure, skip or empty tier.
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$PREMIA_ROOT"

e2e_port="${E2E_PORT:-18080}"
e2e_sandbox_port="${E2E_SANDBOX_PORT:-18091}"
state="$PREMIA_ROOT/backend/target/e2e"
started=$(date +%s)

bash infra/scripts/ensure-tools.sh --browser
bash infra/scripts/prepare-db.sh premia_test --fresh
bash infra/scripts/prepare-db.sh premia_e2e --fresh

say "build + unit + integration + frontend tests (mvn clean verify)"
mvn -B clean verify

say "browser smoke test against a running server (port $e2e_port)"
mkdir -p "$state"
stop_server() {
  local file
  for file in "$state/pid" "$state/sandbox.pid"; do
    if [ -f "$file" ]; then
      kill "$(cat "$file")" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$(cat "$file")" 2>/dev/null || break; sleep 1; done
      rm -f "$file"
    fi
  done
}
trap stop_server EXIT
bash infra/scripts/start-sandbox.sh "$e2e_sandbox_port" "$state/sandbox.log" "$state/sandbox.pid"
PORT="$e2e_port" PREMIA_PROFILE=test PREMIA_DEMO=true DB_URL="jdbc:postgresql://127.0.0.1:5432/premia_e2e" \
  PREMIA_SANDBOX_URL="http://127.0.0.1:$e2e_sandbox_port" \
  bash infra/scripts/start-backend.sh --background "$state/server.log" "$state/pid"
bash infra/scripts/wait-ready.sh "http://127.0.0.1:$e2e_port" 300 "$state/pid"
PREMIA_BASE_URL="http://127.0.0.1:$e2e_port" PREMIA_SANDBOX_URL="http://127.0.0.1:$e2e_sandbox_port" \
  npm --prefix frontend run test:e2e
stop_server

say "network egress check"
bash infra/scripts/check-network.sh

# ---- summary: counts per tier, from the JUnit XML reports ----
count() { # sums one attribute of the top-level element of each report given
  local attr=$1; shift
  local total=0 file value
  for file in "$@"; do
    [ -f "$file" ] || continue
    value=$(grep -m1 -oE "<testsuites? [^>]*" "$file" | grep -oE " $attr=\"[0-9]+\"" | head -1 | grep -oE '[0-9]+' || echo 0)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}
status=0
printf '\n%-40s %7s %9s %7s %8s\n' "Tier" "tests" "failures" "errors" "skipped" >&2
tier() {
  local name=$1; shift
  local t f e s
  t=$(count tests "$@"); f=$(count failures "$@"); e=$(count errors "$@"); s=$(count skipped "$@")
  printf '%-40s %7s %9s %7s %8s\n' "$name" "$t" "$f" "$e" "$s" >&2
  if [ "$t" -eq 0 ] || [ "$f" -ne 0 ] || [ "$e" -ne 0 ] || [ "$s" -ne 0 ]; then status=1; fi
}
shopt -s nullglob
tier "Java unit (surefire)" backend/target/surefire-reports/TEST-*.xml sandbox/target/surefire-reports/TEST-*.xml
# failsafe reports split by kind: Arquillian deployments vs. tests without a container (the launcher,
# plain JDBC)
arquillian=(); launcher=()
for report in backend/target/failsafe-reports/TEST-*.xml; do
  class=${report##*/TEST-}; class=${class%.xml}
  if grep -q ArquillianExtension "backend/src/test/java/${class//.//}.java" 2>/dev/null; then
    arquillian+=("$report")
  else
    launcher+=("$report")
  fi
done
tier "Arquillian (Payara Micro + PostgreSQL)" "${arquillian[@]}"
tier "Launcher + JDBC integration (failsafe)" "${launcher[@]}"
tier "Frontend unit (Vitest)" frontend/target/vitest-unit.xml
tier "Browser smoke (Chromium)" frontend/target/vitest-e2e.xml
printf '\nAll tests: %s in %ss\n' "$([ $status -eq 0 ] && echo PASSED || echo FAILED)" "$(($(date +%s) - started))" >&2
exit $status
