#!/usr/bin/env bash
# Stops a Premia (and its sandbox portal) started by infra/run.sh --detach.
set -euo pipefail
source "$(dirname "$0")/scripts/lib.sh"
pidfile="$PREMIA_ROOT/backend/target/run/pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  say "stopped (pid $pid)"
else
  say "not running"
fi
rm -f "$pidfile"
sandbox="$PREMIA_ROOT/backend/target/run/sandbox.pid"
if [ -f "$sandbox" ] && kill -0 "$(cat "$sandbox")" 2>/dev/null; then
  kill "$(cat "$sandbox")"
  say "sandbox portal stopped (pid $(cat "$sandbox"))"
fi
rm -f "$sandbox"
