#!/usr/bin/env bash
# Starts the Bitrix24 sandbox portal (the emulator the project ships, module sandbox/) with the demo
# client companies' portals, bound to 127.0.0.1, and waits until it listens.
#
#   start-sandbox.sh PORT LOGFILE PIDFILE
#
# The backend finds it through PREMIA_SANDBOX_URL=http://127.0.0.1:PORT (demo mode connects the
# demo companies «Альфа» and «Бета» to it). See docs/operations/sandbox.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

port="${1:?port}"; log="${2:?log file}"; pidfile="${3:?pid file}"
jar="$PREMIA_ROOT/sandbox/target/premia-sandbox.jar"
[ -f "$jar" ] || fail "build first: $jar is missing (mvn -DskipTests package)"
if curl -s -o /dev/null -m 2 "http://127.0.0.1:$port/_sandbox/portals"; then
  fail "port $port is already in use; stop what runs there or set SANDBOX_PORT"
fi
nohup "${JAVA:-java}" -Xmx${SANDBOX_HEAP:-512m} -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true \
  -jar "$jar" --port "$port" --demo >"$log" 2>&1 &
echo $! >"$pidfile"
for _ in $(seq 1 120); do
  if grep -q READY "$log" 2>/dev/null; then
    say "sandbox portal ready on http://127.0.0.1:$port (pid $(cat "$pidfile"), log $log)"
    exit 0
  fi
  kill -0 "$(cat "$pidfile")" 2>/dev/null || { tail -n 20 "$log" >&2; fail "the sandbox portal exited"; }
  sleep 0.5
done
tail -n 20 "$log" >&2
fail "the sandbox portal did not become ready within 60 s"
