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
# multicast, no phone-home, no cloud metadata probes, no DNS (docs/operations/network.md).
#   -Dhazelcast.phone.home.enabled=false  Hazelcast phone-home and cloud probes (169.254.169.254)
#   -Dliquibase.analytics.enabled=false   Liquibase usage analytics (config.liquibase.com)
#   -Djdk.net.hosts.file=FILE             the JVM resolves names from FILE only, never via DNS (stops
#                                         the reverse lookup of the machine's own IP by Liquibase).
#                                         PREMIA_HOSTS_FILE (default /etc/hosts; no spaces); set it
#                                         empty to use the system resolver (a DB host known by DNS).
#                                         Payara Micro does not boot unless FILE names this host
#                                         (InetAddress.getLocalHost()), so without it: a warning and
#                                         the system resolver.
payara_java_opts() {
  local hosts="${PREMIA_HOSTS_FILE-/etc/hosts}" me
  me="$(uname -n)"
  if [ -n "$hosts" ] && ! awk -v h="$me" '!/^[[:space:]]*#/ {
        for (i = 2; i <= NF; i++) if (tolower($i) == tolower(h)) found = 1 }
      END { exit !found }' "$hosts" 2>/dev/null; then
    say "WARNING: $hosts does not name this host ($me); the JVM keeps the system resolver (DNS)"
    hosts=""
  fi
  printf '%s ' -Dhazelcast.phone.home.enabled=false -Dliquibase.analytics.enabled=false \
    -Djava.net.preferIPv4Stack=true ${hosts:+"-Djdk.net.hosts.file=$hosts"} \
    "-Xmx${PREMIA_HEAP:-768m}" -XX:+UseSerialGC
}
