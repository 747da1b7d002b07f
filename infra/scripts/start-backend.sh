#!/usr/bin/env bash
# Starts Premia on Payara Micro with the built WAR at context root /.
#
#   start-backend.sh [--background LOGFILE PIDFILE]
#
# Environment (all optional): PORT (8080), DB_URL, DB_USER, DB_PASSWORD, DB_OWNER_USER,
# DB_OWNER_PASSWORD, PREMIA_PROFILE (dev|test|prod), PREMIA_HEAP (768m), JAVA (java).
# Always --nocluster, --disablephonehome and -Dhazelcast.phone.home.enabled=false: the server must
# never reach beyond loopback (no multicast, no phone-home, no cloud metadata probes).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

war="$PREMIA_ROOT/backend/target/premia.war"
micro="$PREMIA_ROOT/backend/target/payara-micro.jar"
[ -f "$war" ] && [ -f "$micro" ] || fail "build first: $war or $micro is missing (mvn -DskipTests package)"

port="${PORT:-8080}"
# A fresh root dir per start (one per port, under backend/target so mvn clean removes it): Payara
# keeps deployed apps in its root dir, and reusing one with --deploy would deploy twice.
rootdir="$PREMIA_ROOT/backend/target/payara-root-$port"
rm -rf "$rootdir"
mkdir -p "$rootdir"

# shellcheck disable=SC2046
cmd=("${JAVA:-java}" $(payara_java_opts) -jar "$micro"
  --nocluster --disablephonehome
  # --nocluster still boots Hazelcast, which dials <own IP>:4900 (domain discovery), and makes Payara
  # ignore --nohazelcast/--interfaces: switch Hazelcast off before boot, as --nohazelcast would.
  --prebootcommandfile "$PREMIA_ROOT/infra/payara/preboot.asadmin"
  --port "$port" --contextroot / --rootdir "$rootdir"
  --deploy "$war")

if [ "${1:-}" = "--background" ]; then
  log="${2:?log file}"; pidfile="${3:?pid file}"
  nohup "${cmd[@]}" >"$log" 2>&1 &
  echo $! >"$pidfile"
  say "Payara Micro starting in the background (pid $(cat "$pidfile"), log $log, port $port)"
else
  exec "${cmd[@]}"
fi
