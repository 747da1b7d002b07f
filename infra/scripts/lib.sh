# Shared helpers for Premia's infra scripts. Source it; do not run it.
# shellcheck shell=bash

PREMIA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PREMIA_ROOT

say() { printf '\033[1m[premia]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31m[premia] %s\033[0m\n' "$*" >&2; exit 1; }

# PostgreSQL the scripts administer (as a superuser) and the application connects to.
: "${PGHOST_ADMIN:=127.0.0.1}"
: "${PGPORT_ADMIN:=5432}"
: "${PG_SUPERUSER:=postgres}"

# Runs psql as the PostgreSQL superuser: over TCP when that is allowed (trust/password in
# PGPASSWORD), else through the local socket as the postgres OS user (peer auth) when we are root.
psql_admin() {
  if psql -h "$PGHOST_ADMIN" -p "$PGPORT_ADMIN" -U "$PG_SUPERUSER" -d postgres -XtAc 'SELECT 1' >/dev/null 2>&1; then
    psql -h "$PGHOST_ADMIN" -p "$PGPORT_ADMIN" -U "$PG_SUPERUSER" -X -v ON_ERROR_STOP=1 -q "$@"
  elif [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -p "$PGPORT_ADMIN" -X -v ON_ERROR_STOP=1 -q "$@"
  else
    fail "cannot connect to PostgreSQL as superuser $PG_SUPERUSER at $PGHOST_ADMIN:$PGPORT_ADMIN (set PGPASSWORD, PG_SUPERUSER)"
  fi
}

# Prints the launcher's Java options. Payara Micro must never reach beyond loopback: no Hazelcast
# multicast, no phone-home, no cloud metadata probes.
payara_java_opts() {
  printf '%s ' -Dhazelcast.phone.home.enabled=false -Djava.net.preferIPv4Stack=true \
    "-Xmx${PREMIA_HEAP:-768m}" -XX:+UseSerialGC
}
