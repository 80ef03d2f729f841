#!/bin/sh
# First start of the primary (docker-entrypoint-initdb.d): let the replica stream from it
# with the same password as the site's user (a superuser, so it may replicate).
set -eu
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
