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
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$PREMIA_ROOT"

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
