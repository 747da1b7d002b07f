#!/usr/bin/env bash
# Proves that the running backend opens no network connection beyond loopback.
#
#   check-network.sh
#
# Starts Premia through start-backend.sh under strace (connect, sendto, sendmsg, sendmmsg, bind of
# every thread), waits for /health/ready, exercises it (GraphQL POST, GET /, GET /health/live),
# idles IDLE_SECONDS more so background threads (Hazelcast, phone-home, schedulers) get their
# chance, stops the JVM with SIGTERM and parses the trace. A violation is any connect/sendto/
# sendmsg/sendmmsg to an AF_INET/AF_INET6 address outside 127.0.0.0/8 and ::1 (multicast and the
# unspecified address included). AF_UNIX and AF_NETLINK are local and only listed.
# Exit status: 0 clean, 1 violations or failure. The whole run is bounded by CHECK_TIMEOUT seconds.
#
# Environment (all optional): PORT (18090), DB_URL (default: a database premia_net, prepared here
# idempotently), PREMIA_PROFILE (test), IDLE_SECONDS (10), CHECK_TIMEOUT (240),
# KEEP_TRACE=1 keeps the work dir with the raw trace and the server log.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
scripts="$PREMIA_ROOT/infra/scripts"

started=$(date +%s)
limit="${CHECK_TIMEOUT:-240}"
remaining() { echo $((limit - ($(date +%s) - started))); }

port="${PORT:-18090}"
export PORT="$port"
export PREMIA_PROFILE="${PREMIA_PROFILE:-test}"
idle="${IDLE_SECONDS:-10}"
base="http://127.0.0.1:$port"

if ! command -v strace >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || fail "strace is missing; install it (apt-get install strace) or run as root"
  say "installing strace (apt-get)"
  timeout 150 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 150 apt-get install -y -qq strace \
    >/dev/null || fail "could not install strace"
fi

if [ -z "${DB_URL:-}" ]; then
  export DB_URL="jdbc:postgresql://127.0.0.1:5432/premia_net"
  "$scripts/prepare-db.sh" premia_net --fresh >/dev/null
fi

if curl -s -o /dev/null -m 2 "$base/"; then
  fail "port $port is already in use; set PORT to a free port"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/premia-netcheck.XXXXXX")"
trace="$work/strace.log"; log="$work/server.log"; pidfile="$work/java.pid"; names="$work/threads"
java_pid=""; strace_pid=""

stop_server() {
  if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
    kill -TERM "$java_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$java_pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$java_pid" 2>/dev/null; then
      say "JVM $java_pid ignored SIGTERM for 30 s; SIGKILL"
      kill -KILL "$java_pid" 2>/dev/null || true
    fi
  fi
  if [ -n "$strace_pid" ]; then
    # strace ends by itself once its last tracee is gone.
    for _ in $(seq 1 10); do kill -0 "$strace_pid" 2>/dev/null || break; sleep 1; done
    kill -TERM "$strace_pid" 2>/dev/null || true
    wait "$strace_pid" 2>/dev/null || true
  fi
  java_pid=""; strace_pid=""
}
cleanup() {
  local rc=$?
  stop_server
  if [ "${KEEP_TRACE:-0}" = 1 ] || [ "$rc" != 0 ]; then
    say "trace and server log kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

say "starting the backend under strace on port $port (DB_URL=$DB_URL, work dir $work)"
# TMPDIR keeps Payara Micro's own temporary files in our work dir.
TMPDIR="$work" strace -f -qq --seccomp-bpf -yy -s 300 -e trace=connect,sendto,sendmsg,sendmmsg,bind \
  -o "$trace" "$scripts/start-backend.sh" --background "$log" "$pidfile" &
strace_pid=$!
for _ in $(seq 1 30); do [ -s "$pidfile" ] && break; sleep 0.5; done
[ -s "$pidfile" ] || fail "start-backend.sh wrote no pid file"
java_pid="$(cat "$pidfile")"
say "JVM pid $java_pid"

ready_limit=$(( $(remaining) - idle - 40 ))
[ "$ready_limit" -gt 10 ] || fail "CHECK_TIMEOUT too small"
t0=$(date +%s)
if ! "$scripts/wait-ready.sh" "$base" "$ready_limit" "$pidfile"; then
  tail -n 30 "$log" >&2 || true
  fail "backend did not become ready"
fi
say "ready after $(( $(date +%s) - t0 )) s"

code() { curl -s -o "$work/body" -w '%{http_code}' -m 10 "$@" || echo "000"; }
gql=$(code -X POST -H 'Content-Type: application/json' \
  --data '{"query":"{ serverInfo { version } currencies { code } }"}' "$base/graphql")
say "GraphQL answered: $(head -c 200 "$work/body" 2>/dev/null)"
root=$(code "$base/")
live=$(code "$base/health/live")
say "exercised: POST /graphql -> $gql, GET / -> $root, GET /health/live -> $live"

say "idling ${idle} s for background threads"
sleep "$idle"
# Thread names (Java names its native threads) so the summary can say who connected.
for t in /proc/"$java_pid"/task/*; do
  printf '%s %s\n' "${t##*/}" "$(tr ' ' '_' <"$t/comm" 2>/dev/null || echo '?')"
done >"$names" 2>/dev/null || true
stop_server
elapsed=$(( $(date +%s) - started ))

# Parse the trace (POSIX awk). Lines look like
#   123 connect(5<TCP:[987]>, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
awk -v names="$names" '
  BEGIN {
    while ((getline l < names) > 0) { split(l, p, " "); tname[p[1]] = p[2] }
    for (i = 32; i < 127; i++) ord[sprintf("%c", i)] = i
    bad = 0
  }
  # Decodes the question of a DNS query from the escaped payload strace prints, e.g. "...\7in-addr\4arpa\0\0\f".
  function dnsq(s,   n, b, i, c, d, k, name, len, t) {
    n = 0
    for (i = 1; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (c != "\\") { b[n++] = (c in ord) ? ord[c] : 0; continue }
      c = substr(s, ++i, 1)
      if (c ~ /[0-7]/) {
        d = c + 0
        for (k = 1; k < 3 && substr(s, i + 1, 1) ~ /[0-7]/; k++) d = d * 8 + substr(s, ++i, 1)
        b[n++] = d
      } else b[n++] = (c == "t") ? 9 : (c == "n") ? 10 : (c == "v") ? 11 : (c == "f") ? 12 : (c == "r") ? 13 : ord[c]
    }
    name = ""; i = 12                       # skip the 12-byte header
    while (i < n && b[i] > 0 && b[i] < 64) {
      len = b[i++]
      for (k = 0; k < len && i < n; k++) name = name sprintf("%c", b[i++])
      name = name "."
    }
    i++; t = (i + 1 < n) ? b[i] * 256 + b[i + 1] : -1
    t = (t == 1) ? "A" : (t == 28) ? "AAAA" : (t == 12) ? "PTR" : (t == 33) ? "SRV" : (t == -1) ? "?" : "type " t
    return (name == "" ? "(undecoded)" : name) " " t
  }
  function grab(s, re, pre, post,   v) {
    if (!match(s, re)) return ""
    v = substr(s, RSTART + pre, RLENGTH - pre - post); return v
  }
  function payload(s,   v) {
    v = grab(s, "iov_base=\"([^\"\\\\]|\\\\.)*\"", 10, 1)
    return v != "" ? v : grab(s, "\"([^\"\\\\]|\\\\.)*\"", 1, 1)
  }
  function loopback(fam, a) {
    if (fam == "AF_INET") return a ~ /^127\./
    return a == "::1" || a ~ /^::ffff:127\./
  }
  function kind(fam, a,   o) {
    if (fam == "AF_INET") { o = a; sub(/\..*/, "", o); o += 0
      if (o >= 224 && o <= 239) return "multicast"
      if (a == "0.0.0.0") return "unspecified"
      return "remote" }
    if (a ~ /^[fF][fF]/) return "multicast"
    if (a == "::") return "unspecified"
    return "remote"
  }
  {
    # strace pads the thread id to five columns: "3367  connect(" as well as "12345 connect("
    call = grab($0, "^[0-9]+ +[a-z]+\\(", 0, 1); sub(/^[0-9]+ +/, "", call)
    if (call == "") next
    tid = $1
    fam = grab($0, "sa_family=AF_[A-Z0-9]+", 10, 0)
    if (call != "connect" && call != "bind" && $0 ~ /<UDP(v6)?:\[[^]]*->[^]]*:53\]>/) {
      # A datagram to a DNS server on a connected socket: name what was asked.
      peer = grab($0, "->[^]]*:53\\]", 2, 1)
      dns["to " peer ": " dnsq(payload($0))]++
    }
    if (fam == "") next                    # sendto/sendmsg on a connected socket (NULL address)
    proto = grab($0, "\\([0-9]+<[A-Za-z0-9]+:", 1, 1); sub(/^[0-9]+</, "", proto)
    res = grab($0, " = -?[0-9]+( [A-Z]+)?", 3, 0)
    if (res ~ /^-1/) res = substr(res, 4); else if (res != "") res = "ok"; else res = "unfinished"
    if (fam == "AF_UNIX") {
      path = grab($0, "sun_path=@?\"[^\"]*\"", 9, 0)
      unix[call " " path " (" res ")"]++; next
    }
    if (fam == "AF_INET") {
      addr = grab($0, "inet_addr\\(\"[^\"]*\"", 11, 1); port = grab($0, "sin_port=htons\\([0-9]+", 15, 0)
    } else if (fam == "AF_INET6") {
      addr = grab($0, "AF_INET6, \"[^\"]*\"", 11, 1); port = grab($0, "sin6_port=htons\\([0-9]+", 16, 0)
    } else { other[call " " fam]++; next }
    dest = (fam == "AF_INET6" ? "[" addr "]" : addr) ":" port
    if (call == "bind") { binds[proto " " dest (res == "ok" ? "" : " (" res ")")]++; next }
    if (loopback(fam, addr)) { lo[call " " proto " " dest]++; next }
    bad++
    if (port == 53 && call != "connect") dns["to " dest ": " dnsq(payload($0))]++
    key = kind(fam, addr) " " call " " proto " " dest " -> " res
    viol[key]++
    who = (tid in tname) ? tname[tid] : "exited-thread"
    if (index(threads[key], who) == 0) threads[key] = threads[key] (threads[key] == "" ? "" : ",") who
  }
  # Output: section <TAB> sort key <TAB> text; sorted and stripped below.
  function show(sec, title, arr,   k, n) {
    n = 0; for (k in arr) n++
    printf "%d\t999999999\t%s:%s\n", sec, title, (n ? "" : " none")
    for (k in arr) printf "%d\t%d\t  %6d  %s\n", sec, arr[k], arr[k], k
  }
  END {
    show(1, "Loopback connections/datagrams (allowed)", lo)
    show(2, "Binds (listening or source addresses; 0.0.0.0 = all interfaces)", binds)
    show(3, "AF_UNIX (local, allowed)", unix)
    show(4, "Other families (netlink etc.; local, allowed)", other)
    show(6, "DNS queries sent (the resolver connection is listed under VIOLATIONS when not loopback)", dns)
    printf "5\t999999999\tVIOLATIONS (non-loopback AF_INET/AF_INET6 destinations):%s\n", (bad ? " " bad : " none")
    for (k in viol) printf "5\t%d\t  %6d  %s   [threads: %s]\n", viol[k], viol[k], k, threads[k]
    exit (bad ? 1 : 0)
  }
' "$trace" >"$work/summary.tsv" && status=0 || status=$?
[ "$status" -le 1 ] || fail "could not parse the trace $trace (awk exit $status)"

echo
calls=$(grep -cE "^[0-9]+ +[a-z0-9_]+\(" "$trace" || true)
echo "== Network check: $calls traced calls, run took ${elapsed} s =="
sort -t "$(printf '\t')" -k1,1n -k2,2nr "$work/summary.tsv" | cut -f3-
# The server must have reached its database: if the trace shows no such connect, the trace (or its
# parsing) is broken and "no violations" would prove nothing.
db_port=$(printf '%s' "$DB_URL" | sed -nE 's#^jdbc:postgresql://[^/:]+:([0-9]+)/.*#\1#p')
if ! grep -qE "connect TCP 127\.0\.0\.1:${db_port:-5432}\b" "$work/summary.tsv"; then
  say "FAILED: the trace shows no connection to the database; the check saw nothing and proves nothing"
  exit 1
fi
if [ "$status" = 0 ]; then
  say "OK: no connection beyond loopback"
else
  say "FAILED: connections beyond loopback (see VIOLATIONS; raw trace $trace)"
  exit 1
fi
