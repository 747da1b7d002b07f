#!/usr/bin/env bash
# Creates Premia's roles and a database, idempotently.
#
#   prepare-db.sh [DATABASE] [--fresh]
#
# Roles (passwords from the environment, local defaults otherwise):
#   premia_owner  owns the database and schema; Liquibase migrates as this role.
#   premia_app    the application's runtime role: LOGIN only, not superuser, not owner, no
#                 BYPASSRLS. Row-level security applies to it. Its grants come from the changelog.
# --fresh drops the database first (tests start from an empty schema).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

db="${1:-premia}"
fresh="${2:-}"
owner="${DB_OWNER_USER:-premia_owner}"
owner_password="${DB_OWNER_PASSWORD:-premia_owner}"
app="${DB_USER:-premia_app}"
app_password="${DB_PASSWORD:-premia_app}"

[[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || fail "database name must be lower-case letters, digits, _: $db"

"$(dirname "$0")/ensure-postgres.sh"

psql_admin -d postgres -v owner="$owner" -v owner_password="$owner_password" \
  -v app="$app" -v app_password="$app_password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
ALTER ROLE :"owner" LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
ALTER ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD :'app_password';
SQL

if [ "$fresh" = "--fresh" ]; then
  say "dropping database $db (fresh)"
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
fi

psql_admin -d postgres -v db="$db" -v owner="$owner" -v app="$app" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db', :'owner')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
SQL
# In PostgreSQL 15 the public schema belongs to pg_database_owner, i.e. to the owner role: only it
# may create objects there. Make that explicit for databases created from older templates.
psql_admin -d "$db" -v owner="$owner" <<'SQL'
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
say "database $db ready (owner $owner, runtime role $app)"
