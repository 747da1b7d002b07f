#!/usr/bin/env bash
# Waits until Premia answers UP on /health/ready.   wait-ready.sh BASE_URL [SECONDS] [PIDFILE]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
base="${1:?base url}"; limit="${2:-240}"; pidfile="${3:-}"
for ((i = 0; i < limit; i++)); do
  if curl -fsS -m 2 "$base/health/ready" >/dev/null 2>&1; then
    exit 0
  fi
  if [ -n "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    fail "the server process exited before it became ready"
  fi
  sleep 1
done
fail "not ready after ${limit}s: $(curl -sS -m 2 "$base/health/ready" 2>&1 || true)"
