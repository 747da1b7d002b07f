#!/usr/bin/env bash
# The KPI benchmark (docs/operations/kpi-benchmark.md, issue #5 acceptance 3): generates a tenant
# with 1 000 managers and N deals over 12 months in SQL (deterministic) in its own database
# premia_bench_kpi (recreated), then prints in one run:
#   (a) the full re-measurement of every KPI into the store through the product's code,
#   (b) a single hand-written SQL aggregate over the same rows and the ratio (goal ≤ 2),
#   (c) median and max time of re-measuring one changed deal incrementally (goal ≤ 20 ms).
# Only 127.0.0.1 is contacted. Bounded by BENCH_TIMEOUT seconds (default 3600).
#
#   infra/bench-kpi.sh [--deals N]          (default 1000000)
#   infra/bench-kpi.sh --reuse              (the tenant already in the database: no generation;
#                                            the 50 changes of earlier runs stay in its data)
#   BENCH_DB=premia_bench_kpi_small infra/bench-kpi.sh --deals 100000   (another database)
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
cd "$PREMIA_ROOT"

deals=1000000
reuse=""
while [ $# -gt 0 ]; do
  case "$1" in
    --deals) deals="$2"; shift 2 ;;
    --reuse) reuse="--reuse"; shift ;;
    *) fail "unknown argument: $1 (usage: infra/bench-kpi.sh [--deals N] [--reuse])" ;;
  esac
done
[[ "$deals" =~ ^[0-9]+$ ]] || fail "--deals needs a number: $deals"
db=${BENCH_DB:-premia_bench_kpi}
[[ "$db" =~ ^[a-z0-9_]+$ ]] || fail "BENCH_DB: letters, digits and _ only: $db"
state="$PREMIA_ROOT/backend/target/bench-kpi"
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

say "benchmark: $deals deals (database $db)"
timeout "${BENCH_TIMEOUT:-3600}" "${JAVA:-java}" ${BENCH_JAVA_OPTS:-} -Xmx2g -XX:+UseSerialGC \
  -cp "$classpath" \
  app.premia.kpi.application.KpiBenchmark --url "jdbc:postgresql://127.0.0.1:5432/$db" --deals "$deals" --tenant-file "$state/tenant-$db" $reuse
