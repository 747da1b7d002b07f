#!/usr/bin/env bash
# Makes sure a local PostgreSQL (Debian's, version 15 preferred) is installed and running.
# Installs it with apt-get when missing (needs root); starts the cluster when it is down.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || fail "PostgreSQL is not installed; run as root or install postgresql yourself"
  say "installing PostgreSQL (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if pg_isready -h "$PGHOST_ADMIN" -p "$PGPORT_ADMIN" -q; then
  exit 0
fi

version=$(pg_lsclusters -h | awk -v port="$PGPORT_ADMIN" '$3 == port {print $1; exit}')
cluster=$(pg_lsclusters -h | awk -v port="$PGPORT_ADMIN" '$3 == port {print $2; exit}')
[ -n "$version" ] || fail "no PostgreSQL cluster on port $PGPORT_ADMIN (pg_lsclusters shows none)"
say "starting PostgreSQL $version/$cluster"
if [ "$(id -u)" = 0 ]; then
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
else
  pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 1 30); do
  pg_isready -h "$PGHOST_ADMIN" -p "$PGPORT_ADMIN" -q && exit 0
  sleep 1
done
fail "PostgreSQL did not come up on $PGHOST_ADMIN:$PGPORT_ADMIN"
